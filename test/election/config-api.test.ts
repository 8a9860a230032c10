// The election staffing's configuration API on a running platform (admin site, an administrator's session):
// election types, areas, work locations with their task types and teams, task types with their files (a PDF,
// an ODT and a DOCX accepted by their bytes; an EXE named .pdf, an old .doc and a spreadsheet refused; too big
// refused), teams, special diets and the public site's pages. Each change leaves its audit row (ids only);
// lists come in the tenant's alphabetical order (Danish … Z Æ Ø Å, Swedish … Z Å Ä Ö); what is in use is not
// deleted; names are unique; bad input answers 400 naming the field and writes nothing; another tenant's ids
// answer 404; a citizen or an operator gets nothing.
import { QueryTypes } from 'sequelize';
import { createTestTenant, ownerDb, type TestTenant } from '../helpers/factories';
import { request, type TestResponse } from '../helpers/http';
import { startTestPlatform } from '../helpers/platform';
import { startEmployeeSession } from '../helpers/sessions';
import { startCitizenSession } from '../petitions/api-helpers';

let platform: Awaited<ReturnType<typeof startTestPlatform>>;
let a: TestTenant;
let b: TestTenant;
let se: TestTenant;
let adminA: Record<string, string>;
let adminB: Record<string, string>;
let adminSe: Record<string, string>;
let operatorA: Record<string, string>;
let citizenA: Record<string, string>;

beforeAll(async () => {
  [a, b, se] = await Promise.all([createTestTenant({ builtinForms: true }), createTestTenant(), createTestTenant({ country: 'SE' })]);
  platform = await startTestPlatform();
  adminA = (await startEmployeeSession(platform.identity, a.id, ['administrator'])).headers;
  adminB = (await startEmployeeSession(platform.identity, b.id, ['administrator'])).headers;
  adminSe = (await startEmployeeSession(platform.identity, se.id, ['administrator'])).headers;
  operatorA = (await startEmployeeSession(platform.identity, a.id, ['operator'])).headers;
  citizenA = (await startCitizenSession(platform.identity, a.id, '1205784123')).headers;
}, 60_000);

afterAll(async () => {
  await platform?.stop();
});

const call = (method: string, path: string, json?: unknown, t: TestTenant = a, headers: Record<string, string> = adminA) => request(platform.port, t.adminHost, method, `/api${path}`, { headers, ...(json === undefined ? {} : { json }) });
const callB = (method: string, path: string, json?: unknown) => call(method, path, json, b, adminB);
const callSe = (method: string, path: string, json?: unknown) => call(method, path, json, se, adminSe);

const ownerRows = <T extends object>(sql: string, bind: unknown[] = []) => ownerDb().query<T>(sql, { bind, type: QueryTypes.SELECT });
const problem = (res: TestResponse) => res.json<{ code: string; errors?: { field: string; code?: string; params?: Record<string, unknown> }[] }>();
const fieldsOf = (res: TestResponse) => (problem(res).errors ?? []).map((e) => [e.field, e.code]);
const idOf = (res: TestResponse) => res.json<{ id: string }>().id;
const itemsOf = <T = Record<string, unknown>>(res: TestResponse) => res.json<{ items: T[] }>().items;

/** The audit rows the requests wrote (by their request ids): action, entity and summary. */
async function audited(...responses: TestResponse[]): Promise<{ action: string; entity_type: string; entity_id: string | null; summary: Record<string, unknown> }[]> {
  const ids = responses.map((r) => String(r.headers['x-request-id']));
  return ownerRows('SELECT action, entity_type, entity_id, summary FROM audit_log WHERE request_id = ANY($1::text[]) ORDER BY seq', [ids]);
}

const CONFIG_TABLES = ['election_types', 'election_areas', 'work_locations', 'work_location_task_types', 'work_location_teams', 'task_types', 'task_type_files', 'teams', 'special_diets', 'election_site', 'audit_log'];

/** Row counts of the configuration's tables (and the audit log) of a tenant: a refusal leaves them as they were. */
async function counts(tenantId: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of CONFIG_TABLES) out[table] = (await ownerRows<{ n: number }>(`SELECT count(*)::integer AS n FROM ${table} WHERE tenant_id = $1`, [tenantId]))[0]!.n;
  return out;
}

let seq = 0;
const unique = (prefix: string) => `${prefix} ${++seq}`;
const taskType = (overrides: Record<string, unknown> = {}) => ({ title: unique('Tilforordnet'), shortName: `T${seq}`, startTime: '07:30', endTime: '20:00', payment: 850, ...overrides });

async function created(path: string, body: unknown, t: TestTenant = a, headers = adminA): Promise<string> {
  const res = await call('POST', path, body, t, headers);
  expect([res.status, res.text]).toEqual([201, expect.any(String)]);
  return idOf(res);
}

// ---- small ZIP writer (stored entries), for real minimal ODT and DOCX files ----

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (data: Buffer) => {
  let c = 0xffffffff;
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};

