/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * Rejects a proposal for good: why (a reason code) and a message to the proposer.
 */
export interface PetitionRejection {
  reason: "duplicate" | "outsideCompetence" | "offensive" | "personalData" | "other";
  /**
   * To the proposer.
   */
  message: string;
}
