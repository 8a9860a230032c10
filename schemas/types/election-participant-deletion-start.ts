/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * An administrator deletes a selection of participants (POST /api/election/participant-deletions): their ids and the confirmation word of the tenant's language, typed by hand (SLET, RADERA or DELETE; any case). Every id must be a participant of this tenant.
 */
export interface ElectionParticipantDeletionStart {
  /**
   * The participants to delete; an id given twice counts once.
   *
   * @minItems 1
   * @maxItems 100000
   */
  participantIds: [string, ...string[]];
  /**
   * The confirmation word of the tenant's language: SLET (da), RADERA (sv), DELETE (en), in any case.
   */
  confirmation: string;
}
