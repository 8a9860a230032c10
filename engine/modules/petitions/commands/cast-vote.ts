// A citizen logged in with e-ID votes for an open petition. The vote row holds only the HMAC of the personal
// number under the petition's own key (vote-keys.ts) and the day; the personal number comes from the e-ID
// login and goes no further than this function. One round trip when the key is in memory, shared with the
// votes for the same petition arriving at the same moment (group commit): the SQL function petition_cast_votes
// (migrations/0012) sets the tenant, checks, inserts, counts and records a threshold crossing.
// A second vote is refused (`petition.alreadyVoted`, 409) and never counted.
//
// No audit row per vote: every audit row is chained under the tenant's one chain head (a row every vote would
// update), and its place and time in the chain, next to the voter's `session.loggedIn`, would say who voted.
// The audit log records the votes per day, as the ballot and without anyone's name, when the voters are erased
// (erase-voters.ts), and each threshold crossing when it happens.
import type { ParsedPersonalNumber } from '../../../../forms/formats/personal-number';
import type { CommandContext } from '../../../audit/record';
import type { Database } from '../../../db/database';
import { GroupCommit } from '../../../db/group-commit';
import { NotFoundError } from '../../../errors';
import { foundUuid } from '../../../ids';
import type { PetitionDeps } from '../db';
import { findPetition } from '../db';
import { petitionConflict } from '../errors';
import { authorize } from '../policies';
import { signalThresholdCrossings, THRESHOLD_MARGIN, VOTE_BATCH_MAX } from '../thresholds';
import { cachedVoteKey, forgetVoteKey, voterHash } from '../vote-keys';

export interface VoteResult {
  /** The petition's count after this vote. */
  votes: number;
  /** The thresholds this vote crossed (each is crossed by exactly one vote); usually none. */
  crossed: number[];
}

export type Voter = Pick<ParsedPersonalNumber, 'country' | 'canonical'>;

export function assertVoter(voter: Voter): void {
  if (!voter || (voter.country !== 'DK' && voter.country !== 'SE') || typeof voter.canonical !== 'string' || !/^\d{10,12}$/.test(voter.canonical)) {
    throw new Error('a vote needs the personal number of the e-ID login (a parsed personal number)');
  }
}

/** Why there is no key: the petition is missing (404) or not open for votes (409). */
async function withoutKey(deps: PetitionDeps, ctx: CommandContext, petitionId: string): Promise<never> {
  const row = await deps.db.withTenant(ctx.tenantId, (tx) => findPetition(deps.db, tx, petitionId));
  throw petitionConflict('petition.notOpen', `the petition is ${row.status}, not open for votes`, { status: row.status });
}

/** The petition's vote key, or the reason there is none. */
export async function voteKeyOrRefuse(deps: PetitionDeps, ctx: CommandContext, petitionId: string): Promise<Buffer> {
  const key = await cachedVoteKey(deps.db, deps.keyring, ctx.tenantId, petitionId);
  return key ?? withoutKey(deps, ctx, petitionId);
}

type VoteOutcome = { outcome: 'cast' | 'alreadyVoted' | 'notOpen' | 'notFound'; votes: string; crossed: number[] };

/**
 * The votes' group commit (engine/db/group-commit.ts): the votes for one petition that arrive together go to
 * the database as one petition_cast_votes call (migrations/0012) — one round trip and one commit for all of
 * them, each answered after that commit. One per pool.
 */
const batchers = new WeakMap<Database, GroupCommit<string, VoteOutcome>>();

function voteBatcher(db: Database): GroupCommit<string, VoteOutcome> {
  let batcher = batchers.get(db);
  if (!batcher) {
    batcher = new GroupCommit<string, VoteOutcome>(async (lane, hashes) => {
      const [tenantId, petitionId] = lane.split(':') as [string, string];
      return db.rawQuery<VoteOutcome>('SELECT ord, outcome, votes, crossed FROM petition_cast_votes($1, $2, $3, $4) ORDER BY ord', [tenantId, petitionId, hashes, THRESHOLD_MARGIN]);
    }, { maxBatch: VOTE_BATCH_MAX });
    batchers.set(db, batcher);
  }
  return batcher;
}

export async function castVote(deps: PetitionDeps, ctx: CommandContext, petitionId: string, voter: Voter): Promise<VoteResult> {
  authorize(ctx.actor, 'petitions.vote.cast', { tenantId: ctx.tenantId });
  foundUuid(petitionId);
  assertVoter(voter);
  const { db } = deps;
  const hash = voterHash(await voteKeyOrRefuse(deps, ctx, petitionId), voter);
  const result = await voteBatcher(db).submit(`${ctx.tenantId}:${petitionId}`, hash);
  switch (result.outcome) {
    case 'cast':
      break;
    case 'alreadyVoted':
      throw petitionConflict('petition.alreadyVoted', 'you have already voted for this petition');
    case 'notOpen':
      forgetVoteKey(ctx.tenantId, petitionId);
      throw petitionConflict('petition.notOpen', 'the petition is not open for votes');
    default:
      forgetVoteKey(ctx.tenantId, petitionId);
      throw new NotFoundError();
  }
  const crossed = result.crossed ?? [];
  // A crossing is told to the flows in a transaction of its own; one lost to a crash is told when the window closes.
  if (crossed.length) await db.withTenant(ctx.tenantId, (tx) => signalThresholdCrossings(db, tx, ctx.tenantId, petitionId));
  return { votes: Number(result.votes), crossed };
}
