/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * The check of the tenant's audit chain (GET /api/audit-log/verification): every break found, none when ok.
 */
export interface AuditChainReport {
  tenantId: string;
  ok: boolean;
  /**
   * Rows checked (those kept after the last purge).
   */
  rows: number;
  headSeq: number;
  /**
   * The sequence number the remaining chain starts after (0 when nothing was purged).
   */
  anchorSeq: number;
  problems: string[];
}
