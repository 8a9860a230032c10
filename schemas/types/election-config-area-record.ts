/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * An area.
 */
export interface ElectionArea {
  id: string;
  name: string;
  /**
   * How many work locations are in the area (an area with any cannot be deleted).
   */
  workLocationCount: number;
}
