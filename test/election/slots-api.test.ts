// The task slots' HTTP API on a running platform (admin site, an administrator's session): a polling station's
// distribution saved (slots added, removed — only vacant ones never offered to anyone, the newest first) and read
// back; a count below the filled slots refused whole (409 election.slotsFilled, nothing written, no audit row);
// two saves of one empty station racing end with the count asked for, not twice it; the overview's totals per
// station, area and election with its team, task type and date filters; a station's task slots with holder and
// state; moving vacant slots to another team and its refusals; bad input answers 400 naming the field and writes
// nothing; another tenant's election, station or slot answers like a missing one; the public site has none of it;
// every change is audited with ids only. The demo municipalities' slots come through the same commands. A save that
// removes a vacant slot racing an assignment of it ends in one consistent state (assigned and the count refused, or
// removed and the assignment finding no slot).
import { randomBytes } from 'node:crypto';
import { QueryTypes } from 'sequelize';
import { electionDemoData, SLOTS_PER_STATION } from '../../engine/modules/election/demo';
import { DEMO_CONTENT } from '../../engine/modules/election/demo-content';
import { createTestTenant, ownerDb, type TestTenant } from '../helpers/factories';
import { request, type TestResponse } from '../helpers/http';
import { startTestPlatform } from '../helpers/platform';
import { startEmployeeSession } from '../helpers/sessions';

let platform: Awaited<ReturnType<typeof startTestPlatform>>;
let a: TestTenant;
let b: TestTenant;
let adminA: Record<string, string>;
let adminB: Record<string, string>;

const D1 = '2027-06-05';
const D2 = '2027-06-06';
const D3 = '2027-06-07';

interface Fixture {
  electionId: string;
  areaIds: string[];
  /** Two stations the election uses (areas 0 and 1), one it does not. */
  stations: string[];
  outside: string;
  taskTypes: string[];
  teams: string[];
  participants: string[];
}
let fa: Fixture;
let fb: Fixture;

interface Cell {
  teamId: string;
  taskTypeId: string;
  date: string;
  count: number;
  filled: number;
}
interface Distribution {
  dates: string[];
  teams: { id: string; name: string }[];
  taskTypes: { id: string; title: string; shortName: string; trusted: boolean }[];
  cells: Cell[];
}
interface Totals {
  slots: number;
  accepted: number;
  invited: number;
  vacant: number;
}
interface Overview {
  totals: Totals;
  areas: { id: string; name: string; totals: Totals; workLocations: { id: string; name: string; districtNumber: string; totals: Totals }[] }[];
}
interface TaskSlot {
  id: string;
  date: string;
  taskType: { id: string; title: string; shortName: string; start: string; end: string; trusted: boolean };
  team: { id: string; name: string };
  state: string;
  participant?: { id: string; name: string; personalNumberMasked: string };
  registeredDirectly: boolean;
  answeredOnBehalf: boolean;
  invitedAt?: string;
  answeredAt?: string;
  everInvited: boolean;
}

const ownerRows = <T extends object>(sql: string, bind: unknown[] = []) => ownerDb().query<T>(sql, { bind, type: QueryTypes.SELECT });
const one = async <T extends object>(sql: string, bind: unknown[] = []): Promise<T> => (await ownerRows<T>(sql, bind))[0]!;
const id = async (sql: string, bind: unknown[]) => (await one<{ id: string }>(sql, bind)).id;

