// The administrators' view of an election's deletion: its dates, phase, postponement and counts, and the review
// list — who will be deleted and who is kept and why (consented until a date, still in a later election) —
// decided as the deletion would decide today (before it starts) or as it did (after: from its items, names of
// those deleted no longer exist). Names are shown to administrators only (the route's policy).
import type { Actor } from '../../../actors';
import { NotFoundError } from '../../../errors';
import { select, type ElectionDeps } from '../db';
import { authorize } from '../policies';
import { decideParticipants, electionRetentionDates, retentionSettings, type RetentionDecision, type RetentionSettings } from './decisions';

export interface RetentionReviewEntry {
  participantId: string;
  name: string;
  decision: RetentionDecision;
  consentUntil: string | null;
  laterElection: string | null;
}

export interface RetentionReview {
  electionId: string;
  title: string;
  electionDay: string;
  active: boolean;
  deactivateOn: string | null;
  deletionDate: string;
  reviewDate: string;
  latestPostponement: string;
  status: 'waiting' | 'review' | 'deleting' | 'keeping' | 'done';
  postponement: { until: string; reason: string; at: string } | null;
  counts: { delete: number; keepConsent: number; keepLaterElection: number; deleted: number };
  participants: RetentionReviewEntry[];
  settings: RetentionSettings;
}

const REVIEW_LIMIT = 5000;

type QueryContext = { tenantId: string; actor: Actor };

export async function getRetentionSettings(deps: ElectionDeps, ctx: QueryContext): Promise<RetentionSettings> {
  authorize(ctx.actor, 'election.retention.manage', { tenantId: ctx.tenantId });
  return deps.db.withTenant(ctx.tenantId, (tx) => retentionSettings(deps.db, tx));
}

export async function getRetentionReview(deps: ElectionDeps, ctx: QueryContext, electionId: string, today: string = new Date().toISOString().slice(0, 10)): Promise<RetentionReview> {
  authorize(ctx.actor, 'election.retention.manage', { tenantId: ctx.tenantId });
  const { db } = deps;
  return db.withTenant(ctx.tenantId, async (tx) => {
    const settings = await retentionSettings(db, tx);
    const dates = await electionRetentionDates(db, tx, electionId, settings);
    if (!dates) throw new NotFoundError();
    const [election] = await select<{ title: string }>(db, tx, 'SELECT title FROM elections WHERE id = $1', [electionId]);
    const [row] = await select<{ status: RetentionReview['status']; postponed_until: string | null; postpone_reason: string | null; postponed_at: Date | null; deleted: number }>(
      db,
      tx,
      'SELECT status, postponed_until::text, postpone_reason, postponed_at, deleted FROM election_retentions WHERE election_id = $1',
      [electionId],
    );
    const status = row?.status ?? 'waiting';
    const started = status === 'deleting' || status === 'keeping' || status === 'done';
    const decided = started
      ? (
          await select<{ participant_id: string; decision: RetentionDecision; consent_until: string | null }>(
            db,
            tx,
            'SELECT participant_id, decision, consent_until::text FROM election_retention_items WHERE election_id = $1 AND (done_at IS NULL OR decision = $2) ORDER BY participant_id',
            [electionId, 'keepLaterElection'],
          )
        ).map((r) => ({ participantId: r.participant_id, decision: r.decision, consentUntil: r.consent_until, laterElectionId: null as string | null }))
      : await decideParticipants(db, tx, electionId, settings, today);
    const ids = decided.map((d) => d.participantId);
    const people = await select<{ id: string; name: string; later: string | null }>(
      db,
      tx,
      `SELECT p.id, p.given_name || ' ' || p.family_name AS name,
              (SELECT e2.title FROM task_slots s2 JOIN elections e2 ON e2.id = s2.election_id
                WHERE s2.participant_id = p.id AND e2.id <> $2 AND e2.election_day > (SELECT election_day FROM elections WHERE id = $2)
                ORDER BY e2.election_day LIMIT 1) AS later
         FROM participants p WHERE p.id = ANY($1::uuid[])`,
      [ids, electionId],
    );
    const byId = new Map(people.map((p) => [p.id, p]));
    const participants = decided
      .filter((d) => byId.has(d.participantId))
      .map((d) => ({ participantId: d.participantId, name: byId.get(d.participantId)!.name, decision: d.decision, consentUntil: d.consentUntil, laterElection: d.decision === 'keepLaterElection' ? byId.get(d.participantId)!.later : null }))
      .sort((a, b) => a.decision.localeCompare(b.decision) || a.name.localeCompare(b.name))
      .slice(0, REVIEW_LIMIT);
    const count = (k: RetentionDecision) => decided.filter((d) => d.decision === k).length;
    return {
      electionId,
      title: election!.title,
      electionDay: dates.electionDay,
      active: dates.active,
      deactivateOn: dates.deactivateOn,
      deletionDate: dates.deletionDate,
      reviewDate: dates.reviewDate,
      latestPostponement: dates.latestPostponement,
      status,
      postponement: row?.postponed_until ? { until: row.postponed_until, reason: row.postpone_reason!, at: row.postponed_at!.toISOString() } : null,
      counts: { delete: count('delete'), keepConsent: count('keepConsent'), keepLaterElection: count('keepLaterElection'), deleted: row?.deleted ?? 0 },
      participants,
      settings,
    };
  });
}
