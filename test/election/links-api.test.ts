// Election staffing's task links on a running platform against the real PostgreSQL, on a Danish tenant with the
// demo election (engine/modules/election/demo.ts: 12 polling stations, trusted and ordinary task types, some
// slots held): the three kinds created (a filtered tasks link, a team link, a task link) with their URL on the
// public site and a QR code; what each offers on the public site, anonymously — vacant slots only, grouped with
// counts, trusted task types never by a tasks or team link; the list; a revoked, an expired link, one of an
// inactive election and an unknown token all answered 404 alike; another tenant's election, link and token
// missing (404); bad input refused naming the field with nothing written; the audit rows with ids only.
import { QueryTypes } from 'sequelize';
import type { Problem } from '../../schemas/types/api-problem';
import type { ElectionLink } from '../../schemas/types/election-link-record';
import type { ElectionLinkList } from '../../schemas/types/election-link-list';
import type { ElectionLinkOffer } from '../../schemas/types/election-link-offer';
import { electionDemoData } from '../../engine/modules/election/demo';
import { createTestTenant, ownerDb, suiteDatabase, type TestTenant } from '../helpers/factories';
import { request, type TestResponse } from '../helpers/http';
import { startTestPlatform } from '../helpers/platform';
import { startEmployeeSession, type TestSession } from '../helpers/sessions';

suiteDatabase();
let platform: Awaited<ReturnType<typeof startTestPlatform>>;
let dk: TestTenant;
let se: TestTenant;
let admin: TestSession;
let adminSe: TestSession;
let clerk: TestSession;

const q = <T extends object>(sql: string, bind: unknown[] = []) => ownerDb().query<T>(sql, { bind, type: QueryTypes.SELECT });
const countOf = async (sql: string, bind: unknown[] = []) => Number((await q<{ n: string }>(sql, bind))[0]!.n);
const linksOf = (tenantId: string) => countOf('SELECT count(*) AS n FROM task_links WHERE tenant_id = $1', [tenantId]);
const auditOf = (res: TestResponse) => q<{ action: string; entity_id: string | null; summary: Record<string, unknown> }>('SELECT action, entity_id, summary FROM audit_log WHERE request_id = $1 ORDER BY seq', [String(res.headers['x-request-id'])]);

const call = (method: string, path: string, json?: unknown, session: TestSession | undefined = admin, host = dk.adminHost) =>
  request(platform.port, host, method, path, { ...(session ? { headers: session.headers } : {}), ...(json === undefined ? {} : { json }) });
/** The public site, no session. */
const offer = (token: string, host = dk.publicHost) => request(platform.port, host, 'GET', `/api/election/links/${token}`);
const fieldsOf = (res: TestResponse) => (res.json<Problem>().errors ?? []).map((e) => [e.field, e.code]);
const tokenOf = (link: ElectionLink) => /\/(?:valg\/opgaver|val\/uppgifter)\/([A-Za-z0-9_-]{43})$/.exec(link.url)![1]!;
const sum = (o: ElectionLinkOffer) => o.tasks.reduce((n, t) => n + t.vacant, 0);

let electionId = '';
const taskTypes = new Map<string, { id: string; trusted: boolean; title: string }>(); // by short name
let areas: { id: string; name: string }[] = [];
let teams: { id: string; name: string }[] = [];

async function create(body: unknown): Promise<ElectionLink> {
  const res = await call('POST', `/api/election/elections/${electionId}/links`, body);
  expect([res.status, res.status === 201 ? '' : res.text]).toEqual([201, '']);
  return res.json<ElectionLink>();
}

