/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * An answer to an invitation given on the participant's behalf (POST /api/election/elections/:id/slots/:slotId/reply).
 */
export interface ElectionAssignmentReply {
  /**
   * reject makes the slot vacant and is remembered: the person is not invited to this task type of the election again.
   */
  answer: "accept" | "reject";
}
