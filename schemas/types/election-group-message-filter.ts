/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * Who gets a group message: the participants holding a task slot of the election that matches every given part (a part left out or empty matches all). Ids, dates and status words only.
 */
export interface ElectionGroupMessageFilter {
  /**
   * The slot belongs to one of these teams.
   *
   * @maxItems 200
   */
  teamIds?: string[];
  /**
   * The slot is at one of these work locations.
   *
   * @maxItems 500
   */
  workLocationIds?: string[];
  /**
   * The slot is of one of these task types.
   *
   * @maxItems 200
   */
  taskTypeIds?: string[];
  /**
   * The slot's task date is one of these.
   *
   * @maxItems 60
   */
  dates?: string[];
  /**
   * The slot's status; none given means both.
   *
   * @maxItems 2
   */
  statuses?: ("accepted" | "invited")[];
}
