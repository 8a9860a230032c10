/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * What a `tasks` link offers: vacant slots whose team, date, area, work location and task type are each in its list (a list that is empty or absent matches all).
 */
export interface ElectionLinkFilters {
  /**
   * @maxItems 100
   */
  teamIds?: string[];
  /**
   * @maxItems 100
   */
  dates?: string[];
  /**
   * @maxItems 100
   */
  areaIds?: string[];
  /**
   * @maxItems 100
   */
  workLocationIds?: string[];
  /**
   * @maxItems 100
   */
  taskTypeIds?: string[];
}
