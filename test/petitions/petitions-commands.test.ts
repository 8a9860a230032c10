// The e-petitions' life against the real PostgreSQL: propose without login → confirm the e-mail (the link works
// once, and not after it expires) → moderate (returned once, resubmitted, approved) → vote (a second vote is
// refused and not counted) → withdraw → vote again → a threshold crossed exactly once under 50 votes at once →
// the voters erased (no vote rows, the key destroyed, the count and the votes per day kept) → no table holds a
// voter's personal number or hash, and the audit log names no voter.
import { randomUUID } from 'node:crypto';
import { QueryTypes } from 'sequelize';
import { closePetitionVoting } from '../../engine/modules/petitions/commands/close-voting';
import { castVote } from '../../engine/modules/petitions/commands/cast-vote';
import { confirmPetitionEmail } from '../../engine/modules/petitions/commands/confirm-petition-email';
import { eraseVoters } from '../../engine/modules/petitions/commands/erase-voters';
import { approvePetition, correctPetition, rejectPetition, returnPetition } from '../../engine/modules/petitions/commands/moderate-petition';
import { proposePetition } from '../../engine/modules/petitions/commands/propose-petition';
import { resubmitPetition } from '../../engine/modules/petitions/commands/resubmit-petition';
import { withdrawVote } from '../../engine/modules/petitions/commands/withdraw-vote';
import { moderationQueue } from '../../engine/modules/petitions/queries/moderation-queue';
import { myVote } from '../../engine/modules/petitions/queries/my-vote';
import { petitionDetail } from '../../engine/modules/petitions/queries/petition-detail';
import { openVoteKey, voterHash } from '../../engine/modules/petitions/vote-keys';
import { createTestTenant, suiteDatabase, type TestTenant } from '../helpers/factories';
import { anonymous, answers, citizen, cpr, flow, moderator, openPetition, ownerRows, petitionDeps, tablesHolding } from './helpers';

const db = suiteDatabase();
const deps = petitionDeps(db);
let tenant: TestTenant;

beforeAll(async () => {
  tenant = await createTestTenant({ builtinForms: true });
});

const problemCode = (err: unknown) => (err as { fields?: { code?: string }[] }).fields?.[0]?.code;

async function refused(promise: Promise<unknown>): Promise<{ name: string; status: number; code: string; field?: string; fieldCode?: string }> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!err) throw new Error('expected a refusal');
  const e = err as { name: string; status: number; code: string; fields?: { field: string; code?: string }[] };
  return { name: e.name, status: e.status, code: e.code, ...(e.fields?.[0] ? { field: e.fields[0].field, fieldCode: e.fields[0].code! } : {}) };
}

