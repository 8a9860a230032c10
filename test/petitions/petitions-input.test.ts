// What the petitions refuse, and that a refusal writes nothing; another tenant's petition answers as missing;
// the municipality's updates with their PDFs; erasing the proposer; deleting unconfirmed proposals; the public
// list (search, sort, paging), open data.
import { castVote } from '../../engine/modules/petitions/commands/cast-vote';
import { closePetitionVoting } from '../../engine/modules/petitions/commands/close-voting';
import { confirmPetitionEmail } from '../../engine/modules/petitions/commands/confirm-petition-email';
import { deleteUnconfirmedPetitions } from '../../engine/modules/petitions/commands/delete-unconfirmed';
import { erasePetitionProposer } from '../../engine/modules/petitions/commands/erase-proposer';
import { eraseVoters } from '../../engine/modules/petitions/commands/erase-voters';
import { approvePetition, correctPetition, rejectPetition, returnPetition } from '../../engine/modules/petitions/commands/moderate-petition';
import { MAX_ATTACHMENT_BYTES, postPetitionUpdate } from '../../engine/modules/petitions/commands/post-petition-update';
import { proposePetition, PROPOSALS_PER_DAY } from '../../engine/modules/petitions/commands/propose-petition';
import { resubmitPetition } from '../../engine/modules/petitions/commands/resubmit-petition';
import { withdrawVote } from '../../engine/modules/petitions/commands/withdraw-vote';
import { listPublicPetitions } from '../../engine/modules/petitions/queries/list-petitions';
import { moderationQueue } from '../../engine/modules/petitions/queries/moderation-queue';
import { myVote } from '../../engine/modules/petitions/queries/my-vote';
import { openDataRows, openDataVoteDays } from '../../engine/modules/petitions/queries/open-data';
import { petitionAttachment, petitionDetail } from '../../engine/modules/petitions/queries/petition-detail';
import { createTestTenant, suiteDatabase, type TestTenant } from '../helpers/factories';
import { anonymous, answers, citizen, cpr, flow, moderator, openPetition, ownerRows, petitionDeps, tableCounts } from './helpers';

const db = suiteDatabase();
const deps = petitionDeps(db);
let a: TestTenant;
let b: TestTenant;

beforeAll(async () => {
  [a, b] = await Promise.all([createTestTenant({ builtinForms: true }), createTestTenant({ builtinForms: true, country: 'SE' })]);
});

const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2000, 0x20), Buffer.from('\n%%EOF\n')]);

async function refusal(promise: Promise<unknown>) {
  const err = (await promise.then(
    () => undefined,
    (e: unknown) => e,
  )) as { status?: number; fields?: { field: string; code?: string }[] } | undefined;
  if (!err) throw new Error('expected a refusal');
  return { status: err.status, field: err.fields?.[0]?.field, code: err.fields?.[0]?.code };
}

