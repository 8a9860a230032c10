// Asking for a registry refresh: one row in registry_refreshes, written in the caller's transaction (the weekly
// schedule's activity, an election's activation, an administrator's "run now"). The row is the request: its
// workflow is started after the commit by whoever asked (startRegistryRefreshWorkflow), or by the module's
// resumer a minute later when nobody did (an activation inside its command's transaction leaves it to the
// resumer). A refresh of the same scope that is still running is the answer to a second request: the
// participants are read once, not twice side by side. Ids and counts only.
import type { Transaction } from 'sequelize';
import { recordAudit, type CommandContext } from '../../../audit/record';
import { systemActor } from '../../../actors';
import type { Database } from '../../../db/database';
import { select } from '../db';

export type RegistryRefreshReason = 'weekly' | 'activation' | 'manual';

export interface RegistryRefreshRequest {
  tenantId: string;
  /** One election's participants; absent: those of every active election of the tenant. */
  electionId?: string | null;
  reason: RegistryRefreshReason;
  /** The weekly schedule's key of this week's run: a second request with the same key finds the first. */
  scheduleKey?: string;
}

/**
 * The participants a refresh reads, as SQL over `task_slots s JOIN elections e`: those holding a task (invited or
 * accepted) not yet past, in the refresh's election (`$<electionParam>`) or, when it names none, in any active
 * election. The same condition counts them on request and picks each batch, so the two always agree.
 */
export function refreshScopeSql(electionParam: string): string {
  return `SELECT s.participant_id FROM task_slots s JOIN elections e ON e.tenant_id = s.tenant_id AND e.id = s.election_id
           WHERE s.participant_id IS NOT NULL AND s.state IN ('invited', 'accepted') AND s.task_date >= current_date
             AND (CASE WHEN ${electionParam}::uuid IS NULL THEN e.active ELSE e.id = ${electionParam}::uuid END)`;
}

/**
 * Records the request (or finds the running one of the same scope); answers its id and whether it is new. `ctx`
 * is who asked (an administrator's "run now"); without it the system asks (the schedule, an activation).
 */
export async function requestRegistryRefresh(db: Database, tx: Transaction, req: RegistryRefreshRequest, ctx: CommandContext = { tenantId: req.tenantId, actor: systemActor(req.tenantId, 'registry-refresh') }): Promise<{ id: string; created: boolean }> {
  const electionId = req.electionId ?? null;
  // One request at a time per tenant and scope: the lock on the tenant's row orders two requests made together.
  await select(db, tx, 'SELECT id FROM tenants WHERE id = $1 FOR UPDATE', [req.tenantId]);
  if (req.scheduleKey) {
    const [same] = await select<{ id: string }>(db, tx, 'SELECT id FROM registry_refreshes WHERE schedule_key = $1', [req.scheduleKey]);
    if (same) return { id: same.id, created: false };
  }
  const [running] = await select<{ id: string }>(db, tx, "SELECT id FROM registry_refreshes WHERE status = 'running' AND election_id IS NOT DISTINCT FROM $1::uuid ORDER BY requested_at LIMIT 1", [electionId]);
  if (running) return { id: running.id, created: false };
  const [{ total } = { total: 0 }] = await select<{ total: number }>(db, tx, `SELECT count(DISTINCT participant_id)::int AS total FROM (${refreshScopeSql('$1')}) scope`, [electionId]);
  const requestedBy = ctx.actor.kind === 'anonymous' ? 'anonymous' : ctx.actor.id;
  const [row] = await select<{ id: string }>(
    db,
    tx,
    'INSERT INTO registry_refreshes (tenant_id, election_id, reason, requested_by, schedule_key, total) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id',
    [req.tenantId, electionId, req.reason, requestedBy, req.scheduleKey ?? null, total],
  );
  const id = row!.id;
  await recordAudit(db, tx, ctx, { action: 'election.registryRefreshRequested', entityType: 'electionRegistryRefresh', entityId: id, summary: { refreshId: id, electionId, reason: req.reason, total } });
  return { id, created: true };
}
