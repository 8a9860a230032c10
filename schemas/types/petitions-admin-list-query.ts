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
  page?: number;
  limit?: number;
}
