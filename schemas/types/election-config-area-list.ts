/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * The tenant's areas, by name in the tenant's language's alphabetical order (Danish: … Z Æ Ø Å; Swedish: … Z Å Ä Ö).
 */
export interface ElectionAreaList {
  items: ElectionArea[];
}
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