function zip(entries: [string, string][]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of entries) {
    const nameBytes = Buffer.from(name, 'utf8');
    const data = Buffer.from(text, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const DOCX = zip([
  ['[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'],
  ['_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'],
  ['word/document.xml', '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Instruks for tilforordnede</w:t></w:r></w:p></w:body></w:document>'],
]);
const ODT = zip([
  ['mimetype', 'application/vnd.oasis.opendocument.text'],
  ['META-INF/manifest.xml', '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>'],
  ['content.xml', '<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:text><text:p>Instruks</text:p></office:text></office:body></office:document-content>'],
]);
/** A spreadsheet (XLSX): a ZIP with content types but no word/document.xml. */
const XLSX = zip([
  ['[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'],
  ['xl/workbook.xml', '<?xml version="1.0"?><workbook/>'],
]);
/** An OpenDocument spreadsheet: the right layout, the wrong mimetype. */
const ODS = zip([['mimetype', 'application/vnd.oasis.opendocument.spreadsheet'], ['content.xml', '<x/>']]);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');
const EXE = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(120, 0), Buffer.from('This program cannot be run in DOS mode.', 'latin1')]);
/** The OLE2 compound file header of an old .doc. */
const DOC = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504, 0)]);

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const ODT_TYPE = 'application/vnd.oasis.opendocument.text';

describe('areas', () => {
  it('are created, listed in Danish alphabetical order, read, renamed and deleted, each change audited with ids only', async () => {
    const names = ['Øst', 'Nord', 'Åby', 'Vest', 'Æblehaven'];
    const responses: TestResponse[] = [];
    for (const name of names) {
      const res = await callB('POST', '/election/areas', { name });
      expect(res.status).toBe(201);
      expect(res.json()).toEqual({ id: expect.any(String), name, workLocationCount: 0 });
      responses.push(res);
    }
    const list = await callB('GET', '/election/areas');
    expect(list.status).toBe(200);
    expect(itemsOf<{ name: string }>(list).map((x) => x.name)).toEqual(['Nord', 'Vest', 'Æblehaven', 'Øst', 'Åby']);
    const rows = await audited(...responses);
    expect(rows.map((r) => [r.action, r.entity_type, r.entity_id])).toEqual(responses.map((r) => ['election.areaCreated', 'electionArea', idOf(r)]));
    expect(JSON.stringify(rows)).not.toMatch(/Øst|Nord|Åby|Vest|Æblehaven/);

    const id = idOf(responses[1]!);
    expect((await callB('GET', `/election/areas/${id}`)).json()).toEqual({ id, name: 'Nord', workLocationCount: 0 });
    const renamed = await callB('PUT', `/election/areas/${id}`, { name: '  Nordvest ' });
    expect([renamed.status, renamed.json()]).toEqual([200, { id, name: 'Nordvest', workLocationCount: 0 }]);
    expect(await audited(renamed)).toEqual([{ action: 'election.areaUpdated', entity_type: 'electionArea', entity_id: id, summary: { changed: ['name'] } }]);

    const deleted = await callB('DELETE', `/election/areas/${id}`);
    expect(deleted.status).toBe(204);
    expect(await audited(deleted)).toEqual([{ action: 'election.areaDeleted', entity_type: 'electionArea', entity_id: id, summary: {} }]);
    expect((await callB('GET', `/election/areas/${id}`)).status).toBe(404);
    expect((await callB('DELETE', `/election/areas/${id}`)).status).toBe(404);
    expect(itemsOf<{ name: string }>(await callB('GET', '/election/areas')).map((x) => x.name)).toEqual(['Vest', 'Æblehaven', 'Øst', 'Åby']);
  });

  it('are listed in Swedish alphabetical order for a Swedish municipality (… Z Å Ä Ö)', async () => {
    for (const name of ['Öster', 'Norr', 'Åsen', 'Zenit', 'Älvsby', 'Aby']) expect((await callSe('POST', '/election/areas', { name })).status).toBe(201);
    expect(itemsOf<{ name: string }>(await callSe('GET', '/election/areas')).map((x) => x.name)).toEqual(['Aby', 'Norr', 'Zenit', 'Åsen', 'Älvsby', 'Öster']);
  });

  it('have unique names (case-insensitive): 409 election.nameTaken naming the field, nothing written', async () => {
    await created('/election/areas', { name: 'Midtby' });
    const other = await created('/election/areas', { name: 'Udkanten' });
    const before = await counts(a.id);
    const dup = await call('POST', '/election/areas', { name: 'midtby' });
    expect([dup.status, fieldsOf(dup)]).toEqual([409, [['/name', 'election.nameTaken']]]);
    const renameDup = await call('PUT', `/election/areas/${other}`, { name: 'MIDTBY' });
    expect([renameDup.status, fieldsOf(renameDup)]).toEqual([409, [['/name', 'election.nameTaken']]]);
    expect(await counts(a.id)).toEqual(before);
    expect(await audited(dup, renameDup)).toEqual([]);
    // Keeping its own name is no conflict.
    expect((await call('PUT', `/election/areas/${other}`, { name: 'Udkanten' })).status).toBe(200);
  });
});

