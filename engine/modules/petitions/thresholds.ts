// Threshold crossings: a petition's thresholds (e.g. 500 votes → the council answers) are crossed once each.
// The vote function (migrations/0008, in batches 0012) inserts a crossing when the count it sees reaches a threshold, counting
// again under a lock near one, so the votes around it take turns and exactly one inserts the row. Closing the
// window records any the committed count reached that no vote did (a backstop). Each crossing reaches the
// petition's flows once, through the flow gateway (an outbox row in the same transaction as signalled_at).
import type { Transaction } from 'sequelize';
import type { Database } from '../../db/database';
import { flowGateway } from '../../flows/gateway';
import { recordBallotAudit } from './ballot-audit';
import { PETITION_SUBJECT, select } from './db';
import { petitionParameters, thresholdEvents } from './flow-parameters';

/** The most votes one batch of the votes' group commit carries (commands/cast-vote.ts). */
export const VOTE_BATCH_MAX = 100;

/**
 * How close to a threshold (in votes) a vote starts counting under the lock: more than the votes that can be in
 * flight at once (two batches of VOTE_BATCH_MAX per petition and API process, a few processes), so the vote
 * that completes a threshold is always among them.
 */
export const THRESHOLD_MARGIN = 1024;

/** Crossings the count reached that are not recorded yet (inserted once each); the thresholds inserted. */
export async function reconcileThresholdCrossings(db: Database, tx: Transaction, petition: { id: string; tenant_id: string; thresholds: number[] }, count: number): Promise<number[]> {
  const rows = await select<{ threshold: number }>(
    db,
    tx,
    `INSERT INTO petition_threshold_crossings (tenant_id, petition_id, threshold, votes)
     SELECT $1, $2, t, $3 FROM unnest($4::integer[]) AS t WHERE t <= $3
     ON CONFLICT DO NOTHING RETURNING threshold`,
    [petition.tenant_id, petition.id, count, petition.thresholds],
  );
  return rows.map((r) => r.threshold).sort((a, b) => a - b);
}

/**
 * Tells the petition's flows about every crossing not told yet (`petition.threshold<N>Reached`, N naming the
 * flow's threshold parameter of that count — flow-parameters.ts), and marks them told in the same transaction:
 * exactly once each, however many callers race. Returns the thresholds told.
 */
export async function signalThresholdCrossings(db: Database, tx: Transaction, tenantId: string, petitionId: string): Promise<number[]> {
  const told = await select<{ threshold: number; votes: number }>(
    db,
    tx,
    'UPDATE petition_threshold_crossings SET signalled_at = now() WHERE petition_id = $1 AND signalled_at IS NULL RETURNING threshold, votes',
    [petitionId],
  );
  told.sort((a, b) => a.threshold - b.threshold);
  const parameters = told.length ? await petitionParameters(db, tx, petitionId) : undefined;
  for (const crossing of told) {
    for (const event of thresholdEvents(parameters!, crossing.threshold)) await flowGateway.signal(db, tx, tenantId, { subjectType: PETITION_SUBJECT, subjectId: petitionId, event });
    await recordBallotAudit(db, tx, tenantId, { action: 'petition.thresholdCrossed', entityType: 'petition', entityId: petitionId, summary: { threshold: crossing.threshold, votes: crossing.votes } });
  }
  return told.map((c) => c.threshold);
}
