/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * Filters of a team's members: by status of their tasks in the active elections (withTask: invited or accepted; withoutTask: none) and by task date. No name search here: a name is personal data and stays out of addresses (the page filters by name itself).
 */
export interface ElectionPublicTeamMembersQuery {
  status?: "all" | "withTask" | "invited" | "accepted" | "withoutTask";
  date?: string;
}
