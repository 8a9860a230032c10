/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * The proposal was received and waits for its e-mail address to be confirmed (the link goes to that address only).
 */
export interface PetitionProposed {
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
}