describe('refused input writes nothing', () => {
  it('refuses a bad proposal naming the field', async () => {
    const before = await tableCounts(a.id);
    const cases: [unknown, string][] = [
      [answers({ title: 'x' }), '/title'],
      [answers({ proposal: 'for kort' }), '/proposal'],
      [answers({ proposerEmail: 'ikke en adresse' }), '/proposerEmail'],
      [answers({ shoeSize: 44 }), '/shoeSize'],
      [{ ...answers(), proposerEmail: undefined }, '/proposerEmail'],
      ['answers', '/'],
    ];
    for (const [input, field] of cases) {
      expect([field, await refusal(proposePetition(deps, anonymous(a.id), { answers: input }))]).toEqual([field, expect.objectContaining({ status: 400, field })]);
    }
    expect(await refusal(proposePetition(deps, anonymous(a.id), { formId: '00000000-0000-4000-8000-000000000000', answers: answers() }))).toMatchObject({ status: 404 });
    expect(await refusal(proposePetition(deps, anonymous(a.id), { formId: 'no-id', answers: answers() }))).toMatchObject({ status: 404 });
    expect(await tableCounts(a.id)).toEqual(before);
  });

  it('refuses bad moderation, votes and updates and leaves everything as it was', async () => {
    const proposed = await proposePetition(deps, anonymous(a.id), { answers: answers({ proposerEmail: 'mod@example.dk' }) });
    await confirmPetitionEmail(deps, anonymous(a.id), proposed.confirmToken);
    const open = await openPetition(deps, a.id);
    const before = await tableCounts(a.id);
    const [petitionBefore] = await ownerRows('SELECT * FROM petitions WHERE id = $1', [proposed.id]);
    const admin = moderator(a.id);
    expect(await refusal(rejectPetition(deps, admin, proposed.id, { reason: 'boring' as never, message: 'Nej' }))).toMatchObject({ status: 400, field: '/reason', code: 'schema.enum' });
    expect(await refusal(rejectPetition(deps, admin, proposed.id, { reason: 'other', message: ' ' }))).toMatchObject({ status: 400, field: '/message' });
    expect(await refusal(returnPetition(deps, admin, proposed.id, { message: 'x'.repeat(5000) }))).toMatchObject({ status: 400, field: '/message' });
    expect(await refusal(approvePetition(deps, admin, proposed.id, { windowDays: 0 }))).toMatchObject({ status: 400, field: '/windowDays' });
    expect(await refusal(approvePetition(deps, admin, proposed.id, { thresholds: [10, -1] }))).toMatchObject({ status: 400, field: '/thresholds/1' });
    expect(await refusal(correctPetition(deps, admin, proposed.id, { title: 'x' }))).toMatchObject({ status: 400, field: '/title' });
    expect(await refusal(correctPetition(deps, admin, proposed.id, { shoeSize: '44' }))).toMatchObject({ status: 400, field: '/shoeSize' });
    expect(await refusal(correctPetition(deps, admin, proposed.id, {}))).toMatchObject({ status: 400 });
    expect(await refusal(postPetitionUpdate(deps, admin, open, { kind: 'gossip' as never, text: 'Hej' }))).toMatchObject({ status: 400, field: '/kind' });
    expect(await refusal(postPetitionUpdate(deps, admin, open, { kind: 'update', text: '' }))).toMatchObject({ status: 400, field: '/text' });
    expect(await refusal(postPetitionUpdate(deps, admin, open, { kind: 'update', text: 'Hej', attachment: { name: 'x.pdf', data: Buffer.from('<html>not a pdf</html>') } }))).toMatchObject({ status: 400, field: '/attachment', code: 'petition.attachmentNotPdf' });
    const huge = Buffer.concat([PDF, Buffer.alloc(MAX_ATTACHMENT_BYTES)]);
    expect(await refusal(postPetitionUpdate(deps, admin, open, { kind: 'update', text: 'Hej', attachment: { name: 'x.pdf', data: huge } }))).toMatchObject({ status: 400, code: 'petition.attachmentTooLarge' });
    expect(await refusal(postPetitionUpdate(deps, admin, proposed.id, { kind: 'update', text: 'Hej' }))).toMatchObject({ status: 409, code: 'petition.wrongStatus' });
    expect(await refusal(withdrawVote(deps, citizen(a.id), open, cpr(1)))).toMatchObject({ status: 409, code: 'petition.notVoted' });
    expect(await refusal(castVote(deps, citizen(a.id), proposed.id, cpr(1)))).toMatchObject({ status: 409, code: 'petition.notOpen' });
    expect(await refusal(castVote(deps, citizen(a.id), 'not-an-id', cpr(1)))).toMatchObject({ status: 404 });
    await expect(castVote(deps, citizen(a.id), open, { country: 'DK', canonical: 'nope' })).rejects.toThrow(/personal number/);
    expect(await tableCounts(a.id)).toEqual(before);
    expect(await ownerRows('SELECT * FROM petitions WHERE id = $1', [proposed.id])).toEqual([petitionBefore]);
  });

  it('limits the proposals one e-mail address makes in a day', async () => {
    const email = 'Flittig@Example.dk';
    for (let i = 0; i < PROPOSALS_PER_DAY; i++) await proposePetition(deps, anonymous(a.id), { answers: answers({ proposerEmail: i % 2 ? email : email.toLowerCase() }) });
    const before = await tableCounts(a.id);
    expect(await refusal(proposePetition(deps, anonymous(a.id), { answers: answers({ proposerEmail: email.toUpperCase() }) }))).toMatchObject({ status: 409, field: '/proposerEmail', code: 'petition.tooManyProposals' });
    expect(await tableCounts(a.id)).toEqual(before);
  });
});

