// The flow outbox's rows as the dispatcher sees them, and the SQL it runs on them. Claiming and purging go
// through the SECURITY DEFINER functions of migration 0028 (the only reads across tenants); marking a row
// delivered or failed happens inside its tenant, under row-level security.
import { QueryTypes } from 'sequelize';
import type { Database } from '../../db/database';

export type OutboxKind = 'start' | 'event' | 'subjectChanged' | 'migrate';

export interface ClaimedRow {
  id: string;
  tenantId: string;
  instanceId: string;
  kind: OutboxKind;
  payload: { event?: string; statusMap?: Record<string, string> };
  /** Counting this one. */
  attempts: number;
}

/** Due rows, each leased to this dispatcher for `leaseSeconds` (another dispatcher skips it meanwhile). */
export async function claimDueRows(db: Database, opts: { limit: number; leaseSeconds: number; writtenBy?: string }): Promise<ClaimedRow[]> {
  const rows = await db.sequelize.query<{ id: string; tenant_id: string; instance_id: string; kind: OutboxKind; payload: ClaimedRow['payload']; attempts: number }>(
    'SELECT id, tenant_id, instance_id, kind, payload, attempts FROM claim_flow_outbox($1, $2, $3)',
    { bind: [opts.limit, opts.leaseSeconds, opts.writtenBy ?? null], type: QueryTypes.SELECT },
  );
  return rows.map((r) => ({ id: r.id, tenantId: r.tenant_id, instanceId: r.instance_id, kind: r.kind, payload: r.payload, attempts: r.attempts }));
}

export async function markDelivered(db: Database, row: ClaimedRow): Promise<void> {
  await db.withTenant(row.tenantId, (tx) => db.sequelize.query('UPDATE flow_outbox SET delivered_at = now(), last_error = NULL WHERE id = $1 AND delivered_at IS NULL', { bind: [row.id], transaction: tx }));
}

/** `code` names the kind of failure (e.g. `unavailable`), never a message that could carry data. */
export async function markFailed(db: Database, row: ClaimedRow, retryInMs: number, code: string): Promise<void> {
  await db.withTenant(row.tenantId, (tx) =>
    db.sequelize.query("UPDATE flow_outbox SET next_attempt_at = now() + $2 * interval '1 millisecond', last_error = $3 WHERE id = $1 AND delivered_at IS NULL", {
      bind: [row.id, Math.round(retryInMs), code.slice(0, 100)],
      transaction: tx,
    }),
  );
}

/** Deletes rows delivered more than `keepDays` ago, of every tenant; returns how many. */
export async function purgeDelivered(db: Database, keepDays: number): Promise<number> {
  const [row] = await db.sequelize.query<{ n: string }>('SELECT purge_flow_outbox($1) AS n', { bind: [keepDays], type: QueryTypes.SELECT });
  return Number(row?.n ?? 0);
}
