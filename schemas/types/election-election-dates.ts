/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * The setup's dates step: the election day and the first and last task date (first task date ≤ election day ≤ last task date).
 */
export interface ElectionDates {
  electionDay: string;
  firstTaskDate: string;
  lastTaskDate: string;
}