describe('another tenant’s petition', () => {
  it('answers as missing to every command and query', async () => {
    const proposed = await proposePetition(deps, anonymous(a.id), { answers: answers({ proposerEmail: 'cross@example.dk' }) });
    const open = await openPetition(deps, a.id);
    await postPetitionUpdate(deps, moderator(a.id), open, { kind: 'update', text: 'Vi kigger på det.', attachment: { name: 'notat.pdf', data: PDF } });
    const [event] = await ownerRows<{ id: string }>('SELECT id FROM petition_events WHERE petition_id = $1', [open]);
    const before = await tableCounts(a.id);
    const admin = moderator(b.id);
    const attempts: [string, Promise<unknown>][] = [
      ['confirm', confirmPetitionEmail(deps, anonymous(b.id), proposed.confirmToken)],
      ['detail', petitionDetail(deps, admin.actor, open)],
      ['attachment', petitionAttachment(deps, anonymous(b.id).actor, open, event!.id)],
      ['approve', approvePetition(deps, admin, proposed.id)],
      ['reject', rejectPetition(deps, admin, proposed.id, { reason: 'other', message: 'Nej' })],
      ['return', returnPetition(deps, admin, proposed.id, { message: 'Nej' })],
      ['correct', correctPetition(deps, admin, open, { title: 'Overtaget forslag' })],
      ['update', postPetitionUpdate(deps, admin, open, { kind: 'answer', text: 'Nej' })],
      ['vote', castVote(deps, citizen(b.id), open, cpr(3))],
      ['withdraw', withdrawVote(deps, citizen(b.id), open, cpr(3))],
      ['myVote', myVote(deps, citizen(b.id), open, cpr(3))],
      ['close', closePetitionVoting(deps, flow(b.id), open)],
      ['eraseVoters', eraseVoters(deps, flow(b.id), open)],
      ['eraseProposer', erasePetitionProposer(deps, flow(b.id), open)],
    ];
    for (const [what, attempt] of attempts) expect([what, (await refusal(attempt)).status]).toEqual([what, 404]);
    expect(await tableCounts(a.id)).toEqual(before);
    expect((await listPublicPetitions(deps, anonymous(b.id).actor)).items.map((i) => i.id)).not.toContain(open);
    expect((await moderationQueue(deps, admin.actor)).items).toEqual([]);
  });
});

