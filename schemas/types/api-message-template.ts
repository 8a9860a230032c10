/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * A message template's subject, body and SMS text per language ({{merge fields}} are filled in when it is sent) and the order of its channels.
 */
export interface MessageTemplateInput {
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
  /**
   * The SMS text per language; without one, an SMS carries the subject.
   */
  sms?: {
    da?: string;
    sv?: string;
    en?: string;
  };
  /**
   * The channels in the order tried: the next is used when a person cannot receive on one.
   *
   * @minItems 1
   * @maxItems 3
   */
  channels?: ["digitalPost" | "email" | "sms", ...("digitalPost" | "email" | "sms")[]];
}
