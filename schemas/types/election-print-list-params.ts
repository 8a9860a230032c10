/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * An election and one of its work locations.
 */
export interface ElectionPrintListParams {
  id: string;
  workLocationId: string;
}