describe('in handling', () => {
  it('posts updates, an answer with a PDF and a decision to the public timeline; then the proposer is erased', async () => {
    const id = await openPetition(deps, a.id, { thresholds: [1] });
    await castVote(deps, citizen(a.id), id, cpr(11));
    expect(await refusal(erasePetitionProposer(deps, flow(a.id), id))).toMatchObject({ status: 409, code: 'petition.wrongStatus' });
    await eraseVoters(deps, flow(a.id), id);
    expect(await postPetitionUpdate(deps, moderator(a.id), id, { kind: 'update', text: 'Forslaget behandles i teknik- og miljøudvalget.' })).toMatchObject({ status: 'inHandling' });
    await expect(postPetitionUpdate(deps, citizen(a.id), id, { kind: 'update', text: 'Hej' })).rejects.toMatchObject({ status: 403 });
    const answered = await postPetitionUpdate(deps, moderator(a.id), id, { kind: 'answer', text: 'Udvalget har besluttet at opstille bænkene.', attachment: { name: '../../etc/beslutning\u0000".PDF', data: PDF } });
    expect(answered.status).toBe('answered');
    await postPetitionUpdate(deps, moderator(a.id), id, { kind: 'decision', text: 'Bevilget 50.000 kr.' });

    const detail = await petitionDetail(deps, anonymous(a.id).actor, id);
    expect(detail.status).toBe('answered');
    expect(detail.timeline.map((t) => t.kind)).toEqual(['published', 'thresholdReached', 'closed', 'update', 'answer', 'decision']);
    const answer = detail.timeline.find((t) => t.kind === 'answer') as { id: string; attachment: { name: string; type: string; bytes: number } };
    expect(answer.attachment).toEqual({ name: 'beslutning.PDF', type: 'application/pdf', bytes: PDF.length });
    const file = await petitionAttachment(deps, anonymous(a.id).actor, id, answer.id);
    expect([file.type, file.name, Buffer.compare(file.data, PDF)]).toEqual(['application/pdf', 'beslutning.PDF', 0]);
    const update = detail.timeline.find((t) => t.kind === 'update') as { id: string };
    await expect(petitionAttachment(deps, anonymous(a.id).actor, id, update.id)).rejects.toMatchObject({ status: 404 });

    expect(detail.proposerName).toBe('Karen Madsen');
    expect(await erasePetitionProposer(deps, flow(a.id), id)).toEqual({ erased: true });
    expect(await erasePetitionProposer(deps, flow(a.id), id)).toEqual({ erased: false });
    expect((await petitionDetail(deps, anonymous(a.id).actor, id)).proposerName).toBeNull();
    expect(await ownerRows('SELECT proposer_name_sealed, proposer_email_sealed, proposer_email_hash FROM petitions WHERE id = $1', [id])).toEqual([{ proposer_name_sealed: null, proposer_email_sealed: null, proposer_email_hash: null }]);
  });

  it('lets a moderator reject with a reason, erasing the proposer later; the public never sees it', async () => {
    const proposed = await proposePetition(deps, anonymous(a.id), { answers: answers({ title: 'Noget helt andet', proposerEmail: 'afvist@example.dk' }) });
    await confirmPetitionEmail(deps, anonymous(a.id), proposed.confirmToken);
    await rejectPetition(deps, moderator(a.id), proposed.id, { reason: 'outsideCompetence', message: 'Det er statens område.' });
    await expect(petitionDetail(deps, anonymous(a.id).actor, proposed.id)).rejects.toMatchObject({ status: 404 });
    expect((await petitionDetail(deps, moderator(a.id).actor, proposed.id)).moderation).toMatchObject({ reason: 'outsideCompetence', message: 'Det er statens område.' });
    expect(await erasePetitionProposer(deps, moderator(a.id), proposed.id)).toEqual({ erased: true });
  });

  it('refuses an expired edit link', async () => {
    const proposed = await proposePetition(deps, anonymous(a.id), { answers: answers({ proposerEmail: 'edit@example.dk' }) });
    await confirmPetitionEmail(deps, anonymous(a.id), proposed.confirmToken);
    const { editToken } = await returnPetition(deps, moderator(a.id), proposed.id, { message: 'Uddyb.' });
    await ownerRows("UPDATE petitions SET edit_expires_at = now() - interval '1 second' WHERE id = $1", [proposed.id]);
    expect(await refusal(resubmitPetition(deps, anonymous(a.id), editToken, answers()))).toMatchObject({ status: 409, field: '/token', code: 'petition.tokenExpired' });
  });
});

it('deletes proposals left unconfirmed for a week, and only those', async () => {
  const tenant = await createTestTenant({ builtinForms: true });
  const old = await proposePetition(deps, anonymous(tenant.id), { answers: answers({ proposerEmail: 'old@example.dk' }) });
  const fresh = await proposePetition(deps, anonymous(tenant.id), { answers: answers({ proposerEmail: 'fresh@example.dk' }) });
  const confirmed = await proposePetition(deps, anonymous(tenant.id), { answers: answers({ proposerEmail: 'confirmed@example.dk' }) });
  await confirmPetitionEmail(deps, anonymous(tenant.id), confirmed.confirmToken);
  await ownerRows("UPDATE petitions SET created_at = now() - interval '8 days' WHERE id = ANY($1::uuid[])", [[old.id, confirmed.id]]);
  await expect(deleteUnconfirmedPetitions(deps, moderator(tenant.id))).rejects.toMatchObject({ status: 403 });
  expect(await deleteUnconfirmedPetitions(deps, flow(tenant.id))).toEqual({ deleted: 1 });
  expect((await ownerRows<{ id: string }>('SELECT id FROM petitions WHERE tenant_id = $1 ORDER BY created_at', [tenant.id])).map((r) => r.id).sort()).toEqual([fresh.id, confirmed.id].sort());
  const [audit] = await ownerRows<{ actor_id: string; summary: object }>("SELECT actor_id, summary FROM audit_log WHERE tenant_id = $1 AND action = 'petition.unconfirmedDeleted'", [tenant.id]);
  expect(audit).toEqual({ actor_id: 'flow', summary: { deleted: 1, olderThan: '7 days' } });
});

