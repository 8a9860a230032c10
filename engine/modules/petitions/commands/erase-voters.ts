// When the vote window has closed, who voted is erased for good: the votes per day are written down, the vote
// rows and the counter deleted, the final count kept on the petition, and the petition's vote key destroyed, so
// a hash left anywhere (a backup, a log) can never be matched to a personal number again (crypto-shredding).
// The audit log gets the per-day votes as the ballot (no actor, no request) and the erasure as the caller.
// An open petition is closed first, in the same transaction. Erasing twice does nothing the second time.
import { recordAudit, type CommandContext } from '../../../audit/record';
import { recordBallotAudit } from '../ballot-audit';
import { execute, findPetition, select, type PetitionDeps } from '../db';
import { wrongStatus } from '../errors';
import { authorize } from '../policies';
import { reconcileThresholdCrossings, signalThresholdCrossings } from '../thresholds';
import { destroyVoteKey } from '../vote-keys';
import { closeOpenPetition, lockOutVotes } from './close-voting';

export interface ErasedVoters {
  finalCount: number;
  /** Days with votes, kept in petition_vote_days. */
  days: number;
  keyDestroyed: boolean;
}

export async function eraseVoters(deps: PetitionDeps, ctx: CommandContext, id: string): Promise<ErasedVoters> {
  const { db } = deps;
  return db.withTenant(ctx.tenantId, async (tx) => {
    const row = await findPetition(db, tx, id, { lock: true });
    authorize(ctx.actor, 'petitions.voters.erase', { tenantId: row.tenant_id });
    if (row.voters_erased_at) {
      const [kept] = await select<{ n: number }>(db, tx, 'SELECT count(*)::integer AS n FROM petition_vote_days WHERE petition_id = $1', [row.id]);
      return { finalCount: row.final_count ?? 0, days: kept?.n ?? 0, keyDestroyed: false };
    }
    if (!['open', 'closed', 'inHandling', 'answered'].includes(row.status)) throw wrongStatus(row.status, 'erased of voters');
    if (row.status === 'open') await closeOpenPetition(db, tx, ctx, row);
    else await lockOutVotes(db, tx, row.id);

    const days = await select<{ day: string; votes: number }>(
      db,
      tx,
      `INSERT INTO petition_vote_days (tenant_id, petition_id, day, votes)
       SELECT $1, $2, cast_on, count(*) FROM petition_votes WHERE petition_id = $2 GROUP BY cast_on
       RETURNING to_char(day, 'YYYY-MM-DD') AS day, votes`,
      [row.tenant_id, row.id],
    );
    days.sort((a, b) => a.day.localeCompare(b.day));
    const finalCount = days.reduce((sum, d) => sum + d.votes, 0);
    await reconcileThresholdCrossings(db, tx, row, finalCount);
    await signalThresholdCrossings(db, tx, row.tenant_id, row.id);
    await execute(db, tx, 'DELETE FROM petition_votes WHERE petition_id = $1', [row.id]);
    await execute(db, tx, 'DELETE FROM petition_vote_counts WHERE petition_id = $1', [row.id]);
    const keyDestroyed = await destroyVoteKey(db, tx, row.tenant_id, row.id);
    await execute(db, tx, 'UPDATE petitions SET final_count = $2, voters_erased_at = now(), updated_at = now() WHERE id = $1', [row.id, finalCount]);
    for (const day of days) await recordBallotAudit(db, tx, row.tenant_id, { action: 'petition.votesCast', entityType: 'petition', entityId: row.id, summary: { day: day.day, votes: day.votes } });
    await recordAudit(db, tx, ctx, { action: 'petition.votersErased', entityType: 'petition', entityId: row.id, summary: { votes: finalCount, days: days.length, keyDestroyed } });
    return { finalCount, days: days.length, keyDestroyed };
  });
}
