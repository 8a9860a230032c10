/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * A template rendered with sample merge fields, or with a module's real row.
 */
export interface MessagePreview {
  subject: string;
  body: string;
  /**
   * The language rendered (the template's first when it lacks the one asked for).
   */
  locale: "da" | "sv" | "en";
  sms: string;
  smsSegments: {
    encoding: "gsm7" | "ucs2";
    length: number;
    segments: number;
    perSegment: number;
  };
  /**
   * The channels in the order tried: the next is used when a person cannot receive on one.
   *
   * @maxItems 3
   */
  channels: ("digitalPost" | "email" | "sms")[];
}
