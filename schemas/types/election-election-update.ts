/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * Changes the first step's fields of an election: its title and lock period.
 */
export interface ElectionUpdate {
  title?: string;
  lockDays?: number;
}