describe('a petition from proposal to erased voters', () => {
  let id: string;
  let confirmToken: string;
  const voters = Array.from({ length: 60 }, (_, i) => ({ ctx: citizen(''), pn: cpr(i + 100) }));
  const hashes: string[] = [];

  beforeAll(() => {
    for (const v of voters) v.ctx = citizen(tenant.id);
  });

  it('is proposed without login, its proposer sealed, awaiting the e-mail’s confirmation', async () => {
    const proposed = await proposePetition(deps, anonymous(tenant.id), { answers: answers() });
    id = proposed.id;
    confirmToken = proposed.confirmToken;
    expect(proposed.confirmExpiresAt.getTime()).toBeGreaterThan(Date.now() + 6 * 86_400_000);
    const [row] = await ownerRows<Record<string, unknown>>('SELECT * FROM petitions WHERE id = $1', [id]);
    expect(row).toMatchObject({ status: 'awaitingConfirmation', title: 'Flere bænke i byparken', content: { title: 'Flere bænke i byparken', proposal: expect.any(String), background: expect.any(String) } });
    expect(JSON.stringify(row!.content)).not.toMatch(/Karen|karen/);
    expect(Buffer.isBuffer(row!.proposer_name_sealed) && !(row!.proposer_name_sealed as Buffer).includes('Karen')).toBe(true);
    expect(row!.confirm_token_hash).not.toBe(confirmToken);
    // Not public, not in the queue yet.
    await expect(petitionDetail(deps, anonymous(tenant.id).actor, id)).rejects.toMatchObject({ status: 404 });
    expect((await moderationQueue(deps, moderator(tenant.id).actor)).items.map((i) => i.id)).not.toContain(id);
  });

  it('is confirmed once by its link; a second use and an expired link are refused', async () => {
    expect(await confirmPetitionEmail(deps, anonymous(tenant.id), confirmToken)).toEqual({ id, status: 'awaitingModeration' });
    expect(await refused(confirmPetitionEmail(deps, anonymous(tenant.id), confirmToken))).toMatchObject({ status: 404, code: 'not_found' });

    const late = await proposePetition(deps, anonymous(tenant.id), { answers: answers({ proposerEmail: 'late@example.dk' }) });
    await ownerRows("UPDATE petitions SET confirm_expires_at = now() - interval '1 minute' WHERE id = $1", [late.id]);
    expect(await refused(confirmPetitionEmail(deps, anonymous(tenant.id), late.confirmToken))).toMatchObject({ status: 409, field: '/token', fieldCode: 'petition.tokenExpired' });
    const [still] = await ownerRows<{ status: string }>('SELECT status FROM petitions WHERE id = $1', [late.id]);
    expect(still!.status).toBe('awaitingConfirmation');
    expect(await refused(confirmPetitionEmail(deps, anonymous(tenant.id), 'not a token'))).toMatchObject({ status: 404 });
  });

  it('waits in the moderation queue, oldest first, and is returned once, resubmitted, corrected and approved', async () => {
    const queue = await moderationQueue(deps, moderator(tenant.id).actor);
    expect(queue.items.map((i) => i.id)).toContain(id);
    expect(queue.items[0]!.waitingSeconds).toBeGreaterThanOrEqual(0);
    await expect(moderationQueue(deps, citizen(tenant.id).actor)).rejects.toMatchObject({ status: 403 });
    await expect(approvePetition(deps, citizen(tenant.id), id)).rejects.toMatchObject({ status: 403 });

    const returned = await returnPetition(deps, moderator(tenant.id), id, { message: 'Skriv hvor i parken.' });
    expect(await refused(approvePetition(deps, moderator(tenant.id), id))).toMatchObject({ status: 409, fieldCode: 'petition.wrongStatus' });
    expect(await refused(resubmitPetition(deps, anonymous(tenant.id), returned.editToken, { ...answers(), proposal: 'kort' }))).toMatchObject({ status: 400, field: '/proposal' });
    await resubmitPetition(deps, anonymous(tenant.id), returned.editToken, { title: 'Flere bænke i byparken', proposal: 'Kommunen opstiller ti nye bænke langs søen i byparken, så ældre kan hvile sig.' });
    expect(await refused(resubmitPetition(deps, anonymous(tenant.id), returned.editToken, answers()))).toMatchObject({ status: 404 });

    expect(await correctPetition(deps, moderator(tenant.id), id, { title: 'Flere bænke i Byparken' })).toEqual({ fields: ['title'] });
    expect(await refused(correctPetition(deps, moderator(tenant.id), id, { proposerEmail: 'x@example.dk' }))).toMatchObject({ status: 400, field: '/proposerEmail' });
    const [row] = await ownerRows<{ title: string; original_content: { title: string }; resubmissions: number; status: string }>('SELECT title, original_content, resubmissions, status FROM petitions WHERE id = $1', [id]);
    expect(row).toEqual({ title: 'Flere bænke i Byparken', original_content: expect.objectContaining({ title: 'Flere bænke i byparken' }), resubmissions: 1, status: 'awaitingModeration' });

    await approvePetition(deps, moderator(tenant.id), id, { windowDays: 30, thresholds: [30, 5] });
    const detail = await petitionDetail(deps, anonymous(tenant.id).actor, id);
    expect(detail).toMatchObject({ status: 'open', title: 'Flere bænke i Byparken', proposerName: 'Karen Madsen', corrected: true, votes: 0, thresholds: [5, 30] });
    expect(detail.moderation).toBeUndefined();
    expect((await petitionDetail(deps, moderator(tenant.id).actor, id)).moderation).toMatchObject({ original: expect.objectContaining({ title: 'Flere bænke i byparken' }), resubmissions: 1 });
    expect(await refused(rejectPetition(deps, moderator(tenant.id), id, { reason: 'duplicate', message: 'x' }))).toMatchObject({ status: 409, fieldCode: 'petition.wrongStatus' });
  });

  it('counts one vote per person: a second vote is refused and not counted; a withdrawn vote can be cast again', async () => {
    const [first] = voters;
    expect(await castVote(deps, first!.ctx, id, first!.pn)).toEqual({ votes: 1, crossed: [] });
    // The same person in another session (another actor) is the same voter.
    expect(await refused(castVote(deps, citizen(tenant.id), id, first!.pn))).toMatchObject({ status: 409, code: 'conflict', fieldCode: 'petition.alreadyVoted' });
    expect((await petitionDetail(deps, anonymous(tenant.id).actor, id)).votes).toBe(1);
    expect(await myVote(deps, first!.ctx, id, first!.pn)).toEqual({ open: true, voted: true, canWithdraw: true });
    expect(await myVote(deps, voters[1]!.ctx, id, voters[1]!.pn)).toEqual({ open: true, voted: false, canWithdraw: false });

    expect(await withdrawVote(deps, first!.ctx, id, first!.pn)).toEqual({ votes: 0 });
    expect(await refused(withdrawVote(deps, first!.ctx, id, first!.pn))).toMatchObject({ status: 409, fieldCode: 'petition.notVoted' });
    expect(await castVote(deps, first!.ctx, id, first!.pn)).toEqual({ votes: 1, crossed: [] });

    // Voting takes an e-ID login; another tenant's citizen finds no such petition.
    expect(await refused(castVote(deps, anonymous(tenant.id), id, voters[1]!.pn))).toMatchObject({ status: 401 });
    expect(await refused(castVote(deps, moderator(tenant.id), id, voters[1]!.pn))).toMatchObject({ status: 403 });
    const elsewhere = await createTestTenant({ country: 'SE' });
    expect(await refused(castVote(deps, citizen(elsewhere.id), id, voters[1]!.pn))).toMatchObject({ status: 404 });
    expect(await refused(withdrawVote(deps, citizen(elsewhere.id), id, first!.pn))).toMatchObject({ status: 404 });
  });

  it('crosses each threshold exactly once, told to the flows once, when votes come all at once', async () => {
    const results = await Promise.all(voters.slice(1, 4).map((v) => castVote(deps, v.ctx, id, v.pn)));
    expect(Math.max(...results.map((r) => r.votes))).toBe(4);
    // 50 votes at once around both thresholds (5 and 30), and the first voter again, twice.
    const burst = await Promise.allSettled([...voters.slice(4, 54).map((v) => castVote(deps, v.ctx, id, v.pn)), castVote(deps, voters[0]!.ctx, id, voters[0]!.pn), castVote(deps, voters[0]!.ctx, id, voters[0]!.pn)]);
    const cast = burst.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    expect(cast).toHaveLength(50);
    expect(burst.filter((r) => r.status === 'rejected').map((r) => problemCode((r as PromiseRejectedResult).reason))).toEqual(['petition.alreadyVoted', 'petition.alreadyVoted']);
    expect(cast.flatMap((r) => r.crossed).sort((a, b) => a - b)).toEqual([5, 30]);
    expect((await petitionDetail(deps, anonymous(tenant.id).actor, id)).votes).toBe(54);

    const crossings = await ownerRows<{ threshold: number; votes: number; signalled: boolean }>('SELECT threshold, votes, signalled_at IS NOT NULL AS signalled FROM petition_threshold_crossings WHERE petition_id = $1 ORDER BY threshold', [id]);
    expect(crossings).toEqual([
      { threshold: 5, votes: 5, signalled: true },
      { threshold: 30, votes: 30, signalled: true },
    ]);
    const told = await ownerRows<{ action: string; actor_type: string; actor_id: string; request_id: string | null; summary: { threshold: number } }>(
      "SELECT action, actor_type, actor_id, request_id, summary FROM audit_log WHERE tenant_id = $1 AND action = 'petition.thresholdCrossed' ORDER BY seq",
      [tenant.id],
    );
    expect(told.map((t) => [t.actor_type, t.actor_id, t.request_id, t.summary.threshold])).toEqual([
      ['system', 'ballot', null, 5],
      ['system', 'ballot', null, 30],
    ]);
    // The counter's rows add up to the votes.
    const [sum] = await ownerRows<{ counted: number; rows: number }>('SELECT (SELECT sum(votes) FROM petition_vote_counts WHERE petition_id = $1)::integer AS counted, (SELECT count(*) FROM petition_votes WHERE petition_id = $1)::integer AS rows', [id]);
    expect(sum).toEqual({ counted: 54, rows: 54 });
  });

  it('erases the voters when the window closes: no vote rows, the key destroyed, the count and the votes per day kept', async () => {
    // The hashes as they were, to look for them afterwards.
    const key = await db.withTenant(tenant.id, (tx) => openVoteKey(db, deps.keyring, tx, tenant.id, id));
    for (const v of voters) hashes.push(voterHash(key!, v.pn));
    // The scan finds what is there: while the window is open the hashes are in the votes (and nowhere else), the numbers nowhere.
    expect(await tablesHolding(hashes)).toEqual(['petition_votes.voter_hash']);
    expect(await tablesHolding(voters.map((v) => v.pn.canonical))).toEqual([]);
    await expect(eraseVoters(deps, moderator(tenant.id), id)).rejects.toMatchObject({ status: 403 });

    await closePetitionVoting(deps, flow(tenant.id), id);
    expect(await refused(castVote(deps, voters[55]!.ctx, id, voters[55]!.pn))).toMatchObject({ status: 409, fieldCode: 'petition.notOpen' });
    expect(await refused(withdrawVote(deps, voters[1]!.ctx, id, voters[1]!.pn))).toMatchObject({ status: 409, fieldCode: 'petition.notOpen' });

    const erased = await eraseVoters(deps, flow(tenant.id), id);
    expect(erased).toEqual({ finalCount: 54, days: 1, keyDestroyed: true });
    expect(await eraseVoters(deps, flow(tenant.id), id)).toEqual({ finalCount: 54, days: 1, keyDestroyed: false });
    expect(await ownerRows('SELECT 1 FROM petition_votes WHERE petition_id = $1', [id])).toEqual([]);
    expect(await ownerRows('SELECT 1 FROM petition_vote_counts WHERE petition_id = $1', [id])).toEqual([]);
    expect(await ownerRows<{ sealed_key: Buffer | null; destroyed: boolean }>('SELECT sealed_key, destroyed_at IS NOT NULL AS destroyed FROM petition_keys WHERE petition_id = $1', [id])).toEqual([{ sealed_key: null, destroyed: true }]);
    const days = await ownerRows<{ votes: number }>('SELECT votes FROM petition_vote_days WHERE petition_id = $1', [id]);
    expect(days).toEqual([{ votes: 54 }]);

    const detail = await petitionDetail(deps, anonymous(tenant.id).actor, id);
    expect(detail).toMatchObject({ status: 'closed', votes: 54, days: [{ day: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), votes: 54 }] });
    expect(detail.timeline.map((t) => t.kind)).toEqual(['published', 'thresholdReached', 'thresholdReached', 'closed']);
    // Nobody can tell any more, not even the voter.
    expect(await myVote(deps, voters[1]!.ctx, id, voters[1]!.pn)).toEqual({ open: false, voted: null, canWithdraw: false });
  });

  it('leaves no voter’s personal number or hash in any table', async () => {
    const numbers = voters.flatMap((v) => [v.pn.canonical, `${v.pn.canonical.slice(0, 6)}-${v.pn.canonical.slice(6)}`]);
    expect(await tablesHolding([...numbers, ...hashes])).toEqual([]);
  });

  it('keeps an audit log that records the votes and names no voter', async () => {
    const rows = await ownerRows<{ action: string; actor_type: string; actor_id: string; request_id: string | null; summary: Record<string, unknown> }>(
      'SELECT action, actor_type, actor_id, request_id, summary FROM audit_log WHERE tenant_id = $1 ORDER BY seq',
      [tenant.id],
    );
    const voterIds = new Set(voters.map((v) => v.ctx.actor.id));
    const voterRequests = new Set(voters.map((v) => v.ctx.requestId));
    expect(rows.filter((r) => voterIds.has(r.actor_id) || (r.request_id !== null && voterRequests.has(r.request_id)))).toEqual([]);
    const ballot = rows.filter((r) => r.actor_id === 'ballot');
    expect(ballot.map((r) => r.action).sort()).toEqual(['petition.thresholdCrossed', 'petition.thresholdCrossed', 'petition.votesCast']);
    expect(ballot.every((r) => r.actor_type === 'system' && r.request_id === null)).toBe(true);
    expect(ballot.find((r) => r.action === 'petition.votesCast')!.summary).toEqual({ day: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), votes: 54 });
    expect(rows.map((r) => r.action)).toEqual(expect.arrayContaining(['petition.proposed', 'petition.emailConfirmed', 'petition.returned', 'petition.resubmitted', 'petition.corrected', 'petition.approved', 'petition.votingClosed', 'petition.votersErased']));
    // Other rows keep their actor: the proposer's as anonymous, the moderator's as the user.
    expect(rows.find((r) => r.action === 'petition.approved')).toMatchObject({ actor_type: 'user', actor_id: 'test-administrator', request_id: expect.stringMatching(/^req-/) });
    expect(rows.find((r) => r.action === 'petition.proposed')).toMatchObject({ actor_type: 'anonymous' });
  });
});

