/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * Duplicates an election to a new election day: its dates and every task slot's date move by as many days, the slots all vacant.
 */
export interface ElectionDuplicate {
  title: string;
  electionDay: string;
}
