/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * A group message's draft (POST /api/election/group-messages, PUT …/:id while a draft): the election, the channels in order (the next is used when a person cannot receive on one), the election's template of an event or free text with merge fields, and who gets it. Exactly one of templateEvent and free.
 */
export interface ElectionGroupMessageCreate {
  electionId: string;
  /**
   * @minItems 1
   * @maxItems 3
   */
  channels: ["digitalPost" | "email" | "sms", ...("digitalPost" | "email" | "sms")[]];
  /**
   * The election's template for this event (a task type's own template for it where the slot's task type has one).
   */
  templateEvent?:
    | "registrationConfirmed"
    | "cancellationConfirmed"
    | "invitation"
    | "invitationReminder"
    | "taskReminder"
    | "invitationRetracted"
    | "removedFromTask"
    | "removedByValidation";
  /**
   * Free text; {{merge fields}} as in templates (name, election, workLocation, workLocationAddress, taskType, date, …).
   */
  free?: {
    subject: string;
    body: string;
    /**
     * The SMS text; the body when left out.
     */
    sms?: string;
  };
  filter: ElectionGroupMessageFilter;
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
