/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * Filters of a polling station's task slots.
 */
export interface ElectionSlotTasksQuery {
  date?: string;
  teamId?: string;
  taskTypeId?: string;
}
