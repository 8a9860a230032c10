// Nobody learns who voted on what — administrators and operators included. Five citizens vote over HTTP (one
// withdraws and votes again); then everything an administrator can read (the petition, the moderation views,
// the audit log page by page, the open data, the feed, the communication log), everything an operator can
// read (the petition flow's history, decoded by the admin site's /codec as the Web UI would) and every line the
// platform logged is searched for the voters' personal numbers, names, user ids and ballot hashes. None is
// there; the count is. The same after the window closes and the voters are erased.
import { Writable } from 'node:stream';
import pino from 'pino';
import { QueryTypes } from 'sequelize';
import { castVote } from '../../engine/modules/petitions/commands/cast-vote';
import { workflowIds } from '../../engine/temporal/ids';
import { createTestTenant, ownerDb, suiteDatabase, type TestTenant } from '../helpers/factories';
import { request, type TestResponse } from '../helpers/http';
import { startTestPlatform } from '../helpers/platform';
import { startEmployeeSession } from '../helpers/sessions';
import { startCitizenSession } from './api-helpers';
import { collectPayloads, openPetition, petitionDeps } from './helpers';

const db = suiteDatabase();
const deps = petitionDeps(db);
const logLines: string[] = [];
let platform: Awaited<ReturnType<typeof startTestPlatform>>;
let tenant: TestTenant;
let petitionId: string;
let admin: Record<string, string>;
let operator: Record<string, string>;

// Residents of the tenant's municipality in the registry simulator (engine/simulators/test-people.json).
const VOTERS = [
  { pn: '1205784123', name: 'Agnes Jensen' },
  { pn: '0309623517', name: 'Mads Skjern' },
  { pn: '0807814462', name: 'Elisabeth Friis' },
  { pn: '2606891527', name: 'Kristen Andersson' },
  { pn: '0402732913', name: 'Albert Arnesen' },
];
const userIds: string[] = [];
let hashes: string[] = [];

beforeAll(async () => {
  tenant = await createTestTenant({ builtinForms: true });
  const logger = pino({ level: 'info' }, new Writable({ write: (chunk: Buffer, _enc, done) => void (logLines.push(chunk.toString()), done()) }));
  platform = await startTestPlatform([], {}, { logger });
  admin = (await startEmployeeSession(platform.identity, tenant.id, ['administrator'])).headers;
  operator = (await startEmployeeSession(platform.identity, tenant.id, ['operator'])).headers;
  petitionId = await openPetition(deps, tenant.id, {}, { title: 'Flere bænke i byparken' });
  for (const v of VOTERS) {
    const citizen = await startCitizenSession(platform.identity, tenant.id, v.pn, 'substantial', v.name, platform.registry);
    const res = await request(platform.port, tenant.publicHost, 'POST', `/api/petitions/${petitionId}/vote`, { headers: citizen.headers });
    expect([v.name, res.status]).toEqual([v.name, 201]);
    if (v === VOTERS[0]) {
      expect((await request(platform.port, tenant.publicHost, 'DELETE', `/api/petitions/${petitionId}/vote`, { headers: citizen.headers })).status).toBe(200);
      expect((await request(platform.port, tenant.publicHost, 'POST', `/api/petitions/${petitionId}/vote`, { headers: citizen.headers })).status).toBe(201);
    }
  }
  for (const v of VOTERS) {
    const [user] = await ownerDb().query<{ id: string }>("SELECT id FROM users WHERE tenant_id = $1 AND kind = 'citizen' AND display_name = $2", { bind: [tenant.id, v.name], type: QueryTypes.SELECT });
    userIds.push(user!.id);
  }
  hashes = (await ownerDb().query<{ voter_hash: string }>('SELECT voter_hash FROM petition_votes WHERE petition_id = $1', { bind: [petitionId], type: QueryTypes.SELECT })).map((r) => r.voter_hash);
});

afterAll(async () => {
  await platform?.stop();
});

const adminGet = (path: string) => request(platform.port, tenant.adminHost, 'GET', path, { headers: admin });
const publicGet = (path: string) => request(platform.port, tenant.publicHost, 'GET', path);