beforeAll(async () => {
  [dk, se] = await Promise.all([createTestTenant({ country: 'DK' }), createTestTenant({ country: 'SE' })]);
  platform = await startTestPlatform([dk.id, se.id]);
  [admin, adminSe, clerk] = await Promise.all([startEmployeeSession(platform.identity, dk.id, ['administrator']), startEmployeeSession(platform.identity, se.id, ['administrator']), startEmployeeSession(platform.identity, dk.id, [])]);
  const deps = { db: platform.db, keyring: platform.identity.keyring, ...(platform.registry ? { registry: platform.registry } : {}) };
  await electionDemoData(deps, dk.id, 'DK');
  await electionDemoData(deps, se.id, 'SE');
  electionId = (await q<{ id: string }>('SELECT id FROM elections WHERE tenant_id = $1', [dk.id]))[0]!.id;
  for (const t of await q<{ id: string; short_name: string; trusted: boolean; title: string }>('SELECT id, short_name, trusted, title FROM task_types WHERE tenant_id = $1', [dk.id])) taskTypes.set(t.short_name, { id: t.id, trusted: t.trusted, title: t.title });
  areas = await q('SELECT id, name FROM election_areas WHERE tenant_id = $1 ORDER BY name', [dk.id]);
  teams = await q('SELECT id, name FROM teams WHERE tenant_id = $1 ORDER BY name', [dk.id]);
}, 120_000);

afterAll(async () => {
  await platform?.stop();
});