describe('work locations', () => {
  let area: string;
  let area2: string;
  let tt1: string;
  let tt2: string;
  let team1: string;
  let team2: string;

  beforeAll(async () => {
    area = await created('/election/areas', { name: unique('Område') });
    area2 = await created('/election/areas', { name: unique('Område') });
    tt1 = await created('/election/task-types', taskType());
    tt2 = await created('/election/task-types', taskType());
    team1 = await created('/election/teams', { name: unique('Hold'), shortName: `H${seq}` });
    team2 = await created('/election/teams', { name: unique('Hold'), shortName: `H${seq}` });
  });

  it('are created with their task types and teams, filtered by area, replaced as a set, and audited', async () => {
    const res = await call('POST', '/election/work-locations', { areaId: area, name: 'Østre Skole', address: 'Østergade 20', postalCode: '4000', city: 'Korsbæk', districtNumber: '10', taskTypeIds: [tt1, tt2], teamIds: [team1] });
    expect(res.status).toBe(201);
    const id = idOf(res);
    expect(res.json()).toEqual({ id, areaId: area, areaName: expect.any(String), name: 'Østre Skole', address: 'Østergade 20', postalCode: '4000', city: 'Korsbæk', districtNumber: '10', taskTypeIds: expect.arrayContaining([tt1, tt2]), teamIds: [team1] });
    expect(await audited(res)).toEqual([{ action: 'election.workLocationCreated', entity_type: 'electionWorkLocation', entity_id: id, summary: { areaId: area, taskTypeIds: [tt1, tt2], teamIds: [team1] } }]);
    const inOther = await created('/election/work-locations', { areaId: area2, name: 'Aktivitetscentret' });
    const alsoHere = await created('/election/work-locations', { areaId: area, name: 'Ådalens Borgerhus' });
    const inArea = itemsOf<{ id: string; name: string }>(await call('GET', `/election/work-locations?areaId=${area}`));
    expect(inArea.map((w) => w.name)).toEqual(['Østre Skole', 'Ådalens Borgerhus']);
    expect(itemsOf<{ id: string }>(await call('GET', '/election/work-locations')).map((w) => w.id)).toEqual(expect.arrayContaining([id, inOther, alsoHere]));
    expect((await call('GET', '/election/work-locations?areaId=nope')).status).toBe(400);

    const put = await call('PUT', `/election/work-locations/${id}`, { areaId: area, name: 'Østre Skole', address: 'Østergade 22', postalCode: '4000', city: 'Korsbæk', districtNumber: '10', taskTypeIds: [tt2], teamIds: [team2, team1] });
    expect(put.status).toBe(200);
    expect(put.json()).toMatchObject({ address: 'Østergade 22', taskTypeIds: [tt2], teamIds: expect.arrayContaining([team1, team2]) });
    expect(await ownerRows('SELECT task_type_id FROM work_location_task_types WHERE work_location_id = $1', [id])).toEqual([{ task_type_id: tt2 }]);
    const [row] = await audited(put);
    expect(row).toMatchObject({ action: 'election.workLocationUpdated', entity_id: id, summary: { changed: ['address', 'taskTypeIds', 'teamIds'] } });
    expect(JSON.stringify(row)).not.toMatch(/Østergade|Korsbæk|Skole/);
    expect((await call('GET', `/election/work-locations/${id}`)).json()).toMatchObject({ taskTypeIds: [tt2] });
  });

  it('refuse unknown or another tenant’s ids naming the field, and write nothing', async () => {
    const otherTenantsType = await created('/election/task-types', taskType(), b, adminB);
    const otherTenantsArea = await created('/election/areas', { name: unique('Fremmed') }, b, adminB);
    const before = await counts(a.id);
    const unknownType = await call('POST', '/election/work-locations', { areaId: area, name: unique('Sted'), taskTypeIds: [tt1, otherTenantsType] });
    expect([unknownType.status, fieldsOf(unknownType)]).toEqual([400, [['/taskTypeIds/1', 'election.unknownId']]]);
    const unknownTeam = await call('POST', '/election/work-locations', { areaId: area, name: unique('Sted'), teamIds: ['00000000-0000-4000-8000-000000000000'] });
    expect([unknownTeam.status, fieldsOf(unknownTeam)]).toEqual([400, [['/teamIds/0', 'election.unknownId']]]);
    const unknownArea = await call('POST', '/election/work-locations', { areaId: otherTenantsArea, name: unique('Sted') });
    expect([unknownArea.status, fieldsOf(unknownArea)]).toEqual([400, [['/areaId', 'election.unknownId']]]);
    const twice = await call('POST', '/election/work-locations', { areaId: area, name: unique('Sted'), teamIds: [team1, team1] });
    expect([twice.status, fieldsOf(twice).map(([f]) => f)]).toEqual([400, ['/teamIds']]);
    const noName = await call('POST', '/election/work-locations', { areaId: area, name: '   ', postalCode: '12345678901' });
    expect(noName.status).toBe(400);
    expect(fieldsOf(noName).map(([f]) => f).sort()).toEqual(['/name', '/postalCode']);
    const extra = await call('POST', '/election/work-locations', { areaId: area, name: unique('Sted'), responsible: 'x' });
    expect(extra.status).toBe(400);
    expect(await counts(a.id)).toEqual(before);
    expect(await audited(unknownType, unknownTeam, unknownArea, twice, noName, extra)).toEqual([]);
  });

  it('keep what they use: an area with work locations, a task type or team a work location uses are not deleted (409 election.inUse)', async () => {
    const station = await created('/election/work-locations', { areaId: area2, name: unique('Valgsted'), taskTypeIds: [tt1], teamIds: [team1] });
    const before = await counts(a.id);
    const refusals = [await call('DELETE', `/election/areas/${area2}`), await call('DELETE', `/election/task-types/${tt1}`), await call('DELETE', `/election/teams/${team1}`)];
    for (const res of refusals) expect([res.status, fieldsOf(res)]).toEqual([409, [['/', 'election.inUse']]]);
    expect(problem(refusals[0]!).errors![0]!.params).toEqual({ usedBy: 'workLocations' });
    expect(await counts(a.id)).toEqual(before);
    expect(await audited(...refusals)).toEqual([]);

    // Deleting the work location takes its own choices with it, and then the rest may go.
    const gone = await call('DELETE', `/election/work-locations/${station}`);
    expect(gone.status).toBe(204);
    expect(await audited(gone)).toEqual([{ action: 'election.workLocationDeleted', entity_type: 'electionWorkLocation', entity_id: station, summary: {} }]);
    expect(await ownerRows('SELECT 1 FROM work_location_teams WHERE work_location_id = $1', [station])).toEqual([]);
    for (const id of itemsOf<{ id: string }>(await call('GET', `/election/work-locations?areaId=${area2}`)).map((w) => w.id)) expect((await call('DELETE', `/election/work-locations/${id}`)).status).toBe(204);
    expect((await call('DELETE', `/election/areas/${area2}`)).status).toBe(204);
  });

  it('is kept while an election uses it or a task slot is at it, and so are that slot’s task type and team', async () => {
    const station = await created('/election/work-locations', { areaId: area, name: unique('Valgsted') });
    const type = await created('/election/task-types', taskType());
    const team = await created('/election/teams', { name: unique('Hold'), shortName: `S${seq}` });
    const [electionType] = await ownerRows<{ id: string }>("INSERT INTO election_types (tenant_id, name) VALUES ($1, 'Testvalg') RETURNING id", [a.id]);
    const [election] = await ownerRows<{ id: string }>("INSERT INTO elections (tenant_id, title, election_type_id, election_day) VALUES ($1, 'Valg', $2, '2030-01-01') RETURNING id", [a.id, electionType!.id]);
    await ownerRows("INSERT INTO task_slots (tenant_id, election_id, work_location_id, task_type_id, team_id, task_date) VALUES ($1, $2, $3, $4, $5, '2030-01-01')", [a.id, election!.id, station, type, team]);
    const before = await counts(a.id);
    const refusals = { station: await call('DELETE', `/election/work-locations/${station}`), type: await call('DELETE', `/election/task-types/${type}`), team: await call('DELETE', `/election/teams/${team}`), electionType: await call('DELETE', `/election/election-types/${electionType!.id}`) };
    expect(Object.values(refusals).map((r) => [r.status, problem(r).errors?.[0]?.code])).toEqual(Array(4).fill([409, 'election.inUse']));
    expect(problem(refusals.station).errors![0]!.params).toEqual({ usedBy: 'taskSlots' });
    expect(problem(refusals.electionType).errors![0]!.params).toEqual({ usedBy: 'elections' });
    expect(await counts(a.id)).toEqual(before);
    await ownerRows('DELETE FROM elections WHERE id = $1', [election!.id]);
    expect((await call('DELETE', `/election/work-locations/${station}`)).status).toBe(204);
  });
});

