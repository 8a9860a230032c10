/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * Only the open tasks of one date and/or one work location.
 */
export interface ElectionPublicTeamTasksQuery {
  date?: string;
  workLocationId?: string;
}
