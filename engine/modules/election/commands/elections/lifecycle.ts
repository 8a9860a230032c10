// Activating, deactivating and deleting an election. Several elections may be active at once (a municipal and
// a regional election on the same day). Only an election whose setup is done can be activated; only an
// inactive election without any task slot that has a participant can be deleted (its vacant slots and its
// polling-station list go with it).
import { recordAudit, type CommandContext } from '../../../../audit/record';
import { execute, select, type ElectionDeps } from '../../db';
import { electionConflict } from '../../errors';
import { electionActivated } from '../../flow-events';
import { requestRegistryRefresh } from '../../registry-refresh/request';
import { authorize } from '../../policies';
import { findElection } from './shared';

/** Activates the election; one already active is left as it is (and nothing is audited). */
export async function activateElection(deps: ElectionDeps, ctx: CommandContext, id: string): Promise<void> {
  authorize(ctx.actor, 'election.elections.manage', { tenantId: ctx.tenantId });
  const { db } = deps;
  await db.withTenant(ctx.tenantId, async (tx) => {
    const row = await findElection(deps, tx, id, { lock: true });
    if (row.setup_step !== 'done') throw electionConflict('election.setupIncomplete', `the setup is at step ${row.setup_step}`, { step: row.setup_step });
    if (row.active) return;
    await execute(db, tx, 'UPDATE elections SET active = true, updated_at = now() WHERE id = $1', [row.id]);
    // What was queued while inactive goes now: the assignments made meanwhile start their flows (which send the
    // invitations and confirmations), through the flow outbox, so only if the activation commits. And the civil
    // registry is asked about the election's participants (the refresh's row; the module's resumer starts it).
    const started = await electionActivated(db, tx, ctx, row.id);
    await requestRegistryRefresh(db, tx, { tenantId: ctx.tenantId, electionId: row.id, reason: 'activation' });
    await recordAudit(db, tx, ctx, { action: 'election.electionActivated', entityType: 'election', entityId: row.id, summary: { flowsStarted: started } });
  });
}

/** Deactivates the election; one already inactive is left as it is. */
export async function deactivateElection(deps: ElectionDeps, ctx: CommandContext, id: string): Promise<void> {
  authorize(ctx.actor, 'election.elections.manage', { tenantId: ctx.tenantId });
  const { db } = deps;
  await db.withTenant(ctx.tenantId, async (tx) => {
    const row = await findElection(deps, tx, id, { lock: true });
    if (!row.active) return;
    await execute(db, tx, 'UPDATE elections SET active = false, updated_at = now() WHERE id = $1', [row.id]);
    await recordAudit(db, tx, ctx, { action: 'election.electionDeactivated', entityType: 'election', entityId: row.id });
  });
}

export async function deleteElection(deps: ElectionDeps, ctx: CommandContext, id: string): Promise<void> {
  authorize(ctx.actor, 'election.elections.manage', { tenantId: ctx.tenantId });
  const { db } = deps;
  await db.withTenant(ctx.tenantId, async (tx) => {
    // The election's row lock keeps new slots out (their foreign key waits for it); the slots' locks keep a
    // participant from being put on one of them while this looks.
    const row = await findElection(deps, tx, id, { lock: true });
    if (row.active) throw electionConflict('election.electionActive', 'an active election cannot be deleted; deactivate it first');
    const slots = await select<{ participant_id: string | null }>(db, tx, 'SELECT participant_id FROM task_slots WHERE election_id = $1 FOR UPDATE', [row.id]);
    const held = slots.filter((s) => s.participant_id !== null).length;
    if (held > 0) throw electionConflict('election.electionNotEmpty', 'the election has task slots with participants', { slots: held });
    await execute(db, tx, 'DELETE FROM elections WHERE id = $1', [row.id]);
    await recordAudit(db, tx, ctx, { action: 'election.electionDeleted', entityType: 'election', entityId: row.id, summary: { vacantSlots: slots.length } });
  });
}
