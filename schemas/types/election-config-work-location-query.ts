/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * Only the work locations of one area.
 */
export interface ElectionWorkLocationQuery {
  areaId?: string;
}
