/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * Filters of GET /api/forms/{id}/submissions.
 */
export interface SubmissionsQuery {
  version?: number;
  page?: number;
  pageSize?: number;
}
