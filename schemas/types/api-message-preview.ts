/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * A template rendered with sample merge fields.
 */
export interface MessagePreview {
  subject: string;
  body: string;
  /**
   * The language rendered (the template's first when it lacks the one asked for).
   */
  locale: "da" | "sv" | "en";
}
