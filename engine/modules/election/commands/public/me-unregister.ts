// A participant giving up one of their tasks on the public site (invited or accepted). Refused inside the
// election's lock period (409 election.lockPeriod naming the day it ends: election day) and for a task whose date
// has passed (409 election.taskWorked). The slot is vacant again at once and 'cancellationConfirmed' is queued for
// the person. Locks as every assignment command: the person, then the slot. Another person's
// slot, or one the person no longer holds, answers 404.
import { recordAudit, type CommandContext } from '../../../../audit/record';
import { NotFoundError } from '../../../../errors';
import { foundUuid } from '../../../../ids';
import { execute, select, type ElectionDeps } from '../../db';
import { electionConflict } from '../../errors';
import { taskCancelled } from '../../flow-events';
import { lockParticipant } from '../assignments/common';
import { requireMe, taskOfSlot } from '../../queries/public/me-common';

export async function unregisterMyTask(deps: ElectionDeps, ctx: CommandContext, slotId: string): Promise<void> {
  foundUuid(slotId);
  const { db } = deps;
  await db.withTenant(ctx.tenantId, async (tx) => {
    const me = await requireMe(db, tx, ctx.actor);
    await lockParticipant(db, tx, me);
    const [held] = await select<{ participant_id: string | null; state: string }>(db, tx, 'SELECT participant_id, state FROM task_slots WHERE id = $1 FOR UPDATE', [slotId]);
    const task = held ? await taskOfSlot(db, tx, slotId) : undefined;
    if (!task || !held || held.participant_id !== me || !['invited', 'accepted'].includes(held.state)) throw new NotFoundError();
    if (task.past) throw electionConflict('election.taskWorked', 'the task date has passed', { date: task.task_date });
    if (task.locked) throw electionConflict('election.lockPeriod', 'the election is inside its lock period', { ends: task.election_day });
    const n = await execute(db, tx, "UPDATE task_slots SET participant_id = NULL, state = 'vacant', updated_at = now() WHERE id = $1 AND participant_id = $2", [slotId, me]);
    if (n !== 1) throw new NotFoundError();
    await taskCancelled(db, tx, { tenantId: ctx.tenantId, slotId, participantId: me });
    await recordAudit(db, tx, ctx, { action: 'election.myTaskUnregistered', entityType: 'electionTask', entityId: slotId, summary: { slotId, participantId: me, was: held.state } });
  });
}
