/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * The vote window's new closing time.
 */
export interface PetitionVotingExtended {
  closesAt: string;
}
