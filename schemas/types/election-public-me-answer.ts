/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * The answer given to an invitation.
 */
export interface ElectionPublicMeAnswer {
  state: "accepted" | "rejected";
}
