// The election participants' API on a running platform, against the real PostgreSQL and the civil-registry
// simulator (engine/simulators/test-people.json): the lookup preview; create by lookup (registry fields from
// the registry, entered fields from the request; personal number and diets sealed); refusals — deceased (409),
// unknown (400), invalid (400, no lookup), already a participant (409 naming /personalNumber), unknown team (400,
// no lookup), registry down (503, nothing written); a protected address stored as none and shown masked; the
// list's filters, paging and the Danish and Swedish collations; special-category data only when included; the
// profile with comments, tasks per election, responsibilities and the communication log; changes, the audited
// reveal, the single delete; administrators on the admin site only, another tenant's id answers 404; no
// personal number, name or diet in an audit summary or a log line.
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import pino from 'pino';
import { QueryTypes } from 'sequelize';
import type { Problem } from '../../schemas/types/api-problem';
import type { ElectionParticipantList } from '../../schemas/types/election-participant-list';
import type { ElectionParticipantPreview } from '../../schemas/types/election-participant-preview';
import type { ElectionParticipantProfile } from '../../schemas/types/election-participant-profile';
import { parsePersonalNumber } from '../../forms/formats/personal-number';
import { testPeople } from '../../engine/simulators/test-people';
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
const logLines: string[] = [];

const person = (id: string) => testPeople.citizens.find((c) => c.id === id)!;
const AGNES = person('dk-agnes');
const MADS = person('dk-mads');
const MAUDE = person('dk-maude'); // lives in København: movedAway
const ELISABETH = person('dk-elisabeth'); // protected address
const HANS = person('dk-hans-christian'); // deceased
const ALBERT = person('dk-albert'); // disenfranchised
const KRISTEN = person('dk-kristen'); // Swedish citizen
const ANNA = person('se-anna');
const unknownDk = ['0101901234', '0202802345', '1212121212'].find((n) => parsePersonalNumber('DK', n) && !testPeople.citizens.some((c) => c.personalNumber === n))!;

const q = <T extends object>(sql: string, bind: unknown[] = []) => ownerDb().query<T>(sql, { bind, type: QueryTypes.SELECT });
const countOf = async (sql: string, bind: unknown[] = []) => Number((await q<{ n: string }>(sql, bind))[0]!.n);
const participantsOf = (tenantId: string) => countOf('SELECT count(*) AS n FROM participants WHERE tenant_id = $1', [tenantId]);
const auditOf = (res: TestResponse) => q<{ action: string; entity_id: string | null; summary: Record<string, unknown> }>('SELECT action, entity_id, summary FROM audit_log WHERE request_id = $1 ORDER BY seq', [String(res.headers['x-request-id'])]);

const call = (method: string, path: string, json?: unknown, session = admin, host = dk.adminHost) => request(platform.port, host, method, path, { headers: session.headers, ...(json === undefined ? {} : { json }) });
const problemOf = (res: TestResponse) => res.json<Problem>();
const fieldsOf = (res: TestResponse) => (problemOf(res).errors ?? []).map((e) => [e.field, e.code]);

let teamA: string; // an ordinary team
let party: string; // a team that is a political party
let vegetarian: string;
let halal: string;
let seTeam: string;

async function fixtures(tenantId: string): Promise<{ team: string; party: string; diets: string[] }> {
  const [team] = await q<{ id: string }>("INSERT INTO teams (tenant_id, name, short_name) VALUES ($1, 'Borgerservice', 'BS') RETURNING id", [tenantId]);
  const [p] = await q<{ id: string }>("INSERT INTO teams (tenant_id, name, short_name, political_party) VALUES ($1, 'Rødt Parti', 'RP', true) RETURNING id", [tenantId]);
  const diets = await q<{ id: string }>("INSERT INTO special_diets (tenant_id, name) VALUES ($1, 'Vegetar'), ($1, 'Halal') RETURNING id", [tenantId]);
  return { team: team!.id, party: p!.id, diets: diets.map((d) => d.id) };
}

async function create(body: Record<string, unknown>, session = admin, host = dk.adminHost): Promise<ElectionParticipantProfile> {
  const res = await call('POST', '/api/election/participants', body, session, host);
  expect([res.status, res.status === 201 ? '' : res.text]).toEqual([201, '']);
  return res.json<ElectionParticipantProfile>();
}

