/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

export type MessageTemplate = string;
/**
 * subject: the person the instance is about (the submitter); caseworkers: the municipality's contact address.
 */
export type Recipient = "subject" | "caseworkers";
/**
 * @minItems 1
 * @maxItems 3
 */
export type Channels = ["email" | "digitalPost" | "sms", ...("email" | "digitalPost" | "sms")[]];

/**
 * Sends a message template, merged with the subject's fields, to the subject's person or to the municipality's caseworkers, on the channels given (each behind one adapter).
 */
export interface NotifyConfig {
  template: MessageTemplate;
  recipient: Recipient;
  channels: Channels;
}
