/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * The petition's count after the vote or its withdrawal.
 */
export interface PetitionVoteCount {
  votes: number;
}