/** An election set up with its dates and two of three stations, written as the owner (other issues' commands make these). */
async function fixture(tenantId: string): Promise<Fixture> {
  const tag = randomBytes(3).toString('hex');
  const typeId = await id('INSERT INTO election_types (tenant_id, name) VALUES ($1, $2) RETURNING id', [tenantId, `Folketingsvalg ${tag}`]);
  const areaIds = [await id('INSERT INTO election_areas (tenant_id, name) VALUES ($1, $2) RETURNING id', [tenantId, `Nord ${tag}`]), await id('INSERT INTO election_areas (tenant_id, name) VALUES ($1, $2) RETURNING id', [tenantId, `Syd ${tag}`])];
  const stations: string[] = [];
  for (const [i, name] of ['Skolen', 'Hallen', 'Biblioteket'].entries()) {
    stations.push(await id('INSERT INTO work_locations (tenant_id, area_id, name, district_number) VALUES ($1, $2, $3, $4) RETURNING id', [tenantId, areaIds[Math.min(i, 1)], name, `0${i + 1}`]));
  }
  const taskTypes = [
    await id("INSERT INTO task_types (tenant_id, title, short_name, start_time, end_time) VALUES ($1, 'Tilforordnet', 'TF', '08:00', '20:00') RETURNING id", [tenantId]),
    await id("INSERT INTO task_types (tenant_id, title, short_name, start_time, end_time, trusted) VALUES ($1, 'Valgstyrer', 'VS', '07:30', '21:00', true) RETURNING id", [tenantId]),
  ];
  const teams = [await id("INSERT INTO teams (tenant_id, name, short_name) VALUES ($1, $2, 'BS') RETURNING id", [tenantId, `Borgerservice ${tag}`]), await id("INSERT INTO teams (tenant_id, name, short_name) VALUES ($1, $2, 'FR') RETURNING id", [tenantId, `Frivillige ${tag}`])];
  for (const station of stations) {
    for (const t of taskTypes) await ownerDb().query('INSERT INTO work_location_task_types (tenant_id, work_location_id, task_type_id) VALUES ($1, $2, $3)', { bind: [tenantId, station, t] });
    for (const t of teams) await ownerDb().query('INSERT INTO work_location_teams (tenant_id, work_location_id, team_id) VALUES ($1, $2, $3)', { bind: [tenantId, station, t] });
  }
  const electionId = await id(
    "INSERT INTO elections (tenant_id, title, election_type_id, election_day, first_task_date, last_task_date, setup_step, active) VALUES ($1, 'Folketingsvalg', $2, $3, $4, $5, 'done', true) RETURNING id",
    [tenantId, typeId, D2, D1, D3],
  );
  for (const station of stations.slice(0, 2)) await ownerDb().query('INSERT INTO election_work_locations (tenant_id, election_id, work_location_id) VALUES ($1, $2, $3)', { bind: [tenantId, electionId, station] });
  const participants: string[] = [];
  for (const [given, family] of [
    ['Agnes', 'Jensen'],
    ['Bo', 'Holm'],
  ]) {
    participants.push(
      await id(
        `INSERT INTO participants (tenant_id, personal_number_country, personal_number_sealed, personal_number_hash, personal_number_masked, given_name, family_name, birth_date, municipality_code, citizenship, registry_checked_at)
         VALUES ($1, 'DK', '\\x00'::bytea, $2, '010180-xxxx', $3, $4, '1980-01-01', '999', 'DK', now()) RETURNING id`,
        [tenantId, randomBytes(16).toString('hex'), given, family],
      ),
    );
  }
  return { electionId, areaIds, stations: stations.slice(0, 2), outside: stations[2]!, taskTypes, teams, participants };
}

beforeAll(async () => {
  [a, b] = await Promise.all([createTestTenant(), createTestTenant()]);
  [fa, fb] = [await fixture(a.id), await fixture(b.id)];
  platform = await startTestPlatform();
  adminA = (await startEmployeeSession(platform.identity, a.id, ['administrator'])).headers;
  adminB = (await startEmployeeSession(platform.identity, b.id, ['administrator'])).headers;
}, 60_000);

afterAll(async () => {
  await platform?.stop();
});

const call = (method: string, path: string, json?: unknown, t: TestTenant = a, headers = adminA) => request(platform.port, t.adminHost, method, `/api${path}`, { headers, ...(json === undefined ? {} : { json }) });
const fieldsOf = (res: TestResponse) => res.json<{ errors?: { field: string; code?: string; params?: Record<string, unknown> }[] }>().errors?.map((e) => [e.field, e.code]);
const distributionPath = (station: string, f: Fixture = fa) => `/election/elections/${f.electionId}/work-locations/${station}/distribution`;

async function auditedBy(...responses: TestResponse[]): Promise<{ action: string; entity_id: string | null; summary: Record<string, unknown> }[]> {
  const ids = responses.map((r) => String(r.headers['x-request-id']));
  return ownerRows('SELECT action, entity_id, summary FROM audit_log WHERE request_id = ANY($1::text[]) ORDER BY seq', [ids]);
}

/** The station's slots as the database has them: every column that matters, in id order. */
const slotsAt = (tenantId: string, station: string) =>
  ownerRows<{ id: string; team_id: string; task_type_id: string; task_date: string; state: string; participant_id: string | null }>(
    'SELECT id, team_id, task_type_id, task_date::text AS task_date, state, participant_id FROM task_slots WHERE tenant_id = $1 AND work_location_id = $2 ORDER BY id',
    [tenantId, station],
  );

const cellOf = (d: Distribution, teamId: string, taskTypeId: string, date: string) => d.cells.find((c) => c.teamId === teamId && c.taskTypeId === taskTypeId && c.date === date);

