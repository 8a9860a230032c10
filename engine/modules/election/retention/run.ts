// What the deletion-after-the-election workflow does, one transaction at a time (its activities:
// activities/election.ts). Each step reads the election's retention row (created on the first step), does what
// is due on `asOf` (the workflow's clock) and answers the phase and when something is next due:
//   1. the day after the last task date, an active election becomes inactive;
//   2. REVIEW_DAYS_BEFORE days before the deletion date, the review opens (the administrators' list; audited);
//   3. on the deletion date, every participant of the election is decided on (items: delete / keep and why)
//      and the phase becomes 'deleting': the workflow erases the 'delete' items in batches;
//   4. then 'keeping' while someone is kept by consent: each step re-checks them, and one whose consent was
//      withdrawn or has expired is erased by the same path; 'done' when none is left.
// Runs as the system. Idempotent: a step or a batch retried after it committed finds its work done.
import { systemActor } from '../../../actors';
import { recordAudit, type CommandContext } from '../../../audit/record';
import type { Database } from '../../../db/database';
import { execute, select } from '../db';
import { authorize } from '../policies';
import { consentStillKeeps, decideParticipants, electionRetentionDates, retentionSettings } from './decisions';
import { eraseParticipants } from './erase';

export type RetentionPhase = 'waiting' | 'review' | 'deleting' | 'keeping' | 'done';

export interface RetentionStep {
  phase: RetentionPhase;
  /** When the next thing is due (ISO), null when nothing is waiting on a date. */
  nextAt: string | null;
}

export interface RetentionBatch {
  erased: number;
  remaining: number;
}

const MAX_BATCH = 500;

function systemContext(tenantId: string): CommandContext {
  const ctx = { tenantId, actor: systemActor(tenantId, 'election-retention') };
  authorize(ctx.actor, 'election.retention.run', { tenantId });
  return ctx;
}

const dayOf = (iso: string): string => iso.slice(0, 10);
const startOf = (date: string): string => `${date}T00:00:00.000Z`;

export async function retentionStep(db: Database, input: { tenantId: string; electionId: string; asOf: string }): Promise<RetentionStep> {
  const ctx = systemContext(input.tenantId);
  const today = dayOf(input.asOf);
  return db.withTenant(input.tenantId, async (tx) => {
    await execute(db, tx, 'INSERT INTO election_retentions (tenant_id, election_id) SELECT $1, id FROM elections WHERE id = $2 ON CONFLICT DO NOTHING', [input.tenantId, input.electionId]);
    const [row] = await select<{ status: RetentionPhase; deactivated_at: Date | null }>(db, tx, 'SELECT status, deactivated_at FROM election_retentions WHERE election_id = $1 FOR UPDATE', [input.electionId]);
    const settings = await retentionSettings(db, tx);
    const dates = row ? await electionRetentionDates(db, tx, input.electionId, settings) : undefined;
    // The election was deleted: its retention row went with it, nothing is left to do.
    if (!row || !dates) return { phase: 'done', nextAt: null };
    const due: string[] = [];

    if (dates.active && dates.deactivateOn !== null) {
      if (today >= dates.deactivateOn) {
        await execute(db, tx, 'UPDATE elections SET active = false, updated_at = now() WHERE id = $1 AND active', [input.electionId]);
        await execute(db, tx, 'UPDATE election_retentions SET deactivated_at = now() WHERE election_id = $1', [input.electionId]);
        await recordAudit(db, tx, ctx, { action: 'election.electionDeactivated', entityType: 'election', entityId: input.electionId, summary: { automatic: true, lastTaskDate: dates.lastTaskDate } });
      } else due.push(dates.deactivateOn);
    }

    let phase = row.status;
    if (phase === 'waiting') {
      if (today >= dates.reviewDate) {
        const decided = await decideParticipants(db, tx, input.electionId, settings, today);
        await execute(db, tx, "UPDATE election_retentions SET status = 'review', review_opened_at = now() WHERE election_id = $1", [input.electionId]);
        await recordAudit(db, tx, ctx, {
          action: 'election.retentionReviewOpened',
          entityType: 'election',
          entityId: input.electionId,
          summary: { electionId: input.electionId, deletionDate: dates.deletionDate, toDelete: decided.filter((d) => d.decision === 'delete').length, toKeep: decided.filter((d) => d.decision !== 'delete').length },
        });
        phase = 'review';
      } else due.push(dates.reviewDate);
    }
    if (phase === 'review') {
      if (today >= dates.deletionDate) {
        const decided = await decideParticipants(db, tx, input.electionId, settings, today);
        for (const d of decided) {
          await execute(
            db,
            tx,
            // A person kept because of a later election is handed to that election's deletion: done here at once.
            "INSERT INTO election_retention_items (tenant_id, election_id, participant_id, decision, consent_until, done_at) VALUES ($1, $2, $3, $4, $5::date, CASE WHEN $4 = 'keepLaterElection' THEN now() END) ON CONFLICT DO NOTHING",
            [input.tenantId, input.electionId, d.participantId, d.decision, d.consentUntil],
          );
        }
        const kept = decided.filter((d) => d.decision !== 'delete').length;
        await execute(db, tx, "UPDATE election_retentions SET status = 'deleting', deletion_started_at = now(), kept = $2 WHERE election_id = $1", [input.electionId, kept]);
        await recordAudit(db, tx, ctx, {
          action: 'election.retentionDeletionStarted',
          entityType: 'election',
          entityId: input.electionId,
          summary: { electionId: input.electionId, deletionDate: dates.deletionDate, toDelete: decided.length - kept, kept },
        });
        phase = 'deleting';
      } else due.push(dates.deletionDate);
    }
    if (phase === 'keeping') {
      const kept = await select<{ participant_id: string }>(db, tx, "SELECT participant_id FROM election_retention_items WHERE election_id = $1 AND decision = 'keepConsent' AND done_at IS NULL", [input.electionId]);
      const still = await consentStillKeeps(db, tx, kept.map((k) => k.participant_id), settings, today);
      const lapsed = kept.filter((k) => !still.has(k.participant_id)).map((k) => k.participant_id);
      for (const [id, until] of still) await execute(db, tx, 'UPDATE election_retention_items SET consent_until = $3::date WHERE election_id = $1 AND participant_id = $2', [input.electionId, id, until]);
      if (lapsed.length > 0) {
        await execute(db, tx, "UPDATE election_retention_items SET decision = 'delete' WHERE election_id = $1 AND participant_id = ANY($2::uuid[])", [input.electionId, lapsed]);
        await execute(db, tx, "UPDATE election_retentions SET status = 'deleting', kept = kept - $2 WHERE election_id = $1", [input.electionId, lapsed.length]);
        phase = 'deleting';
      } else if (still.size === 0) {
        await execute(db, tx, "UPDATE election_retentions SET status = 'done', finished_at = now() WHERE election_id = $1", [input.electionId]);
        await recordAudit(db, tx, ctx, { action: 'election.retentionFinished', entityType: 'election', entityId: input.electionId, summary: { electionId: input.electionId } });
        phase = 'done';
      } else due.push([...still.values()].sort()[0]!);
    }
    const next = due.sort()[0];
    return { phase, nextAt: next ? startOf(next) : null };
  });
}