/** The needles: every way a voter could be named. */
function needles(): string[] {
  return [...VOTERS.flatMap((v) => [v.pn, `${v.pn.slice(0, 6)}-${v.pn.slice(6)}`, v.name]), ...userIds, ...hashes];
}
const found = (text: string) => needles().filter((n) => text.includes(n));

/** Everything an administrator can read about the petition and its votes. */
async function whatAnAdministratorReads(): Promise<TestResponse[]> {
  const auditPages: TestResponse[] = [];
  for (let page = 1; page <= 50; page++) {
    const res = await adminGet(`/api/audit-log?page=${page}&pageSize=100`);
    auditPages.push(res);
    if (res.json<{ entries: unknown[] }>().entries.length < 100) break;
  }
  return [
    await adminGet(`/api/admin/petitions/${petitionId}`),
    await adminGet('/api/admin/petitions'),
    await adminGet('/api/petitions/moderation'),
    await adminGet('/api/flow-instances'),
    ...auditPages,
    await publicGet(`/api/petitions/${petitionId}`),
    await publicGet('/api/petitions/open-data.json'),
    await publicGet('/api/petitions/open-data.csv'),
    await publicGet('/api/petitions/feed.atom'),
  ];
}

it('had the voters in the database while the window is open (the search can find them)', () => {
  expect(userIds).toHaveLength(VOTERS.length);
  expect(hashes).toHaveLength(VOTERS.length);
});

/** What the audit log says of a citizen, as an administrator reads it: the actions of the rows that name them. */
async function auditOf(texts: string[], name: string, userId: string): Promise<string[]> {
  return texts.flatMap((text) => (JSON.parse(text) as { entries: { actor: string; action: string; entityId: string | null; summary: unknown }[] }).entries)
    .filter((e) => e.actor === name || e.actor === userId || e.entityId === userId || JSON.stringify(e.summary).includes(userId))
    .map((e) => e.action)
    .sort();
}

it('tells an administrator the count and never who voted: the API, the exports, the audit log', async () => {
  const answers = await whatAnAdministratorReads();
  for (const res of answers) expect([res.status]).toEqual([200]);
  const detail = answers[0]!.json<{ votes: number }>();
  expect(detail.votes).toBe(VOTERS.length);
  const auditTexts = answers.filter((_, i) => i >= 4 && i < answers.length - 4).map((r) => r.text);
  expect(auditTexts.length).toBeGreaterThan(0);
  // Nothing but the audit log names a voter at all.
  expect(answers.filter((r) => !auditTexts.includes(r.text)).flatMap((r) => found(r.text))).toEqual([]);
  // The audit log names each voter only for what every citizen's login writes — the login and the residency
  // lookup at login — exactly as for a citizen who logs in and does not vote: nothing says who voted.
  const bystander = await startCitizenSession(platform.identity, tenant.id, '2211554218', 'substantial', 'Maude Varnæs', platform.registry);
  expect(bystander.headers.cookie).toBeDefined();
  const [maude] = await ownerDb().query<{ id: string }>("SELECT id FROM users WHERE tenant_id = $1 AND display_name = 'Maude Varnæs'", { bind: [tenant.id], type: QueryTypes.SELECT });
  const after = (await whatAnAdministratorReads()).filter((_, i, all) => i >= 4 && i < all.length - 4).map((r) => r.text);
  const ofBystander = await auditOf(after, 'Maude Varnæs', maude!.id);
  expect(ofBystander).toEqual(['civilRegistry.lookedUp', 'session.loggedIn']);
  for (const [i, v] of VOTERS.entries()) expect([v.name, await auditOf(after, v.name, userIds[i]!)]).toEqual([v.name, ofBystander]);
  expect(after.join('\n')).not.toContain(hashes[0]!);
  // The lookups name no petition and no request.
  const lookups = await ownerDb().query<{ summary: Record<string, unknown>; request_id: string | null }>("SELECT summary, request_id FROM audit_log WHERE tenant_id = $1 AND action = 'civilRegistry.lookedUp'", { bind: [tenant.id], type: QueryTypes.SELECT });
  expect(lookups.length).toBe(VOTERS.length + 1);
  expect(lookups.filter((l) => JSON.stringify(l.summary).includes(petitionId) || l.summary.purpose !== 'session.residency')).toEqual([]);
});

