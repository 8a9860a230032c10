/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * The task date whose list is printed.
 */
export interface ElectionPrintListQuery {
  date: string;
}