describe('distributing a station’s slots', () => {
  it('reads the grid’s rows and columns: the task dates, the station’s teams and task types', async () => {
    const res = await call('GET', distributionPath(fa.stations[1]!));
    expect(res.status).toBe(200);
    const d = res.json<Distribution>();
    expect(d.dates).toEqual([D1, D2, D3]);
    expect(d.teams.map((t) => t.id)).toEqual(fa.teams); // Borgerservice before Frivillige
    expect(d.taskTypes).toEqual([
      { id: fa.taskTypes[1], title: 'Valgstyrer', shortName: 'VS', trusted: true }, // starts 07:30
      { id: fa.taskTypes[0], title: 'Tilforordnet', shortName: 'TF', trusted: false },
    ]);
    expect(d.cells).toEqual([]);
  });

  it('adds and removes vacant slots, the newest first, never a filled one; below the filled count it refuses whole', async () => {
    const station = fa.stations[0]!;
    const [t1, t2] = fa.teams as [string, string];
    const [tf, vs] = fa.taskTypes as [string, string];
    const add = await call('PUT', distributionPath(station), {
      cells: [
        { teamId: t1, taskTypeId: tf, date: D2, count: 4 },
        { teamId: t2, taskTypeId: vs, date: D2, count: 2 },
        { teamId: t2, taskTypeId: tf, date: D1, count: 0 },
      ],
    });
    expect(add.status).toBe(200);
    const added = add.json<Distribution>();
    expect([...added.cells].sort((x, y) => y.count - x.count)).toEqual([
      { teamId: t1, taskTypeId: tf, date: D2, count: 4, filled: 0 },
      { teamId: t2, taskTypeId: vs, date: D2, count: 2, filled: 0 },
    ]);
    const rows = await slotsAt(a.id, station);
    expect(rows).toHaveLength(6);
    expect(rows.every((r) => r.state === 'vacant' && r.participant_id === null)).toBe(true);
    expect(rows.filter((r) => r.team_id === t1 && r.task_type_id === tf && r.task_date === D2)).toHaveLength(4);

    // Of the four: one accepted, one invited, one vacant but once offered (invited, then rejected), one fresh.
    const four = (await ownerRows<{ id: string }>('SELECT id FROM task_slots WHERE work_location_id = $1 AND team_id = $2 AND task_type_id = $3 ORDER BY created_at, id', [station, t1, tf])).map((r) => r.id);
    await ownerDb().query("UPDATE task_slots SET state = 'accepted', participant_id = $2 WHERE id = $1", { bind: [four[0], fa.participants[0]] });
    await ownerDb().query("UPDATE task_slots SET state = 'invited', participant_id = $2, invited_at = now() WHERE id = $1", { bind: [four[1], fa.participants[1]] });
    await ownerDb().query('UPDATE task_slots SET invited_at = now() WHERE id = $1', { bind: [four[2]] });
    const read = (await call('GET', distributionPath(station))).json<Distribution>();
    expect(cellOf(read, t1, tf, D2)).toEqual({ teamId: t1, taskTypeId: tf, date: D2, count: 4, filled: 3 });

    // Below the filled: 409 naming the cell, nothing written, no audit row — even with another cell that was fine.
    const before = await slotsAt(a.id, station);
    const refused = await call('PUT', distributionPath(station), {
      cells: [
        { teamId: t2, taskTypeId: vs, date: D2, count: 5 },
        { teamId: t1, taskTypeId: tf, date: D2, count: 2 },
      ],
    });
    expect(refused.status).toBe(409);
    const problem = refused.json<{ errors: { field: string; code: string; params: Record<string, unknown> }[] }>();
    expect(problem.errors).toEqual([expect.objectContaining({ field: '/cells/1/count', code: 'election.slotsFilled', params: { teamId: t1, taskTypeId: tf, date: D2, filled: 3 } })]);
    expect(await slotsAt(a.id, station)).toEqual(before);
    expect(await auditedBy(refused)).toEqual([]);

    // Down to the filled: only the fresh vacant slot goes; the vacant one once offered stays.
    const down = await call('PUT', distributionPath(station), { cells: [{ teamId: t1, taskTypeId: tf, date: D2, count: 3 }] });
    expect(down.status).toBe(200);
    expect(cellOf(down.json<Distribution>(), t1, tf, D2)).toEqual({ teamId: t1, taskTypeId: tf, date: D2, count: 3, filled: 3 });
    expect((await slotsAt(a.id, station)).map((r) => r.id)).toEqual(before.map((r) => r.id).filter((x) => x !== four[3]));

    // Of two fresh ones the newer goes.
    const twoVs = (await ownerRows<{ id: string }>('SELECT id FROM task_slots WHERE work_location_id = $1 AND task_type_id = $2 ORDER BY id', [station, vs])).map((r) => r.id);
    await ownerDb().query("UPDATE task_slots SET created_at = now() - interval '1 hour' WHERE id = $1", { bind: [twoVs[0]] });
    const one = await call('PUT', distributionPath(station), { cells: [{ teamId: t2, taskTypeId: vs, date: D2, count: 1 }] });
    expect(one.status).toBe(200);
    expect((await ownerRows<{ id: string }>('SELECT id FROM task_slots WHERE work_location_id = $1 AND task_type_id = $2', [station, vs])).map((r) => r.id)).toEqual([twoVs[0]]);

    const audit = await auditedBy(add, down, one);
    expect(audit).toEqual([
      { action: 'election.slotsDistributed', entity_id: fa.electionId, summary: { workLocationId: station, added: 6, removed: 0 } },
      { action: 'election.slotsDistributed', entity_id: fa.electionId, summary: { workLocationId: station, added: 0, removed: 1 } },
      { action: 'election.slotsDistributed', entity_id: fa.electionId, summary: { workLocationId: station, added: 0, removed: 1 } },
    ]);
  });

  it('two saves of one empty station racing end with the count asked for, not twice it', async () => {
    const [res1, res2] = await Promise.all(
      [0, 1].map(() => call('PUT', distributionPath(fb.stations[1]!, fb), { cells: [{ teamId: fb.teams[0], taskTypeId: fb.taskTypes[0], date: D3, count: 3 }] }, b, adminB)),
    );
    expect([res1!.status, res2!.status]).toEqual([200, 200]);
    expect(await slotsAt(b.id, fb.stations[1]!)).toHaveLength(3);
    const summaries = (await auditedBy(res1!, res2!)).map((r) => r.summary.added).sort();
    expect(summaries).toEqual([0, 3]);
  });

  it('answers 400 naming the field for bad input, and writes nothing', async () => {
    const station = fa.stations[1]!;
    const cell = { teamId: fa.teams[0], taskTypeId: fa.taskTypes[0], date: D2, count: 1 };
    const cases: [unknown, string, string | undefined][] = [
      [{ cells: [{ ...cell, count: -1 }] }, '/cells/0/count', undefined],
      [{ cells: [{ ...cell, count: 201 }] }, '/cells/0/count', undefined],
      [{ cells: [{ ...cell, date: '2027-06-08' }] }, '/cells/0/date', 'election.slotsOutsideDates'],
      [{ cells: [{ ...cell, teamId: fb.teams[0] }] }, '/cells/0/teamId', 'election.unknownTeam'],
      [{ cells: [{ ...cell, taskTypeId: fb.taskTypes[0] }] }, '/cells/0/taskTypeId', 'election.unknownTaskType'],
      [{ cells: [cell, { ...cell, count: 2 }] }, '/cells/1', 'election.cellRepeated'],
      [{ cells: [{ ...cell, extra: 1 }] }, '/cells/0/extra', undefined],
      [{ cells: Array.from({ length: 2001 }, () => cell) }, '/cells', undefined],
      [{}, '/cells', undefined],
    ];
    for (const [body, field, code] of cases) {
      const res = await call('PUT', distributionPath(station), body);
      expect([res.status, fieldsOf(res)?.[0]?.[0]]).toEqual([400, field]);
      if (code) expect(fieldsOf(res)?.[0]?.[1]).toBe(code);
    }
    expect(await slotsAt(a.id, station)).toEqual([]);
  });

  it('answers 404 for another tenant’s election or station, a station the election does not use, and on the public site', async () => {
    const cells = { cells: [{ teamId: fa.teams[0], taskTypeId: fa.taskTypes[0], date: D2, count: 1 }] };
    expect((await call('GET', distributionPath(fa.stations[0]!), undefined, b, adminB)).status).toBe(404);
    expect((await call('PUT', distributionPath(fa.stations[1]!), cells, b, adminB)).status).toBe(404);
    expect((await call('GET', `/election/elections/${fa.electionId}/work-locations/${fb.stations[0]}/distribution`)).status).toBe(404);
    expect((await call('GET', distributionPath(fa.outside))).status).toBe(404);
    expect((await call('PUT', distributionPath(fa.outside), cells)).status).toBe(404);
    expect((await call('GET', `/election/elections/${fa.electionId}/work-locations/not-a-uuid/distribution`)).status).toBe(404);
    expect((await request(platform.port, a.publicHost, 'GET', `/api${distributionPath(fa.stations[0]!)}`, { headers: adminA })).status).toBe(404);
    expect(await slotsAt(a.id, fa.stations[1]!)).toEqual([]);
    expect(await slotsAt(a.id, fa.outside)).toEqual([]);
  });
});

