// While the window is open a voter may take their vote back: the row goes, the count goes down by one. Like
// casting, one round trip (petition_withdraw_vote, migrations/0009) and no audit row naming anyone.
import { QueryTypes } from 'sequelize';
import type { CommandContext } from '../../../audit/record';
import { NotFoundError } from '../../../errors';
import { foundUuid } from '../../../ids';
import type { PetitionDeps } from '../db';
import { petitionConflict } from '../errors';
import { authorize } from '../policies';
import { forgetVoteKey, voterHash } from '../vote-keys';
import { assertVoter, voteKeyOrRefuse, type Voter } from './cast-vote';

export async function withdrawVote(deps: PetitionDeps, ctx: CommandContext, petitionId: string, voter: Voter): Promise<{ votes: number }> {
  authorize(ctx.actor, 'petitions.vote.withdraw', { tenantId: ctx.tenantId });
  foundUuid(petitionId);
  assertVoter(voter);
  const hash = voterHash(await voteKeyOrRefuse(deps, ctx, petitionId), voter);
  const [result] = await deps.db.sequelize.query<{ outcome: 'withdrawn' | 'notVoted' | 'notOpen' | 'notFound'; votes: string }>('SELECT outcome, votes FROM petition_withdraw_vote($1, $2, $3)', {
    bind: [ctx.tenantId, petitionId, hash],
    type: QueryTypes.SELECT,
  });
  switch (result?.outcome) {
    case 'withdrawn':
      return { votes: Number(result.votes) };
    case 'notVoted':
      throw petitionConflict('petition.notVoted', 'you have not voted for this petition');
    case 'notOpen':
      forgetVoteKey(ctx.tenantId, petitionId);
      throw petitionConflict('petition.notOpen', 'the petition is not open for votes');
    default:
      forgetVoteKey(ctx.tenantId, petitionId);
      throw new NotFoundError();
  }
}
