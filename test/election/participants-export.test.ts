// The participant list exported as CSV and XLSX over HTTP, against the real PostgreSQL: the chosen columns in
// their order, headed in the administrator's language (lang, else Accept-Language, else the tenant's), every
// row of the filter in the list's order (2,500+ rows: several cursor batches), RFC 4180 quoting and formulas
// neutralised, protected addresses masked; X-Total-Rows sent with the headers and the body chunked; the audit
// row committed before the first byte (read while the body is still unread) with the filter, columns, count and
// whether special-category data is in it; special-category columns only when named; an XLSX that ExcelJS reads
// back; administrators on the admin site only; a client that goes away mid-export rolls the cursor back.
import { readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { request as httpRequest } from 'node:http';
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { QueryTypes } from 'sequelize';
import type { Problem } from '../../schemas/types/api-problem';
import type { ElectionParticipantProfile } from '../../schemas/types/election-participant-profile';
import { ExportAborted, exportParticipants, MAX_CONCURRENT_EXPORTS } from '../../engine/modules/election/queries/participants/export-participants';
import { ORDINARY_COLUMNS, COLUMN_LABELS } from '../../engine/modules/election/participants/columns';
import { PARTICIPANT_COLUMNS } from '../../schemas/election/participant-columns';
import { testPeople } from '../../engine/simulators/test-people';
import { createTestTenant, ownerDb, suiteDatabase, type TestTenant } from '../helpers/factories';
import { request } from '../helpers/http';
import { startTestPlatform } from '../helpers/platform';
import { startEmployeeSession, testAdministrator, type TestSession } from '../helpers/sessions';

suiteDatabase();
let platform: Awaited<ReturnType<typeof startTestPlatform>>;
let dk: TestTenant;
let admin: TestSession;
let clerk: TestSession;
let teamA: string;
let party: string;
let agnesId: string;

const person = (id: string) => testPeople.citizens.find((c) => c.id === id)!;
const SYNTHETIC = 2_500;
const TOTAL = SYNTHETIC + 3;

const q = <T extends object>(sql: string, bind: unknown[] = []) => ownerDb().query<T>(sql, { bind, type: QueryTypes.SELECT });
const exportAudit = (requestId: string) => q<{ action: string; summary: Record<string, unknown> }>("SELECT action, summary FROM audit_log WHERE request_id = $1 AND action = 'election.participantsExported'", [requestId]);

/** RFC 4180: fields separated by commas, records by CRLF, quoted fields with doubled quotes (and line breaks inside). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') endField();
    else if (c === '\r' && text[i + 1] === '\n') {
      endRow();
      i++;
    } else if (c === '\n' || c === '\r') throw new Error(`a bare line break at ${i}: records end in CRLF, breaks inside a value are quoted`);
    else field += c;
  }
  if (field !== '' || row.length) endRow();
  return rows;
}

interface Opened {
  res: IncomingMessage;
  /** Reads the rest of the body. */
  body(): Promise<Buffer>;
}

/** Opens an export and hands back the response as soon as its headers are there, its body not yet read. */
function openExport(path: string, headers: Record<string, string> = {}, session = admin, host = () => dk.adminHost): Promise<Opened> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: platform.port, method: 'GET', path, headers: { host: `${host()}:${platform.port}`, ...session.headers, ...headers } }, (res) => {
      res.pause();
      resolve({
        res,
        body: () =>
          new Promise<Buffer>((ok, fail) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => ok(Buffer.concat(chunks)));
            res.on('error', fail);
            res.resume();
          }),
      });
    });
    req.on('error', reject);
    req.end();
  });
}

async function csvOf(path: string, headers: Record<string, string> = {}): Promise<{ rows: string[][]; res: IncomingMessage; raw: string }> {
  const opened = await openExport(path, headers);
  expect(opened.res.statusCode).toBe(200);
  const raw = (await opened.body()).toString('utf8');
  expect(raw.startsWith('\uFEFF')).toBe(true);
  return { rows: parseCsv(raw.slice(1)), res: opened.res, raw };
}

