/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * Filters of the admin list of petitions.
 */
export interface PetitionAdminListQuery {
  status?:
    | "awaitingConfirmation"
    | "awaitingModeration"
    | "returned"
    | "rejected"
    | "open"
    | "closed"
    | "inHandling"
    | "answered";
  /**
   * Words in the title or summary (the public list's search, over every status).
   */
  q?: string;
  page?: number;
  limit?: number;
}