describe('the overview', () => {
  // Tenant a's slots after the distribution tests: station 0 has TF/BS on D2 ×3 (accepted, invited, once offered)
  // and VS/FR on D2 ×1. Here: station 1 gets TF/FR on D1 ×2 (one accepted) and VS/BS on D3 ×1.
  beforeAll(async () => {
    const res = await call('PUT', distributionPath(fa.stations[1]!), {
      cells: [
        { teamId: fa.teams[1], taskTypeId: fa.taskTypes[0], date: D1, count: 2 },
        { teamId: fa.teams[0], taskTypeId: fa.taskTypes[1], date: D3, count: 1 },
      ],
    });
    expect(res.status).toBe(200);
    await ownerDb().query("UPDATE task_slots SET state = 'accepted', participant_id = $2 WHERE id = (SELECT id FROM task_slots WHERE work_location_id = $1 AND task_date = $3 LIMIT 1)", { bind: [fa.stations[1], fa.participants[0], D1] });
  });

  const overview = async (query = '', t: TestTenant = a, headers = adminA, f: Fixture = fa) => call('GET', `/election/elections/${f.electionId}/overview${query}`, undefined, t, headers);

  it('counts accepted, invited and vacant per station, area and election', async () => {
    const res = await overview();
    expect(res.status).toBe(200);
    const o = res.json<Overview>();
    expect(o.totals).toEqual({ slots: 7, accepted: 2, invited: 1, vacant: 4 });
    expect(o.areas.map((x) => [x.id, x.name.split(' ')[0], x.totals])).toEqual([
      [fa.areaIds[0], 'Nord', { slots: 4, accepted: 1, invited: 1, vacant: 2 }],
      [fa.areaIds[1], 'Syd', { slots: 3, accepted: 1, invited: 0, vacant: 2 }],
    ]);
    expect(o.areas[0]!.workLocations).toEqual([{ id: fa.stations[0], name: 'Skolen', districtNumber: '01', totals: { slots: 4, accepted: 1, invited: 1, vacant: 2 } }]);
    // The station the election does not use is not listed.
    expect(o.areas[1]!.workLocations.map((w) => w.id)).toEqual([fa.stations[1]]);
  });

  it('filters by teams, task types and dates (comma-separated or repeated), every station listed', async () => {
    const team0 = (await overview(`?teamIds=${fa.teams[0]}`)).json<Overview>();
    expect(team0.totals).toEqual({ slots: 4, accepted: 1, invited: 1, vacant: 2 });
    const vs = (await overview(`?taskTypeIds=${fa.taskTypes[1]}`)).json<Overview>();
    expect(vs.totals).toEqual({ slots: 2, accepted: 0, invited: 0, vacant: 2 });
    expect(vs.areas.flatMap((x) => x.workLocations.map((w) => w.totals.slots))).toEqual([1, 1]);
    const d1d3 = (await overview(`?dates=${D1},${D3}`)).json<Overview>();
    expect(d1d3.totals).toEqual({ slots: 3, accepted: 1, invited: 0, vacant: 2 });
    expect(d1d3.areas[0]!.workLocations[0]!.totals).toEqual({ slots: 0, accepted: 0, invited: 0, vacant: 0 });
    const both = (await overview(`?teamIds=${fa.teams[0]}&teamIds=${fa.teams[1]}&taskTypeIds=${fa.taskTypes[0]}&dates=${D2}`)).json<Overview>();
    expect(both.totals).toEqual({ slots: 3, accepted: 1, invited: 1, vacant: 1 });
    const none = (await overview(`?teamIds=${fb.teams[0]}`)).json<Overview>();
    expect([none.totals.slots, none.areas.length]).toEqual([0, 2]);
  });

  it('answers 400 naming the filter for a bad value, 404 for another tenant’s election and on the public site', async () => {
    const bad = await overview('?teamIds=nope');
    expect([bad.status, fieldsOf(bad)?.[0]?.[0]]).toEqual([400, '/teamIds']);
    const badDate = await overview('?dates=2027-13-01x');
    expect([badDate.status, fieldsOf(badDate)?.[0]?.[0]]).toEqual([400, '/dates']);
    const unknown = await overview('?colour=red');
    expect(unknown.status).toBe(400);
    expect((await overview('', b, adminB)).status).toBe(404);
    expect((await request(platform.port, a.publicHost, 'GET', `/api/election/elections/${fa.electionId}/overview`, { headers: adminA })).status).toBe(404);
  });
});

