// An administrator extends a petition's vote window or closes it early. Both are Updates of the petition's
// flow instance (its deadline `voting`): the workflow's validator checks the role, that the window is still
// open and, for an extension, the cap in the flow's parameters (maxExtensionDays) — a refusal is a conflict
// (409) and changes nothing. The petition's closing date follows an extension; closing early fires the flow's
// close rule at once, which closes the window and erases the voters (actions.ts).
import type { CommandContext } from '../../../audit/record';
import { recordAudit } from '../../../audit/record';
import type { Database } from '../../../db/database';
import { ConflictError, ValidationError } from '../../../errors';
import { closeDeadlineEarly, extendDeadline } from '../../../commands/flow-updates';
import type { FlowTemporal } from '../../../flows/workflows';
import { fieldError } from '../../../../forms/validation';
import { execute, findPetition, PETITION_SUBJECT, select } from '../db';
import { petitionConflict, wrongStatus } from '../errors';
import { petitionParameters } from '../flow-parameters';
import { authorize } from '../policies';

/** The flow's deadline that is the vote window (builtin/petition.flow.json). */
export const VOTING_DEADLINE = 'voting';

async function openPetitionInstance(db: Database, ctx: CommandContext, petitionId: string): Promise<string> {
  return db.withTenant(ctx.tenantId, async (tx) => {
    const row = await findPetition(db, tx, petitionId);
    authorize(ctx.actor, 'petitions.voting.manage', { tenantId: row.tenant_id });
    if (row.status !== 'open') throw wrongStatus(row.status, 'extended or closed');
    const [instance] = await select<{ id: string }>(db, tx, 'SELECT id FROM flow_instances WHERE subject_type = $1 AND subject_id = $2 AND ended_at IS NULL ORDER BY started_at DESC LIMIT 1', [PETITION_SUBJECT, row.id]);
    if (!instance) throw new ConflictError('The petition has no running flow to extend or close.');
    return instance.id;
  });
}

export async function extendPetitionVoting(deps: { db: Database; flows: FlowTemporal }, ctx: CommandContext, petitionId: string, days: number): Promise<{ closesAt: Date }> {
  if (!Number.isInteger(days) || days < 1 || days > 365) throw new ValidationError([fieldError('/days', 'schema.maximum', { limit: 365 }, 'must be a whole number of days from 1 to 365')]);
  const { db, flows } = deps;
  const instanceId = await openPetitionInstance(db, ctx, petitionId);
  const maxDays = await db.withTenant(ctx.tenantId, async (tx) => (await petitionParameters(db, tx, petitionId)).maxExtensionDays);
  try {
    await extendDeadline(db, flows, ctx, instanceId, { deadline: VOTING_DEADLINE, by: { days } });
  } catch (err) {
    // The workflow's validator refused it past the cap of the flow version this petition runs: say so with a code.
    if (err instanceof ConflictError && /at most its cap/.test(err.message)) throw petitionConflict('petition.extensionOverCap', `the vote window may be extended by at most ${maxDays} days in all`, { maxDays }, '/days');
    throw err;
  }
  return db.withTenant(ctx.tenantId, async (tx) => {
    const [row] = await select<{ closes_at: Date }>(db, tx, 'UPDATE petitions SET closes_at = closes_at + make_interval(days => $2), updated_at = now() WHERE id = $1 RETURNING closes_at', [petitionId, days]);
    await recordAudit(db, tx, ctx, { action: 'petition.votingExtended', entityType: 'petition', entityId: petitionId, summary: { days } });
    return { closesAt: row!.closes_at };
  });
}

export async function closePetitionVotingEarly(deps: { db: Database; flows: FlowTemporal }, ctx: CommandContext, petitionId: string): Promise<{ status: string }> {
  const { db, flows } = deps;
  const instanceId = await openPetitionInstance(db, ctx, petitionId);
  const timeline = await closeDeadlineEarly(db, flows, ctx, instanceId, VOTING_DEADLINE);
  await db.withTenant(ctx.tenantId, async (tx) => {
    await execute(db, tx, 'UPDATE petitions SET closes_at = least(closes_at, now()), updated_at = now() WHERE id = $1', [petitionId]);
    await recordAudit(db, tx, ctx, { action: 'petition.votingClosedEarly', entityType: 'petition', entityId: petitionId, summary: {} });
  });
  return { status: timeline.status };
}
