/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * The communication log, newest first (at most 200).
 */
export interface CommunicationList {
  communications: Communication[];
}
export interface Communication {
  id: string;
  instanceId: string | null;
  templateKey: string;
  /**
   * The channel that took the message, or the last one tried; null while none was tried.
   */
  channel: string | null;
  /**
   * The order the channels are tried in.
   *
   * @maxItems 3
   */
  channels?: ("email" | "digitalPost" | "sms")[];
  /**
   * Named by role, never an address.
   */
  recipient: string;
  status: string;
  error: string | null;
  /**
   * Ids only: what the message is about.
   */
  refs?: {
    [k: string]: string;
  };
  createdAt: string;
  sentAt: string | null;
  deliveredAt?: string | null;
}
