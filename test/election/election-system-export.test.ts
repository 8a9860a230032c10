// The export for the national election system (Valg Central) and the polling stations' printed lists, against
// the real PostgreSQL over HTTP. The export of a small Korsbæk-like election (three polling districts, accepted,
// invited and vacant slots, a task type with no accepted slot and no role, another election's accepted slot) is
// compared byte for byte and field by field with test/election/fixtures/election-system-export.csv, written by
// hand from the format's sources (see the fixture's README): UTF-8 with BOM, commas, CRLF after every record, the
// Danish header, DD-MM-YYYY, DDMMYY-XXXX. An unmapped task type refuses (409 election.rolesUnmapped) with no byte
// of the file and no audit row; the audit row of an export is committed before its answer; the role mapping is
// replaced whole and refused whole; only administrators on the admin site, and another tenant's election is 404.
import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { QueryTypes } from 'sequelize';
import type { Problem } from '../../schemas/types/api-problem';
import type { ElectionParticipantProfile } from '../../schemas/types/election-participant-profile';
import type { ElectionSystemRoleList } from '../../schemas/types/election-election-system-role-list';
import { electionSystemFile, formatPersonalNumber } from '../../engine/modules/election/exports/election-system-format';
import { testPeople } from '../../engine/simulators/test-people';
import { createTestTenant, ownerDb, suiteDatabase, type TestTenant } from '../helpers/factories';
import { request } from '../helpers/http';
import { startTestPlatform } from '../helpers/platform';
import { startEmployeeSession, type TestSession } from '../helpers/sessions';

suiteDatabase();
let platform: Awaited<ReturnType<typeof startTestPlatform>>;
let dk: TestTenant;
let other: TestTenant;
let admin: TestSession;
let clerk: TestSession;
let otherAdmin: TestSession;
let electionId: string;
let otherElectionId: string;
const taskTypes: Record<string, string> = {};
const workLocations: Record<string, string> = {};

const FIXTURE = readFileSync(join(__dirname, 'fixtures', 'election-system-export.csv'));
const q = <T extends object>(sql: string, bind: unknown[] = []) => ownerDb().query<T>(sql, { bind, type: QueryTypes.SELECT });
const one = async (sql: string, bind: unknown[] = []) => (await q<{ id: string }>(sql, bind))[0]!.id;
const person = (id: string) => testPeople.citizens.find((c) => c.id === id)!;
const auditOf = (requestId: string) => q<{ action: string; entity_id: string | null; summary: Record<string, unknown> }>('SELECT action, entity_id, summary FROM audit_log WHERE request_id = $1', [requestId]);

