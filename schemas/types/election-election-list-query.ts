/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * Filters of the list of elections.
 */
export interface ElectionListQuery {
  /**
   * Only the active (true) or the inactive (false) elections.
   */
  active?: boolean;
}
