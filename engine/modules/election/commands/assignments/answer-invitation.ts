// Answering an invitation: accept (the slot is the person's; 'registrationConfirmed' queued) or reject (the slot is
// vacant at once, and task_rejections remembers who said no to which task type, so they are not invited to it in
// this election again). Two ways in: an administrator answers on the person's behalf (by the slot, audited as
// such), or the person answers by the token of their invitation link (the public site, "Election staffing III":
// the token is the right to answer, so no role is asked).
//
// An invitation answered twice counts once: the answer is a conditional UPDATE … WHERE state = 'invited' under the
// person's and the slot's locks (in that order, as every assignment command), and the second answer is refused
// with 409 election.alreadyAnswered (the slot accepted, or vacant after this invitation's rejection). An
// invitation withdrawn before the answer is 409 election.notInvited.
import type { Transaction } from 'sequelize';
import type { ElectionAssignedSlot } from '../../../../../schemas/types/election-assignment-slot';
import { recordAudit, type CommandContext } from '../../../../audit/record';
import type { Database } from '../../../../db/database';
import { NotFoundError } from '../../../../errors';
import { foundUuid } from '../../../../ids';
import { execute, select, type ElectionDeps } from '../../db';
import { electionConflict } from '../../errors';
import { invitationAnswered } from '../../flow-events';
import { authorize } from '../../policies';
import { presentSlot } from '../../presenters/assignments';
import { findSlot, findSlotByTokenHash, loadSlotView, lockParticipant, type SlotRow } from './common';
import { endedInvitation } from './ended-invitations';
import { invitationTokenHashOf } from './invitation-link';

export type InvitationAnswer = 'accept' | 'reject';

/** Which invitation: a slot of an election (an administrator, on the person's behalf), or the link's token (the person). */
export type InvitationTarget = { electionId: string; slotId: string } | { token: string };

const alreadyAnswered = (slotId: string) => electionConflict('election.alreadyAnswered', 'the invitation has been answered', { slotId });
const notInvited = (slotId: string) => electionConflict('election.notInvited', 'the slot has no unanswered invitation', { slotId });

/**
 * Whether the slot's last invitation ended in a rejection (it is vacant now because its invitee said no). The times
 * compared are the moments of the changes (clock_timestamp(), taken under the locks), not the transactions' starts.
 */
async function rejectedLast(deps: ElectionDeps, tx: Transaction, slot: SlotRow): Promise<boolean> {
  const rows = await select<{ n: number }>(deps.db, tx, "SELECT count(*)::integer AS n FROM task_rejections WHERE slot_id = $1 AND rejected_at >= coalesce($2::timestamptz, '-infinity')", [slot.id, slot.invited_at]);
  return (rows[0]?.n ?? 0) > 0;
}

/** The slot a link opens; a link that no longer does says why: answered already, or retracted (election.notInvited). */
async function slotOfToken(db: Database, tx: Transaction, tokenHash: string): Promise<SlotRow> {
  try {
    return await findSlotByTokenHash(db, tx, tokenHash);
  } catch (err) {
    const ended = err instanceof NotFoundError ? await endedInvitation(db, tx, tokenHash) : undefined;
    if (!ended) throw err;
    throw ended.ending === 'answered' ? alreadyAnswered(ended.slotId) : notInvited(ended.slotId);
  }
}

/**
 * `beforeAnswer`: the caller's own checks, run under the person's and the slot's locks once the slot is found still
 * invited, just before the answer is written (the public site's acceptance: who is logged in, eligibility, overlap);
 * a check that throws leaves everything as it was.
 */
export interface AnswerOptions {
  beforeAnswer?: (tx: Transaction, slot: SlotRow) => Promise<void>;
}

export async function answerInvitation(deps: ElectionDeps, ctx: CommandContext, target: InvitationTarget, answer: InvitationAnswer, opts: AnswerOptions = {}): Promise<ElectionAssignedSlot> {
  const onBehalf = !('token' in target);
  if (onBehalf) {
    authorize(ctx.actor, 'election.slots.manage', { tenantId: ctx.tenantId });
    foundUuid(target.electionId);
    foundUuid(target.slotId);
  }
  const tokenHash = 'token' in target ? invitationTokenHashOf(target.token) : undefined;
  const { db } = deps;
  return db.withTenant(ctx.tenantId, async (tx) => {
    const seen = tokenHash ? await slotOfToken(db, tx, tokenHash) : await findSlot(db, tx, (target as { electionId: string }).electionId, (target as { slotId: string }).slotId);
    if (!seen.participant_id || seen.state === 'rejected') throw (await rejectedLast(deps, tx, seen)) ? alreadyAnswered(seen.id) : notInvited(seen.id);
    // Lock order: the participant, then the slot; then decide on what is there now.
    await lockParticipant(db, tx, seen.participant_id);
    const slot = await findSlot(db, tx, seen.election_id, seen.id, { lock: true });
    if (slot.participant_id !== seen.participant_id) throw (!slot.participant_id && (await rejectedLast(deps, tx, slot))) ? alreadyAnswered(slot.id) : notInvited(slot.id);
    if (slot.state === 'accepted') throw alreadyAnswered(slot.id);
    if (slot.state !== 'invited') throw notInvited(slot.id);
    const participantId = seen.participant_id;
    if (opts.beforeAnswer) await opts.beforeAnswer(tx, slot);

    const changed =
      answer === 'accept'
        ? await execute(db, tx, "UPDATE task_slots SET state = 'accepted', answered_at = clock_timestamp(), answered_on_behalf = $3, updated_at = now() WHERE id = $1 AND participant_id = $2 AND state = 'invited'", [slot.id, participantId, onBehalf])
        : await execute(db, tx, "UPDATE task_slots SET participant_id = NULL, state = 'vacant', updated_at = now() WHERE id = $1 AND participant_id = $2 AND state = 'invited'", [slot.id, participantId]);
    if (changed !== 1) throw alreadyAnswered(slot.id);
    await invitationAnswered(db, tx, { tenantId: ctx.tenantId, slotId: slot.id, participantId, answer });
    if (answer !== 'accept') {
      await execute(
        db,
        tx,
        'INSERT INTO task_rejections (tenant_id, election_id, participant_id, task_type_id, work_location_id, task_date, slot_id, on_behalf, rejected_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, clock_timestamp())',
        [ctx.tenantId, slot.election_id, participantId, slot.task_type_id, slot.work_location_id, slot.task_date, slot.id, onBehalf],
      );
    }
    await recordAudit(db, tx, ctx, { action: 'election.taskAnswered', entityType: 'electionTask', entityId: slot.id, summary: { slotId: slot.id, participantId, answer, onBehalf } });
    return presentSlot(await loadSlotView(db, tx, slot.id));
  });
}
