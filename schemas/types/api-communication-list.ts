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
  channel: string;
  /**
   * Named by role, never an address.
   */
  recipient: string;
  status: string;
  error: string | null;
  createdAt: string;
  sentAt: string | null;
}
