// A person answering their invitation on the public site, by the link's token. Rejecting needs no login (the
// token is the right to answer). Accepting needs the e-ID login of the invited person (another person logged in:
// 409 election.notYourInvitation) and the same checks as an assignment, on what the registry says now: eligible
// on the task date (409 election.notEligible with the reasons) and no overlapping task held (409 election.overlap);
// a task whose date has passed cannot be accepted (409 election.invitationExpired). The answer itself is
// answerInvitation's (its locks, its message, its audit row); the checks run inside it, under the person's and
// the slot's locks, so nothing they read can change before the answer is written.
import type { Transaction } from 'sequelize';
import type { CommandContext } from '../../../../audit/record';
import type { Database } from '../../../../db/database';
import { answerInvitation } from '../assignments/answer-invitation';
import { electionRules, eligibilityPerson, heldTasksOn, lockParticipant, type SlotRow } from '../assignments/common';
import { invitationTokenHashOf } from '../assignments/invitation-link';
import { select, tenantFacts, type ElectionDeps } from '../../db';
import { eligibility, eligibilityContext } from '../../eligibility';
import { electionConflict } from '../../errors';
import { findOverlap, overlapRefusal } from '../../overlap';
import { requireMe } from '../../queries/public/me-common';

export type MyAnswer = { state: 'accepted' | 'rejected' };

/** Whether the logged-in person may accept this (still invited) slot: throws the refusal otherwise. */
async function checkAcceptance(db: Database, tx: Transaction, ctx: CommandContext, slot: SlotRow): Promise<void> {
  const me = await requireMe(db, tx, ctx.actor);
  if (slot.participant_id !== me) throw electionConflict('election.notYourInvitation', 'the invitation is for another person');
  const [past] = await select<{ past: boolean }>(db, tx, 'SELECT $1::date < current_date AS past', [slot.task_date]);
  if (past?.past) throw electionConflict('election.invitationExpired', 'the task date has passed');
  const person = await lockParticipant(db, tx, me); // held already by answerInvitation: this reads the row
  if (!person) throw electionConflict('election.notYourInvitation', 'the invitation is for another person');
  const { country } = await tenantFacts(db, tx, ctx.tenantId);
  const verdict = eligibility(eligibilityPerson(person), await electionRules(db, tx, slot.election_id), eligibilityContext(country, slot.task_date));
  if (!verdict.eligible) throw electionConflict('election.notEligible', 'the person may not hold this task', { reasons: verdict.reasons });
  const held = findOverlap({ date: slot.task_date, start: slot.start_time, end: slot.end_time }, await heldTasksOn(db, tx, [me], slot.task_date, slot.id));
  if (held) throw overlapRefusal(held);
}

export async function acceptMyInvitation(deps: ElectionDeps, ctx: CommandContext, token: string): Promise<MyAnswer> {
  invitationTokenHashOf(token); // a malformed token is 404 before anything else
  await answerInvitation(deps, ctx, { token }, 'accept', { beforeAnswer: (tx, slot) => checkAcceptance(deps.db, tx, ctx, slot) });
  return { state: 'accepted' };
}

export async function rejectMyInvitation(deps: ElectionDeps, ctx: CommandContext, token: string): Promise<MyAnswer> {
  await answerInvitation(deps, ctx, { token }, 'reject');
  return { state: 'rejected' };
}