describe('the public list and open data', () => {
  let tenant: TestTenant;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    tenant = await createTestTenant({ builtinForms: true, country: 'SE' });
    const sv = (title: string) => ({ title, proposal: `Kommunen bör ${title.toLowerCase()} för alla invånares skull.`, proposerName: 'Sven Svensson' });
    ids.bench = await openPetition(deps, tenant.id, { windowDays: 60 }, sv('Fler bänkar i stadsparken'));
    ids.bath = await openPetition(deps, tenant.id, { windowDays: 10 }, sv('Öppna friluftsbadet tidigare'));
    ids.light = await openPetition(deps, tenant.id, { windowDays: 30 }, sv('Bättre belysning på gångvägen'));
    for (let i = 0; i < 3; i++) await castVote(deps, citizen(tenant.id), ids.bath, cpr(200 + i));
    await castVote(deps, citizen(tenant.id), ids.light, cpr(210));
    await eraseVoters(deps, flow(tenant.id), ids.light);
    await postPetitionUpdate(deps, moderator(tenant.id), ids.light, { kind: 'answer', text: 'Belysningen byts ut i höst.' });
    // One awaiting moderation: never listed.
    const hidden = await proposePetition(deps, anonymous(tenant.id), { answers: answers({ title: 'Hemligt förslag om bänkar' }) });
    await confirmPetitionEmail(deps, anonymous(tenant.id), hidden.confirmToken);
  });

  it('lists published petitions by state, search and sort, a page at a time', async () => {
    const actor = anonymous(tenant.id).actor;
    const list = (input: Parameters<typeof listPublicPetitions>[2]) => listPublicPetitions(deps, actor, input).then((r) => ({ total: r.total, ids: r.items.map((i) => i.id) }));
    expect(await list({})).toEqual({ total: 3, ids: [ids.light, ids.bath, ids.bench] });
    expect(await list({ sort: 'mostVotes' })).toEqual({ total: 3, ids: [ids.bath, ids.light, ids.bench] });
    expect(await list({ sort: 'closingSoon' })).toEqual({ total: 3, ids: [ids.bath, ids.bench, ids.light] });
    expect(await list({ state: 'open', sort: 'closingSoon' })).toEqual({ total: 2, ids: [ids.bath, ids.bench] });
    expect(await list({ state: 'answered' })).toEqual({ total: 1, ids: [ids.light] });
    expect(await list({ q: 'bänkar' })).toEqual({ total: 1, ids: [ids.bench] });
    expect(await list({ q: 'friluftsbad' })).toEqual({ total: 1, ids: [ids.bath] });
    expect(await list({ q: '100%_' })).toEqual({ total: 0, ids: [] });
    expect(await list({ sort: 'mostVotes', limit: 1, offset: 1 })).toEqual({ total: 3, ids: [ids.light] });
    const first = (await listPublicPetitions(deps, actor, { sort: 'mostVotes', limit: 1 })).items[0]!;
    expect(first).toMatchObject({ id: ids.bath, votes: 3, status: 'open', title: 'Öppna friluftsbadet tidigare' });
    await expect(listPublicPetitions(deps, actor, { sort: 'loudest' as never, limit: 1000 })).rejects.toMatchObject({ status: 400, fields: [expect.objectContaining({ field: '/sort' }), expect.objectContaining({ field: '/limit' })] });
  });

  it('gives open data with no personal data', async () => {
    const rows = await openDataRows(deps, anonymous(tenant.id).actor);
    expect(rows.map((r) => [r.id, r.votes, r.status])).toEqual([
      [ids.bench, 0, 'open'],
      [ids.bath, 3, 'open'],
      [ids.light, 1, 'answered'],
    ]);
    expect(JSON.stringify(rows)).not.toMatch(/Sven|Karen|@example/);
    expect(Object.keys(rows[0]!).sort()).toEqual(['answeredAt', 'closedAt', 'closesAt', 'id', 'openedAt', 'status', 'summary', 'thresholdsReached', 'title', 'votes']);
    expect(await openDataVoteDays(deps, anonymous(tenant.id).actor)).toEqual([{ petitionId: ids.light, day: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), votes: 1 }]);
  });
});
