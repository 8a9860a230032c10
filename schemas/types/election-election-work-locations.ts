/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * The setup's polling-stations step: every work location the election uses (the whole set; one left out is removed unless the election has task slots there).
 */
export interface ElectionWorkLocations {
  /**
   * @maxItems 2000
   */
  workLocationIds: string[];
}
