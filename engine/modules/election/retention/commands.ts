// The administrators' commands on the deletion after the election: the tenant's retention settings (within the
// upper bounds of decisions.ts; the table's CHECKs agree) and the one postponement of an election's deletion, with
// a reason (free text the form asks to keep free of personal data; audited by length only) and a new date after
// the current deletion date and no later than the latest allowed. A second postponement is refused with
// election.retentionAlreadyPostponed; one after the deletion started with election.retentionStarted.
import { recordAudit, type CommandContext } from '../../../audit/record';
import { NotFoundError } from '../../../errors';
import { execute, select, type ElectionDeps } from '../db';
import { electionConflict, electionInvalid } from '../errors';
import { authorize } from '../policies';
import { electionRetentionDates, MAX_CONSENT_MONTHS, MAX_MONTHS_AFTER_ELECTION, retentionSettings, type RetentionSettings } from './decisions';

export async function updateRetentionSettings(deps: ElectionDeps, ctx: CommandContext, input: RetentionSettings): Promise<RetentionSettings> {
  authorize(ctx.actor, 'election.retention.manage', { tenantId: ctx.tenantId });
  if (!Number.isInteger(input.monthsAfterElection) || input.monthsAfterElection < 1 || input.monthsAfterElection > MAX_MONTHS_AFTER_ELECTION) {
    throw electionInvalid('/monthsAfterElection', 'election.retentionTooLong', `between 1 and ${MAX_MONTHS_AFTER_ELECTION} months`, { max: MAX_MONTHS_AFTER_ELECTION });
  }
  if (!Number.isInteger(input.consentMonths) || input.consentMonths < 1 || input.consentMonths > MAX_CONSENT_MONTHS) {
    throw electionInvalid('/consentMonths', 'election.retentionTooLong', `between 1 and ${MAX_CONSENT_MONTHS} months`, { max: MAX_CONSENT_MONTHS });
  }
  const { db } = deps;
  return db.withTenant(ctx.tenantId, async (tx) => {
    const before = await retentionSettings(db, tx);
    await execute(
      db,
      tx,
      `INSERT INTO election_retention_settings (tenant_id, months_after_election, consent_months) VALUES ($1, $2, $3)
       ON CONFLICT (tenant_id) DO UPDATE SET months_after_election = $2, consent_months = $3, updated_at = now()`,
      [ctx.tenantId, input.monthsAfterElection, input.consentMonths],
    );
    await recordAudit(db, tx, ctx, { action: 'election.retentionSettingsChanged', entityType: 'electionRetentionSettings', entityId: ctx.tenantId, summary: { before, after: input } });
    return { monthsAfterElection: input.monthsAfterElection, consentMonths: input.consentMonths };
  });
}

export async function postponeRetention(deps: ElectionDeps, ctx: CommandContext, electionId: string, input: { until: string; reason: string }): Promise<{ deletionDate: string }> {
  authorize(ctx.actor, 'election.retention.manage', { tenantId: ctx.tenantId });
  const reason = input.reason.trim();
  if (reason.length === 0 || reason.length > 500) throw electionInvalid('/reason', 'election.retentionReasonMissing', 'a reason of 1 to 500 characters');
  const { db } = deps;
  return db.withTenant(ctx.tenantId, async (tx) => {
    const [election] = await select<{ id: string }>(db, tx, 'SELECT id FROM elections WHERE id = $1 FOR UPDATE', [electionId]);
    if (!election) throw new NotFoundError();
    await execute(db, tx, 'INSERT INTO election_retentions (tenant_id, election_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [ctx.tenantId, electionId]);
    const [row] = await select<{ status: string; postponed_until: string | null }>(db, tx, 'SELECT status, postponed_until::text FROM election_retentions WHERE election_id = $1 FOR UPDATE', [electionId]);
    if (row!.postponed_until !== null) throw electionConflict('election.retentionAlreadyPostponed', 'the deletion has been postponed once already', { until: row!.postponed_until });
    if (row!.status !== 'waiting' && row!.status !== 'review') throw electionConflict('election.retentionStarted', 'the deletion has started');
    const dates = (await electionRetentionDates(db, tx, electionId, await retentionSettings(db, tx)))!;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(input.until) || input.until <= dates.deletionDate || input.until > dates.latestPostponement) {
      throw electionInvalid('/until', 'election.retentionPostponeDate', `a date after ${dates.deletionDate} and no later than ${dates.latestPostponement}`, { after: dates.deletionDate, latest: dates.latestPostponement });
    }
    await execute(
      db,
      tx,
      // Back to waiting: the review opens again two weeks before the new date.
      "UPDATE election_retentions SET postponed_until = $2::date, postpone_reason = $3, postponed_by = $4, postponed_at = now(), status = 'waiting' WHERE election_id = $1",
      [electionId, input.until, reason, ctx.actor.kind === 'user' ? ctx.actor.id : ctx.actor.kind],
    );
    await recordAudit(db, tx, ctx, {
      action: 'election.retentionPostponed',
      entityType: 'election',
      entityId: electionId,
      summary: { electionId, from: dates.deletionDate, until: input.until, reasonLength: reason.length },
    });
    return { deletionDate: input.until };
  });
}
