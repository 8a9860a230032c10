/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * Filters of GET /api/election/elections/:id/overview: any of these teams, task types and dates (each repeated or comma-separated).
 */
export interface ElectionSlotOverviewQuery {
  /**
   * Slots of any of these teams.
   */
  teamIds?: string | string[];
  /**
   * Slots of any of these task types.
   */
  taskTypeIds?: string | string[];
  /**
   * Slots on any of these dates (YYYY-MM-DD).
   */
  dates?: string | string[];
}
