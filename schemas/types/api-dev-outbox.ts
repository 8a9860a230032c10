/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * Development only: what the local SMTP server, the Digital Post simulator and the SMS gateway simulator received from this tenant, newest first.
 */
export interface DevOutbox {
  /**
   * @maxItems 300
   */
  messages: OutboxMessage[];
}
export interface OutboxMessage {
  id: string;
  receivedAt: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  channel: "email" | "digitalPost" | "sms";
  /**
   * Digital Post: the receipt (pending, DELIVERED, FAILED); SMS: the delivery report.
   */
  status?: string;
  /**
   * SMS: how many segments the text took.
   */
  segments?: number;
}
