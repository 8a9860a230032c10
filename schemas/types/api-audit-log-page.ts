/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * One page of the audit log as the admin site shows it.
 */
export interface AuditLogPage {
  entries: {
    seq: number;
    at: string;
    actor: string;
    action: string;
    entityType: string;
    entityId: string | null;
    summary: {};
  }[];
  total: number;
  page: number;
  pageSize: number;
}