beforeAll(async () => {
  [dk, se] = await Promise.all([createTestTenant({ country: 'DK' }), createTestTenant({ country: 'SE' })]);
  const logger = pino({ level: 'debug' }, new Writable({ write: (chunk: Buffer, _enc, done) => void (logLines.push(chunk.toString()), done()) }));
  platform = await startTestPlatform([dk.id, se.id], {}, { logger });
  [admin, adminSe, clerk] = await Promise.all([
    startEmployeeSession(platform.identity, dk.id, ['administrator']),
    startEmployeeSession(platform.identity, se.id, ['administrator']),
    startEmployeeSession(platform.identity, dk.id, []),
  ]);
  const f = await fixtures(dk.id);
  [teamA, party, vegetarian, halal] = [f.team, f.party, f.diets[0]!, f.diets[1]!];
  seTeam = (await fixtures(se.id)).team;
}, 60_000);

afterAll(async () => {
  await platform?.stop();
});

afterEach(() => platform.registrySimulator?.setFaults({}));

describe('the lookup preview', () => {
  it('answers what the registry says, the number masked, and audits the lookup (purpose participant.lookup)', async () => {
    const res = await call('POST', '/api/election/participants/lookup', { personalNumber: `${AGNES.personalNumber.slice(0, 6)}-${AGNES.personalNumber.slice(6)}` });
    expect(res.status).toBe(200);
    const preview = res.json<ElectionParticipantPreview>();
    expect(preview).toEqual({
      personalNumberMasked: '120578-****',
      participantId: null,
      registryStatus: 'ok',
      person: { country: 'DK', givenName: 'Agnes', familyName: 'Jensen', birthDate: '1978-05-12', address: 'Algade 12', postalCode: '4000', city: 'Korsbæk', municipalityCode: '999', citizenship: 'DK', protectedAddress: false, deceased: false, disenfranchised: false },
    });
    const audit = await auditOf(res);
    expect(audit.map((a) => [a.action, a.summary.purpose])).toEqual([['civilRegistry.lookedUp', 'participant.lookup']]);
    expect(JSON.stringify(audit)).not.toContain(AGNES.personalNumber);
    expect(await participantsOf(dk.id)).toBe(0);
  });

  it('leaves a protected address out, and says a deceased person is so', async () => {
    const prot = (await call('POST', '/api/election/participants/lookup', { personalNumber: ELISABETH.personalNumber })).json<ElectionParticipantPreview>();
    expect(prot.person.protectedAddress).toBe(true);
    expect(Object.keys(prot.person)).not.toEqual(expect.arrayContaining(['address']));
    expect(JSON.stringify(prot)).not.toContain('Hemmelig');
    const dead = (await call('POST', '/api/election/participants/lookup', { personalNumber: HANS.personalNumber })).json<ElectionParticipantPreview>();
    expect([dead.person.deceased, dead.registryStatus]).toEqual([true, 'deceased']);
  });

  it('answers 400 election.personUnknown for a number the registry does not know', async () => {
    const res = await call('POST', '/api/election/participants/lookup', { personalNumber: unknownDk });
    expect([res.status, fieldsOf(res)]).toEqual([400, [['/personalNumber', 'election.personUnknown']]]);
  });
});