beforeAll(async () => {
  dk = await createTestTenant({ country: 'DK' });
  platform = await startTestPlatform([dk.id]);
  [admin, clerk] = await Promise.all([startEmployeeSession(platform.identity, dk.id, ['administrator']), startEmployeeSession(platform.identity, dk.id, [])]);
  const [team] = await q<{ id: string }>("INSERT INTO teams (tenant_id, name, short_name) VALUES ($1, 'Borgerservice', 'BS') RETURNING id", [dk.id]);
  const [p] = await q<{ id: string }>("INSERT INTO teams (tenant_id, name, short_name, political_party) VALUES ($1, 'Rødt Parti', 'RP', true) RETURNING id", [dk.id]);
  const diets = await q<{ id: string }>("INSERT INTO special_diets (tenant_id, name) VALUES ($1, 'Vegetar'), ($1, 'Halal') RETURNING id", [dk.id]);
  [teamA, party] = [team!.id, p!.id];
  const create = async (body: Record<string, unknown>) => {
    const res = await request(platform.port, dk.adminHost, 'POST', '/api/election/participants', { headers: admin.headers, json: body });
    expect(res.status).toBe(201);
    return res.json<ElectionParticipantProfile>().id;
  };
  agnesId = await create({ personalNumber: person('dk-agnes').personalNumber, phone: '+45 20 00 00 01', dietIds: diets.map((d) => d.id), dietNote: 'Nøddeallergi', teamIds: [teamA, party] });
  await create({ personalNumber: person('dk-elisabeth').personalNumber, teamIds: [teamA] });
  await create({ personalNumber: person('dk-mads').personalNumber });
  // Synthetic people (as the owner, quickly): names that need quoting, one a spreadsheet would run as a formula.
  await ownerDb().query(
    `INSERT INTO participants (tenant_id, personal_number_country, personal_number_sealed, personal_number_hash, personal_number_masked, given_name, family_name,
                               birth_date, address, postal_code, city, municipality_code, citizenship, registry_checked_at, email)
     SELECT $1, 'DK', '\\x00'::bytea, 'synthetic-' || g, '010190-****', 'Syntetisk',
            CASE g WHEN 1 THEN 'O"Brien, Jr.' WHEN 2 THEN '=HYPERLINK("http://x")' WHEN 3 THEN E'Linje\\nskift' ELSE 'Person ' || lpad(g::text, 5, '0') END,
            DATE '1960-01-01' + g, 'Vej ' || g, '4000', 'Korsbæk', '999', 'DK', now(), 'p' || g || '@example.dk'
       FROM generate_series(1, $2) g`,
    { bind: [dk.id, SYNTHETIC] },
  );
}, 60_000);

afterAll(async () => {
  await platform?.stop();
});

