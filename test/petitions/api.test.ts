// The petitions' HTTP API on a running platform, against the real PostgreSQL and the registry simulator:
// propose without login (202, no token in the answer, refused input writes nothing) → confirm the e-mail →
// the moderation queue (oldest first, overdue flagged) → return, edit and resubmit → reject, correct, approve →
// the public list and detail → vote (201), a second vote (409), withdraw, vote again; voters refused for
// residency, age and assurance (403 with their codes); another tenant's ids answer 404; updates with a PDF;
// the Atom feed is well-formed; the open data holds no personal data.
import { DOMParser } from '@xmldom/xmldom';
import { QueryTypes } from 'sequelize';
import { createTestTenant, ownerDb, type TestTenant } from '../helpers/factories';
import { request, type TestResponse } from '../helpers/http';
import { startTestPlatform } from '../helpers/platform';
import { startEmployeeSession } from '../helpers/sessions';
import { answers, tableCounts } from './helpers';
import { modulesWith, plantToken, startCitizenSession, type CitizenSession } from './api-helpers';

let platform: Awaited<ReturnType<typeof startTestPlatform>>;
let a: TestTenant;
let b: TestTenant;
let adminA: Record<string, string>;
let adminB: Record<string, string>;

// engine/simulators/test-people.json: Korsbæk's fictional municipality is 999.
const AGNES = '1205784123'; // adult resident
const MADS = '0309623517'; // adult resident
const ELLEN = '1704124236'; // born 2012: under the flow's minimum age (15)
const MAUDE = '2211554218'; // lives in København (101)

beforeAll(async () => {
  [a, b] = await Promise.all([createTestTenant({ builtinForms: true }), createTestTenant({ builtinForms: true })]);
  platform = await startTestPlatform([], {}, { modules: modulesWith({ limits: { perClient: { points: 1000, seconds: 3600 }, perEmail: { points: 1000, seconds: 3600 } } }) });
  adminA = (await startEmployeeSession(platform.identity, a.id, ['administrator'])).headers;
  adminB = (await startEmployeeSession(platform.identity, b.id, ['administrator'])).headers;
}, 60_000);

afterAll(async () => {
  await platform?.stop();
});

const publicCall = (t: TestTenant, method: string, path: string, json?: unknown, headers: Record<string, string> = {}) => request(platform.port, t.publicHost, method, path, { headers, ...(json === undefined ? {} : { json }) });
const adminCall = (method: string, path: string, json?: unknown, t: TestTenant = a, headers = adminA) => request(platform.port, t.adminHost, method, path, { headers, ...(json === undefined ? {} : { json }) });
const citizenCall = (s: CitizenSession, method: string, path: string, json?: unknown) => publicCall(a, method, path, json, s.headers);

const fieldsOf = (res: TestResponse) => res.json<{ code: string; errors?: { field: string; code?: string }[] }>();
const ownerRows = <T extends object>(sql: string, bind: unknown[] = []) => ownerDb().query<T>(sql, { bind, type: QueryTypes.SELECT });

/**
 * The module's tables (the audit log and the outbox aside: the petitions' flows write there on their own time).
 * A refusal must leave these as they were, and no audit row may carry its request id.
 */
async function petitionTables(tenantId: string): Promise<Record<string, number>> {
  const { audit_log: _audit, flow_outbox: _outbox, ...counts } = await tableCounts(tenantId);
  return counts;
}

async function auditedBy(...responses: TestResponse[]): Promise<string[]> {
  const ids = responses.map((r) => String(r.headers['x-request-id']));
  return (await ownerRows<{ action: string }>('SELECT action FROM audit_log WHERE request_id = ANY($1::text[])', [ids])).map((r) => r.action);
}

let seq = 0;
async function propose(overrides: Record<string, unknown> = {}): Promise<string> {
  const res = await publicCall(a, 'POST', '/api/petitions', { answers: answers({ proposerEmail: `forslag${++seq}@example.dk`, ...overrides }) });
  expect(res.status).toBe(202);
  return res.json<{ id: string }>().id;
}

async function confirmed(overrides: Record<string, unknown> = {}): Promise<string> {
  const id = await propose(overrides);
  expect((await publicCall(a, 'POST', '/api/petitions/confirm', { token: await plantToken(id, 'confirm') })).status).toBe(200);
  return id;
}

