/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * Filters of the communication log; all optional, combined with AND.
 */
export interface CommunicationsQuery {
  /**
   * The channel the message went by (or was last tried on).
   */
  channel?: "email" | "digitalPost" | "sms";
  status?: "queued" | "sent" | "delivered" | "failed" | "noAddress";
  /**
   * A template key, or 'free'.
   */
  template?: string;
  /**
   * Created on or after this day (UTC).
   */
  from?: string;
  /**
   * Created on or before this day (UTC).
   */
  to?: string;
  /**
   * One of the message's refs as key=value, e.g. participantId=<uuid>.
   */
  ref?: string;
  instanceId?: string;
  /**
   * Older than this (the createdAt of the last row of the previous page).
   */
  before?: string;
}
