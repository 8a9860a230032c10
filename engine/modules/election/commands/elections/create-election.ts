// The first step of an election's setup: title, election type, lock period and election day. The election is
// created inactive, its setup at the dates step. PATCH changes the title and lock period later.
import type { ElectionCreate } from '../../../../../schemas/types/election-election-create';
import type { ElectionUpdate } from '../../../../../schemas/types/election-election-update';
import { recordAudit, type CommandContext } from '../../../../audit/record';
import { validate } from '../../../../validation';
import { execute, select, type ElectionDeps } from '../../db';
import { authorize } from '../../policies';
import { checkElectionType, findElection } from './shared';

export async function createElection(deps: ElectionDeps, ctx: CommandContext, input: unknown): Promise<{ id: string }> {
  authorize(ctx.actor, 'election.elections.manage', { tenantId: ctx.tenantId });
  const e = validate<ElectionCreate>('election/election-create.schema.json', input);
  const { db } = deps;
  return db.withTenant(ctx.tenantId, async (tx) => {
    await checkElectionType(deps, tx, e.electionTypeId);
    const [row] = await select<{ id: string }>(
      db,
      tx,
      'INSERT INTO elections (tenant_id, title, election_type_id, lock_days, election_day) VALUES ($1, $2, $3, $4, $5) RETURNING id',
      [ctx.tenantId, e.title, e.electionTypeId, e.lockDays, e.electionDay],
    );
    await recordAudit(db, tx, ctx, { action: 'election.electionCreated', entityType: 'election', entityId: row!.id, summary: { electionTypeId: e.electionTypeId } });
    return { id: row!.id };
  });
}

/** Changes the title and the lock period. */
export async function updateElection(deps: ElectionDeps, ctx: CommandContext, id: string, input: unknown): Promise<void> {
  authorize(ctx.actor, 'election.elections.manage', { tenantId: ctx.tenantId });
  const e = validate<ElectionUpdate>('election/election-update.schema.json', input);
  const { db } = deps;
  await db.withTenant(ctx.tenantId, async (tx) => {
    const row = await findElection(deps, tx, id, { lock: true });
    await execute(db, tx, 'UPDATE elections SET title = coalesce($2, title), lock_days = coalesce($3, lock_days), updated_at = now() WHERE id = $1', [row.id, e.title ?? null, e.lockDays ?? null]);
    await recordAudit(db, tx, ctx, { action: 'election.electionUpdated', entityType: 'election', entityId: row.id, summary: { fields: Object.keys(e).sort() } });
  });
}
