/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * Filters of a team's members: by status of their tasks in the active election (withTask: invited or accepted; withoutTask: none), by task date, and by name.
 */
export interface ElectionPublicTeamMembersQuery {
  status?: "all" | "withTask" | "invited" | "accepted" | "withoutTask";
  date?: string;
  /**
   * Part of the member's name (case-insensitive).
   */
  q?: string;
}