describe('creating by civil-registry lookup', () => {
  let agnes: ElectionParticipantProfile;

  it('takes name, address, birth date, municipality, citizenship and flags from the registry, and the rest from the request', async () => {
    const res = await call('POST', '/api/election/participants', {
      personalNumber: AGNES.personalNumber,
      phone: '+45 20 00 00 01',
      email: 'agnes@example.dk',
      dietIds: [vegetarian, halal],
      dietNote: 'Nøddeallergi',
      teamIds: [teamA, party],
      digitalPostExempt: true,
    });
    expect(res.status).toBe(201);
    agnes = res.json<ElectionParticipantProfile>();
    expect(agnes).toMatchObject({
      personalNumberMasked: '120578-****',
      country: 'DK',
      givenName: 'Agnes',
      familyName: 'Jensen',
      birthDate: '1978-05-12',
      address: { street: 'Algade 12', postalCode: '4000', city: 'Korsbæk' },
      protectedAddress: false,
      municipalityCode: '999',
      citizenship: 'DK',
      deceased: false,
      disenfranchised: false,
      registryStatus: 'ok',
      phone: '+45 20 00 00 01',
      email: 'agnes@example.dk',
      digitalPostExempt: true,
      specialCategory: true,
      diets: { dietIds: [vegetarian, halal], names: ['Vegetar', 'Halal'], note: 'Nøddeallergi' },
      comments: [],
      tasks: [],
      communicationLog: [],
      responsibilities: [],
    });
    expect(agnes.teams.map((t) => [t.name, t.politicalParty])).toEqual([
      ['Borgerservice', false],
      ['Rødt Parti', true],
    ]);
    expect(Date.now() - new Date(agnes.registryCheckedAt).getTime()).toBeLessThan(60_000);
    const audit = await auditOf(res);
    expect(audit.map((a) => a.action)).toEqual(['civilRegistry.lookedUp', 'election.participantCreated']);
    expect(audit[0]!.summary.purpose).toBe('participant.create');
    expect(audit[1]!.entity_id).toBe(agnes.id);
    expect(audit[1]!.summary).toEqual({ fields: ['phone', 'email', 'diets', 'teams', 'digitalPostExempt'], protectedAddress: false });
    // Ids only: no name, number, team (a party's id would tell the opinion) or diet in the audit rows.
    const text = JSON.stringify(audit);
    for (const secret of [AGNES.personalNumber, 'Agnes', 'Jensen', party, teamA, vegetarian, 'Nøddeallergi']) expect(text).not.toContain(secret);
  });

  it('stores the personal number sealed beside its keyed hash, and the diets and their note sealed', async () => {
    const [row] = await q<{ personal_number_sealed: Buffer; personal_number_hash: string; personal_number_masked: string; diets_sealed: Buffer; signup_fields: object }>(
      'SELECT personal_number_sealed, personal_number_hash, personal_number_masked, diets_sealed, signup_fields FROM participants WHERE id = $1',
      [agnes.id],
    );
    expect(row!.personal_number_masked).toBe('120578-****');
    expect(row!.personal_number_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row!.personal_number_sealed.toString('latin1')).not.toContain(AGNES.personalNumber);
    const diets = row!.diets_sealed.toString('latin1');
    for (const secret of ['Nøddeallergi', 'N\u00f8ddeallergi', vegetarian, halal]) expect(diets).not.toContain(secret);
    expect(row!.signup_fields).toEqual({});
  });

  it('refuses the same person twice: 409 election.participantExists on /personalNumber, naming the participant', async () => {
    const before = await participantsOf(dk.id);
    const res = await call('POST', '/api/election/participants', { personalNumber: AGNES.personalNumber });
    expect([res.status, fieldsOf(res)]).toEqual([409, [['/personalNumber', 'election.participantExists']]]);
    expect(problemOf(res).errors?.[0]?.params).toEqual({ participantId: agnes.id });
    expect(await participantsOf(dk.id)).toBe(before);
    // Found by the keyed hash before any lookup: no registry row either.
    expect(await auditOf(res)).toEqual([]);
  });

  it('refuses a deceased person: 409 election.personDeceased, nothing created (the lookup stays audited)', async () => {
    const before = await participantsOf(dk.id);
    const res = await call('POST', '/api/election/participants', { personalNumber: HANS.personalNumber, teamIds: [teamA] });
    expect([res.status, fieldsOf(res)]).toEqual([409, [['/personalNumber', 'election.personDeceased']]]);
    expect(await participantsOf(dk.id)).toBe(before);
    expect((await auditOf(res)).map((a) => a.action)).toEqual(['civilRegistry.lookedUp']);
  });

  it('refuses a number the registry does not know (400 election.personUnknown) and one that is no CPR number (400, no lookup)', async () => {
    const unknown = await call('POST', '/api/election/participants', { personalNumber: unknownDk });
    expect([unknown.status, fieldsOf(unknown)]).toEqual([400, [['/personalNumber', 'election.personUnknown']]]);
    const lookups = platform.registrySimulator!.lookups;
    for (const personalNumber of ['3213991234', 'Agnes Jensen', ANNA.personalNumber]) {
      const bad = await call('POST', '/api/election/participants', { personalNumber });
      expect([bad.status, fieldsOf(bad)]).toEqual([400, [['/personalNumber', 'election.personalNumberInvalid']]]);
      expect(await auditOf(bad)).toEqual([]);
    }
    expect(platform.registrySimulator!.lookups).toBe(lookups);
  });

  it('refuses unknown teams, diets and signup fields before asking the registry, naming each', async () => {
    const lookups = platform.registrySimulator!.lookups;
    const before = await participantsOf(dk.id);
    const teams = await call('POST', '/api/election/participants', { personalNumber: MADS.personalNumber, teamIds: [teamA, seTeam] });
    expect([teams.status, fieldsOf(teams)]).toEqual([400, [['/teamIds/1', 'election.unknownTeam']]]);
    const diets = await call('POST', '/api/election/participants', { personalNumber: MADS.personalNumber, dietIds: [randomUUID()] });
    expect([diets.status, fieldsOf(diets)]).toEqual([400, [['/dietIds/0', 'election.unknownDiet']]]);
    // The template's party and diet questions are not free signup fields: special-category data is never stored in clear.
    const fields = await call('POST', '/api/election/participants', { personalNumber: MADS.personalNumber, signupFields: { partyMember: true, shoeSize: 44 } });
    expect([fields.status, fieldsOf(fields)]).toEqual([400, [['/signupFields/partyMember', 'election.unknownSignupField'], ['/signupFields/shoeSize', 'election.unknownSignupField']]]);
    const schema = await call('POST', '/api/election/participants', { personalNumber: MADS.personalNumber, email: 'not an address', phone: 'ring mig' });
    expect(schema.status).toBe(400);
    expect([...new Set(fieldsOf(schema).map(([f]) => f))].sort()).toEqual(['/email', '/phone']);
    expect(platform.registrySimulator!.lookups).toBe(lookups);
    expect(await participantsOf(dk.id)).toBe(before);
  });

  it('answers 503 registry_unavailable when the registry is down, with nothing written — not even an audit row', async () => {
    platform.registrySimulator!.setFaults({ failNext: 20 });
    const before = await participantsOf(dk.id);
    const res = await call('POST', '/api/election/participants', { personalNumber: MADS.personalNumber, teamIds: [teamA] });
    expect([res.status, problemOf(res).code]).toEqual([503, 'registry_unavailable']);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(await participantsOf(dk.id)).toBe(before);
    expect(await auditOf(res)).toEqual([]);
    expect(JSON.stringify(problemOf(res))).not.toContain(MADS.personalNumber);
    const preview = await call('POST', '/api/election/participants/lookup', { personalNumber: MADS.personalNumber });
    expect(preview.status).toBe(503);
    platform.registrySimulator!.setFaults({});
    // Back up: the same request now works.
    expect((await call('POST', '/api/election/participants', { personalNumber: MADS.personalNumber, teamIds: [teamA] })).status).toBe(201);
  });

  it('stores a protected address as none and shows it masked', async () => {
    const elisabeth = await create({ personalNumber: ELISABETH.personalNumber });
    expect([elisabeth.address, elisabeth.protectedAddress]).toEqual([null, true]);
    const [row] = await q<{ address: string | null; postal_code: string | null; city: string | null }>('SELECT address, postal_code, city FROM participants WHERE id = $1', [elisabeth.id]);
    expect(row).toEqual({ address: null, postal_code: null, city: null });
    const list = (await call('GET', `/api/election/participants?q=Elisabeth`)).json<ElectionParticipantList>();
    expect(list.items.map((i) => [i.givenName, i.address, i.protectedAddress])).toEqual([['Elisabeth', null, true]]);
  });

  it('creates a Swedish tenant’s participant from Navet', async () => {
    const anna = await create({ personalNumber: ANNA.personalNumber, teamIds: [seTeam] }, adminSe, se.adminHost);
    expect(anna).toMatchObject({ personalNumberMasked: '19780512-****', country: 'SE', givenName: 'Anna', familyName: 'Lindqvist', municipalityCode: '9999', registryStatus: 'ok' });
  });
});