it('tells an operator nothing of the voters: the petition flow’s history decoded by /codec', async () => {
  const [instance] = await ownerDb().query<{ id: string }>("SELECT id FROM flow_instances WHERE subject_type = 'petition' AND subject_id = $1", { bind: [petitionId], type: QueryTypes.SELECT });
  const handle = platform.client.workflow.getHandle(workflowIds.flow(tenant.id, instance!.id));
  // The dispatcher started it; wait until it has heard of the approval.
  for (let i = 0; i < 100 && !JSON.stringify(await handle.fetchHistory().catch(() => ({}))).includes('petition.approved'); i++) await new Promise((r) => setTimeout(r, 100));
  // The raw history, its payloads as the Web UI sends them to the codec: base64 metadata and data.
  const raw = await platform.client.workflowService.getWorkflowExecutionHistory({ namespace: 'tingvalla', execution: { workflowId: workflowIds.flow(tenant.id, instance!.id) } });
  const payloads = collectPayloads(raw.history).map((p) => ({
    metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v).toString('base64')])),
    data: Buffer.from(p.data ?? new Uint8Array()).toString('base64'),
  }));
  expect(payloads.length).toBeGreaterThan(3);
  const referer = `http://${tenant.adminHost}/temporal/namespaces/tingvalla/workflows/${encodeURIComponent(workflowIds.flow(tenant.id, instance!.id))}/run/history`;
  const res = await request(platform.port, tenant.adminHost, 'POST', '/codec/decode', { json: { payloads }, headers: { ...operator, 'sec-fetch-site': 'same-origin', referer } });
  expect(res.status).toBe(200);
  const decoded = res.json<{ payloads: { data: string }[] }>().payloads.map((p) => Buffer.from(p.data, 'base64').toString('utf8')).join('\n');
  expect(decoded).toContain(instance!.id); // decoded indeed: the workflow's input names its instance
  expect(found(decoded)).toEqual([]);
  expect(found(JSON.stringify(raw.history))).toEqual([]);
});

it('logs no voter: not the requests, not the lookups', () => {
  expect(logLines.length).toBeGreaterThan(VOTERS.length); // a line per request at least
  expect(logLines.filter((l) => found(l).length > 0)).toEqual([]);
});

it('after the window closes and the voters are erased: the same, and the ballot hashes are gone from every table', async () => {
  const res = await request(platform.port, tenant.adminHost, 'POST', `/api/petitions/${petitionId}/voting/close`, { headers: admin });
  expect(res.status).toBe(200);
  for (let i = 0; i < 100; i++) {
    const [row] = await ownerDb().query<{ voters_erased_at: Date | null }>('SELECT voters_erased_at FROM petitions WHERE id = $1', { bind: [petitionId], type: QueryTypes.SELECT });
    if (row?.voters_erased_at) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const answers = await whatAnAdministratorReads();
  expect(answers[0]!.json<{ votes: number }>().votes).toBe(VOTERS.length);
  // Outside the audit log (logins and lookups at login, as above) nothing names a voter.
  expect(answers.filter((_, i) => i < 4 || i >= answers.length - 4).flatMap((r) => found(r.text))).toEqual([]);
  expect(await ownerDb().query('SELECT 1 FROM petition_votes WHERE petition_id = $1', { bind: [petitionId], type: QueryTypes.SELECT })).toEqual([]);
  // A vote after closing is refused, and no count changes.
  await expect(castVote(deps, { tenantId: tenant.id, actor: { kind: 'user', tenantId: tenant.id, id: userIds[0]!, displayName: 'x', roles: ['participant'] } }, petitionId, { country: 'DK', canonical: VOTERS[0]!.pn })).rejects.toMatchObject({ status: 409 });
});