/** The answer's bytes as they came (the helper's text would hide a BOM's bytes and line endings). */
function raw(path: string, session: TestSession = admin, host = () => dk.adminHost): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: platform.port, method: 'GET', path, headers: { host: `${host()}:${platform.port}`, ...session.headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** RFC 4180 with commas and CRLF (the fixture's own rules), for the field-by-field comparison. */
function records(text: string): string[][] {
  expect(text.endsWith('\r\n')).toBe(true);
  return text
    .slice(0, -2)
    .split('\r\n')
    .map((line) => {
      expect(line).not.toMatch(/["\n\r]/); // nothing in this election needs quoting
      return line.split(',');
    });
}

/**
 * The text a PDF shows: its content streams (inflated when compressed, by their /Length) read for pdfkit's text
 * operators — each `[<hex> kerning <hex> …] TJ` one string, its glyph codes WinAnsi (Latin-1 for these letters).
 */
function pdfText(pdf: Buffer): string[] {
  const texts: string[] = [];
  const latin1 = pdf.toString('latin1');
  for (const m of latin1.matchAll(/\/Length (\d+)(\s*\/Filter \/FlateDecode)?\s*>>\s*stream\r?\n/g)) {
    const data = pdf.subarray(m.index + m[0].length, m.index + m[0].length + Number(m[1]));
    const content = (m[2] ? inflateSync(data) : data).toString('latin1');
    for (const tj of content.matchAll(/\[((?:<[0-9a-f]*>|[\s\d.-])*)\] TJ/g)) texts.push([...tj[1]!.matchAll(/<([0-9a-f]*)>/g)].map((h) => Buffer.from(h[1]!, 'hex').toString('latin1')).join(''));
  }
  return texts;
}

const putRoles = (items: { taskTypeId: string; roleName: string | null; exported?: boolean }[], session = admin) => request(platform.port, dk.adminHost, 'PUT', '/api/election/election-system-roles', { headers: session.headers, json: { items } });
const MAPPING = () => [
  { taskTypeId: taskTypes.valgstyrer!, roleName: 'Tilforordnet' },
  { taskTypeId: taskTypes.tilforordnet!, roleName: 'Tilforordnet' },
  { taskTypeId: taskTypes.sekretaer!, roleName: 'Valgsekretær' },
];

beforeAll(async () => {
  [dk, other] = await Promise.all([createTestTenant({ country: 'DK' }), createTestTenant({ country: 'DK' })]);
  platform = await startTestPlatform([dk.id, other.id]);
  [admin, clerk, otherAdmin] = await Promise.all([startEmployeeSession(platform.identity, dk.id, ['administrator']), startEmployeeSession(platform.identity, dk.id, []), startEmployeeSession(platform.identity, other.id, ['administrator'])]);
  const vegetar = await one("INSERT INTO special_diets (tenant_id, name) VALUES ($1, 'Vegetar') RETURNING id", [dk.id]);
  const create = async (id: string) => {
    const diets = id === 'dk-maude' ? { dietIds: [vegetar], dietNote: 'Nøddeallergi' } : {};
    const res = await request(platform.port, dk.adminHost, 'POST', '/api/election/participants', { headers: admin.headers, json: { personalNumber: person(id).personalNumber, phone: '+45 20 00 00 01', ...diets } });
    expect(res.status).toBe(201);
    return res.json<ElectionParticipantProfile>().id;
  };
  const people: Record<string, string> = {};
  for (const id of ['dk-agnes', 'dk-mads', 'dk-maude', 'dk-albert', 'dk-elisabeth']) people[id] = await create(id);

  const type = await one("INSERT INTO election_types (tenant_id, name) VALUES ($1, 'Folketingsvalg') RETURNING id", [dk.id]);
  electionId = await one("INSERT INTO elections (tenant_id, title, election_type_id, election_day, first_task_date, last_task_date) VALUES ($1, 'Folketingsvalg 2027', $2, '2027-11-16', '2027-11-16', '2027-11-17') RETURNING id", [dk.id, type]);
  otherElectionId = await one("INSERT INTO elections (tenant_id, title, election_type_id, election_day) VALUES ($1, 'Kommunalvalg 2029', $2, '2029-11-20') RETURNING id", [dk.id, type]);
  const area = await one("INSERT INTO election_areas (tenant_id, name) VALUES ($1, 'Korsbæk Nord') RETURNING id", [dk.id]);
  for (const [key, name, district] of [['skole', 'Korsbæk Skole', '1'], ['hallen', 'Korsbækhallen', '3'], ['raadhus', 'Korsbæk Rådhus', '12']] as const) {
    workLocations[key] = await one("INSERT INTO work_locations (tenant_id, area_id, name, address, postal_code, city, district_number) VALUES ($1, $2, $3, 'Skolevej 1', '4000', 'Korsbæk', $4) RETURNING id", [dk.id, area, name, district]);
  }
  for (const [key, title, short, start, end] of [
    ['valgstyrer', 'Valgstyrer', 'VS', '07:30', '22:00'],
    ['tilforordnet', 'Tilforordnet', 'TF', '08:00', '20:00'],
    ['sekretaer', 'Valgsekretær', 'SEK', '07:00', '23:00'],
    ['fintaeller', 'Fintæller', 'FT', '09:00', '15:00'],
  ] as const) {
    taskTypes[key] = await one('INSERT INTO task_types (tenant_id, title, short_name, start_time, end_time) VALUES ($1, $2, $3, $4, $5) RETURNING id', [dk.id, title, short, start, end]);
  }
  const team = await one("INSERT INTO teams (tenant_id, name, short_name) VALUES ($1, 'Borgerservice', 'BS') RETURNING id", [dk.id]);
  const slot = (election: string, wl: string, tt: string, date: string, participant: string | null, state: string) =>
    ownerDb().query('INSERT INTO task_slots (tenant_id, election_id, work_location_id, task_type_id, team_id, task_date, participant_id, state) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)', {
      bind: [dk.id, election, workLocations[wl], taskTypes[tt], team, date, participant, state],
    });
  await slot(electionId, 'raadhus', 'valgstyrer', '2027-11-16', people['dk-agnes']!, 'accepted');
  await slot(electionId, 'skole', 'sekretaer', '2027-11-16', people['dk-mads']!, 'accepted');
  await slot(electionId, 'skole', 'tilforordnet', '2027-11-16', people['dk-maude']!, 'accepted');
  await slot(electionId, 'hallen', 'tilforordnet', '2027-11-16', people['dk-albert']!, 'accepted');
  await slot(electionId, 'hallen', 'sekretaer', '2027-11-16', people['dk-elisabeth']!, 'accepted');
  // Not exported: an invitation not yet answered, vacant slots, a task type with no accepted slot, another election.
  await slot(electionId, 'skole', 'tilforordnet', '2027-11-16', people['dk-agnes']!, 'invited');
  await slot(electionId, 'skole', 'tilforordnet', '2027-11-16', null, 'vacant');
  await slot(electionId, 'hallen', 'fintaeller', '2027-11-17', null, 'vacant');
  await slot(electionId, 'hallen', 'fintaeller', '2027-11-17', people['dk-mads']!, 'invited');
  await slot(otherElectionId, 'skole', 'sekretaer', '2029-11-20', people['dk-albert']!, 'accepted');
}, 60_000);

afterAll(async () => {
  await platform?.stop();
});

describe('the format (pure)', () => {
  it('quotes a field with a comma, a quote or a line break and doubles its quotes; a Swedish number is YYYYMMDD-XXXX', () => {
    const text = electionSystemFile([{ roleName: 'Tilforordnet', givenName: 'Ole "Bamse"', familyName: 'Hansen, jr.', birthDate: '2001-02-03', districtNumber: ' 7 ', personalNumber: '0302011234' }]).toString('utf8');
    expect(text).toBe('\uFEFFRolle,Fulde navn,Fødselsdato,Afstemningsområde,Brugernavn,CPR-nummer\r\nTilforordnet,"Ole ""Bamse"" Hansen, jr.",03-02-2001,7,,030201-1234\r\n');
    expect(formatPersonalNumber('198112189876')).toBe('19811218-9876');
    expect(() => formatPersonalNumber('12345')).toThrow();
  });
});

describe('the role mapping', () => {
  it('lists every task type, unmapped ones with null, and a PUT replaces the whole mapping (audited)', async () => {
    const before = await request(platform.port, dk.adminHost, 'GET', '/api/election/election-system-roles', { headers: admin.headers });
    expect(before.status).toBe(200);
    expect(before.json<ElectionSystemRoleList>().items.map((i) => [i.title, i.roleName])).toEqual([
      ['Fintæller', null],
      ['Tilforordnet', null],
      ['Valgsekretær', null],
      ['Valgstyrer', null],
    ]);
    const put = await putRoles(MAPPING());
    expect(put.status).toBe(200);
    expect(put.json<ElectionSystemRoleList>().items.map((i) => [i.title, i.roleName])).toEqual([
      ['Fintæller', null],
      ['Tilforordnet', 'Tilforordnet'],
      ['Valgsekretær', 'Valgsekretær'],
      ['Valgstyrer', 'Tilforordnet'],
    ]);
    const [audit] = await auditOf(String(put.headers['x-request-id']));
    expect(audit?.action).toBe('election.electionSystemRolesUpdated');
    expect(audit?.summary).toMatchObject({ mapped: 3 });
  });

  it('refuses whole, nothing written: an unknown or another tenant’s task type, one named twice, a formula; 403/404 to others', async () => {
    const foreignType = await one("INSERT INTO task_types (tenant_id, title, short_name, start_time, end_time) VALUES ($1, 'Fremmed', 'FR', '08:00', '09:00') RETURNING id", [other.id]);
    const cases = [
      [[...MAPPING(), { taskTypeId: foreignType, roleName: 'Tilforordnet' }], 'election.unknownTaskType', '/items/3/taskTypeId'],
      [[{ taskTypeId: taskTypes.valgstyrer!, roleName: null }, ...MAPPING()], 'election.taskTypeRepeated', '/items/1/taskTypeId'],
      [[{ taskTypeId: taskTypes.valgstyrer!, roleName: '=HYPERLINK("x")' }], 'election.roleNameInvalid', '/items/0/roleName'],
    ] as const;
    for (const [items, code, pointer] of cases) {
      const res = await putRoles([...items]);
      expect(res.status).toBe(400);
      expect(res.json<Problem>().errors?.[0]).toMatchObject({ code, field: pointer });
      expect(await auditOf(String(res.headers['x-request-id']))).toEqual([]);
    }
    expect((await putRoles(MAPPING(), clerk)).status).toBe(403);
    expect((await request(platform.port, dk.publicHost, 'GET', '/api/election/election-system-roles', { headers: admin.headers })).status).toBe(404);
    const rows = await q<{ n: number }>('SELECT count(*)::integer AS n FROM election_system_roles WHERE tenant_id = $1', [dk.id]);
    expect(rows[0]!.n).toBe(3);
  });
});

describe('the export', () => {
  it('is the fixture, byte for byte and field by field, and audited', async () => {
    const res = await raw(`/api/election/elections/${electionId}/election-system-export`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(String(res.headers['content-disposition'])).toMatch(/^attachment; filename="valgsystem-\d{4}-\d{2}-\d{2}\.csv"/);
    // The bytes: a BOM, UTF-8 (æ as C3 A6), CRLF and no bare LF.
    expect([...res.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(res.body.includes(Buffer.from([0xc3, 0xa6]))).toBe(true);
    expect(res.body.toString('latin1')).not.toMatch(/[^\r]\n/);
    const got = records(res.body.toString('utf8').slice(1));
    const want = records(FIXTURE.toString('utf8').slice(1));
    expect(got.length).toBe(want.length);
    want.forEach((row, r) => {
      expect(got[r]!.length).toBe(row.length);
      row.forEach((value, c) => expect({ row: r, column: want[0]![c], value: got[r]![c] }).toEqual({ row: r, column: want[0]![c], value }));
    });
    expect(res.body.equals(FIXTURE)).toBe(true);
    const audit = await auditOf(String(res.headers['x-request-id']));
    expect(audit).toEqual([{ action: 'election.electionSystemExported', entity_id: electionId, summary: { electionId, rows: 5 } }]);
  });

  it('refuses an unmapped task type with accepted slots: 409 election.rolesUnmapped naming it, no file, nothing audited', async () => {
    expect((await putRoles(MAPPING().filter((m) => m.taskTypeId !== taskTypes.valgstyrer))).status).toBe(200);
    try {
      const res = await raw(`/api/election/elections/${electionId}/election-system-export`);
      expect(res.status).toBe(409);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      const problem = JSON.parse(res.body.toString('utf8')) as Problem;
      expect(problem.errors?.[0]).toMatchObject({ code: 'election.rolesUnmapped', params: { taskTypes: 'Valgstyrer', taskTypeIds: [taskTypes.valgstyrer] } });
      expect(res.body.toString('utf8')).not.toContain('Rolle');
      expect(await auditOf(String(res.headers['x-request-id']))).toEqual([]);
    } finally {
      expect((await putRoles(MAPPING())).status).toBe(200);
    }
  });

  it('leaves out a task type marked so (exported: false) instead of refusing it: its accepted slots are not in the file', async () => {
    const leftOut = MAPPING().map((m) => (m.taskTypeId === taskTypes.valgstyrer ? { taskTypeId: m.taskTypeId, roleName: null, exported: false } : m));
    expect((await putRoles(leftOut)).status).toBe(200);
    try {
      const roles = await request(platform.port, dk.adminHost, 'GET', '/api/election/election-system-roles', { headers: admin.headers });
      const listed = roles.json<{ items: { taskTypeId: string; roleName: string | null; exported: boolean }[] }>().items;
      expect(listed.find((i) => i.taskTypeId === taskTypes.valgstyrer)).toMatchObject({ roleName: null, exported: false });
      expect(listed.find((i) => i.taskTypeId === taskTypes.fintaeller)).toMatchObject({ roleName: null, exported: true });
      const res = await raw(`/api/election/elections/${electionId}/election-system-export`);
      expect(res.status).toBe(200);
      const got = records(res.body.toString('utf8').slice(1));
      const want = records(FIXTURE.toString('utf8').slice(1)).filter((row) => row[1] !== 'Agnes Jensen');
      expect(got).toEqual(want);
      expect(got.length).toBe(5); // header + 4: Agnes's valgstyrer task is gone
    } finally {
      expect((await putRoles(MAPPING())).status).toBe(200);
    }
  });

  it('is for administrators on the admin site of the election’s tenant only', async () => {
    const path = `/api/election/elections/${electionId}/election-system-export`;
    const answers = [await raw(path, clerk), await raw(path, admin, () => dk.publicHost), await raw(path, otherAdmin, () => other.adminHost), await raw(`/api/election/elections/${otherElectionId}/election-system-export`)];
    expect(answers.map((a) => a.status)).toEqual([403, 404, 404, 200]);
    // The other election: only its own accepted slot.
    expect(answers[3]!.body.toString('utf8').split('\r\n').slice(1, -1)).toEqual(['Valgsekretær,Albert Arnesen,04-02-1973,1,,040273-2913']);
    for (const a of answers.slice(0, 3)) expect(await auditOf(String(a.headers['x-request-id']))).toEqual([]);
  });
});

describe('the printed list of a polling station and date', () => {
  const path = (wl = workLocations.skole!, date = '2027-11-16', election = electionId) => `/api/election/elections/${election}/work-locations/${wl}/print.pdf?date=${date}`;

  it('is a PDF with the station, the day’s tasks in the tenant’s language and the diets; audited', async () => {
    const res = await raw(path());
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(res.body);
    expect(text).toEqual(expect.arrayContaining(['Korsbæk Skole', 'Opgave', 'Deltager', 'Telefon', 'Status', 'Maude Varnæs', 'Mads Skjern', 'Agnes Jensen', '+45 20 00 00 01', 'Valgsekretær', '07:00-23:00', 'Accepteret', 'Ledig', 'Specialkost', 'Vegetar; Nøddeallergi']));
    expect(text.some((t) => t.startsWith('Inviteret'))).toBe(true);
    expect(text.join('\n')).toContain('Skolevej 1, 4000 Korsbæk');
    // Only this station and date: not the hall's people, not the count's day.
    expect(text).not.toContain('Albert Arnesen');
    expect(text).not.toContain('Fintæller');
    const audit = await auditOf(String(res.headers['x-request-id']));
    expect(audit).toEqual([{ action: 'election.printListMade', entity_id: workLocations.skole, summary: { electionId, workLocationId: workLocations.skole, date: '2027-11-16', rows: 4, specialCategory: true } }]);
  });

  it('refuses non-administrators (403), the public site, another tenant’s ids and unknown ids (404), a bad date (400) — nothing audited', async () => {
    const answers = [
      await raw(path(), clerk),
      await raw(path(), admin, () => dk.publicHost),
      await raw(path(), otherAdmin, () => other.adminHost),
      await raw(path('00000000-0000-4000-8000-000000000000')),
      await raw(path(workLocations.skole, '16-11-2027')),
    ];
    expect(answers.map((a) => a.status)).toEqual([403, 404, 404, 404, 400]);
    for (const a of answers) expect(await auditOf(String(a.headers['x-request-id']))).toEqual([]);
  });
});
