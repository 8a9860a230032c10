// Open data: every published petition as a row of facts with no personal data (no proposer, no voter): what it
// proposes, its dates, its count and the thresholds it reached; and the votes per day once the voters are erased.
// The route serves them as JSON and CSV.
import type { Actor } from '../../../actors';
import { select, type PetitionDeps, type PetitionStatus } from '../db';
import { authorize } from '../policies';
import { VOTES_SQL } from './list-petitions';

export interface OpenDataRow {
  id: string;
  status: PetitionStatus;
  title: string;
  summary: string;
  openedAt: Date;
  closesAt: Date;
  closedAt: Date | null;
  answeredAt: Date | null;
  votes: number;
  thresholdsReached: number[];
}

export async function openDataRows(deps: Pick<PetitionDeps, 'db'>, actor: Actor): Promise<OpenDataRow[]> {
  authorize(actor, 'petitions.petition.view', { tenantId: actor.tenantId });
  const { db } = deps;
  return db.withTenant(actor.tenantId, (tx) =>
    select<OpenDataRow>(
      db,
      tx,
      `SELECT p.id, p.status, p.title, p.summary, p.opened_at AS "openedAt", p.closes_at AS "closesAt", p.closed_at AS "closedAt",
              p.answered_at AS "answeredAt", ${VOTES_SQL} AS votes,
              coalesce((SELECT array_agg(x.threshold ORDER BY x.threshold) FROM petition_threshold_crossings x WHERE x.petition_id = p.id), '{}') AS "thresholdsReached"
         FROM petitions p WHERE p.status IN ('open', 'closed', 'inHandling', 'answered') ORDER BY p.opened_at, p.id`,
    ),
  );
}

/** Votes per day of the petitions whose voters are erased (the days are final then). */
export async function openDataVoteDays(deps: Pick<PetitionDeps, 'db'>, actor: Actor): Promise<{ petitionId: string; day: string; votes: number }[]> {
  authorize(actor, 'petitions.petition.view', { tenantId: actor.tenantId });
  const { db } = deps;
  return db.withTenant(actor.tenantId, (tx) =>
    select(db, tx, `SELECT petition_id AS "petitionId", to_char(day, 'YYYY-MM-DD') AS day, votes FROM petition_vote_days ORDER BY petition_id, day`),
  );
}
