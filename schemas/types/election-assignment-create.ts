/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * Give a vacant task slot to a participant (POST /api/election/elections/:id/slots/:slotId/assignment): an invitation, or with registerDirectly a registration that needs no answer.
 */
export interface ElectionAssignmentCreate {
  /**
   * A participant of this tenant.
   */
  participantId: string;
  /**
   * Accepted at once, without an invitation (the administrator has the person's word).
   */
  registerDirectly?: boolean;
}