describe('task types', () => {
  it('are created, listed by title, read, replaced and deleted; payment 0 is none (null); each change audited', async () => {
    const res = await call('POST', '/election/task-types', { title: 'Valgstyrer', shortName: 'VS', description: 'Leder afstemningen.', startTime: '07:30', endTime: '23:00', payment: 0, trusted: true });
    expect(res.status).toBe(201);
    const id = idOf(res);
    expect(res.json()).toEqual({ id, title: 'Valgstyrer', shortName: 'VS', description: 'Leder afstemningen.', startTime: '07:30', endTime: '23:00', payment: null, trusted: true, reminders: true, fieldsFormId: null, files: [] });
    expect(await audited(res)).toEqual([{ action: 'election.taskTypeCreated', entity_type: 'electionTaskType', entity_id: id, summary: { fieldsFormId: null } }]);
    const paid = await call('POST', '/election/task-types', { title: 'Ølbrygger', shortName: 'ØB', startTime: '09:00', endTime: '16:00', payment: 1250.5 });
    expect(paid.json()).toMatchObject({ payment: 1250.5, trusted: false, reminders: true });
    await created('/election/task-types', { title: 'Æbleplukker', shortName: 'ÆP', startTime: '09:00', endTime: '16:00' });
    const titles = itemsOf<{ title: string }>(await call('GET', '/election/task-types')).map((t) => t.title);
    expect(titles.indexOf('Valgstyrer')).toBeLessThan(titles.indexOf('Æbleplukker'));
    expect(titles.indexOf('Æbleplukker')).toBeLessThan(titles.indexOf('Ølbrygger'));

    const put = await call('PUT', `/election/task-types/${id}`, { title: 'Valgstyrer', shortName: 'VS', description: 'Leder afstemningen.', startTime: '07:00', endTime: '23:00', payment: 99.95, trusted: true, reminders: false });
    expect([put.status, put.json()]).toEqual([200, expect.objectContaining({ startTime: '07:00', payment: 99.95, reminders: false })]);
    expect((await audited(put))[0]).toMatchObject({ action: 'election.taskTypeUpdated', entity_id: id, summary: { changed: ['startTime', 'payment', 'reminders'] } });
    const gone = await call('DELETE', `/election/task-types/${id}`);
    expect(gone.status).toBe(204);
    expect((await audited(gone)).map((r) => [r.action, r.entity_id])).toEqual([['election.taskTypeDeleted', id]]);
    expect((await call('GET', `/election/task-types/${id}`)).status).toBe(404);
  });

  it('refuse bad times, payments and names naming the field, and write nothing', async () => {
    const existing = taskType();
    await created('/election/task-types', existing);
    const before = await counts(a.id);
    const cases: [unknown, [string, string][]][] = [
      [taskType({ startTime: '20:00', endTime: '07:30' }), [['/endTime', 'election.endBeforeStart']]],
      [taskType({ startTime: '08:00', endTime: '08:00' }), [['/endTime', 'election.endBeforeStart']]],
      [taskType({ startTime: '7:30' }), [['/startTime', 'schema.pattern']]],
      [taskType({ endTime: '24:00' }), [['/endTime', 'schema.pattern']]],
      [taskType({ payment: -1 }), [['/payment', 'schema.minimum']]],
      [taskType({ payment: 10.125 }), [['/payment', 'election.paymentPrecision']]],
      [taskType({ shortName: 'X'.repeat(21) }), [['/shortName', 'schema.maxLength']]],
      [{ ...taskType(), title: existing.title.toUpperCase() }, [['/title', 'election.nameTaken']]],
      [{ ...taskType(), shortName: existing.shortName }, [['/shortName', 'election.nameTaken']]],
    ];
    const responses: TestResponse[] = [];
    for (const [body, expected] of cases) {
      const res = await call('POST', '/election/task-types', body);
      responses.push(res);
      expect([res.status, fieldsOf(res)]).toEqual([expected[0]![1] === 'election.nameTaken' ? 409 : 400, expected]);
    }
    expect(await counts(a.id)).toEqual(before);
    expect(await audited(...responses)).toEqual([]);
  });

  it('take their extra fields from a taskTypeFields form of this municipality only', async () => {
    const form = await call('POST', '/forms', { name: 'Ekstra felter', draft: { schemaVersion: 1, kind: 'taskTypeFields', title: { da: 'Ekstra felter' }, schema: { type: 'object', properties: { shirt: { type: 'string', maxLength: 10 } } } } });
    expect(form.status).toBe(201);
    const consent = (await ownerRows<{ id: string }>("SELECT id FROM form_definitions WHERE tenant_id = $1 AND kind = 'consentStatement' LIMIT 1", [a.id]))[0]!.id;
    const otherTenants = (await callB('POST', '/forms', { name: 'Ekstra felter', draft: { schemaVersion: 1, kind: 'taskTypeFields' } })).json<{ id: string }>().id;
    const ok = await call('POST', '/election/task-types', taskType({ fieldsFormId: idOf(form) }));
    expect([ok.status, ok.json<{ fieldsFormId: string }>().fieldsFormId]).toEqual([201, idOf(form)]);
    for (const wrong of [consent, otherTenants, '00000000-0000-4000-8000-000000000000']) {
      const res = await call('POST', '/election/task-types', taskType({ fieldsFormId: wrong }));
      expect([res.status, fieldsOf(res)]).toEqual([400, [['/fieldsFormId', 'election.wrongFormKind']]]);
    }
    const cleared = await call('PUT', `/election/task-types/${idOf(ok)}`, taskType({ fieldsFormId: null }));
    expect([cleared.status, cleared.json<{ fieldsFormId: null }>().fieldsFormId]).toEqual([200, null]);
  });
});

