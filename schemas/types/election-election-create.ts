/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * The first step of an election's setup: its title, type, lock period and election day (the next step sets the task dates and may move the election day).
 */
export interface ElectionCreate {
  title: string;
  electionTypeId: string;
  /**
   * Days before the first task date in which nobody unregisters or deletes their profile.
   */
  lockDays: number;
  electionDay: string;
}
