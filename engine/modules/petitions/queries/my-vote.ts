// "Did I vote?" for the citizen logged in with e-ID, while the window is open (they may then withdraw). Once
// the voters are erased nobody can tell any more, the voter included: `voted` is null then.
import type { CommandContext } from '../../../audit/record';
import { findPetition, select, type PetitionDeps } from '../db';
import { authorize } from '../policies';
import { openVoteKey, voterHash } from '../vote-keys';
import { assertVoter, type Voter } from '../commands/cast-vote';

export interface MyVote {
  open: boolean;
  voted: boolean | null;
  /** Whether the voter may withdraw now. */
  canWithdraw: boolean;
}

export async function myVote(deps: PetitionDeps, ctx: CommandContext, petitionId: string, voter: Voter): Promise<MyVote> {
  authorize(ctx.actor, 'petitions.vote.view', { tenantId: ctx.tenantId });
  assertVoter(voter);
  const { db, keyring } = deps;
  return db.withTenant(ctx.tenantId, async (tx) => {
    const row = await findPetition(db, tx, petitionId);
    const open = row.status === 'open' && row.closes_at !== null && row.closes_at.getTime() > Date.now();
    const key = await openVoteKey(db, keyring, tx, row.tenant_id, row.id);
    if (!key) return { open, voted: row.voters_erased_at ? null : false, canWithdraw: false };
    const [vote] = await select(db, tx, 'SELECT 1 FROM petition_votes WHERE petition_id = $1 AND voter_hash = $2', [row.id, voterHash(key, voter)]);
    return { open, voted: Boolean(vote), canWithdraw: open && Boolean(vote) };
  });
}
