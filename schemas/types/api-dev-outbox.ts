/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * Development only: the e-mail the local SMTP server received from this tenant.
 */
export interface DevOutbox {
  messages: OutboxMessage[];
}
export interface OutboxMessage {
  id: string;
  receivedAt: string;
  from: string;
  to: string;
  subject: string;
  text: string;
}
