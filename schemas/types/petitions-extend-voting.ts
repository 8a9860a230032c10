/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * Extend a petition's vote window by whole days (within the petition flow's cap, maxExtensionDays, in all).
 */
export interface PetitionVotingExtension {
  /**
   * Days to add to the window.
   */
  days: number;
}
