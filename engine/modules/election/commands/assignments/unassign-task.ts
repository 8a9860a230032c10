// Taking a participant off a task slot: the slot is vacant again and the person is told — 'invitationRetracted'
// when they were only invited, 'removedFromTask' when they had accepted (queued in the same transaction). A slot
// with no one on it names no assignment: 404.
//
// Racing an answer: both lock the person, then the slot, and decide on what they read under the locks. If the
// removal comes first, the answer finds no invitation (409); if the acceptance comes first, the removal removes an
// accepted task (and says so in its message). Either way one consistent state, never an acceptance of a slot that
// was emptied. Should the holder change between the first read and the locks (removed and given to someone else
// meanwhile), the removal is answered 404: the assignment it was about is gone (the new one is not removed unseen).
import { recordAudit, type CommandContext } from '../../../../audit/record';
import { NotFoundError } from '../../../../errors';
import { foundUuid } from '../../../../ids';
import { select, type ElectionDeps } from '../../db';
import { taskUnassigned } from '../../flow-events';
import { authorize } from '../../policies';
import { findSlot, lockParticipant } from './common';

export async function unassignTask(deps: ElectionDeps, ctx: CommandContext, electionId: string, slotId: string): Promise<void> {
  authorize(ctx.actor, 'election.slots.manage', { tenantId: ctx.tenantId });
  foundUuid(electionId);
  foundUuid(slotId);
  const { db } = deps;
  await db.withTenant(ctx.tenantId, async (tx) => {
    const seen = await findSlot(db, tx, electionId, slotId);
    if (!seen.participant_id) throw new NotFoundError('the task slot has no one assigned');
    await lockParticipant(db, tx, seen.participant_id);
    const slot = await findSlot(db, tx, electionId, slotId, { lock: true });
    // Emptied, or given to someone else, before the locks: the assignment this removal was about is gone.
    if (slot.participant_id !== seen.participant_id) throw new NotFoundError('the task slot has no one assigned');
    const [done] = await select<{ id: string }>(db, tx, "UPDATE task_slots SET participant_id = NULL, state = 'vacant', updated_at = now() WHERE id = $1 AND participant_id = $2 RETURNING id", [
      slot.id,
      seen.participant_id,
    ]);
    if (!done) throw new NotFoundError('the task slot has no one assigned');
    // A legacy 'rejected' holder had nothing to lose: no message.
    if (slot.state === 'invited' || slot.state === 'accepted') await taskUnassigned(db, tx, { tenantId: ctx.tenantId, slotId: slot.id, participantId: seen.participant_id, was: slot.state });
    await recordAudit(db, tx, ctx, { action: 'election.taskUnassigned', entityType: 'electionTask', entityId: slot.id, summary: { slotId: slot.id, participantId: seen.participant_id, was: slot.state } });
  });
}