describe('a station’s tasks', () => {
  const tasks = (station: string, query = '', t: TestTenant = a, headers = adminA, f: Fixture = fa) => call('GET', `/election/elections/${f.electionId}/work-locations/${station}/tasks${query}`, undefined, t, headers);

  it('lists the slots with task type, team, state and holder (name and masked number only)', async () => {
    const res = await tasks(fa.stations[0]!);
    expect(res.status).toBe(200);
    const body = res.json<{ workLocation: { id: string; name: string; areaName: string }; slots: TaskSlot[] }>();
    expect(body.workLocation).toEqual({ id: fa.stations[0], name: 'Skolen', areaName: expect.stringMatching(/^Nord /) });
    // By date, then the task type's start: VS (07:30) before TF (08:00).
    expect(body.slots.map((s) => s.taskType.shortName)).toEqual(['VS', 'TF', 'TF', 'TF']);
    expect(body.slots[0]).toMatchObject({ date: D2, taskType: { id: fa.taskTypes[1], title: 'Valgstyrer', start: '07:30', end: '21:00', trusted: true }, team: { id: fa.teams[1] }, state: 'vacant', everInvited: false });
    expect(body.slots[0]!.participant).toBeUndefined();
    const byState = Object.fromEntries(body.slots.slice(1).map((s) => [s.participant?.name ?? `vacant:${s.everInvited}`, s]));
    expect(byState['Agnes Jensen']).toMatchObject({ state: 'accepted', participant: { id: fa.participants[0], name: 'Agnes Jensen', personalNumberMasked: '010180-xxxx' }, registeredDirectly: false, answeredOnBehalf: false });
    expect(byState['Bo Holm']).toMatchObject({ state: 'invited', everInvited: true, invitedAt: expect.any(String) });
    expect(byState['vacant:true']).toMatchObject({ state: 'vacant', everInvited: true });
    expect(JSON.stringify(body)).not.toMatch(/address|birth/i);
  });

  it('filters by date, team and task type; 404 for another tenant’s station or election', async () => {
    expect((await tasks(fa.stations[1]!, `?date=${D1}`)).json<{ slots: TaskSlot[] }>().slots.map((s) => s.date)).toEqual([D1, D1]);
    expect((await tasks(fa.stations[1]!, `?teamId=${fa.teams[0]}`)).json<{ slots: TaskSlot[] }>().slots.map((s) => s.taskType.shortName)).toEqual(['VS']);
    expect((await tasks(fa.stations[0]!, `?taskTypeId=${fa.taskTypes[0]}&teamId=${fa.teams[1]}`)).json<{ slots: TaskSlot[] }>().slots).toEqual([]);
    const bad = await tasks(fa.stations[0]!, '?date=tomorrow');
    expect([bad.status, fieldsOf(bad)?.[0]?.[0]]).toEqual([400, '/date']);
    expect((await tasks(fa.stations[0]!, '', b, adminB)).status).toBe(404);
    expect((await tasks(fb.stations[0]!)).status).toBe(404);
    expect((await tasks(fa.outside)).status).toBe(404);
  });
});