describe('CSV', () => {
  it('streams the chosen columns under their labels, every row in the list’s order, X-Total-Rows first and audited before the first byte', async () => {
    const opened = await openExport('/api/election/participants/export.csv?columns=name,birthDate,address,registryStatus,teams&lang=en');
    const { res } = opened;
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['transfer-encoding']).toBe('chunked');
    expect(res.headers['content-length']).toBeUndefined();
    expect(res.headers['x-total-rows']).toBe(String(TOTAL));
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="?participants-\d{4}-\d{2}-\d{2}\.csv"?$/);
    // The body is still unread: the audit row is already committed.
    const audit = await exportAudit(String(res.headers['x-request-id']));
    expect(audit.map((a) => a.summary)).toEqual([
      { format: 'csv', filter: {}, sort: 'name', order: 'asc', columns: ['name', 'birthDate', 'address', 'registryStatus', 'teams'], count: TOTAL, specialCategory: false, specialColumns: [] },
    ]);
    const raw = (await opened.body()).toString('utf8');
    expect(raw.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(raw.slice(1));
    expect(rows[0]).toEqual(['Name', 'Birth date', 'Address', 'Registry status', 'Teams']);
    expect(rows.length - 1).toBe(TOTAL);
    // Family name order (the tenant's collation): Friis, Jensen, O"Brien…, Person 00004…, Skjern, Syntetisk's "=HYPERLINK" first of all.
    const byName = new Map(rows.slice(1).map((r) => [r[0]!, r]));
    expect(byName.get('Agnes Jensen')).toEqual(['Agnes Jensen', '1978-05-12', 'Algade 12', 'OK', 'Borgerservice']);
    expect(byName.get('Elisabeth Friis')).toEqual(['Elisabeth Friis', '1981-07-08', 'Protected address', 'OK', 'Borgerservice']);
    expect(byName.get('Syntetisk O"Brien, Jr.')?.[1]).toBe('1960-01-02');
    expect(byName.get('Syntetisk Linje\nskift')?.[1]).toBe('1960-01-04');
    expect(rows.slice(1).some((r) => r[0] === "'=HYPERLINK(\"http://x\")" || r[0]!.startsWith('Syntetisk =HYPERLINK'))).toBe(true);
    expect(raw).toContain('"Syntetisk O""Brien, Jr."');
    const families = rows.slice(1).map((r) => r[0]!);
    expect(families.indexOf('Elisabeth Friis')).toBeLessThan(families.indexOf('Agnes Jensen'));
    expect(families.indexOf('Syntetisk Person 00004')).toBeLessThan(families.indexOf('Syntetisk Person 00005'));
    expect(families.indexOf('Syntetisk Person 02500')).toBeLessThan(families.indexOf('Mads Skjern'));
    // The party's team is not an ordinary team: it is in no cell of this export.
    expect(raw).not.toContain('Rødt Parti');
  });

  it('neutralises a cell a spreadsheet would run as a formula', async () => {
    const { rows } = await csvOf('/api/election/participants/export.csv?columns=familyName&q=HYPERLINK');
    expect(rows).toEqual([['Efternavn'], ["'=HYPERLINK(\"http://x\")"]]);
  });

  it('defaults to every ordinary column in the tenant’s language; Accept-Language chooses another', async () => {
    const da = await csvOf('/api/election/participants/export.csv?q=Agnes');
    expect(da.rows[0]).toEqual(ORDINARY_COLUMNS.map((c) => COLUMN_LABELS.da[c]));
    expect(da.rows[0]).not.toContain('Specialkost');
    expect(da.rows[0]).not.toContain('Partimedlemskab');
    expect(da.rows.length).toBe(2);
    // A leading + is one of the characters a spreadsheet starts a formula with: the phone number is neutralised too.
    const agnes = Object.fromEntries(ORDINARY_COLUMNS.map((c, i) => [c, da.rows[1]![i]]));
    expect(agnes).toMatchObject({ name: 'Agnes Jensen', personalNumber: '120578-****', postalCode: '4000', city: 'Korsbæk', registryStatus: 'OK', phone: "'+45 20 00 00 01", digitalPostExempt: 'Nej', teams: 'Borgerservice', tasks: '0' });
    expect(da.raw).not.toContain('1205784123');
    const sv = await csvOf('/api/election/participants/export.csv?q=Agnes&columns=name,registryStatus', { 'accept-language': 'sv-SE,sv;q=0.9,en;q=0.5' });
    expect(sv.rows[0]).toEqual(['Namn', 'Status i folkbokföringen']);
    const en = await csvOf('/api/election/participants/export.csv?q=Agnes&columns=name&lang=en', { 'accept-language': 'sv' });
    expect(en.rows[0]).toEqual(['Name']);
  });

  it('applies the list’s filters and order', async () => {
    const { rows, res } = await csvOf(`/api/election/participants/export.csv?columns=name&teamIds=${teamA}&sort=birthDate&order=desc`);
    expect(rows).toEqual([['Navn'], ['Elisabeth Friis'], ['Agnes Jensen']]);
    expect(res.headers['x-total-rows']).toBe('2');
    const born = await csvOf('/api/election/participants/export.csv?columns=birthDate&birthFrom=1960-01-01&birthTo=1960-01-10&order=desc&sort=birthDate');
    expect(born.rows.slice(1).map((r) => r[0])).toEqual(['1960-01-10', '1960-01-09', '1960-01-08', '1960-01-07', '1960-01-06', '1960-01-05', '1960-01-04', '1960-01-03', '1960-01-02']);
  });

  it('adds special-category columns only when named, and the audit row says so', async () => {
    const { rows, res } = await csvOf('/api/election/participants/export.csv?columns=name,diets,partyMembership&q=Agnes');
    expect(rows).toEqual([
      ['Navn', 'Specialkost', 'Partimedlemskab'],
      ['Agnes Jensen', 'Vegetar; Halal; Nøddeallergi', 'Rødt Parti'],
    ]);
    const [audit] = await exportAudit(String(res.headers['x-request-id']));
    expect(audit!.summary).toMatchObject({ columns: ['name', 'diets', 'partyMembership'], count: 1, specialCategory: true, specialColumns: ['diets', 'partyMembership'], filter: { nameSearch: true } });
    // The name searched for is no part of the audit row.
    expect(JSON.stringify(audit)).not.toContain('Agnes');
  });

  it('audits a filter by a party’s team as special-category (it says who the members are)', async () => {
    const { rows, res } = await csvOf(`/api/election/participants/export.csv?columns=name&teamIds=${party}`);
    expect(rows).toEqual([['Navn'], ['Agnes Jensen']]);
    const [audit] = await exportAudit(String(res.headers['x-request-id']));
    expect(audit!.summary).toMatchObject({ filter: { teamIds: [party] }, count: 1, specialCategory: true, specialColumns: [] });
  });

  it('refuses before any byte: 403 to a non-administrator, 404 on the public site, 400 for an unknown column — nothing audited', async () => {
    const refused = [
      await request(platform.port, dk.adminHost, 'GET', '/api/election/participants/export.csv', { headers: clerk.headers }),
      await request(platform.port, dk.adminHost, 'GET', '/api/election/participants/export.csv?columns=name,diets', { headers: clerk.headers }),
      await request(platform.port, dk.publicHost, 'GET', '/api/election/participants/export.csv', { headers: admin.headers }),
      await request(platform.port, dk.adminHost, 'GET', '/api/election/participants/export.csv?columns=name,personalNumberWhole', { headers: admin.headers }),
      await request(platform.port, dk.adminHost, 'GET', '/api/election/participants/export.xlsx?lang=fr', { headers: admin.headers }),
    ];
    expect(refused.map((r) => r.status)).toEqual([403, 403, 404, 400, 400]);
    for (const r of refused) {
      expect(r.headers['content-type']).toContain('application/problem+json');
      expect(r.headers['x-total-rows']).toBeUndefined();
      expect(await exportAudit(String(r.headers['x-request-id']))).toEqual([]);
    }
    expect(refused[3]!.json<Problem>().errors?.[0]?.field).toBe('/columns');
  });
});