describe('a second petition', () => {
  it('opens with a fresh key of its own and hashes the same voter differently', async () => {
    const a = await openPetition(deps, tenant.id);
    const b = await openPetition(deps, tenant.id);
    const voter = { ctx: citizen(tenant.id), pn: cpr(7) };
    await castVote(deps, voter.ctx, a, voter.pn);
    await castVote(deps, voter.ctx, b, voter.pn);
    const rows = await ownerRows<{ voter_hash: string }>('SELECT voter_hash FROM petition_votes WHERE petition_id = ANY($1::uuid[])', [[a, b]]);
    expect(rows).toHaveLength(2);
    expect(rows[0]!.voter_hash).not.toBe(rows[1]!.voter_hash);
    expect(randomUUID()).not.toBe(a);
  });
});

describe('votes at the same moment', () => {
  it('go to the database together: one call answers each vote of a batch; the same voter twice in a batch is counted once', async () => {
    const id = await openPetition(deps, tenant.id);
    const hash = (c: string) => c.repeat(64);
    const batch = (hashes: string[]) =>
      db.sequelize.query<{ ord: number; outcome: string; votes: string; crossed: number[] }>('SELECT ord, outcome, votes, crossed FROM petition_cast_votes($1, $2, $3, 1024) ORDER BY ord', { bind: [tenant.id, id, hashes], type: QueryTypes.SELECT });
    expect(await batch([hash('a'), hash('b'), hash('a'), hash('c')])).toEqual([
      { ord: 1, outcome: 'cast', votes: '3', crossed: [] },
      { ord: 2, outcome: 'cast', votes: '3', crossed: [] },
      { ord: 3, outcome: 'alreadyVoted', votes: '3', crossed: [] },
      { ord: 4, outcome: 'cast', votes: '3', crossed: [] },
    ]);
    expect((await batch([hash('c'), hash('d')])).map((r) => [r.outcome, r.votes])).toEqual([['alreadyVoted', '4'], ['cast', '4']]);
    // Another tenant's petition is not found by the batch (RLS), for every vote in it.
    const elsewhere = await createTestTenant({ country: 'SE' });
    const foreign = await db.sequelize.query<{ outcome: string }>('SELECT outcome FROM petition_cast_votes($1, $2, $3, 1024) ORDER BY ord', { bind: [elsewhere.id, id, [hash('e'), hash('f')]], type: QueryTypes.SELECT });
    expect(foreign.map((r) => r.outcome)).toEqual(['notFound', 'notFound']);

    // Through the command: six at once, one person twice — counted once, whichever of the two came first.
    const person = (i: number) => ({ ctx: citizen(tenant.id), pn: cpr(9000 + i) });
    const burst = await Promise.allSettled([person(1), person(2), person(3), person(4), person(3), person(5)].map((v) => castVote(deps, v.ctx, id, v.pn)));
    const outcomes = burst.map((r) => (r.status === 'fulfilled' ? 'cast' : problemCode(r.reason)));
    expect([outcomes[2], outcomes[4]].sort()).toEqual(['cast', 'petition.alreadyVoted']);
    expect(outcomes.filter((o) => o === 'cast')).toHaveLength(5);
    const [rows] = await ownerRows<{ n: number; counted: number }>('SELECT (SELECT count(*) FROM petition_votes WHERE petition_id = $1)::integer AS n, (SELECT sum(votes) FROM petition_vote_counts WHERE petition_id = $1)::integer AS counted', [id]);
    expect(rows).toEqual({ n: 9, counted: 9 });

    await closePetitionVoting(deps, flow(tenant.id), id);
    const late = await Promise.allSettled([person(6), person(7), person(8)].map((v) => castVote(deps, v.ctx, id, v.pn)));
    expect(late.map((r) => (r.status === 'rejected' ? problemCode(r.reason) : 'cast'))).toEqual(['petition.notOpen', 'petition.notOpen', 'petition.notOpen']);
  });
});
