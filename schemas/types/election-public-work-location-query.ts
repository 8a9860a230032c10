/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * One task date of the work location (YYYY-MM-DD); without it every date of the active elections.
 */
export interface ElectionPublicWorkLocationQuery {
  date?: string;
}