describe('XLSX', () => {
  it('streams a workbook ExcelJS reads back: the header row, then every row with its values', async () => {
    const opened = await openExport('/api/election/participants/export.xlsx?columns=name,birthDate,tasks,address,partyMembership&lang=en');
    expect(opened.res.statusCode).toBe(200);
    expect(opened.res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(opened.res.headers['transfer-encoding']).toBe('chunked');
    expect(opened.res.headers['x-total-rows']).toBe(String(TOTAL));
    const [audit] = await exportAudit(String(opened.res.headers['x-request-id']));
    expect(audit!.summary).toMatchObject({ format: 'xlsx', count: TOTAL, specialCategory: true, specialColumns: ['partyMembership'] });
    const workbook = new ExcelJS.Workbook();
    const body = await opened.body();
    await workbook.xlsx.load(body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer);
    const sheet = workbook.getWorksheet('Participants')!;
    expect(sheet).toBeDefined();
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(values(1)).toEqual(['Name', 'Birth date', 'Tasks', 'Address', 'Party membership']);
    expect(sheet.actualRowCount).toBe(TOTAL + 1);
    const rows = Array.from({ length: TOTAL }, (_, i) => values(i + 2));
    expect(rows.find((r) => r[0] === 'Agnes Jensen')).toEqual(['Agnes Jensen', '1978-05-12', 0, 'Algade 12', 'Rødt Parti']);
    expect(rows.find((r) => r[0] === 'Elisabeth Friis')?.[3]).toBe('Protected address');
    // A formula-looking name stays text in a workbook (a string cell, never a formula).
    expect(rows.some((r) => r[0] === 'Syntetisk =HYPERLINK("http://x")')).toBe(true);
  });
});

describe('a client that goes away', () => {
  it('stops the export mid-stream: the cursor’s transaction rolls back and the connection is free again', async () => {
    // A writer that takes 8 KiB and then never drains, closed once the export waits for it.
    let written = 0;
    let stalled: () => void = () => undefined;
    const stalledAt = new Promise<void>((resolve) => (stalled = resolve));
    const out = new Writable({
      highWaterMark: 1024,
      write(chunk: Buffer, _enc, done) {
        written += chunk.length;
        if (written < 8192) done();
        else stalled();
      },
    });
    let started = -1;
    const ctx = { actor: testAdministrator(dk.id), tenantId: dk.id };
    const running = exportParticipants({ db: platform.db, keyring: platform.identity.keyring }, ctx, { filter: {}, sort: 'name', order: 'asc', columns: ['name', 'email'], format: 'csv' }, { out, start: (total) => (started = total) });
    await stalledAt;
    out.destroy();
    await expect(running).rejects.toBeInstanceOf(ExportAborted);
    expect(started).toBe(TOTAL);
    // Far fewer bytes than the whole export went out before it stopped (it never ran ahead of the writer).
    expect(written).toBeLessThan(64 * 1024);
    expect(await q("SELECT pid FROM pg_stat_activity WHERE query LIKE 'FETCH % FROM participant_export' AND state LIKE 'idle in transaction%'")).toEqual([]);
    // And the next export runs as usual.
    const { rows } = await csvOf('/api/election/participants/export.csv?columns=name&q=Agnes');
    expect(rows).toEqual([['Navn'], ['Agnes Jensen']]);
  });
});

describe('exports at once', () => {
  it('runs at most three in a process (each holds a connection while it streams): a fourth answers 429 with Retry-After, nothing audited', async () => {
    const ctx = { actor: testAdministrator(dk.id), tenantId: dk.id };
    const stalled: Writable[] = [];
    const started: Promise<void>[] = [];
    const runs = Array.from({ length: MAX_CONCURRENT_EXPORTS }, () => {
      const out = new Writable({ highWaterMark: 1024, write: () => undefined }); // takes one chunk, never more
      stalled.push(out);
      let begun: () => void = () => undefined;
      started.push(new Promise((resolve) => (begun = resolve)));
      return exportParticipants({ db: platform.db, keyring: platform.identity.keyring }, ctx, { filter: {}, sort: 'name', order: 'asc', columns: ['name'], format: 'csv' }, { out, start: () => begun() });
    });
    await Promise.all(started);
    const busy = await request(platform.port, dk.adminHost, 'GET', '/api/election/participants/export.csv?columns=name', { headers: admin.headers });
    expect([busy.status, busy.headers['retry-after'], busy.json<Problem>().code]).toEqual([429, '5', 'too_many_requests']);
    expect(await exportAudit(String(busy.headers['x-request-id']))).toEqual([]);
    // A non-administrator is still told no, not to wait.
    expect((await request(platform.port, dk.adminHost, 'GET', '/api/election/participants/export.csv', { headers: clerk.headers })).status).toBe(403);
    for (const out of stalled) out.destroy();
    for (const run of runs) await expect(run).rejects.toBeInstanceOf(ExportAborted);
    const { rows } = await csvOf('/api/election/participants/export.csv?columns=name&q=Agnes');
    expect(rows).toEqual([['Navn'], ['Agnes Jensen']]);
  });
});

describe('the audit rows', () => {
  it('were written once per export, none for a refusal, and name no participant', async () => {
    const rows = await q<{ summary: Record<string, unknown> }>("SELECT summary FROM audit_log WHERE tenant_id = $1 AND action = 'election.participantsExported'", [dk.id]);
    // Twelve exports above, three of them stopped by their clients, and the last check's one.
    expect(rows.length).toBe(16);
    expect(JSON.stringify(rows)).not.toContain(agnesId);
  });
});

describe('the column keys', () => {
  it('are the same in the one list and in the export query’s pattern', () => {
    const schema = JSON.parse(readFileSync(join('schemas', 'election', 'participant-export-query.schema.json'), 'utf8')) as { properties: { columns: unknown } };
    const pattern = /\^\(([a-zA-Z|]+)\)/.exec(JSON.stringify(schema.properties.columns));
    expect(pattern?.[1]!.split('|').sort()).toEqual([...PARTICIPANT_COLUMNS].sort());
  });
});
