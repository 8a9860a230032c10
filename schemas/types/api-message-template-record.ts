/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

export interface MessageTemplate {
  key: string;
  subject: {
    da?: string;
    sv?: string;
    en?: string;
  };
  body: {
    da?: string;
    sv?: string;
    en?: string;
  };
  sms: {
    da?: string;
    sv?: string;
    en?: string;
  };
  /**
   * The channels in the order tried: the next is used when a person cannot receive on one.
   *
   * @maxItems 3
   */
  channels: ("digitalPost" | "email" | "sms")[];
}