describe('moving vacant slots to another team', () => {
  const move = (body: unknown, t: TestTenant = a, headers = adminA, f: Fixture = fa) => call('POST', `/election/elections/${f.electionId}/slots/move`, body, t, headers);
  const teamsOf = async (ids: string[]) => (await ownerRows<{ id: string; team_id: string }>('SELECT id, team_id FROM task_slots WHERE id = ANY($1::uuid[]) ORDER BY id', [ids])).map((r) => [r.id, r.team_id]);

  it('moves vacant slots never offered to anyone, audited', async () => {
    const fresh = (await ownerRows<{ id: string }>("SELECT id FROM task_slots WHERE work_location_id = $1 AND state = 'vacant' AND invited_at IS NULL ORDER BY id", [fa.stations[1]])).map((r) => r.id);
    expect(fresh).toHaveLength(2); // TF/FR on D1 and VS/BS on D3
    const res = await move({ slotIds: fresh, teamId: fa.teams[1] });
    expect([res.status, res.json()]).toEqual([200, { moved: 1 }]); // one was already in the team
    expect(await teamsOf(fresh)).toEqual(fresh.sort().map((x) => [x, fa.teams[1]]));
    expect(await auditedBy(res)).toEqual([{ action: 'election.slotsMoved', entity_id: fa.electionId, summary: { teamId: fa.teams[1], moved: 1 } }]);
  });

  it('refuses a slot held or once offered (409 election.slotNotMovable naming it) and moves nothing', async () => {
    const rows = await ownerRows<{ id: string; state: string; invited_at: Date | null }>('SELECT id, state, invited_at FROM task_slots WHERE work_location_id = $1 AND task_type_id = $2 ORDER BY id', [fa.stations[0], fa.taskTypes[0]]);
    const movable = (await ownerRows<{ id: string }>("SELECT id FROM task_slots WHERE work_location_id = $1 AND task_type_id = $2 AND state = 'vacant' AND invited_at IS NULL", [fa.stations[0], fa.taskTypes[1]]))[0]!.id;
    const offered = rows.find((r) => r.state === 'vacant' && r.invited_at)!.id;
    const accepted = rows.find((r) => r.state === 'accepted')!.id;
    const before = await teamsOf([movable, offered, accepted]);
    for (const [slotIds, at, slotId] of [
      [[movable, offered], '/slotIds/1', offered],
      [[accepted, movable], '/slotIds/0', accepted],
    ] as [string[], string, string][]) {
      const res = await move({ slotIds, teamId: fa.teams[0] });
      expect(res.status).toBe(409);
      expect(res.json<{ errors: unknown[] }>().errors).toEqual([expect.objectContaining({ field: at, code: 'election.slotNotMovable', params: { slotId } })]);
      expect(await auditedBy(res)).toEqual([]);
    }
    // A slot rejected before (the rejection remembered) does not move either, though vacant.
    await ownerDb().query('UPDATE task_slots SET invited_at = NULL WHERE id = $1', { bind: [offered] });
    await ownerDb().query(
      "INSERT INTO task_rejections (tenant_id, election_id, participant_id, task_type_id, work_location_id, task_date, slot_id) SELECT tenant_id, election_id, $2, task_type_id, work_location_id, task_date, id FROM task_slots WHERE id = $1",
      { bind: [offered, fa.participants[1]] },
    );
    const rejected = await move({ slotIds: [offered], teamId: fa.teams[0] });
    expect([rejected.status, fieldsOf(rejected)]).toEqual([409, [['/slotIds/0', 'election.slotNotMovable']]]);
    expect(await teamsOf([movable, offered, accepted])).toEqual(before);
  });

  it('answers 400 naming the field for another election’s or tenant’s slot, an unknown team, bad input; 404 for another tenant’s election', async () => {
    const mine = (await ownerRows<{ id: string }>("SELECT id FROM task_slots WHERE work_location_id = $1 AND state = 'vacant' LIMIT 1", [fa.stations[1]]))[0]!.id;
    const theirs = (await ownerRows<{ id: string }>('SELECT id FROM task_slots WHERE tenant_id = $1 LIMIT 1', [b.id]))[0]!.id;
    const before = await teamsOf([mine, theirs]);
    const cases: [unknown, string, string | undefined][] = [
      [{ slotIds: [mine, theirs], teamId: fa.teams[0] }, '/slotIds/1', 'election.unknownId'],
      [{ slotIds: [mine], teamId: fb.teams[0] }, '/teamId', 'election.unknownTeam'],
      [{ slotIds: [], teamId: fa.teams[0] }, '/slotIds', undefined],
      [{ slotIds: [mine, mine], teamId: fa.teams[0] }, '/slotIds', undefined],
      [{ slotIds: ['x'], teamId: fa.teams[0] }, '/slotIds/0', undefined],
      [{ slotIds: Array.from({ length: 501 }, () => randomUUIDLike()), teamId: fa.teams[0] }, '/slotIds', undefined],
      [{ slotIds: [mine] }, '/teamId', undefined],
    ];
    for (const [body, field, code] of cases) {
      const res = await move(body);
      expect([res.status, fieldsOf(res)?.[0]?.[0]]).toEqual([400, field]);
      if (code) expect(fieldsOf(res)?.[0]?.[1]).toBe(code);
    }
    expect((await move({ slotIds: [mine], teamId: fa.teams[0] }, b, adminB)).status).toBe(404);
    expect(await teamsOf([mine, theirs])).toEqual(before);
  });
});

