// Giving a vacant task slot to a participant: an invitation (state invited, the 'invitation' message queued, a link
// answered) or, when the administrator registers them directly, an acceptance at once ('registrationConfirmed').
// Refused with 409: the slot is not vacant (election.slotTaken), the person may not hold it (election.notEligible
// with every reason), it overlaps a task they hold (election.overlap), they rejected this task type in this
// election before (election.rejectedBefore).
//
// Under contention: the participant row is locked first, then the slot (FOR UPDATE, the order of every assignment
// command), and everything is decided on what is read under those locks. Two administrators (or, later, citizens)
// racing for the last vacant slot queue on its lock; the second finds it taken. The same person assigned to two
// overlapping slots at once queues on the person's lock; the second sees the first task held. Behind the checks the
// database: the UPDATE is conditional on the slot being vacant (a 0-row update is a refusal too), a slot has one
// participant_id, and a person holds at most one slot of a task type on a date (migration 0020's unique index,
// answered as the overlap it is).
import { UniqueConstraintError } from 'sequelize';
import type { ElectionAssignmentCreate } from '../../../../../schemas/types/election-assignment-create';
import type { ElectionAssignedSlot } from '../../../../../schemas/types/election-assignment-slot';
import { recordAudit, type CommandContext } from '../../../../audit/record';
import { foundUuid } from '../../../../ids';
import { execute, select, tenantFacts, type ElectionDeps } from '../../db';
import { eligibility, eligibilityContext } from '../../eligibility';
import { electionConflict, electionInvalid } from '../../errors';
import { overlapRefusal, findOverlap } from '../../overlap';
import { taskAssigned } from '../../flow-events';
import { authorize } from '../../policies';
import { presentSlot } from '../../presenters/assignments';
import { electionRules, eligibilityPerson, findSlot, heldTasksOn, isVacant, loadSlotView, lockParticipant, rejectedBefore } from './common';
import { invitationUrl, newInvitationToken } from './invitation-link';

export const slotTaken = (slotId: string) => electionConflict('election.slotTaken', 'the task slot is not vacant', { slotId });

export async function assignTask(deps: ElectionDeps, ctx: CommandContext, electionId: string, slotId: string, input: ElectionAssignmentCreate, opts: { publicOrigin: string; locale?: 'da' | 'sv' | 'en' }): Promise<ElectionAssignedSlot> {
  authorize(ctx.actor, 'election.slots.manage', { tenantId: ctx.tenantId });
  foundUuid(electionId);
  foundUuid(slotId);
  const direct = input.registerDirectly === true;
  const { db } = deps;
  try {
    return await db.withTenant(ctx.tenantId, async (tx) => {
      const rules = await electionRules(db, tx, electionId);
      // The slot is read once unlocked so that a slot of another election answers 404 before any lock is taken.
      await findSlot(db, tx, electionId, slotId);
      // Lock order: the participant, then the slot.
      const person = await lockParticipant(db, tx, input.participantId);
      if (!person) throw electionInvalid('/participantId', 'election.unknownId', 'no such participant');
      const slot = await findSlot(db, tx, electionId, slotId, { lock: true });
      if (!isVacant(slot)) throw slotTaken(slot.id);

      if ((await rejectedBefore(db, tx, electionId, slot.task_type_id, [person.id])).has(person.id)) {
        throw electionConflict('election.rejectedBefore', 'the person rejected a task of this type in this election', { taskTypeId: slot.task_type_id });
      }
      const { country } = await tenantFacts(db, tx, ctx.tenantId);
      const verdict = eligibility(eligibilityPerson(person), rules, eligibilityContext(country, slot.task_date));
      if (!verdict.eligible) throw electionConflict('election.notEligible', 'the person may not hold this task', { reasons: verdict.reasons });
      const held = findOverlap({ date: slot.task_date, start: slot.start_time, end: slot.end_time }, await heldTasksOn(db, tx, [person.id], slot.task_date, slot.id));
      if (held) throw overlapRefusal(held);

      // A legacy 'rejected' row's former holder is remembered before the slot is given to someone else.
      if (slot.state === 'rejected' && slot.participant_id) {
        await execute(
          db,
          tx,
          'INSERT INTO task_rejections (tenant_id, election_id, participant_id, task_type_id, work_location_id, task_date, slot_id) VALUES ($1, $2, $3, $4, $5, $6, $7)',
          [ctx.tenantId, electionId, slot.participant_id, slot.task_type_id, slot.work_location_id, slot.task_date, slot.id],
        );
      }
      const link = direct ? undefined : newInvitationToken();
      const updated = await select<{ id: string }>(
        db,
        tx,
        `UPDATE task_slots
            SET participant_id = $2, state = $3, registered_directly = $4, answered_on_behalf = false,
                invited_at = CASE WHEN $4 THEN invited_at ELSE clock_timestamp() END, answered_at = CASE WHEN $4 THEN clock_timestamp() END,
                invitation_token_hash = $5, updated_at = now()
          WHERE id = $1 AND (participant_id IS NULL OR state = 'rejected') RETURNING id`,
        [slot.id, person.id, direct ? 'accepted' : 'invited', direct, link?.hash ?? null],
      );
      if (updated.length !== 1) throw slotTaken(slot.id);

      await taskAssigned(db, tx, ctx, { participantId: person.id, electionId, slotId: slot.id }, direct ? 'registrationConfirmed' : 'invitation');
      await recordAudit(db, tx, ctx, { action: 'election.taskAssigned', entityType: 'electionTask', entityId: slot.id, summary: { slotId: slot.id, participantId: person.id, direct } });
      return presentSlot(await loadSlotView(db, tx, slot.id), link ? invitationUrl(opts.publicOrigin, link.token, opts.locale) : undefined);
    });
  } catch (err) {
    // The database's backstop: the person holds a slot of this task type on this date (a race the locks did not see).
    if (err instanceof UniqueConstraintError && (err.parent as { constraint?: string } | undefined)?.constraint === 'task_slots_one_per_type_and_day') {
      throw electionConflict('election.overlap', 'the person already holds a task of this type on this date', {});
    }
    throw err;
  }
}