describe('task type files', () => {
  let type: string;
  beforeAll(async () => {
    type = await created('/election/task-types', taskType());
  });
  const upload = (fileName: string, bytes: Buffer, id = type, t = a, headers = adminA) => call('POST', `/election/task-types/${id}/files`, { fileName, contentBase64: bytes.toString('base64') }, t, headers);

  it('accept a PDF, an ODT and a DOCX by their bytes, list them without bytes, send each back as an attachment, and remove them', async () => {
    const pdf = await upload('../../etc/Instruks "valgdag".pdf', PDF);
    expect(pdf.status).toBe(201);
    expect(pdf.json()).toEqual({ id: expect.any(String), fileName: 'Instruks valgdag.pdf', contentType: 'application/pdf', sizeBytes: PDF.length, createdAt: expect.any(String) });
    // The type comes from the bytes, not the name.
    const odt = await upload('instruks.pdf', ODT);
    expect([odt.status, odt.json<{ contentType: string }>().contentType]).toEqual([201, ODT_TYPE]);
    const docx = await upload('Vejledning æøå.docx', DOCX);
    expect([docx.status, docx.json<{ contentType: string }>().contentType]).toEqual([201, DOCX_TYPE]);
    expect((await audited(pdf, odt, docx)).map((r) => [r.action, r.entity_type, r.entity_id, r.summary])).toEqual([
      ['election.taskTypeFileAdded', 'electionTaskType', type, { fileId: idOf(pdf), contentType: 'application/pdf', sizeBytes: PDF.length }],
      ['election.taskTypeFileAdded', 'electionTaskType', type, { fileId: idOf(odt), contentType: ODT_TYPE, sizeBytes: ODT.length }],
      ['election.taskTypeFileAdded', 'electionTaskType', type, { fileId: idOf(docx), contentType: DOCX_TYPE, sizeBytes: DOCX.length }],
    ]);

    const list = await call('GET', `/election/task-types/${type}/files`);
    expect(itemsOf(list).map((f) => Object.keys(f).sort())).toEqual(Array(3).fill(['contentType', 'createdAt', 'fileName', 'id', 'sizeBytes']));
    expect(list.text).not.toContain(PDF.toString('base64').slice(0, 20));
    expect((await call('GET', `/election/task-types/${type}`)).json<{ files: { id: string }[] }>().files.map((f) => f.id)).toEqual([idOf(pdf), idOf(odt), idOf(docx)]);

    const download = await call('GET', `/election/task-types/${type}/files/${idOf(pdf)}`);
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toBe(`attachment; filename="Instruks valgdag.pdf"; filename*=UTF-8''Instruks%20valgdag.pdf`);
    expect(download.text).toBe(PDF.toString('latin1'));
    const docxDownload = await call('GET', `/election/task-types/${type}/files/${idOf(docx)}`);
    expect([docxDownload.headers['content-type'], docxDownload.headers['content-length'], docxDownload.headers['content-disposition']]).toEqual([DOCX_TYPE, String(DOCX.length), `attachment; filename="Vejledning ___.docx"; filename*=UTF-8''Vejledning%20%C3%A6%C3%B8%C3%A5.docx`]);

    // A file is found only under its own task type.
    const other = await created('/election/task-types', taskType());
    expect((await call('GET', `/election/task-types/${other}/files/${idOf(pdf)}`)).status).toBe(404);
    expect((await call('DELETE', `/election/task-types/${other}/files/${idOf(pdf)}`)).status).toBe(404);

    const removed = await call('DELETE', `/election/task-types/${type}/files/${idOf(pdf)}`);
    expect(removed.status).toBe(204);
    expect(await audited(removed)).toEqual([{ action: 'election.taskTypeFileDeleted', entity_type: 'electionTaskType', entity_id: type, summary: { fileId: idOf(pdf) } }]);
    expect((await call('GET', `/election/task-types/${type}/files/${idOf(pdf)}`)).status).toBe(404);
    expect(itemsOf(await call('GET', `/election/task-types/${type}/files`))).toHaveLength(2);
  });

  it('refuse an EXE named .pdf, an old .doc, a spreadsheet and an empty file (400 election.fileType), and a file over 5 MiB (413), writing nothing', async () => {
    const before = await counts(a.id);
    const refused: TestResponse[] = [];
    for (const [name, bytes] of [['instruks.pdf', EXE], ['instruks.doc', DOC], ['instruks.docx', XLSX], ['instruks.odt', ODS], ['instruks.docx', DOCX.subarray(0, DOCX.length - 10)], ['tom.pdf', Buffer.from('%PD')]] as const) {
      const res = await upload(name, bytes);
      refused.push(res);
      expect([name, res.status, fieldsOf(res)]).toEqual([name, 400, [['/contentBase64', 'election.fileType']]]);
    }
    const big = Buffer.alloc(5 * 1024 * 1024 + 1, 0x20);
    PDF.copy(big);
    const tooBig = await upload('stor.pdf', big);
    expect([tooBig.status, fieldsOf(tooBig)]).toEqual([413, [['/contentBase64', 'election.fileTooLarge']]]);
    refused.push(tooBig);
    expect(await counts(a.id)).toEqual(before);
    expect(await audited(...refused)).toEqual([]);
    // Exactly 5 MiB is allowed.
    const limit = Buffer.alloc(5 * 1024 * 1024, 0x20);
    PDF.copy(limit);
    const atLimit = await upload('stor.pdf', limit);
    expect([atLimit.status, atLimit.json<{ sizeBytes: number }>().sizeBytes]).toEqual([201, 5 * 1024 * 1024]);
  });

  it('go with their task type when it is deleted', async () => {
    const doomed = await created('/election/task-types', taskType());
    const file = idOf(await upload('a.pdf', PDF, doomed));
    expect((await call('DELETE', `/election/task-types/${doomed}`)).status).toBe(204);
    expect(await ownerRows('SELECT 1 FROM task_type_files WHERE id = $1', [file])).toEqual([]);
  });

  it('are another tenant’s to see only: 404 for every route with a foreign id', async () => {
    const file = idOf(await upload('a.pdf', PDF));
    const before = await counts(a.id);
    expect((await callB('GET', `/election/task-types/${type}/files`)).status).toBe(404);
    expect((await callB('GET', `/election/task-types/${type}/files/${file}`)).status).toBe(404);
    expect((await callB('DELETE', `/election/task-types/${type}/files/${file}`)).status).toBe(404);
    expect((await upload('b.pdf', PDF, type, b, adminB)).status).toBe(404);
    expect(await counts(a.id)).toEqual(before);
  });
});

