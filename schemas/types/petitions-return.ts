/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * Returns a proposal to its proposer for changes, saying what.
 */
export interface PetitionReturn {
  /**
   * To the proposer.
   */
  message: string;
}
