// The vote window closes (the petition's flow, at its deadline): no more votes or withdrawals. Closing takes
// the vote lock exclusively (migrations/0008), so it waits for the votes in flight and none comes after it;
// the count is then exact, and any threshold it reached that no vote recorded is recorded and told now.
import type { Transaction } from 'sequelize';
import { recordAudit, type CommandContext } from '../../../audit/record';
import type { Database } from '../../../db/database';
import { execute, findPetition, select, type PetitionDeps, type PetitionRow } from '../db';
import { wrongStatus } from '../errors';
import { authorize } from '../policies';
import { reconcileThresholdCrossings, signalThresholdCrossings } from '../thresholds';

/** Waits for the votes in flight on the petition and keeps new ones out until the transaction ends. */
export async function lockOutVotes(db: Database, tx: Transaction, petitionId: string): Promise<void> {
  await select(db, tx, 'SELECT pg_advisory_xact_lock(7301, hashtext($1::text))', [petitionId]);
}

/** Closes an open petition in the caller's transaction (the row locked, the votes locked out); returns the count. */
export async function closeOpenPetition(db: Database, tx: Transaction, ctx: CommandContext, row: PetitionRow): Promise<number> {
  await lockOutVotes(db, tx, row.id);
  await execute(db, tx, "UPDATE petitions SET status = 'closed', closed_at = now(), updated_at = now() WHERE id = $1", [row.id]);
  const [counted] = await select<{ votes: number }>(db, tx, 'SELECT count(*)::integer AS votes FROM petition_votes WHERE petition_id = $1', [row.id]);
  const votes = counted?.votes ?? 0;
  await reconcileThresholdCrossings(db, tx, row, votes);
  await signalThresholdCrossings(db, tx, row.tenant_id, row.id);
  await recordAudit(db, tx, ctx, { action: 'petition.votingClosed', entityType: 'petition', entityId: row.id, summary: { votes } });
  return votes;
}

export async function closePetitionVoting(deps: PetitionDeps, ctx: CommandContext, id: string): Promise<{ votes: number }> {
  const { db } = deps;
  return db.withTenant(ctx.tenantId, async (tx) => {
    const row = await findPetition(db, tx, id, { lock: true });
    authorize(ctx.actor, 'petitions.voting.close', { tenantId: row.tenant_id });
    if (row.status !== 'open') throw wrongStatus(row.status, 'closed');
    return { votes: await closeOpenPetition(db, tx, ctx, row) };
  });
}
