/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * Where the petition stands after a moderator's decision.
 */
export interface PetitionModerated {
  id: string;
  status:
    | "awaitingConfirmation"
    | "awaitingModeration"
    | "returned"
    | "rejected"
    | "open"
    | "closed"
    | "inHandling"
    | "answered";
  /**
   * approve: when the vote window opened.
   */
  openedAt?: string;
  /**
   * approve: when it closes.
   */
  closesAt?: string;
  /**
   * correct: the answers changed.
   */
  fields?: string[];
}