async function opened(overrides: Record<string, unknown> = {}): Promise<string> {
  const id = await confirmed(overrides);
  expect((await adminCall('POST', `/api/petitions/${id}/approve`)).status).toBe(200);
  return id;
}

describe('proposing', () => {
  it('answers 202 with the id and status only, and stores the proposal awaiting confirmation', async () => {
    const res = await publicCall(a, 'POST', '/api/petitions', { answers: answers({ proposerEmail: 'karen.madsen@example.dk' }) });
    expect(res.status).toBe(202);
    const body = res.json<{ id: string; status: string }>();
    expect(Object.keys(body).sort()).toEqual(['id', 'status']);
    expect(body.status).toBe('awaitingConfirmation');
    // No token of any kind (43 base64url characters), no name, no e-mail in the answer or its headers.
    expect(res.text).not.toMatch(/[A-Za-z0-9_-]{43}/);
    expect(`${res.text} ${JSON.stringify(res.headers)}`).not.toMatch(/karen|madsen/i);
    const [row] = await ownerRows<{ status: string; confirm_token_hash: string | null }>('SELECT status, confirm_token_hash FROM petitions WHERE id = $1', [body.id]);
    expect(row).toEqual({ status: 'awaitingConfirmation', confirm_token_hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it('refuses bad input with 4xx naming the fields, and writes nothing', async () => {
    const before = await petitionTables(a.id);
    const missingTitle = await publicCall(a, 'POST', '/api/petitions', { answers: answers({ title: undefined, proposerEmail: 'x@example.dk' }) });
    expect(missingTitle.status).toBe(400);
    expect(fieldsOf(missingTitle).errors?.map((e) => e.field)).toContain('/title');
    const badEmail = await publicCall(a, 'POST', '/api/petitions', { answers: answers({ proposerEmail: 'not an address' }) });
    expect([badEmail.status, fieldsOf(badEmail).errors?.map((e) => e.field)]).toEqual([400, ['/proposerEmail']]);
    const notObject = await publicCall(a, 'POST', '/api/petitions', { answers: 'x' });
    expect([notObject.status, fieldsOf(notObject).errors?.[0]?.field]).toEqual([400, '/answers']);
    const extra = await publicCall(a, 'POST', '/api/petitions', { answers: answers(), extra: 1 });
    expect(extra.status).toBe(400);
    const noForm = await publicCall(a, 'POST', '/api/petitions', { answers: answers(), formId: '00000000-0000-4000-8000-000000000000' });
    expect(noForm.status).toBe(404);
    expect(await petitionTables(a.id)).toEqual(before);
    expect(await auditedBy(missingTitle, badEmail, notObject, extra, noForm)).toEqual([]);
  });

  it('is not offered on the admin site', async () => {
    expect((await adminCall('POST', '/api/petitions', { answers: answers() })).status).toBe(404);
  });
});

describe('confirming the e-mail', () => {
  it('moves the proposal to moderation once; an unknown or used token answers 404', async () => {
    const id = await propose();
    const token = await plantToken(id, 'confirm');
    const res = await publicCall(a, 'POST', '/api/petitions/confirm', { token });
    expect([res.status, res.json()]).toEqual([200, { id, status: 'awaitingModeration' }]);
    expect((await publicCall(a, 'POST', '/api/petitions/confirm', { token })).status).toBe(404);
    expect((await publicCall(a, 'POST', '/api/petitions/confirm', { token: 'x'.repeat(43) })).status).toBe(404);
    expect((await publicCall(a, 'POST', '/api/petitions/confirm', { token: 'short' })).status).toBe(400);
  });
});

describe('the petition form', () => {
  it('is served for the proposal page, and its answers are refused as a plain form submission', async () => {
    const form = (await publicCall(a, 'GET', '/api/petitions/form')).json<{ id: string; version: number; definition: { kind: string } }>();
    expect(form.definition.kind).toBe('petitionForm');
    const before = await petitionTables(a.id);
    const plain = await publicCall(a, 'POST', `/api/forms/${form.id}/versions/${form.version}/submissions`, { title: 'Forbi modereringen', proposal: 'Et forslag sendt som almindelig formular.', proposerName: 'X', proposerEmail: 'x@example.dk' });
    expect(plain.status).toBe(409);
    expect(await petitionTables(a.id)).toEqual(before);
    expect(await ownerRows('SELECT 1 FROM form_submissions WHERE definition_id = $1', [form.id])).toEqual([]);
  });
});

describe('moderation', () => {
  let oldest: string;
  let middle: string;
  let newest: string;

  beforeAll(async () => {
    [oldest, middle, newest] = [await confirmed({ title: 'Ældste forslag i køen' }), await confirmed({ title: 'Mellemste forslag i køen' }), await confirmed({ title: 'Nyeste forslag i køen' })];
    const at = (days: number) => new Date(Date.now() - days * 86_400_000);
    for (const [id, days] of [[oldest, 10], [middle, 2], [newest, 1]] as const) await ownerDb().query('UPDATE petitions SET moderation_since = $2 WHERE id = $1', { bind: [id, at(days)] });
  });

  it('lists the queue oldest first, with the time waited and the overdue flag, on the admin site only', async () => {
    const res = await adminCall('GET', '/api/petitions/moderation');
    expect(res.status).toBe(200);
    const queue = res.json<{ items: { id: string; waitingDays: number; overdue: boolean }[]; dueDays: number }>();
    const ours = queue.items.filter((i) => [oldest, middle, newest].includes(i.id));
    expect(ours.map((i) => [i.id, i.waitingDays, i.overdue])).toEqual([
      [oldest, 10, true],
      [middle, 2, false],
      [newest, 1, false],
    ]);
    expect(queue.items.map((i) => i.id).indexOf(oldest)).toBe(0);
    expect(queue.dueDays).toBe(5); // the built-in petition flow's moderationTargetDays
    // Marked overdue by the flow's reminder (since it entered the queue): overdue however short the wait.
    await ownerDb().query('UPDATE petitions SET moderation_overdue_at = now() WHERE id = $1', { bind: [newest] });
    const marked = (await adminCall('GET', '/api/petitions/moderation')).json<{ items: { id: string; overdue: boolean }[] }>();
    expect(marked.items.find((i) => i.id === newest)?.overdue).toBe(true);
    await ownerDb().query('UPDATE petitions SET moderation_overdue_at = NULL WHERE id = $1', { bind: [newest] });
    expect((await publicCall(a, 'GET', '/api/petitions/moderation')).status).toBe(404);
    expect((await publicCall(a, 'GET', '/api/admin/petitions')).status).toBe(404);
  });

  it('returns a proposal; the proposer reads it with the link and resubmits it', async () => {
    const res = await adminCall('POST', `/api/petitions/${oldest}/return`, { message: 'Skriv venligst, hvor i parken.' });
    expect([res.status, res.json()]).toEqual([200, { id: oldest, status: 'returned' }]);
    expect(res.text).not.toMatch(/[A-Za-z0-9_-]{43}/);
    const token = await plantToken(oldest, 'edit');
    const edit = await publicCall(a, 'GET', `/api/petitions/edit?token=${token}`);
    expect(edit.status).toBe(200);
    expect(edit.json()).toMatchObject({ id: oldest, status: 'returned', message: 'Skriv venligst, hvor i parken.', answers: { title: 'Ældste forslag i køen', proposerName: 'Karen Madsen' } });
    const changed = { ...edit.json<{ answers: Record<string, unknown> }>().answers, title: 'Ældste forslag, nu med sted' };
    const resubmit = await publicCall(a, 'PUT', '/api/petitions/edit', { token, answers: changed });
    expect([resubmit.status, resubmit.json()]).toEqual([200, { id: oldest, status: 'awaitingModeration' }]);
    expect((await publicCall(a, 'GET', `/api/petitions/edit?token=${token}`)).status).toBe(404);
    const queue = (await adminCall('GET', '/api/petitions/moderation')).json<{ items: { id: string; title: string; resubmissions: number }[] }>();
    expect(queue.items.find((i) => i.id === oldest)).toMatchObject({ title: 'Ældste forslag, nu med sted', resubmissions: 1 });
  });

  it('refuses a bad decision naming the field, and changes nothing', async () => {
    const before = await petitionTables(a.id);
    const bad = await adminCall('POST', `/api/petitions/${middle}/reject`, { reason: 'boring', message: 'Nej' });
    expect([bad.status, fieldsOf(bad).errors?.map((e) => e.field)]).toEqual([400, ['/reason']]);
    const empty = await adminCall('POST', `/api/petitions/${middle}/return`, { message: '' });
    expect([empty.status, fieldsOf(empty).errors?.map((e) => e.field)]).toEqual([400, ['/message']]);
    const notText = await adminCall('POST', `/api/petitions/${middle}/correct`, { changes: { proposerEmail: 'x@example.dk' } });
    expect(notText.status).toBe(400);
    expect(await petitionTables(a.id)).toEqual(before);
    expect(await auditedBy(bad, empty, notText)).toEqual([]);
    expect((await ownerRows<{ status: string }>('SELECT status FROM petitions WHERE id = $1', [middle]))[0]?.status).toBe('awaitingModeration');
  });

  it('rejects, corrects and approves; a decided proposal cannot be decided again', async () => {
    const rejected = await adminCall('POST', `/api/petitions/${middle}/reject`, { reason: 'duplicate', message: 'Findes allerede.' });
    expect([rejected.status, rejected.json()]).toEqual([200, { id: middle, status: 'rejected' }]);
    const again = await adminCall('POST', `/api/petitions/${middle}/approve`);
    expect([again.status, fieldsOf(again).errors?.[0]?.code]).toEqual([409, 'petition.wrongStatus']);
    const corrected = await adminCall('POST', `/api/petitions/${newest}/correct`, { changes: { title: 'Nyeste forslag i køen, rettet' } });
    expect([corrected.status, corrected.json()]).toEqual([200, { id: newest, status: 'awaitingModeration', fields: ['title'] }]);
    const approved = await adminCall('POST', `/api/petitions/${newest}/approve`);
    expect(approved.status).toBe(200);
    expect(approved.json()).toEqual({ id: newest, status: 'open', openedAt: expect.any(String), closesAt: expect.any(String) });
    const detail = (await adminCall('GET', `/api/admin/petitions/${newest}`)).json<{ status: string; corrected: boolean; moderation: { original: { title: string } } }>();
    expect(detail).toMatchObject({ status: 'open', corrected: true, moderation: { original: { title: 'Nyeste forslag i køen' } } });
    const list = (await adminCall('GET', '/api/admin/petitions?status=rejected')).json<{ items: { id: string }[] }>();
    expect(list.items.map((i) => i.id)).toContain(middle);
    // Searched like the public list, over every status: by a word, or a part of the title.
    const found = (await adminCall('GET', `/api/admin/petitions?q=${encodeURIComponent('Mellemste')}`)).json<{ total: number; items: { id: string }[] }>();
    expect(found.items.map((i) => i.id)).toEqual([middle]);
    expect((await adminCall('GET', '/api/admin/petitions?q=mellem')).json<{ items: { id: string }[] }>().items.map((i) => i.id)).toEqual([middle]);
    expect((await adminCall('GET', '/api/admin/petitions?q=findes%20ikke%20noget')).json<{ total: number }>().total).toBe(0);
  });
});

describe('the public list and detail', () => {
  let id: string;
  beforeAll(async () => {
    id = await opened({ title: 'Cykelsti langs åen' });
  });

  it('shows a published petition with its count, next threshold and days left; unpublished ones answer 404', async () => {
    const res = await publicCall(a, 'GET', `/api/petitions/${id}`);
    expect(res.status).toBe(200);
    expect(res.json()).toMatchObject({ id, status: 'open', title: 'Cykelsti langs åen', votes: 0, daysLeft: expect.any(Number) });
    const { thresholds, nextThreshold, daysLeft, closesAt } = res.json<{ thresholds: number[]; nextThreshold: number; daysLeft: number; closesAt: string }>();
    expect(thresholds.length).toBeGreaterThan(0);
    expect(nextThreshold).toBe(Math.min(...thresholds));
    expect(daysLeft).toBe(Math.floor((Date.parse(closesAt) - Date.now()) / 86_400_000));
    expect(res.json()).not.toHaveProperty('moderation');
    expect(res.text).not.toMatch(/@example\.dk/);
    const unpublished = await confirmed();
    expect((await publicCall(a, 'GET', `/api/petitions/${unpublished}`)).status).toBe(404);
    expect((await adminCall('GET', `/api/petitions/${unpublished}`)).status).toBe(404);
    expect((await adminCall('GET', `/api/admin/petitions/${unpublished}`)).status).toBe(200);
  });

  it('lists, searches and sorts; refuses an unknown filter naming it', async () => {
    const open = (await publicCall(a, 'GET', '/api/petitions?state=open&sort=votes&limit=100')).json<{ items: { id: string }[]; total: number }>();
    expect(open.items.map((i) => i.id)).toContain(id);
    const found = (await publicCall(a, 'GET', `/api/petitions?q=${encodeURIComponent('Cykelsti')}`)).json<{ items: { id: string }[] }>();
    expect(found.items.map((i) => i.id)).toEqual([id]);
    const bad = await publicCall(a, 'GET', '/api/petitions?state=secret');
    expect([bad.status, fieldsOf(bad).errors?.[0]?.field]).toEqual([400, '/state']);
    expect((await publicCall(a, 'GET', '/api/petitions?page=0')).status).toBe(400);
  });
});

describe('voting', () => {
  let id: string;
  let agnes: CitizenSession;

  beforeAll(async () => {
    id = await opened({ title: 'Flere træer på torvet' });
    agnes = await startCitizenSession(platform.identity, a.id, AGNES, 'substantial', 'Agnes Jensen');
  });

  it('counts a vote (201), refuses a second (409), withdraws it and takes it again', async () => {
    const before = await citizenCall(agnes, 'GET', `/api/petitions/${id}/my-vote`);
    expect([before.status, before.json()]).toEqual([200, { open: true, voted: false, canWithdraw: false, eligible: true }]);
    const first = await citizenCall(agnes, 'POST', `/api/petitions/${id}/vote`);
    expect([first.status, first.json()]).toEqual([201, { votes: 1 }]);
    const second = await citizenCall(agnes, 'POST', `/api/petitions/${id}/vote`);
    expect([second.status, fieldsOf(second).errors?.[0]?.code]).toEqual([409, 'petition.alreadyVoted']);
    expect((await citizenCall(agnes, 'GET', `/api/petitions/${id}/my-vote`)).json()).toEqual({ open: true, voted: true, canWithdraw: true, eligible: true });
    const withdrawn = await citizenCall(agnes, 'DELETE', `/api/petitions/${id}/vote`);
    expect([withdrawn.status, withdrawn.json()]).toEqual([200, { votes: 0 }]);
    expect((await citizenCall(agnes, 'DELETE', `/api/petitions/${id}/vote`)).status).toBe(409);
    expect((await citizenCall(agnes, 'POST', `/api/petitions/${id}/vote`)).json()).toEqual({ votes: 1 });
    expect((await publicCall(a, 'GET', `/api/petitions/${id}`)).json()).toMatchObject({ votes: 1 });
  });

  it('asked the registry once for the session (as any login would: session.residency), audited without the petition or the request', async () => {
    const rows = await ownerRows<{ summary: Record<string, unknown>; request_id: string | null; entity_id: string }>(
      "SELECT summary, request_id, entity_id FROM audit_log WHERE tenant_id = $1 AND action = 'civilRegistry.lookedUp' AND summary->>'purpose' = 'session.residency'",
      [a.id],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ request_id: null, summary: { purpose: 'session.residency', found: true } });
    expect(JSON.stringify(rows)).not.toContain(id);
    expect(JSON.stringify(rows)).not.toContain(AGNES);
    // No audit row names the petition for a vote, and none carries the personal number.
    const voteRows = await ownerRows<{ action: string }>("SELECT action FROM audit_log WHERE tenant_id = $1 AND entity_id = $2 AND action NOT IN ('petition.proposed', 'petition.emailConfirmed', 'petition.approved')", [a.id, id]);
    expect(voteRows).toEqual([]);
    expect(await ownerRows("SELECT 1 FROM audit_log WHERE tenant_id = $1 AND (summary::text LIKE '%' || $2 || '%' OR coalesce(entity_id, '') LIKE '%' || $2 || '%')", [a.id, AGNES])).toEqual([]);
  });

  it('refuses someone living in another municipality, someone under 18 and a login below the assurance needed (403, nothing counted)', async () => {
    const cases: [string, string, 'low' | 'substantial' | 'high'][] = [
      [MAUDE, 'petition.voter.notResident', 'substantial'],
      [ELLEN, 'petition.voter.underAge', 'substantial'],
      [MADS, 'petition.voter.assuranceTooLow', 'low'],
    ];
    for (const [pn, code, assurance] of cases) {
      const session = await startCitizenSession(platform.identity, a.id, pn, assurance);
      const res = await citizenCall(session, 'POST', `/api/petitions/${id}/vote`);
      expect([pn, res.status, res.json<{ code: string }>().code, fieldsOf(res).errors?.[0]?.code]).toEqual([pn, 403, 'forbidden', code]);
      const mine = (await citizenCall(session, 'GET', `/api/petitions/${id}/my-vote`)).json<{ eligible: boolean; refusal?: { code: string } }>();
      expect([pn, mine.eligible, mine.refusal?.code]).toEqual([pn, false, code]);
    }
    expect((await publicCall(a, 'GET', `/api/petitions/${id}`)).json()).toMatchObject({ votes: 1 });
  });

  it('counts a High login', async () => {
    const mads = await startCitizenSession(platform.identity, a.id, MADS, 'high');
    expect((await citizenCall(mads, 'POST', `/api/petitions/${id}/vote`)).json()).toEqual({ votes: 2 });
  });

  it('answers 401 without a login and 404 for an unpublished petition or on the admin site', async () => {
    expect((await publicCall(a, 'POST', `/api/petitions/${id}/vote`)).status).toBe(401);
    expect((await publicCall(a, 'GET', `/api/petitions/${id}/my-vote`)).status).toBe(401);
    const unpublished = await confirmed();
    expect((await citizenCall(agnes, 'GET', `/api/petitions/${unpublished}/my-vote`)).status).toBe(404);
    expect((await adminCall('POST', `/api/petitions/${id}/vote`)).status).toBe(404);
  });
});

describe('another tenant', () => {
  it('answers 404 for every id of tenant A on tenant B’s sites', async () => {
    const id = await opened();
    const pending = await confirmed();
    for (const [method, path, json] of [
      ['GET', `/api/admin/petitions/${id}`],
      ['GET', `/api/admin/petitions/${pending}`],
      ['POST', `/api/petitions/${pending}/approve`],
      ['POST', `/api/petitions/${pending}/reject`, { reason: 'other', message: 'x' }],
      ['POST', `/api/petitions/${pending}/return`, { message: 'x' }],
      ['POST', `/api/petitions/${pending}/correct`, { changes: { title: 'Kapret titel her' } }],
      ['POST', `/api/petitions/${id}/updates`, { kind: 'update', text: 'x' }],
    ] as [string, string, unknown][]) {
      expect([method, path, (await adminCall(method, path, json, b, adminB)).status]).toEqual([method, path, 404]);
    }
    expect((await publicCall(b, 'GET', `/api/petitions/${id}`)).status).toBe(404);
    expect((await publicCall(b, 'GET', `/api/petitions?q=${id}`)).json<{ total: number }>().total).toBe(0);
    const bJson = await publicCall(b, 'GET', '/api/petitions/open-data.json');
    expect(bJson.text).not.toContain(id);
    expect((await ownerRows<{ status: string }>('SELECT status FROM petitions WHERE id = $1', [pending]))[0]?.status).toBe('awaitingModeration');
  });
});

describe('updates, answers and their PDFs', () => {
  let id: string;
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

  beforeAll(async () => {
    id = await opened({ title: 'Svar med bilag' });
  });

  it('posts an update with a PDF, served raw with its name; the timeline links it', async () => {
    const res = await adminCall('POST', `/api/petitions/${id}/updates`, { kind: 'update', text: 'Forslaget behandles i udvalget.', attachment: { name: 'Referat æ.pdf', data: pdf.toString('base64') } });
    expect([res.status, res.json()]).toEqual([201, { id: expect.any(String), status: 'open' }]);
    const detail = (await publicCall(a, 'GET', `/api/petitions/${id}`)).json<{ timeline: { kind: string; attachment?: { path: string; name: string } | null }[] }>();
    const entry = detail.timeline.find((e) => e.kind === 'update')!;
    expect(entry.attachment).toMatchObject({ name: 'Referat æ.pdf', path: `/api/petitions/${id}/attachments/${res.json<{ id: string }>().id}` });
    const file = await publicCall(a, 'GET', entry.attachment!.path);
    expect([file.status, file.headers['content-type'], file.headers['content-disposition']]).toEqual([200, 'application/pdf', `attachment; filename="Referat _.pdf"; filename*=UTF-8''Referat%20%C3%A6.pdf`]);
    expect(file.text).toBe(pdf.toString('utf8'));
    expect((await publicCall(a, 'GET', `/api/petitions/${id}/attachments/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
  });

  it('takes a PDF of several megabytes (its route has a larger body limit), and refuses one over 5 MiB', async () => {
    const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(3 * 1024 * 1024, 0x20), Buffer.from('\n%%EOF\n')]);
    const res = await adminCall('POST', `/api/petitions/${id}/updates`, { kind: 'decision', text: 'Beslutningen med bilag.', attachment: { name: 'beslutning.pdf', data: big.toString('base64') } });
    expect(res.status).toBe(201);
    const tooBig = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(5 * 1024 * 1024 + 1, 0x20)]);
    const refused = await adminCall('POST', `/api/petitions/${id}/updates`, { kind: 'update', text: 'For stor.', attachment: { name: 'stor.pdf', data: tooBig.toString('base64') } });
    expect([413, 400]).toContain(refused.status);
    // Any other route keeps the small limit.
    expect((await adminCall('POST', `/api/petitions/${id}/return`, { message: 'x'.repeat(100_000) })).status).toBe(413);
  });

  it('refuses a file that is not a PDF, or a bad kind, and stores nothing', async () => {
    const before = await petitionTables(a.id);
    const notPdf = await adminCall('POST', `/api/petitions/${id}/updates`, { kind: 'answer', text: 'Svar', attachment: { name: 'x.pdf', data: Buffer.from('<html>').toString('base64') } });
    expect([notPdf.status, fieldsOf(notPdf).errors?.[0]]).toEqual([400, expect.objectContaining({ field: '/attachment', code: 'petition.attachmentNotPdf' })]);
    const badKind = await adminCall('POST', `/api/petitions/${id}/updates`, { kind: 'rumour', text: 'x' });
    expect(badKind.status).toBe(400);
    const notBase64 = await adminCall('POST', `/api/petitions/${id}/updates`, { kind: 'update', text: 'x', attachment: { name: 'x.pdf', data: '***' } });
    expect(notBase64.status).toBe(400);
    expect(await petitionTables(a.id)).toEqual(before);
    expect(await auditedBy(notPdf, badKind, notBase64)).toEqual([]);
  });
});

describe('the feed and the open data', () => {
  let id: string;
  const voters = [AGNES, '120578-4123'];

  beforeAll(async () => {
    id = await opened({ title: 'Åbne data & <feed>', proposerName: 'Hemmelig Forslagsstiller', proposerEmail: 'hemmelig.forslagsstiller@example.dk' });
    const agnes = await startCitizenSession(platform.identity, a.id, AGNES);
    expect((await citizenCall(agnes, 'POST', `/api/petitions/${id}/vote`)).status).toBe(201);
    // An answered petition: closed by the flow (here by hand), then answered.
    await ownerDb().query("UPDATE petitions SET status = 'closed', closed_at = now() WHERE id = $1", { bind: [id] });
    expect((await adminCall('POST', `/api/petitions/${id}/updates`, { kind: 'answer', text: 'Kommunen svarer ja.' })).json()).toMatchObject({ status: 'answered' });
  });

  it('serves a well-formed Atom 1.0 feed with entries, in the tenant’s language', async () => {
    const res = await publicCall(a, 'GET', '/api/petitions/feed.atom');
    expect([res.status, res.headers['content-type']]).toEqual([200, expect.stringContaining('application/atom+xml')]);
    const errors: string[] = [];
    const doc = new DOMParser({ errorHandler: { warning: (m: string) => void errors.push(`warning: ${m}`), error: (m: string) => void errors.push(`error: ${m}`), fatalError: (m: string) => void errors.push(`fatal: ${m}`) } }).parseFromString(res.text, 'text/xml');
    expect(errors).toEqual([]);
    const feed = doc.documentElement!;
    expect([feed.localName, feed.namespaceURI, feed.getAttribute('xml:lang')]).toEqual(['feed', 'http://www.w3.org/2005/Atom', 'da']);
    for (const required of ['id', 'title', 'updated', 'author']) expect([required, feed.getElementsByTagName(required).length > 0]).toEqual([required, true]);
    const entries = Array.from(feed.getElementsByTagName('entry'));
    const ours = entries.filter((e) => e.getElementsByTagName('link')[0]?.getAttribute('href')?.endsWith(`/petitions/${id}`));
    expect(ours.map((e) => e.getElementsByTagName('title')[0]?.textContent)).toEqual(['Besvaret: Åbne data & <feed>', 'Nyt borgerforslag: Åbne data & <feed>']);
    for (const e of entries) for (const required of ['id', 'title', 'updated', 'link']) expect(e.getElementsByTagName(required).length).toBe(1);
    expect(new Set(entries.map((e) => e.getElementsByTagName('id')[0]?.textContent)).size).toBe(entries.length);
    expect(res.text).not.toContain('Hemmelig');
  });

  it('publishes JSON and CSV without the proposer or any voter', async () => {
    const json = await publicCall(a, 'GET', '/api/petitions/open-data.json');
    expect(json.status).toBe(200);
    const item = json.json<{ petitions: { id: string; votes: number; status: string }[] }>().petitions.find((p) => p.id === id);
    expect(item).toMatchObject({ id, status: 'answered', votes: 1 });
    const csv = await publicCall(a, 'GET', '/api/petitions/open-data.csv');
    expect([csv.status, csv.headers['content-type']]).toEqual([200, expect.stringContaining('text/csv')]);
    expect(csv.text.split('\r\n')[0]).toBe('\uFEFFid,status,title,summary,opened_at,closes_at,closed_at,answered_at,votes,thresholds_reached');
    expect(csv.text).toContain(id);
    for (const text of [json.text, csv.text]) {
      for (const secret of ['Hemmelig', 'hemmelig.forslagsstiller', '@example.dk', 'Karen', ...voters]) expect([secret, text.includes(secret)]).toEqual([secret, false]);
    }
  });
});

describe('the rules of the petition’s flow', () => {
  it('refuses by the minimum age the petition’s flow version sets', async () => {
    const id = await opened({ title: 'Kun for de modne' });
    // The flow instance is started through the outbox: wait for it, then raise its version's minimum age to 50.
    const until = Date.now() + 20_000;
    let instance: { definition_id: string; version: number } | undefined;
    while (!instance && Date.now() < until) {
      [instance] = await ownerRows<{ definition_id: string; version: number }>("SELECT definition_id, version FROM flow_instances WHERE subject_type = 'petition' AND subject_id = $1", [id]);
      if (!instance) await new Promise((r) => setTimeout(r, 200));
    }
    expect(instance).toBeDefined();
    const [{ parameters }] = (await ownerRows<{ parameters: object }>('SELECT parameters FROM flow_versions WHERE definition_id = $1 AND version = $2', [instance!.definition_id, instance!.version])) as [{ parameters: object }];
    const setParameters = (value: object) => ownerDb().query('UPDATE flow_versions SET parameters = $3 WHERE definition_id = $1 AND version = $2', { bind: [instance!.definition_id, instance!.version, JSON.stringify(value)] });
    await setParameters({ ...parameters, minimumAge: 50 });
    try {
      const agnes = await startCitizenSession(platform.identity, a.id, AGNES); // born 1978
      const res = await citizenCall(agnes, 'POST', `/api/petitions/${id}/vote`);
      expect([res.status, fieldsOf(res).errors?.[0]]).toEqual([403, expect.objectContaining({ code: 'petition.voter.underAge', params: { minAge: 50 } })]);
      const mads = await startCitizenSession(platform.identity, a.id, MADS); // born 1962
      expect((await citizenCall(mads, 'POST', `/api/petitions/${id}/vote`)).status).toBe(201);
    } finally {
      await setParameters(parameters);
    }
  });
});
