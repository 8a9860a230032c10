/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * Corrects the wording of text answers before publishing (the proposer is told; the original is kept).
 */
export interface PetitionCorrection {
  /**
   * Answer name → its corrected text.
   */
  changes: {
    [k: string]: string;
  };
}