describe('a filtered tasks link', () => {
  let link: ElectionLink;

  it('is created with its URL on the public site and a QR code, audited with ids only', async () => {
    const TF = taskTypes.get('TF')!;
    const VS = taskTypes.get('VS')!;
    expect([TF.trusted, VS.trusted]).toEqual([false, true]);
    const res = await call('POST', `/api/election/elections/${electionId}/links`, { kind: 'tasks', filters: { taskTypeIds: [TF.id, VS.id], areaIds: [areas[0]!.id], teamIds: [] } });
    expect(res.status).toBe(201);
    link = res.json<ElectionLink>();
    expect(link).toMatchObject({ kind: 'tasks', electionId, status: 'active', revokedAt: null, filters: { teams: [], dates: [], areas: [areas[0]], workLocations: [], taskTypes: expect.arrayContaining([{ id: TF.id, name: TF.title }, { id: VS.id, name: VS.title }]) } });
    expect(link.url).toMatch(new RegExp(`^http://${dk.publicHost.replace(/\./g, '\\.')}:${platform.port}/valg/opgaver/[A-Za-z0-9_-]{43}$`));
    expect(link.qrSvg).toMatch(/^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    // 2027-11-18 is the demo's election day: the link works to the end of the next day, Danish time.
    expect(link.expiresAt).toBe('2027-11-19T23:00:00.000Z');
    const token = tokenOf(link);
    const [row] = await q<{ token_hash: string; token_sealed: Buffer; filters: unknown }>('SELECT token_hash, token_sealed, filters FROM task_links WHERE id = $1', [link.id]);
    expect(row!.token_sealed.toString('latin1')).not.toContain(token);
    expect(row!.token_hash).not.toContain(token);
    expect(row!.filters).toEqual({ taskTypeIds: [TF.id, VS.id], areaIds: [areas[0]!.id] }); // the empty list dropped
    const audit = await auditOf(res);
    expect(audit.map((a) => [a.action, a.entity_id])).toEqual([['election.linkCreated', link.id]]);
    expect(audit[0]!.summary).toMatchObject({ electionId, kind: 'tasks' });
    expect(JSON.stringify(audit)).not.toContain(token);
  });

  it('offers anonymously the matching vacant slots grouped with counts, never a trusted task type', async () => {
    const res = await offer(tokenOf(link));
    expect(res.status).toBe(200);
    const o = res.json<ElectionLinkOffer>();
    expect(o).toMatchObject({ kind: 'tasks', election: { title: 'Kommunal- og regionsrådsvalg 2027', electionDay: '2027-11-18' } });
    expect(o.tasks.length).toBeGreaterThan(0);
    expect(new Set(o.tasks.map((t) => t.taskType.title))).toEqual(new Set([taskTypes.get('TF')!.title]));
    expect(new Set(o.tasks.map((t) => t.workLocation.areaName))).toEqual(new Set([areas[0]!.name]));
    expect(o.tasks.every((t) => t.slotId === undefined && t.vacant >= 1 && t.taskType.start === '07:30' && t.taskType.end === '23:00' && t.taskType.payment === 850)).toBe(true);
    const expected = await countOf(
      `SELECT count(*) AS n FROM task_slots s JOIN work_locations wl ON wl.id = s.work_location_id
        WHERE s.tenant_id = $1 AND s.state = 'vacant' AND s.task_type_id = $2 AND wl.area_id = $3`,
      [dk.id, taskTypes.get('TF')!.id, areas[0]!.id],
    );
    expect(sum(o)).toBe(expected);
    // Grouped: no two entries of the same work location, task type, team and date.
    const keys = o.tasks.map((t) => `${t.workLocation.name}|${t.taskType.title}|${t.team.name}|${t.date}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(JSON.stringify(o)).not.toMatch(/personal|participant/i);
  });

  it('offers a slot no more once it is taken', async () => {
    const before = sum((await offer(tokenOf(link))).json<ElectionLinkOffer>());
    const [person] = await q<{ id: string }>('SELECT id FROM participants WHERE tenant_id = $1 LIMIT 1', [dk.id]);
    const [slot] = await q<{ id: string }>(
      `SELECT s.id FROM task_slots s JOIN work_locations wl ON wl.id = s.work_location_id WHERE s.tenant_id = $1 AND s.state = 'vacant' AND s.task_type_id = $2 AND wl.area_id = $3 LIMIT 1`,
      [dk.id, taskTypes.get('TF')!.id, areas[0]!.id],
    );
    expect(person).toBeDefined();
    await ownerDb().query("UPDATE task_slots SET state = 'invited', participant_id = $2 WHERE id = $1", { bind: [slot!.id, person!.id] });
    try {
      expect(sum((await offer(tokenOf(link))).json<ElectionLinkOffer>())).toBe(before - 1);
    } finally {
      await ownerDb().query("UPDATE task_slots SET state = 'vacant', participant_id = NULL WHERE id = $1", { bind: [slot!.id] });
    }
  });
});

describe('a team link and a task link', () => {
  it('a team link offers the team’s vacant slots, trusted task types never', async () => {
    const team = teams[0]!;
    const link = await create({ kind: 'team', teamId: team.id });
    expect(link.team).toEqual(team);
    const o = (await offer(tokenOf(link))).json<ElectionLinkOffer>();
    expect(o.kind).toBe('team');
    expect(o.team?.name).toBe(team.name);
    const trusted = [...taskTypes.values()].filter((t) => t.trusted).map((t) => t.title);
    expect(o.tasks.length).toBeGreaterThan(0);
    expect(o.tasks.every((t) => t.team.name === team.name && !trusted.includes(t.taskType.title))).toBe(true);
    const expected = await countOf(
      "SELECT count(*) AS n FROM task_slots s JOIN task_types tt ON tt.id = s.task_type_id WHERE s.tenant_id = $1 AND s.team_id = $2 AND s.state = 'vacant' AND NOT tt.trusted",
      [dk.id, team.id],
    );
    expect(sum(o)).toBe(expected);
    expect(expected).toBeLessThan(await countOf("SELECT count(*) AS n FROM task_slots WHERE tenant_id = $1 AND team_id = $2 AND state = 'vacant'", [dk.id, team.id]));
  });

  it('a task link offers its one slot while vacant — a trusted one too, since the administrator chose it', async () => {
    // A held slot of a trusted task type, made vacant for the link and then held again.
    const [held] = await q<{ id: string; participant_id: string; state: string; task_type_id: string }>(
      "SELECT s.id, s.participant_id, s.state, s.task_type_id FROM task_slots s JOIN task_types tt ON tt.id = s.task_type_id WHERE s.tenant_id = $1 AND s.state <> 'vacant' AND tt.trusted LIMIT 1",
      [dk.id],
    );
    await ownerDb().query("UPDATE task_slots SET state = 'vacant', participant_id = NULL WHERE id = $1", { bind: [held!.id] });
    let link: ElectionLink | undefined;
    try {
      link = await create({ kind: 'task', slotId: held!.id });
      expect(link.slot).toMatchObject({ id: held!.id, vacant: true, taskType: { id: held!.task_type_id } });
      expect(link.vacant).toBe(1);
      const o = (await offer(tokenOf(link))).json<ElectionLinkOffer>();
      expect(o.tasks).toEqual([expect.objectContaining({ slotId: held!.id, vacant: 1, date: '2027-11-18' })]);
    } finally {
      await ownerDb().query('UPDATE task_slots SET state = $2, participant_id = $3 WHERE id = $1', { bind: [held!.id, held!.state, held!.participant_id] });
    }
    expect((await offer(tokenOf(link!))).json<ElectionLinkOffer>().tasks).toEqual([]);
  });

  it('refuses a task link to a slot that is not vacant (409 election.linkSlotNotVacant), nothing written', async () => {
    const [held] = await q<{ id: string }>("SELECT id FROM task_slots WHERE tenant_id = $1 AND state <> 'vacant' LIMIT 1", [dk.id]);
    const before = await linksOf(dk.id);
    const res = await call('POST', `/api/election/elections/${electionId}/links`, { kind: 'task', slotId: held!.id });
    expect([res.status, fieldsOf(res)]).toEqual([409, [['/slotId', 'election.linkSlotNotVacant']]]);
    expect(await linksOf(dk.id)).toBe(before);
  });
});

describe('what a link refers to', () => {
  it('a team named by a team link cannot be deleted (409 election.inUse); a removed slot takes its task link with it', async () => {
    const [team] = await q<{ id: string }>("INSERT INTO teams (tenant_id, name, short_name) VALUES ($1, 'Linkholdet', 'LH') RETURNING id", [dk.id]);
    await create({ kind: 'team', teamId: team!.id });
    const res = await call('DELETE', `/api/election/teams/${team!.id}`);
    expect([res.status, fieldsOf(res)]).toEqual([409, [['/', 'election.inUse']]]);
    expect(await countOf('SELECT count(*) AS n FROM teams WHERE id = $1', [team!.id])).toBe(1);

    const [slot] = await q<{ id: string }>(
      "INSERT INTO task_slots (tenant_id, election_id, work_location_id, task_type_id, team_id, task_date) SELECT tenant_id, election_id, work_location_id, task_type_id, team_id, task_date FROM task_slots WHERE tenant_id = $1 LIMIT 1 RETURNING id",
      [dk.id],
    );
    const link = await create({ kind: 'task', slotId: slot!.id });
    await ownerDb().query('DELETE FROM task_slots WHERE id = $1', { bind: [slot!.id] });
    expect(await countOf('SELECT count(*) AS n FROM task_links WHERE id = $1', [link.id])).toBe(0);
    expect((await offer(tokenOf(link))).status).toBe(404);
    await ownerDb().query('DELETE FROM task_links WHERE team_id = $1', { bind: [team!.id] });
    await ownerDb().query('DELETE FROM teams WHERE id = $1', { bind: [team!.id] });
  });
});

describe('the list, revoking and expiry', () => {
  it('lists the election’s links newest first with what they offer', async () => {
    const res = await call('GET', `/api/election/elections/${electionId}/links`);
    expect(res.status).toBe(200);
    const list = res.json<ElectionLinkList>();
    expect(list.total).toBe(await linksOf(dk.id));
    expect(list.items.map((l) => l.kind)).toEqual(['task', 'team', 'tasks']);
    expect(list.items.every((l) => l.status === 'active' && l.qrSvg.startsWith('<svg'))).toBe(true);
    // The task link's slot is held again (above): it offers nothing now; the others their vacant slots.
    expect(list.items.map((l) => (l.kind === 'task' ? [l.vacant, l.slot?.vacant] : l.vacant > 0))).toEqual([[0, false], true, true]);
    const created = list.items.map((l) => l.createdAt);
    expect([...created].sort().reverse()).toEqual(created);
  });

  it('a revoked link answers 404 like an unknown token; revoking again changes nothing', async () => {
    const link = await create({ kind: 'tasks', filters: { dates: ['2027-11-18'] } });
    expect((await offer(tokenOf(link))).status).toBe(200);
    const res = await call('DELETE', `/api/election/elections/${electionId}/links/${link.id}`);
    expect(res.status).toBe(204);
    expect((await auditOf(res)).map((a) => [a.action, a.entity_id])).toEqual([['election.linkRevoked', link.id]]);
    const revoked = await offer(tokenOf(link));
    const unknown = await offer('A'.repeat(43));
    expect([revoked.status, unknown.status]).toEqual([404, 404]);
    const strip = (r: TestResponse) => ({ ...r.json<Problem>(), instance: undefined, requestId: undefined });
    expect(strip(revoked)).toEqual(strip(unknown));
    const again = await call('DELETE', `/api/election/elections/${electionId}/links/${link.id}`);
    expect([again.status, (await auditOf(again)).length]).toEqual([204, 0]);
    const listed = (await call('GET', `/api/election/elections/${electionId}/links`)).json<ElectionLinkList>().items.find((l) => l.id === link.id)!;
    expect([listed.status, listed.vacant, listed.revokedAt !== null]).toEqual(['revoked', 0, true]);
  });

  it('an expired link and a link of an inactive election answer 404', async () => {
    const link = await create({ kind: 'team', teamId: teams[1]!.id });
    const token = tokenOf(link);
    await ownerDb().query("UPDATE task_links SET expires_at = now() - interval '1 second' WHERE id = $1", { bind: [link.id] });
    expect((await offer(token)).status).toBe(404);
    await ownerDb().query("UPDATE task_links SET expires_at = now() + interval '1 day' WHERE id = $1", { bind: [link.id] });
    expect((await offer(token)).status).toBe(200);
    await ownerDb().query('UPDATE elections SET active = false WHERE id = $1', { bind: [electionId] });
    try {
      expect((await offer(token)).status).toBe(404);
      const listed = (await call('GET', `/api/election/elections/${electionId}/links`)).json<ElectionLinkList>().items.find((l) => l.id === link.id)!;
      expect(listed.status).toBe('electionInactive');
    } finally {
      await ownerDb().query('UPDATE elections SET active = true WHERE id = $1', { bind: [electionId] });
    }
  });

  it('an election past its day gets no new link (409 election.linkElectionOver)', async () => {
    await ownerDb().query("UPDATE elections SET election_day = '2020-01-01', first_task_date = '2020-01-01', last_task_date = '2020-01-02' WHERE id = $1", { bind: [electionId] });
    try {
      const before = await linksOf(dk.id);
      const res = await call('POST', `/api/election/elections/${electionId}/links`, { kind: 'tasks' });
      expect([res.status, fieldsOf(res)]).toEqual([409, [['/', 'election.linkElectionOver']]]);
      expect(await linksOf(dk.id)).toBe(before);
    } finally {
      await ownerDb().query("UPDATE elections SET election_day = '2027-11-18', first_task_date = '2027-10-28', last_task_date = '2027-11-19' WHERE id = $1", { bind: [electionId] });
    }
  });
});

describe('tenants, sites and rights', () => {
  let link: ElectionLink;
  beforeAll(async () => {
    link = await create({ kind: 'tasks' });
  });

  it('another tenant’s election, link and token are missing (404)', async () => {
    const path = `/api/election/elections/${electionId}/links`;
    expect((await call('GET', path, undefined, adminSe, se.adminHost)).status).toBe(404);
    expect((await call('POST', path, { kind: 'tasks' }, adminSe, se.adminHost)).status).toBe(404);
    const seElection = (await q<{ id: string }>('SELECT id FROM elections WHERE tenant_id = $1', [se.id]))[0]!.id;
    expect((await call('DELETE', `/api/election/elections/${seElection}/links/${link.id}`, undefined, adminSe, se.adminHost)).status).toBe(404);
    expect((await offer(tokenOf(link), se.publicHost)).status).toBe(404);
    // A team of the other tenant named in a link of this one: 400, as an unknown id.
    const seTeam = (await q<{ id: string }>('SELECT id FROM teams WHERE tenant_id = $1 LIMIT 1', [se.id]))[0]!.id;
    const res = await call('POST', path, { kind: 'team', teamId: seTeam });
    expect([res.status, fieldsOf(res)]).toEqual([400, [['/teamId', 'election.unknownTeam']]]);
    expect((await offer(tokenOf(link))).status).toBe(200);
  });

  it('the admin routes are not on the public site, the public one not on the admin site; a clerk is refused', async () => {
    expect((await call('GET', `/api/election/elections/${electionId}/links`, undefined, admin, dk.publicHost)).status).toBe(404);
    expect((await call('GET', `/api/election/links/${tokenOf(link)}`, undefined, admin)).status).toBe(404);
    expect((await call('GET', `/api/election/elections/${electionId}/links`, undefined, clerk)).status).toBe(403);
    expect((await call('POST', `/api/election/elections/${electionId}/links`, { kind: 'tasks' }, clerk)).status).toBe(403);
    expect((await request(platform.port, dk.adminHost, 'GET', `/api/election/elections/${electionId}/links`)).status).toBe(401);
  });
});

describe('bad input', () => {
  // [what, body, status, a field named, the one code expected ('' when the schema answers)]
  const cases: [string, unknown, number, string, string][] = [
    ['a task link without its slot', { kind: 'task' }, 400, '/slotId', ''],
    ['a task link with filters', { kind: 'task', slotId: '00000000-0000-4000-8000-000000000000', filters: {} }, 400, '/filters', ''],
    ['a team link with a slot', { kind: 'team', teamId: '00000000-0000-4000-8000-000000000000', slotId: '00000000-0000-4000-8000-000000000000' }, 400, '/slotId', ''],
    ['an unknown kind', { kind: 'everything' }, 400, '/kind', ''],
    ['a slot that is not the election’s', { kind: 'task', slotId: '00000000-0000-4000-8000-000000000000' }, 400, '/slotId', 'election.unknownId'],
    ['an unknown team in the filters', { kind: 'tasks', filters: { teamIds: ['00000000-0000-4000-8000-000000000000'] } }, 400, '/filters/teamIds/0', 'election.unknownId'],
    ['a work location the election does not use', { kind: 'tasks', filters: { workLocationIds: ['00000000-0000-4000-8000-000000000000'] } }, 400, '/filters/workLocationIds/0', 'election.unknownWorkLocation'],
    ['a date outside the task dates', { kind: 'tasks', filters: { dates: ['2027-11-18', '2028-01-01'] } }, 400, '/filters/dates/1', 'election.linkDateOutside'],
    ['too many filter values', { kind: 'tasks', filters: { taskTypeIds: Array.from({ length: 101 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`) } }, 400, '/filters/taskTypeIds', ''],
    ['an unknown filter', { kind: 'tasks', filters: { participantIds: [] } }, 400, '/filters/participantIds', ''],
  ];
  it.each(cases)('refuses %s, naming the field, nothing written', async (...[, body, status, field, code]) => {
    const before = await linksOf(dk.id);
    const res = await call('POST', `/api/election/elections/${electionId}/links`, body);
    expect(res.status).toBe(status);
    const errors = res.json<Problem>().errors ?? [];
    expect(errors.length).toBeGreaterThan(0);
    if (field) expect(errors.map((e) => e.field)).toContain(field);
    if (code) expect(fieldsOf(res)).toEqual([[field, code]]);
    expect(await linksOf(dk.id)).toBe(before);
  });

  it('a token of the wrong shape or length is answered 404 before any query', async () => {
    for (const token of ['short', 'A'.repeat(44), `${'A'.repeat(42)}!`, 'A'.repeat(2000)]) expect((await offer(encodeURIComponent(token))).status).toBe(404);
  });

  it('an id that is not a UUID names no election or link (404)', async () => {
    expect((await call('GET', '/api/election/elections/nope/links')).status).toBe(404);
    expect((await call('DELETE', `/api/election/elections/${electionId}/links/nope`)).status).toBe(404);
  });
});
