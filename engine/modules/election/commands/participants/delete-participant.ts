// Deleting one participant (the bulk deletion is its own command and workflow). A person who holds a task
// (invited or accepted) is refused: unassign first, so no polling station loses a helper unnoticed. Slots the
// person rejected become vacant again (the memory of the rejection goes with the person); teams and comments go
// with the row (ON DELETE CASCADE). The audit row keeps the id only.
import { recordAudit, type CommandContext } from '../../../../audit/record';
import { execute, select, type ElectionDeps } from '../../db';
import { electionConflict } from '../../errors';
import { authorize } from '../../policies';
import { findParticipant } from '../../participants/rows';

export async function deleteParticipant(deps: ElectionDeps, ctx: CommandContext, id: string): Promise<void> {
  const { db } = deps;
  await db.withTenant(ctx.tenantId, async (tx) => {
    const row = await findParticipant(db, tx, id, { lock: true });
    authorize(ctx.actor, 'election.participants.manage', { tenantId: row.tenant_id });
    const [held] = await select<{ n: number }>(db, tx, "SELECT count(*)::integer AS n FROM task_slots WHERE participant_id = $1 AND state IN ('invited', 'accepted')", [row.id]);
    if (held && held.n > 0) throw electionConflict('election.participantHasTasks', 'the participant holds tasks: unassign them first', { tasks: held.n });
    const vacated = await execute(db, tx, "UPDATE task_slots SET participant_id = NULL, state = 'vacant', updated_at = now() WHERE participant_id = $1", [row.id]);
    await execute(db, tx, 'DELETE FROM participants WHERE id = $1', [row.id]);
    await recordAudit(db, tx, ctx, { action: 'election.participantDeleted', entityType: 'electionParticipant', entityId: row.id, summary: { vacatedSlots: vacated } });
  });
}
