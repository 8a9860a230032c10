/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * Filters and paging of GET /api/audit-log (query string).
 */
export interface AuditLogQuery {
  actor?: string;
  action?: string;
  /**
   * Entity type, optionally with :id
   */
  entity?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}
