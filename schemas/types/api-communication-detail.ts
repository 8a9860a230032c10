/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * One message of the communication log with every attempt (one per channel tried) and its receipt.
 */
export interface CommunicationDetail {
  communication: Communication;
  /**
   * @maxItems 3
   */
  attempts: CommunicationAttempt[];
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
export interface CommunicationAttempt {
  position: number;
  channel: "email" | "digitalPost" | "sms";
  status: "sending" | "sent" | "delivered" | "failed" | "refused" | "noAddress";
  errorCode: string | null;
  providerMessageId: string | null;
  createdAt: string;
  sentAt: string | null;
  receiptAt: string | null;
}
