/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * The vote window was closed early: the petition flow's status right after (closed; its voters are being erased).
 */
export interface PetitionVotingClosed {
  /**
   * The flow's status key.
   */
  status: string;
}