describe('teams', () => {
  it('are created with the party flag, listed, replaced, deleted, with unique names and short names', async () => {
    const res = await call('POST', '/election/teams', { name: 'Enhedslisten', shortName: 'Ø', politicalParty: true });
    expect(res.status).toBe(201);
    const id = idOf(res);
    expect(res.json()).toEqual({ id, name: 'Enhedslisten', shortName: 'Ø', description: '', politicalParty: true });
    expect(await audited(res)).toEqual([{ action: 'election.teamCreated', entity_type: 'electionTeam', entity_id: id, summary: { politicalParty: true } }]);
    await created('/election/teams', { name: 'Alternativet', shortName: 'Å', politicalParty: true });
    const names = itemsOf<{ name: string }>(await call('GET', '/election/teams')).map((t) => t.name);
    expect(names.indexOf('Alternativet')).toBeLessThan(names.indexOf('Enhedslisten'));

    const dupShort = await call('POST', '/election/teams', { name: 'Et andet parti', shortName: 'ø' });
    expect([dupShort.status, fieldsOf(dupShort)]).toEqual([409, [['/shortName', 'election.nameTaken']]]);
    const dupName = await call('POST', '/election/teams', { name: 'enhedslisten', shortName: 'EL' });
    expect([dupName.status, fieldsOf(dupName)]).toEqual([409, [['/name', 'election.nameTaken']]]);

    const put = await call('PUT', `/election/teams/${id}`, { name: 'Enhedslisten', shortName: 'Ø', description: 'De Rød-Grønne', politicalParty: true });
    expect([put.status, put.json<{ description: string }>().description]).toEqual([200, 'De Rød-Grønne']);
    expect((await audited(put))[0]).toMatchObject({ action: 'election.teamUpdated', entity_id: id, summary: { changed: ['description'] } });
    const del = await call('DELETE', `/election/teams/${id}`);
    expect(del.status).toBe(204);
    expect((await audited(del))[0]).toMatchObject({ action: 'election.teamDeleted', entity_id: id });
  });
});