describe('the list', () => {
  let ids: Record<string, string>;

  beforeAll(async () => {
    ids = {};
    for (const [key, p] of [['maude', MAUDE], ['albert', ALBERT], ['kristen', KRISTEN]] as const) ids[key] = (await create({ personalNumber: p.personalNumber, ...(key === 'kristen' ? { teamIds: [party], digitalPostExempt: true } : {}) })).id;
    const [agnes] = await q<{ id: string }>("SELECT id FROM participants WHERE tenant_id = $1 AND given_name = 'Agnes'", [dk.id]);
    const [mads] = await q<{ id: string }>("SELECT id FROM participants WHERE tenant_id = $1 AND given_name = 'Mads'", [dk.id]);
    ids.agnes = agnes!.id;
    ids.mads = mads!.id;
    // Albert holds a task at Skolen (accepted), Mads one at Rådhuset (invited), Maude rejected one (not held).
    const [type] = await q<{ id: string }>("INSERT INTO election_types (tenant_id, name) VALUES ($1, 'Folketingsvalg') RETURNING id", [dk.id]);
    const [election] = await q<{ id: string }>("INSERT INTO elections (tenant_id, title, election_type_id, election_day) VALUES ($1, 'Folketingsvalg 2030', $2, DATE '2030-06-01') RETURNING id", [dk.id, type!.id]);
    const [area] = await q<{ id: string }>("INSERT INTO election_areas (tenant_id, name) VALUES ($1, 'Nord') RETURNING id", [dk.id]);
    const locations = await q<{ id: string }>("INSERT INTO work_locations (tenant_id, area_id, name) VALUES ($1, $2, 'Skolen'), ($1, $2, 'Rådhuset') RETURNING id", [dk.id, area!.id]);
    const types = await q<{ id: string }>("INSERT INTO task_types (tenant_id, title, short_name, start_time, end_time) VALUES ($1, 'Valgstyrer', 'VS', '07:00', '20:00'), ($1, 'Fintæller', 'FT', '09:00', '15:00') RETURNING id", [dk.id]);
    ids.election = election!.id;
    ids.skolen = locations[0]!.id;
    ids.raadhuset = locations[1]!.id;
    ids.valgstyrer = types[0]!.id;
    ids.fintaeller = types[1]!.id;
    const slot = (location: string, taskType: string, who: string, state: string, team = teamA) =>
      ownerDb().query("INSERT INTO task_slots (tenant_id, election_id, work_location_id, task_type_id, team_id, task_date, participant_id, state) VALUES ($1, $2, $3, $4, $5, DATE '2030-06-01', $6, $7)", {
        bind: [dk.id, election!.id, location, taskType, team, who, state],
      });
    await slot(ids.skolen, ids.valgstyrer, ids.albert!, 'accepted');
    await slot(ids.raadhuset, ids.fintaeller, ids.mads!, 'invited', party);
    await slot(ids.skolen, ids.fintaeller, ids.maude!, 'rejected');
  });

  const list = async (query: string, session = admin): Promise<ElectionParticipantList> => {
    const res = await call('GET', `/api/election/participants${query}`, undefined, session);
    expect([res.status, res.status === 200 ? '' : res.text]).toEqual([200, '']);
    return res.json<ElectionParticipantList>();
  };
  const names = (l: ElectionParticipantList) => l.items.map((i) => i.givenName);

  it('answers a page of every participant by name (family, then given), with the total', async () => {
    const all = await list('');
    expect(all.total).toBe(6);
    expect(all.items.map((i) => i.familyName)).toEqual(['Andersson', 'Arnesen', 'Friis', 'Jensen', 'Skjern', 'Varnæs']);
    expect(all.items[0]).toMatchObject({ name: 'Kristen Andersson', citizenship: 'SE', registryStatus: 'ok', digitalPostExempt: true, tasks: 0, teams: [] });
    // A party's team is special-category: not among the ordinary teams, not there at all unless included.
    expect(all.items.find((i) => i.givenName === 'Agnes')!.teams.map((t) => t.name)).toEqual(['Borgerservice']);
    expect(all.items.every((i) => !('diets' in i) && !('partyMembership' in i))).toBe(true);
    const page2 = await list('?pageSize=2&page=2');
    expect([page2.total, page2.page, page2.pageSize, page2.items.map((i) => i.familyName)]).toEqual([6, 2, 2, ['Friis', 'Jensen']]);
    const desc = await list('?sort=birthDate&order=desc&pageSize=3');
    expect(desc.items.map((i) => i.birthDate)).toEqual(['1989-06-26', '1981-07-08', '1978-05-12']);
  });

  it('filters by registry status, birth dates, team, Digital Post exemption, tasks, task type, work location and name', async () => {
    expect(names(await list('?status=movedAway'))).toEqual(['Maude']);
    expect(names(await list('?status=disenfranchised'))).toEqual(['Albert']);
    expect(names(await list('?status=ok'))).toEqual(['Kristen', 'Elisabeth', 'Agnes', 'Mads']);
    expect(names(await list('?birthFrom=1970-01-01&birthTo=1981-12-31'))).toEqual(['Albert', 'Elisabeth', 'Agnes']);
    expect(names(await list(`?teamIds=${teamA}`))).toEqual(['Agnes', 'Mads']);
    expect(names(await list(`?teamIds=${teamA},${party}`))).toEqual(['Kristen', 'Agnes', 'Mads']);
    expect(names(await list(`?teamIds=${teamA}&teamIds=${party}&birthFrom=1980-01-01`))).toEqual(['Kristen']);
    expect(names(await list('?digitalPostExempt=true'))).toEqual(['Kristen', 'Agnes']);
    expect(names(await list('?hasTask=true'))).toEqual(['Albert', 'Mads']);
    expect(names(await list('?hasTask=false'))).toEqual(['Kristen', 'Elisabeth', 'Agnes', 'Maude']);
    expect(names(await list(`?taskTypeId=${ids.fintaeller}`))).toEqual(['Mads']);
    expect(names(await list(`?workLocationId=${ids.skolen}`))).toEqual(['Albert']);
    expect(names(await list('?q=jens%20ag'))).toEqual(['Agnes']);
    expect(names(await list('?q=100%25'))).toEqual([]);
    const albert = (await list('?hasTask=true')).items[0]!;
    expect(albert.tasks).toBe(1);
    // A page past the end still says how many there are (filtered or not).
    const past = await list(`?teamIds=${teamA}&page=3&pageSize=2`);
    expect([past.total, past.items]).toEqual([2, []]);
    expect((await list('?page=4&pageSize=2')).total).toBe(6);
  });

  it('adds the diets and party membership only when included', async () => {
    const withSpecial = await list('?include=diets,partyMembership');
    const agnes = withSpecial.items.find((i) => i.givenName === 'Agnes')!;
    expect(agnes.diets).toEqual({ dietIds: [vegetarian, halal], names: ['Vegetar', 'Halal'], note: 'Nøddeallergi' });
    expect(agnes.partyMembership?.map((t) => t.name)).toEqual(['Rødt Parti']);
    expect(withSpecial.items.find((i) => i.givenName === 'Mads')).toMatchObject({ diets: { dietIds: [], names: [], note: null }, partyMembership: [] });
    const partyOnly = await list('?include=partyMembership');
    expect(partyOnly.items.every((i) => !('diets' in i))).toBe(true);
  });

  it('refuses bad filters with 400 naming them', async () => {
    for (const query of ['?pageSize=101', '?sort=personalNumber', '?status=alive', '?teamIds=Borgerservice', '?include=phone', '?birthFrom=12-05-1978', '?page=0']) {
      const res = await call('GET', `/api/election/participants${query}`);
      expect([query, res.status]).toEqual([query, 400]);
    }
  });

  it('sorts names in the tenant’s collation: Danish Æ Ø Å after Z, Swedish Å Ä Ö', async () => {
    const insert = (tenantId: string, country: string, familyNames: string[]) =>
      ownerDb().query(
        `INSERT INTO participants (tenant_id, personal_number_country, personal_number_sealed, personal_number_hash, personal_number_masked, given_name, family_name, birth_date, municipality_code, citizenship, registry_checked_at)
         SELECT $1, $2, '\\x00'::bytea, 'sort-' || n, 'xxxxxx-****', 'Sortering', n, DATE '1950-01-01', '0999', $2, now() FROM unnest($3::text[]) n`,
        { bind: [tenantId, country, familyNames] },
      );
    await insert(dk.id, 'DK', ['Østergaard', 'Åberg', 'Zeuthen', 'Ærø', 'Andersen']);
    await insert(se.id, 'SE', ['Öberg', 'Ärlig', 'Åberg', 'Zetterlund', 'Andersson']);
    expect((await list('?q=Sortering')).items.map((i) => i.familyName)).toEqual(['Andersen', 'Zeuthen', 'Ærø', 'Østergaard', 'Åberg']);
    expect((await list('?q=Sortering&order=desc')).items.map((i) => i.familyName)).toEqual(['Åberg', 'Østergaard', 'Ærø', 'Zeuthen', 'Andersen']);
    const sv = await call('GET', '/api/election/participants?q=Sortering', undefined, adminSe, se.adminHost);
    expect(sv.json<ElectionParticipantList>().items.map((i) => i.familyName)).toEqual(['Andersson', 'Zetterlund', 'Åberg', 'Ärlig', 'Öberg']);
    await ownerDb().query("DELETE FROM participants WHERE given_name = 'Sortering' AND tenant_id = ANY($1::uuid[])", { bind: [[dk.id, se.id]] });
  });

  it('is for administrators on the admin site; another tenant’s filter ids find nobody', async () => {
    expect((await call('GET', '/api/election/participants', undefined, clerk)).status).toBe(403);
    expect((await call('GET', '/api/election/participants?include=diets', undefined, clerk)).status).toBe(403);
    expect((await request(platform.port, dk.publicHost, 'GET', '/api/election/participants', { headers: admin.headers })).status).toBe(404);
    expect(names(await list(`?teamIds=${seTeam}`))).toEqual([]);
    const seList = await call('GET', '/api/election/participants', undefined, adminSe, se.adminHost);
    expect(seList.json<ElectionParticipantList>().items.map((i) => i.givenName)).toEqual(['Anna']);
  });

  describe('the profile', () => {
    it('shows tasks per election, responsibilities, comments and the communication log', async () => {
      // Mads has logged in on the public site and is responsible for the party's team and for Skolen.
      const [user] = await q<{ id: string }>("INSERT INTO users (tenant_id, kind, subject_hash, display_name) VALUES ($1, 'citizen', $2, 'M. S.') RETURNING id", [dk.id, randomUUID()]);
      await ownerDb().query('UPDATE participants SET user_id = $2 WHERE id = $1', { bind: [ids.mads, user!.id] });
      await ownerDb().query("INSERT INTO responsibility_grants (tenant_id, user_id, kind, scope_id) VALUES ($1, $2, 'teamResponsible', $3), ($1, $2, 'workLocationResponsible', $4)", { bind: [dk.id, user!.id, party, ids.skolen] });
      await ownerDb().query(
        `INSERT INTO communication_log (tenant_id, template_key, channel, recipient, locale, status, idempotency_key, sent_at)
         VALUES ($1, 'election.invitation', 'email', $2, 'da', 'sent', $3, now()), ($1, 'election.invitation', 'email', 'subject:electionParticipant/' || $4, 'da', 'sent', $5, now())`,
        { bind: [dk.id, `subject:electionParticipant/${ids.mads}`, randomUUID(), ids.agnes, randomUUID()] },
      );
      const comment = await call('POST', `/api/election/participants/${ids.mads}/comments`, { body: 'Ringede – kommer kun om formiddagen.' });
      expect(comment.status).toBe(201);
      expect(comment.json()).toMatchObject({ authorName: 'Lauritz Jensen', body: 'Ringede – kommer kun om formiddagen.' });
      expect((await auditOf(comment)).map((a) => [a.action, a.entity_id])).toEqual([['election.participantCommented', ids.mads]]);
      expect(JSON.stringify(await auditOf(comment))).not.toContain('formiddagen');

      const res = await call('GET', `/api/election/participants/${ids.mads}`);
      expect(res.status).toBe(200);
      const mads = res.json<ElectionParticipantProfile>();
      expect(mads.comments.map((c) => c.body)).toEqual(['Ringede – kommer kun om formiddagen.']);
      expect(mads.tasks).toEqual([
        {
          electionId: ids.election,
          title: 'Folketingsvalg 2030',
          electionDay: '2030-06-01',
          tasks: [{ id: expect.any(String), date: '2030-06-01', state: 'invited', workLocation: { id: ids.raadhuset, name: 'Rådhuset' }, taskType: { id: ids.fintaeller, title: 'Fintæller', startTime: '09:00', endTime: '15:00' }, team: { id: party, name: 'Rødt Parti' } }],
        },
      ]);
      expect(mads.responsibilities.map((r) => [r.kind, r.name])).toEqual([
        ['teamResponsible', 'Rødt Parti'],
        ['workLocationResponsible', 'Skolen'],
      ]);
      expect(mads.communicationLog.map((m) => [m.templateKey, m.channel, m.status])).toEqual([['election.invitation', 'email', 'sent']]);
      expect(mads.userId).toBe(user!.id);
    });

    it('answers 404 for another tenant’s participant and for a missing one, 403 to a non-administrator', async () => {
      expect((await call('GET', `/api/election/participants/${ids.agnes}`, undefined, adminSe, se.adminHost)).status).toBe(404);
      expect((await call('PATCH', `/api/election/participants/${ids.agnes}`, { phone: null }, adminSe, se.adminHost)).status).toBe(404);
      expect((await call('DELETE', `/api/election/participants/${ids.agnes}`, undefined, adminSe, se.adminHost)).status).toBe(404);
      expect((await call('POST', `/api/election/participants/${ids.agnes}/reveal-personal-number`, undefined, adminSe, se.adminHost)).status).toBe(404);
      expect((await call('GET', `/api/election/participants/${randomUUID()}`)).status).toBe(404);
      expect((await call('GET', '/api/election/participants/not-an-id')).status).toBe(404);
      expect((await call('GET', `/api/election/participants/${ids.agnes}`, undefined, clerk)).status).toBe(403);
      expect((await call('POST', '/api/election/participants', { personalNumber: MADS.personalNumber }, clerk)).status).toBe(403);
      expect((await call('POST', `/api/election/participants/${ids.agnes}/reveal-personal-number`, undefined, clerk)).status).toBe(403);
    });

    it('changes entered fields: the whole set of teams, the diet note keeping the diets; audited by field names', async () => {
      const res = await call('PATCH', `/api/election/participants/${ids.agnes}`, { phone: '+45 30 30 30 30', teamIds: [teamA], dietNote: 'Ingen nødder', digitalPostExempt: false });
      expect(res.status).toBe(200);
      const agnes = res.json<ElectionParticipantProfile>();
      expect(agnes).toMatchObject({ phone: '+45 30 30 30 30', digitalPostExempt: false, diets: { dietIds: [vegetarian, halal], note: 'Ingen nødder' } });
      expect(agnes.teams.map((t) => t.name)).toEqual(['Borgerservice']);
      expect((await auditOf(res)).map((a) => [a.action, a.summary])).toEqual([['election.participantUpdated', { fields: ['phone', 'diets', 'digitalPostExempt', 'teams'] }]]);
      const cleared = await call('PATCH', `/api/election/participants/${ids.agnes}`, { dietIds: [], dietNote: null, email: null });
      expect(cleared.json<ElectionParticipantProfile>()).toMatchObject({ email: null, diets: { dietIds: [], names: [], note: null } });
      expect((await q<{ diets_sealed: Buffer | null }>('SELECT diets_sealed FROM participants WHERE id = $1', [ids.agnes]))[0]!.diets_sealed).toBeNull();
      const refused = await call('PATCH', `/api/election/participants/${ids.agnes}`, { teamIds: [seTeam] });
      expect([refused.status, fieldsOf(refused)]).toEqual([400, [['/teamIds/0', 'election.unknownTeam']]]);
      expect((await call('PATCH', `/api/election/participants/${ids.agnes}`, {})).status).toBe(400);
      expect((await call('PATCH', `/api/election/participants/${ids.agnes}`, { givenName: 'Anne' })).status).toBe(400);
    });

    it('reveals the whole personal number to an administrator, audited', async () => {
      const res = await call('POST', `/api/election/participants/${ids.agnes}/reveal-personal-number`);
      expect([res.status, res.json()]).toEqual([200, { personalNumber: AGNES.personalNumber }]);
      expect((await auditOf(res)).map((a) => [a.action, a.entity_id, a.summary])).toEqual([['election.participantPersonalNumberRevealed', ids.agnes, {}]]);
    });

    it('deletes one participant, refusing one who holds a task; a rejected slot becomes vacant', async () => {
      const held = await call('DELETE', `/api/election/participants/${ids.albert}`);
      expect([held.status, fieldsOf(held)]).toEqual([409, [['/', 'election.participantHasTasks']]]);
      expect(await countOf('SELECT count(*) AS n FROM participants WHERE id = $1', [ids.albert])).toBe(1);
      const res = await call('DELETE', `/api/election/participants/${ids.maude}`);
      expect(res.status).toBe(204);
      expect((await call('GET', `/api/election/participants/${ids.maude}`)).status).toBe(404);
      expect(await countOf("SELECT count(*) AS n FROM task_slots WHERE work_location_id = $1 AND task_type_id = $2 AND state = 'vacant' AND participant_id IS NULL", [ids.skolen, ids.fintaeller])).toBe(1);
      expect((await auditOf(res)).map((a) => [a.action, a.entity_id, a.summary])).toEqual([['election.participantDeleted', ids.maude, { vacatedSlots: 1 }]]);
    });
  });
});

describe('privacy', () => {
  it('wrote no personal number, name, diet note or party name to the log, and none to an audit summary', async () => {
    const logs = logLines.join('');
    const audit = JSON.stringify(await q('SELECT summary FROM audit_log WHERE tenant_id = ANY($1::uuid[])', [[dk.id, se.id]]));
    for (const secret of [AGNES.personalNumber, MADS.personalNumber, ELISABETH.personalNumber, HANS.personalNumber, ANNA.personalNumber, 'Nøddeallergi', 'Ingen nødder', 'Rødt Parti', 'Skjern', 'Lindqvist']) {
      expect([secret, logs.includes(secret)]).toEqual([secret, false]);
      expect([secret, audit.includes(secret)]).toEqual([secret, false]);
    }
    expect(logs.length).toBeGreaterThan(0);
  });
});
