/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * The post and where the petition stands after it.
 */
export interface PetitionUpdatePosted {
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