describe('special diets', () => {
  it('are created, listed in order, renamed and deleted (always allowed), each audited', async () => {
    const ids: string[] = [];
    const responses: TestResponse[] = [];
    for (const name of ['Vegetar', 'Økologisk', 'Glutenfri']) {
      const res = await callB('POST', '/election/special-diets', { name });
      expect(res.status).toBe(201);
      ids.push(idOf(res));
      responses.push(res);
    }
    expect(itemsOf<{ name: string }>(await callB('GET', '/election/special-diets')).map((d) => d.name)).toEqual(['Glutenfri', 'Vegetar', 'Økologisk']);
    const put = await callB('PUT', `/election/special-diets/${ids[0]}`, { name: 'Vegetarisk' });
    expect(put.json()).toEqual({ id: ids[0], name: 'Vegetarisk' });
    const dup = await callB('POST', '/election/special-diets', { name: 'GLUTENFRI' });
    expect([dup.status, fieldsOf(dup)]).toEqual([409, [['/name', 'election.nameTaken']]]);
    const del = await callB('DELETE', `/election/special-diets/${ids[2]}`);
    expect(del.status).toBe(204);
    expect((await audited(...responses, put, del)).map((r) => [r.action, r.entity_type, r.entity_id])).toEqual([
      ['election.specialDietCreated', 'electionSpecialDiet', ids[0]],
      ['election.specialDietCreated', 'electionSpecialDiet', ids[1]],
      ['election.specialDietCreated', 'electionSpecialDiet', ids[2]],
      ['election.specialDietUpdated', 'electionSpecialDiet', ids[0]],
      ['election.specialDietDeleted', 'electionSpecialDiet', ids[2]],
    ]);
  });
});

describe('election types', () => {
  it('are created with rules from the list, listed, replaced and deleted, each audited', async () => {
    const res = await callSe('POST', '/election/election-types', { name: 'Allmänna val', rules: [{ rule: 'age18' }, { rule: 'citizenship', scope: 'nationalEuNordic' }] });
    expect(res.status).toBe(201);
    const id = idOf(res);
    expect(res.json()).toEqual({ id, name: 'Allmänna val', rules: [{ rule: 'age18' }, { rule: 'citizenship', scope: 'nationalEuNordic' }] });
    await created('/election/election-types', { name: 'Örebro-omröstning', rules: [] }, se, adminSe);
    await created('/election/election-types', { name: 'Ändringsval', rules: [] }, se, adminSe);
    expect(itemsOf<{ name: string }>(await callSe('GET', '/election/election-types')).map((t) => t.name)).toEqual(['Allmänna val', 'Ändringsval', 'Örebro-omröstning']);
    const put = await callSe('PUT', `/election/election-types/${id}`, { name: 'Allmänna val', rules: [{ rule: 'age18' }, { rule: 'resident' }] });
    expect([put.status, put.json<{ rules: unknown }>().rules]).toEqual([200, [{ rule: 'age18' }, { rule: 'resident' }]]);
    const del = await callSe('DELETE', `/election/election-types/${id}`);
    expect(del.status).toBe(204);
    expect((await audited(res, put, del)).map((r) => [r.action, r.entity_type, r.entity_id, r.summary])).toEqual([
      ['election.electionTypeCreated', 'electionType', id, { rules: ['age18', 'citizenship'] }],
      ['election.electionTypeUpdated', 'electionType', id, { changed: ['rules'], rules: ['age18', 'resident'] }],
      ['election.electionTypeDeleted', 'electionType', id, {}],
    ]);
  });

  it('refuse rules not on the list, or one twice, naming the field, and write nothing', async () => {
    const before = await counts(se.id);
    const unknown = await callSe('POST', '/election/election-types', { name: unique('Valg'), rules: [{ rule: 'age18' }, { rule: 'richEnough' }] });
    expect(unknown.status).toBe(400);
    expect(fieldsOf(unknown).every(([f]) => f!.startsWith('/rules/1'))).toBe(true);
    const twice = await callSe('POST', '/election/election-types', { name: unique('Valg'), rules: [{ rule: 'citizenship', scope: 'national' }, { rule: 'citizenship', scope: 'nationalEuNordic' }] });
    expect([twice.status, fieldsOf(twice)]).toEqual([400, [['/rules/1/rule', 'election.ruleRepeated']]]);
    const noRules = await callSe('POST', '/election/election-types', { name: unique('Valg') });
    expect([noRules.status, fieldsOf(noRules).map(([f]) => f)]).toEqual([400, ['/rules']]);
    expect(await counts(se.id)).toEqual(before);
    expect(await audited(unknown, twice, noRules)).toEqual([]);
  });
});