function randomUUIDLike(): string {
  const h = randomBytes(16).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20)}`;
}

describe('the demo municipalities’ slots', () => {
  it('are distributed and assigned through the commands, as many per station as before, the first people holding one each', async () => {
    const [dk, se] = await Promise.all([createTestTenant({ country: 'DK' }), createTestTenant({ country: 'SE' })]);
    const deps = { db: platform.db, keyring: platform.identity.keyring, ...(platform.registry ? { registry: platform.registry } : {}) };
    for (const [t, country] of [
      [dk, 'DK'],
      [se, 'SE'],
    ] as const) {
      await electionDemoData(deps, t.id, country);
      const perStation = DEMO_CONTENT[country].taskTypes.reduce((sum, tt) => sum + (SLOTS_PER_STATION[tt.shortName] ?? 1), 0);
      expect(perStation).toBeGreaterThan(4);
      const stations = await one<{ n: number }>('SELECT count(*)::integer AS n FROM election_work_locations WHERE tenant_id = $1', [t.id]);
      const slots = await ownerRows<{ state: string; n: number; direct: number; invited: number }>(
        'SELECT state, count(*)::integer AS n, count(*) FILTER (WHERE registered_directly)::integer AS direct, count(*) FILTER (WHERE invited_at IS NOT NULL)::integer AS invited FROM task_slots WHERE tenant_id = $1 GROUP BY state ORDER BY state',
        [t.id],
      );
      expect(slots).toEqual([
        { state: 'accepted', n: 2, direct: 2, invited: 0 },
        { state: 'invited', n: 2, direct: 0, invited: 2 },
        { state: 'vacant', n: stations.n * perStation - 4, direct: 0, invited: 0 },
      ]);
      const audit = await ownerRows<{ action: string; n: number }>("SELECT action, count(*)::integer AS n FROM audit_log WHERE tenant_id = $1 AND action IN ('election.slotsDistributed', 'election.taskAssigned') GROUP BY action ORDER BY action", [t.id]);
      expect(audit).toEqual([
        { action: 'election.slotsDistributed', n: stations.n },
        { action: 'election.taskAssigned', n: 4 },
      ]);
      // Each team in turn: no team has more than one slot more than another.
      const perTeam = (await ownerRows<{ n: number }>('SELECT count(*)::integer AS n FROM task_slots WHERE tenant_id = $1 GROUP BY team_id', [t.id])).map((r) => r.n);
      expect(Math.max(...perTeam) - Math.min(...perTeam)).toBeLessThanOrEqual(1);
    }
  }, 120_000);
});

describe('a distribution racing an assignment', () => {
  it('ends consistent: either the slot is assigned and the count refused, or the slot is gone and the assignment finds none', async () => {
    const station = fb.stations[0]!;
    const outcomes = new Set<string>();
    for (const teamId of fb.teams) {
      for (const taskTypeId of fb.taskTypes) {
        for (const date of [D1, D2, D3]) {
          const cell = { teamId, taskTypeId, date };
          expect((await call('PUT', distributionPath(station, fb), { cells: [{ ...cell, count: 1 }] }, b, adminB)).status).toBe(200);
          const [slot] = await ownerRows<{ id: string }>('SELECT id FROM task_slots WHERE work_location_id = $1 AND team_id = $2 AND task_type_id = $3 AND task_date = $4', [station, teamId, taskTypeId, date]);
          const [assign, shrink] = await Promise.all([
            call('POST', `/election/elections/${fb.electionId}/slots/${slot!.id}/assignment`, { participantId: fb.participants[0] }, b, adminB),
            call('PUT', distributionPath(station, fb), { cells: [{ ...cell, count: 0 }] }, b, adminB),
          ]);
          const [row] = await ownerRows<{ participant_id: string | null; state: string }>('SELECT participant_id, state FROM task_slots WHERE id = $1', [slot!.id]);
          if (assign.status === 201) {
            expect([shrink.status, fieldsOf(shrink)]).toEqual([409, [['/cells/0/count', 'election.slotsFilled']]]);
            expect(row).toEqual({ participant_id: fb.participants[0], state: 'invited' });
            outcomes.add('assigned');
            // Free the person for the next round (the slot stays: it was offered once).
            expect((await call('DELETE', `/election/elections/${fb.electionId}/slots/${slot!.id}/assignment`, undefined, b, adminB)).status).toBe(204);
          } else {
            expect([assign.status, shrink.status]).toEqual([404, 200]);
            expect(row).toBeUndefined();
            outcomes.add('removed');
          }
        }
      }
    }
    // Which one wins is up to the scheduler; every round ended in one of the two consistent states.
    expect(outcomes.size).toBeGreaterThan(0);
  }, 60_000);
});
