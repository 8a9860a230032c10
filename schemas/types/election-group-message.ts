/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * A group message as its record says: a draft, or sending with its progress (the page polls it), or done. The free text itself is not in it (sealed; the preview shows it rendered).
 */
export interface ElectionGroupMessage {
  id: string;
  electionId: string;
  electionTitle: string;
  /**
   * @maxItems 3
   */
  channels: ("digitalPost" | "email" | "sms")[];
  templateEvent: string | null;
  /**
   * The message is free text (else the template of templateEvent).
   */
  freeText: boolean;
  filter: ElectionGroupMessageFilter;
  status: "draft" | "sending" | "done" | "failed";
  /**
   * Recipients, fixed when sent (0 for a draft).
   */
  total: number;
  /**
   * Sent so far (on some channel).
   */
  sent: number;
  /**
   * Could not be sent: no channel reached the person, no address, or no template for the person's task.
   */
  failed: number;
  createdAt: string;
  sendRequestedAt: string | null;
  finishedAt: string | null;
}
/**
 * Who gets a group message: the participants holding a task slot of the election that matches every given part (a part left out or empty matches all). Ids, dates and status words only.
 */
export interface ElectionGroupMessageFilter {
  /**
   * The slot belongs to one of these teams.
   *
   * @maxItems 200
   */
  teamIds?: string[];
  /**
   * The slot is at one of these work locations.
   *
   * @maxItems 500
   */
  workLocationIds?: string[];
  /**
   * The slot is of one of these task types.
   *
   * @maxItems 200
   */
  taskTypeIds?: string[];
  /**
   * The slot's task date is one of these.
   *
   * @maxItems 60
   */
  dates?: string[];
  /**
   * The slot's status; none given means both.
   *
   * @maxItems 2
   */
  statuses?: ("accepted" | "invited")[];
}