/** Erases up to batchSize participants the deletion decided to delete and has not yet; answers what is left. */
export async function eraseRetentionBatch(db: Database, input: { tenantId: string; electionId: string; batchSize: number }): Promise<RetentionBatch> {
  const ctx = systemContext(input.tenantId);
  const limit = Math.max(1, Math.min(MAX_BATCH, Math.floor(input.batchSize)));
  return db.withTenant(input.tenantId, async (tx) => {
    const [row] = await select<{ status: RetentionPhase }>(db, tx, 'SELECT status FROM election_retentions WHERE election_id = $1 FOR UPDATE', [input.electionId]);
    if (!row || row.status !== 'deleting') return { erased: 0, remaining: 0 };
    const pending = await select<{ participant_id: string }>(
      db,
      tx,
      "SELECT participant_id FROM election_retention_items WHERE election_id = $1 AND decision = 'delete' AND done_at IS NULL ORDER BY participant_id LIMIT $2",
      [input.electionId, limit],
    );
    const ids = pending.map((p) => p.participant_id);
    if (ids.length > 0) {
      const counts = await eraseParticipants(db, tx, input.tenantId, ids);
      await execute(db, tx, 'UPDATE election_retention_items SET done_at = now() WHERE election_id = $1 AND participant_id = ANY($2::uuid[])', [input.electionId, ids]);
      await execute(db, tx, 'UPDATE election_retentions SET deleted = deleted + $2 WHERE election_id = $1', [input.electionId, counts.participants]);
      await recordAudit(db, tx, ctx, {
        action: 'election.retentionBatchErased',
        entityType: 'election',
        entityId: input.electionId,
        summary: { electionId: input.electionId, participants: counts.participants, slotsVacated: counts.slotsVacated, logRows: counts.logRows, users: counts.users },
      });
    }
    const [left] = await select<{ n: number }>(db, tx, "SELECT count(*)::integer AS n FROM election_retention_items WHERE election_id = $1 AND decision = 'delete' AND done_at IS NULL", [input.electionId]);
    if (left!.n === 0) {
      // Everyone to delete is gone: on to keeping (those kept by consent are re-checked by the next steps).
      await execute(db, tx, "UPDATE election_retentions SET status = 'keeping' WHERE election_id = $1", [input.electionId]);
    }
    return { erased: ids.length, remaining: left!.n };
  });
}