describe('the public site’s election pages', () => {
  it('answer the defaults until saved, then what was saved, with a privacy statement of this tenant’s consent forms, audited', async () => {
    const defaults = await call('GET', '/election/site');
    expect(defaults.json()).toEqual({ frontPage: {}, faqEnabled: false, faq: [], privacyFormId: null, consentEnabled: true, contact: {}, updatedAt: null });
    const privacy = (await ownerRows<{ id: string }>("SELECT id FROM form_definitions WHERE tenant_id = $1 AND kind = 'consentStatement' ORDER BY name LIMIT 1", [a.id]))[0]!.id;
    const site = {
      frontPage: { da: 'Vil du hjælpe til ved valget?', en: 'Would you like to help at the election?' },
      faqEnabled: true,
      faq: [{ question: { da: 'Får jeg løn?' }, answer: { da: 'Ja, diæter efter satserne.' } }],
      privacyFormId: privacy,
      consentEnabled: false,
      contact: { email: 'valg@korsbaek.example', phone: '+45 11 22 33 44', address: 'Torvet 1', openingHours: 'Man–fre 9–15' },
    };
    const put = await call('PUT', '/election/site', site);
    expect(put.status).toBe(200);
    expect(put.json()).toEqual({ ...site, updatedAt: expect.any(String) });
    expect((await call('GET', '/election/site')).json()).toEqual({ ...site, updatedAt: expect.any(String) });
    const [row] = await audited(put);
    expect(row).toEqual({ action: 'election.siteUpdated', entity_type: 'electionSite', entity_id: a.id, summary: { changed: ['frontPage', 'faqEnabled', 'faq', 'privacyFormId', 'consentEnabled', 'contact'], faqEntries: 1, privacyFormId: privacy } });
    expect(JSON.stringify(row)).not.toMatch(/hjælpe|valg@|Torvet/);
    const again = await call('PUT', '/election/site', { ...site, faqEnabled: false });
    expect((await audited(again))[0]!.summary).toMatchObject({ changed: ['faqEnabled'] });
    // Another tenant has its own.
    expect((await callB('GET', '/election/site')).json()).toMatchObject({ frontPage: {}, updatedAt: null });
  });

  it('refuse a privacy statement that is not a consent form of this tenant, texts too long and too many FAQ entries, naming the field', async () => {
    const fieldsForm = (await call('POST', '/forms', { name: 'Felter', draft: { schemaVersion: 1, kind: 'taskTypeFields' } })).json<{ id: string }>().id;
    const base = { frontPage: {}, faqEnabled: false, faq: [], privacyFormId: null, consentEnabled: true, contact: {} };
    const before = await counts(a.id);
    const cases: [unknown, string, string][] = [
      [{ ...base, privacyFormId: fieldsForm }, '/privacyFormId', 'election.wrongFormKind'],
      [{ ...base, frontPage: { da: 'x'.repeat(10_001) } }, '/frontPage/da', 'schema.maxLength'],
      [{ ...base, frontPage: { da: 'æ'.repeat(10_000), sv: 'ä'.repeat(10_000) } }, '/frontPage', 'election.pageTooLarge'],
      [{ ...base, faq: Array(51).fill({ question: { da: 'Q' }, answer: { da: 'A' } }) }, '/faq', 'schema.maxItems'],
      [{ ...base, contact: { email: 'not an address' } }, '/contact/email', 'schema.format'],
      [{ ...base, faqEnabled: 'yes' }, '/faqEnabled', 'schema.type'],
    ];
    const responses: TestResponse[] = [];
    for (const [body, field, code] of cases) {
      const res = await call('PUT', '/election/site', body);
      responses.push(res);
      expect([field, res.status, fieldsOf(res)]).toEqual([field, 400, [[field, code]]]);
    }
    expect(await counts(a.id)).toEqual(before);
    expect(await audited(...responses)).toEqual([]);
    const otherTenantsConsent = idOf(await callB('POST', '/forms', { name: 'Samtykke', draft: { schemaVersion: 1, kind: 'consentStatement' } }));
    expect((await callB('PUT', '/election/site', { ...base, privacyFormId: otherTenantsConsent })).status).toBe(200);
    const foreign = await call('PUT', '/election/site', { ...base, privacyFormId: otherTenantsConsent });
    expect([foreign.status, fieldsOf(foreign)]).toEqual([400, [['/privacyFormId', 'election.wrongFormKind']]]);
  });
});

describe('tenancy and access', () => {
  let area: string;
  let team: string;
  beforeAll(async () => {
    area = await created('/election/areas', { name: unique('Tenantområde') });
    team = await created('/election/teams', { name: unique('Tenanthold'), shortName: `TH${seq}` });
  });

  it('another tenant’s ids answer 404 to read, replace and delete, and nothing changes', async () => {
    const before = await counts(a.id);
    const responses = [
      await callB('GET', `/election/areas/${area}`),
      await callB('PUT', `/election/areas/${area}`, { name: 'Overtaget' }),
      await callB('DELETE', `/election/areas/${area}`),
      await callB('GET', `/election/teams/${team}`),
      await callB('PUT', `/election/teams/${team}`, { name: 'Overtaget', shortName: 'O' }),
      await callB('DELETE', `/election/teams/${team}`),
      await callB('GET', '/election/areas/not-a-uuid'),
    ];
    expect(responses.map((r) => r.status)).toEqual(Array(responses.length).fill(404));
    expect(itemsOf<{ id: string }>(await callB('GET', '/election/areas')).map((x) => x.id)).not.toContain(area);
    expect(await counts(a.id)).toEqual(before);
  });

  it('a citizen, an operator and an anonymous caller get nothing: 404 on the public site, 403 or 401 on the admin site', async () => {
    const before = await counts(a.id);
    const publicCall = (method: string, path: string, json?: unknown) => request(platform.port, a.publicHost, method, `/api${path}`, { headers: citizenA, ...(json === undefined ? {} : { json }) });
    for (const [method, path, json] of [
      ['GET', '/election/areas'],
      ['POST', '/election/areas', { name: 'Borgerens' }],
      ['GET', '/election/site'],
      ['DELETE', `/election/areas/${area}`],
    ] as [string, string, unknown?][]) {
      expect([method, path, (await publicCall(method, path, json)).status]).toEqual([method, path, 404]);
      expect([method, path, (await call(method, path, json, a, operatorA)).status]).toEqual([method, path, 403]);
      expect([method, path, (await call(method, path, json, a, citizenA)).status]).toEqual([method, path, 401]);
    }
    expect(await counts(a.id)).toEqual(before);
  });
});
