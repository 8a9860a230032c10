// `npm run bench:staffing-setup [-- N]`: election staffing with N (100,000) participants on the real stack: the
// participant list's first page with two filters, and the CSV and XLSX exports' speed and memory, each against
// a baseline measured in the same run, with a correctness check.
//
// In a throwaway data folder it starts the embedded PostgreSQL, the Temporal CLI dev server and the platform (in
// this process, like bench-votes: the stack and the tenant are bench-votes' startStack), sets up the tenant's
// election staffing through the module's commands (its demo content: parties and two ordinary teams, polling
// stations, task types, diets, an active election) and makes N synthetic participants by the bulk path of
// scripts/bench-staffing-data.ts (application role inside withTenant, personal numbers sealed with their keyed
// hash, diets sealed, one audit row per person), then VACUUM ANALYZE: what autovacuum does shortly after a bulk
// load (its insert threshold), and what the plans rely on (index-only scans need the visibility map; freshly
// loaded pages are not yet all-visible, and the count of a team filter then reads the heap: 4–5 × slower).
// An administrator's admin-site session is made through the real login code (user, session, audit row).
//
// 1. The list: 5 warm-up requests, then 50 of GET /api/election/participants with two filters — a team (the two
//    ordinary teams and a party in turn) and a ten-year birth-date range (sliding) — the first page of 50 in
//    the name order, one at a time over a keep-alive connection. The platform sends no Server-Timing header, so
//    the time is the request's wall time on the loopback, from sending it to the last byte of the answer. The
//    baseline: a bare Express 5 server in its own process (scripts/bench-staffing-baseline.ts) answering the
//    same URLs with one of the platform's answers (the same JSON size), measured the same way.
// 2. The CSV export of all N with 8 columns (name, masked personal number, birth date, address, postal code,
//    city, e-mail, teams): rows counted from the stream (its line ends), time from the request to the last
//    byte; the body goes to a file, not to memory. This process's RSS (the platform runs here) is sampled every
//    100 ms during it: the curve and the growth (max − just before); V8's heapUsed beside each sample, as RSS
//    also grows with garbage that no major GC has collected yet (a drop in heapUsed shows one). Baseline: the bare Express process
//    streaming the same rows and cells — the same table, index and order, the ordinary teams' names aggregated
//    by a subquery per row — from PostgreSQL with pg and a cursor (FETCH 1000) as CSV.
// 3. The XLSX export of the same: rows/s and memory the same way. Baseline: the bare process writing the same
//    rows, read into its memory beforehand, with ExcelJS's streaming writer (no styles, no shared strings, as the
//    platform's) to its HTTP answer.
// A small export of each kind first (not counted) warms both sides up.
//
// Targets (printed met/MISSED, never fatal): list p95 ≤ 200 ms; CSV ≥ 50,000 rows/s with growth ≤ 50 MB; XLSX
// ≥ 10,000 rows/s. Correctness (exit code 1 when it fails): the CSV has N + 1 lines, the XLSX opens with ExcelJS
// and has N + 1 rows; besides, every list request answered 200 with the total PostgreSQL counts for its filter,
// the name order is the Danish collation's (Å and Aa last), and each participant has its audit row and its
// personal number is found by its keyed hash and opens to the same number.
import type { ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import ExcelJS from 'exceljs';
import pino from 'pino';
import { QueryTypes } from 'sequelize';
import type { Actor } from '../engine/actors';
import type { CommandContext } from '../engine/audit/record';
import { completeLogin } from '../engine/identity/login';
import { PersonalNumbers } from '../engine/identity/personal-numbers';
import { cookieName } from '../engine/http/session-cookie';
import { COLLATION } from '../engine/modules/election/db';
import { startPlatform } from '../engine/platform';
import { birthAndCpr, seedParticipants, setUpStaffing } from './bench-staffing-data';
import { firstJsonLine, spawnTs, startStack, TENANT_HOST } from './bench-votes';

const say = (line: string) => console.log(`[bench:staffing-setup] ${line}`);
const ms = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(1));
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
const int = (x: number) => Math.round(x).toLocaleString('en-US');

const LIST_REQUESTS = 50;
const WARMUP_REQUESTS = 5;
/** The export's columns (the API's names, in this order) and the same as SQL for the baseline. */
const EXPORT_COLUMNS = ['name', 'personalNumber', 'birthDate', 'address', 'postalCode', 'city', 'email', 'teams'];
const baselineSql = (collation: string) => `
  SELECT p.given_name || ' ' || p.family_name AS name, p.personal_number_masked AS personal_number, p.birth_date::text AS birth_date,
         CASE WHEN p.protected_address THEN 'Beskyttet adresse' ELSE coalesce(p.address, '') END AS address,
         coalesce(p.postal_code, '') AS postal_code, coalesce(p.city, '') AS city, coalesce(p.email, '') AS email,
         coalesce((SELECT string_agg(t.name, '; ' ORDER BY t.name) FROM team_members tm JOIN teams t ON t.tenant_id = tm.tenant_id AND t.id = tm.team_id
                    WHERE tm.tenant_id = p.tenant_id AND tm.participant_id = p.id AND NOT t.political_party), '') AS teams
    FROM participants p WHERE p.tenant_id = $1
   ORDER BY p.family_name COLLATE ${collation}, p.given_name COLLATE ${collation}, p.id`;

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  ms: number;
}

/** GET on a keep-alive connection; the wall time from sending to the last byte. */
function get(agent: Agent, port: number, host: string, path: string, headers: Record<string, string>): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const req = httpRequest({ host: '127.0.0.1', port, method: 'GET', path, agent, headers: { host, accept: 'application/json', ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks), ms: Number(process.hrtime.bigint() - t0) / 1e6 }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

interface Download {
  status: number;
  headers: IncomingHttpHeaders;
  bytes: number;
  /** Line feeds in the body. */
  lines: number;
  seconds: number;
}

/** GET streamed to a file (never held in memory), counting bytes and line feeds; time from the request to the last byte. */
function download(port: number, host: string, path: string, headers: Record<string, string>, file: string): Promise<Download> {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const req = httpRequest({ host: '127.0.0.1', port, method: 'GET', path, headers: { host, ...headers } }, (res) => {
      let bytes = 0;
      let lines = 0;
      const out = createWriteStream(file);
      res.on('data', (c: Buffer) => {
        bytes += c.length;
        for (let at = c.indexOf(10); at >= 0; at = c.indexOf(10, at + 1)) lines++;
      });
      res.on('end', () => {
        const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
        out.once('finish', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes, lines, seconds }));
      });
      res.on('error', reject);
      res.pipe(out);
    });
    req.on('error', reject);
    req.end();
  });
}

interface Sample {
  t: number;
  rss: number;
  /** V8's heap in use, where known (this process): garbage not yet collected counts until a major GC. */
  heap?: number;
}

/** Samples a memory reading every 100 ms until stopped. */
function sampler(read: () => Omit<Sample, 't'>): { stop(): Sample[]; before: number } {
  const t0 = Date.now();
  const first = read();
  const samples: Sample[] = [{ t: 0, ...first }];
  const timer = setInterval(() => samples.push({ t: (Date.now() - t0) / 1000, ...read() }), 100);
  return {
    before: first.rss,
    stop: () => {
      clearInterval(timer);
      samples.push({ t: (Date.now() - t0) / 1000, ...read() });
      return samples;
    },
  };
}

const ownMemory = () => {
  const m = process.memoryUsage();
  return { rss: m.rss, heap: m.heapUsed };
};

/** A process's RSS from /proc (pages of 4 KiB). */
const rssOf = (pid: number) => ({ rss: Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * 4096 });

/** At most `n` samples, evenly spread, the first, the last and the highest kept. */
function curve(samples: Sample[], n = 20): string[] {
  const top = samples.reduce((a, s) => (s.rss > a.rss ? s : a), samples[0]!);
  const picked = new Set<Sample>([samples[0]!, samples[samples.length - 1]!, top]);
  for (let k = 0; k < n - 3 && samples.length > 3; k++) picked.add(samples[Math.round(((k + 1) * (samples.length - 1)) / (n - 2))]!);
  return [...picked].sort((a, b) => a.t - b.t).map((s) => `t=${s.t.toFixed(1)}s rss=${mb(s.rss)}MB${s.heap !== undefined ? ` heapUsed=${mb(s.heap)}MB` : ''}${s === top ? ' (max)' : ''}`);
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
};

/** Rows of an XLSX file's sheets, read with ExcelJS's streaming reader. */
async function xlsxRows(file: string): Promise<number> {
  let rows = 0;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { worksheets: 'emit', sharedStrings: 'cache', styles: 'ignore', hyperlinks: 'ignore' });
  for await (const sheet of reader) for await (const row of sheet as AsyncIterable<unknown>) if (row) rows++;
  return rows;
}

async function main(): Promise<void> {
  const N = Number(process.argv[2] ?? 100_000);
  if (!Number.isInteger(N) || N < 1000) throw new Error('N: a whole number of participants, at least 1,000');
  const failures: string[] = [];
  const check = (ok: boolean, line: string) => {
    say(`${ok ? 'ok  ' : 'FAIL'} ${line}`);
    if (!ok) failures.push(line);
  };

  say('starting PostgreSQL and the Temporal dev server in a throwaway folder…');
  const stack = await startStack(say);
  let baseline: ChildProcess | undefined;
  let keepData = false;
  try {
    const { config, tenantId, owner, dataDir } = stack;
    const logFile = join(dataDir, 'platform.log');
    Runtime.install({ logger: new DefaultLogger('WARN') });
    const platform = await startPlatform({ config, appUrl: stack.appUrl, temporalAddress: stack.temporalAddress, tenantIds: [tenantId], port: 0, logger: pino({ level: config.LOG_LEVEL }, pino.destination({ dest: logFile, sync: false })) });
    const deps = { db: platform.db, keyring: platform.identity.keyring };
    const actor: Actor = { kind: 'user', tenantId, id: 'bench-staffing-setup', displayName: 'Bench', roles: ['administrator'] };
    const ctx: CommandContext = { tenantId, actor };

    // The data.
    const setup = await setUpStaffing(deps, tenantId);
    say(`election staffing set up through the module's commands: ${setup.parties.length} parties and ${setup.ordinary.length} ordinary teams, ${setup.workLocationIds.length} polling stations, ${setup.taskTypeIds.length} task types, an active election on ${setup.electionDay}`);
    let t = Date.now();
    await seedParticipants(deps, ctx, setup, N, (made) => {
      if (made % 20_000 === 0 && made < N) say(`  ${int(made)} participants…`);
    });
    const seedSeconds = (Date.now() - t) / 1000;
    say(`${int(N)} participants made in ${seedSeconds.toFixed(1)} s (${int(N / seedSeconds)} rows/s): application role in withTenant (RLS), batches of 1,000 in one transaction each, personal numbers sealed + keyed hash + masked, diets sealed, one election.participantCreated audit row per person (chained by the trigger)`);
    t = Date.now();
    await owner.query('VACUUM ANALYZE participants, team_members, task_slots');
    const [facts] = await owner.query<{ held: number; exempt: number; members: number }>(
      `SELECT (SELECT count(*) FROM task_slots WHERE tenant_id = $1 AND participant_id IS NOT NULL)::integer AS held,
              (SELECT count(*) FROM participants WHERE tenant_id = $1 AND digital_post_exempt)::integer AS exempt,
              (SELECT count(*) FROM team_members WHERE tenant_id = $1)::integer AS members`,
      { bind: [tenantId], type: QueryTypes.SELECT },
    );
    say(`VACUUM ANALYZE (as autovacuum would after the load) in ${((Date.now() - t) / 1000).toFixed(1)} s; ${int(facts!.members)} team memberships, ${int(facts!.held)} held task slots, ${int(facts!.exempt)} exempt from Digital Post`);

    // An administrator on the admin site, logged in through the login code.
    const session = await platform.db.withTenant(tenantId, (tx) =>
      completeLogin(platform.identity, tx, {
        tenantId,
        site: 'admin',
        now: new Date(),
        login: { identity: { kind: 'employee', displayName: 'Bænk Administrator', assurance: 'substantial', roles: ['administrator'] }, issuer: 'bench-staffing-setup', nameId: 'bench-administrator@votes.example', relayState: null },
      }),
    );
    const auth = { cookie: `${cookieName('admin')}=${session.token}` };
    const adminHost = `admin.${TENANT_HOST}:${platform.port}`;
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });

    // 1. The list.
    const thisYear = new Date().getUTCFullYear();
    const rotation = [setup.ordinary[0]!, setup.ordinary[1]!, setup.parties[setup.parties.length - 1]!];
    const listUrl = (k: number) => {
      const from = thisYear - 80 + ((k * 7) % 53);
      return { team: rotation[k % rotation.length]!, from: `${from}-01-01`, to: `${from + 9}-12-31` };
    };
    const pathOf = (f: ReturnType<typeof listUrl>) => `/api/election/participants?teamIds=${f.team.id}&birthFrom=${f.from}&birthTo=${f.to}`;
    for (let k = 0; k < WARMUP_REQUESTS; k++) await get(agent, platform.port, adminHost, `/api/election/participants?birthFrom=${thisYear - 30 - k}-01-01&birthTo=${thisYear - 25}-12-31&hasTask=true`, auth);
    const listTimes: number[] = [];
    const statuses = new Map<number, number>();
    let sample: Answer | undefined;
    const totals: { f: ReturnType<typeof listUrl>; total: number }[] = [];
    for (let k = 0; k < LIST_REQUESTS; k++) {
      const f = listUrl(k);
      const answer = await get(agent, platform.port, adminHost, pathOf(f), auth);
      listTimes.push(answer.ms);
      statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
      if (answer.status === 200) {
        sample ??= answer;
        if (k < 3) totals.push({ f, total: (JSON.parse(answer.body.toString('utf8')) as { total: number }).total });
      }
    }
    if (!sample) throw new Error(`no list request answered 200: ${JSON.stringify([...statuses])}`);
    const sampleBody = JSON.parse(sample.body.toString('utf8')) as { total: number; items: unknown[] };
    const listFile = join(dataDir, 'list-answer.json');
    writeFileSync(listFile, sample.body);

    // 2 and 3. The exports (a small one of each kind first, to warm up).
    const exportPath = (format: 'csv' | 'xlsx', query = '') => `/api/election/participants/export.${format}?columns=${EXPORT_COLUMNS.join(',')}&lang=da${query}`;
    const warmQuery = `&birthFrom=${thisYear - 40}-01-01&birthTo=${thisYear - 38}-12-31`;
    await download(platform.port, adminHost, exportPath('csv', warmQuery), auth, join(dataDir, 'warm.csv'));
    await download(platform.port, adminHost, exportPath('xlsx', warmQuery), auth, join(dataDir, 'warm.xlsx'));
    const exportOnce = async (format: 'csv' | 'xlsx') => {
      await new Promise((r) => setTimeout(r, 1000)); // let the previous work settle
      const file = join(dataDir, `participants.${format}`);
      const mem = sampler(ownMemory);
      const d = await download(platform.port, adminHost, exportPath(format), auth, file);
      const samples = mem.stop();
      return { ...d, file, samples, growth: Math.max(...samples.map((s) => s.rss)) - mem.before, before: mem.before };
    };
    const csv = await exportOnce('csv');
    const xlsx = await exportOnce('xlsx');
    const xlsxRead = await xlsxRows(xlsx.file);

    // The baselines, in their own process.
    baseline = spawnTs('bench-staffing-baseline.ts', [], { ...process.env, LIST_BODY_FILE: listFile, DATABASE_URL: stack.ownerUrl, TENANT_ID: tenantId, EXPORT_SQL: baselineSql(COLLATION.DK) });
    const { port: basePort, rows: baseRows } = await firstJsonLine<{ port: number; rows: number }>(baseline, 'the baseline server');
    const baseHost = `127.0.0.1:${basePort}`;
    const baseAgent = new Agent({ keepAlive: true, maxSockets: 1 });
    for (let k = 0; k < WARMUP_REQUESTS; k++) await get(baseAgent, basePort, baseHost, pathOf(listUrl(k)), {});
    const baseTimes: number[] = [];
    let baseSize = 0;
    for (let k = 0; k < LIST_REQUESTS; k++) {
      const answer = await get(baseAgent, basePort, baseHost, pathOf(listUrl(k)), {});
      baseTimes.push(answer.ms);
      baseSize = answer.body.length;
    }
    const baseExport = async (format: 'csv' | 'xlsx') => {
      await download(basePort, baseHost, `/api/election/participants/export.${format}`, {}, join(dataDir, `baseline-warm.${format}`));
      await new Promise((r) => setTimeout(r, 1000));
      const mem = sampler(() => rssOf(baseline!.pid!));
      const d = await download(basePort, baseHost, `/api/election/participants/export.${format}`, {}, join(dataDir, `baseline.${format}`));
      const samples = mem.stop();
      return { ...d, growth: Math.max(...samples.map((s) => s.rss)) - mem.before };
    };
    const baseCsv = await baseExport('csv');
    const baseXlsx = await baseExport('xlsx');
    baseline.kill('SIGTERM');

    // Figures.
    const listP50 = percentile(listTimes, 50);
    const listP95 = percentile(listTimes, 95);
    const baseP50 = percentile(baseTimes, 50);
    const baseP95 = percentile(baseTimes, 95);
    const csvRows = csv.lines - 1; // the header line
    const csvRate = csvRows / csv.seconds;
    const baseCsvRate = (baseCsv.lines - 1) / baseCsv.seconds;
    const xlsxRate = (xlsxRead - 1) / xlsx.seconds;
    const baseXlsxRate = baseRows / baseXlsx.seconds;
    say('');
    say(`list: ${LIST_REQUESTS} × GET /api/election/participants?teamIds=<team>&birthFrom=…&birthTo=… (a team — two ordinary, one party, in turn — and a sliding ten-year birth range; first page of ${sampleBody.items.length}, name order; totals ${totals.map((x) => int(x.total)).join(', ')}…; answer ${int(sample.body.length)} bytes), time = wall time on the loopback from sending to the last byte (no Server-Timing header): p50 ${ms(listP50)} ms, p95 ${ms(listP95)} ms, max ${ms(Math.max(...listTimes))} ms`);
    say(`list baseline (bare Express 5, its own process, the same URLs answered with one of the platform's answers, ${int(baseSize)} bytes): p50 ${ms(baseP50)} ms, p95 ${ms(baseP95)} ms — ratio to baseline (p95 ÷ p95) ${(listP95 / baseP95).toFixed(1)}, (p50 ÷ p50) ${(listP50 / baseP50).toFixed(1)}`);
    say(`CSV export of ${int(csvRows)} rows × ${EXPORT_COLUMNS.length} columns (${mb(csv.bytes)} MB): ${csv.seconds.toFixed(2)} s from the request to the last byte = ${int(csvRate)} rows/s; this process's RSS ${mb(csv.before)} MB before, growth ${mb(csv.growth)} MB (max − before)`);
    for (const line of curve(csv.samples)) say(`  csv ${line}`);
    say(`CSV baseline (bare Express + pg, a cursor, FETCH 1000, the same rows in the same order, ${int(baseCsv.lines - 1)} rows, ${mb(baseCsv.bytes)} MB): ${baseCsv.seconds.toFixed(2)} s = ${int(baseCsvRate)} rows/s (its RSS growth ${mb(baseCsv.growth)} MB) — ratio to baseline (rows/s ÷ rows/s) ${(csvRate / baseCsvRate).toFixed(2)}`);
    say(`XLSX export of the same (${mb(xlsx.bytes)} MB): ${xlsx.seconds.toFixed(2)} s = ${int(xlsxRate)} rows/s; RSS ${mb(xlsx.before)} MB before, growth ${mb(xlsx.growth)} MB`);
    for (const line of curve(xlsx.samples)) say(`  xlsx ${line}`);
    say(`XLSX baseline (bare ExcelJS streaming writer, the same ${int(baseRows)} rows from memory, its own process, to its HTTP answer, ${mb(baseXlsx.bytes)} MB): ${baseXlsx.seconds.toFixed(2)} s = ${int(baseXlsxRate)} rows/s (its RSS growth ${mb(baseXlsx.growth)} MB) — ratio to baseline ${(xlsxRate / baseXlsxRate).toFixed(2)}`);
    say(`target list p95 ≤ 200 ms: ${ms(listP95)} ms — ${listP95 <= 200 ? 'met' : 'MISSED'}`);
    say(`target CSV ≥ 50,000 rows/s: ${int(csvRate)} — ${csvRate >= 50_000 ? 'met' : 'MISSED'}`);
    say(`target CSV memory growth ≤ 50 MB: ${mb(csv.growth)} MB — ${csv.growth <= 50 * 1024 * 1024 ? 'met' : 'MISSED'}`);
    say(`target XLSX ≥ 10,000 rows/s: ${int(xlsxRate)} — ${xlsxRate >= 10_000 ? 'met' : 'MISSED'} (its memory growth ${mb(xlsx.growth)} MB)`);
    say(`load average now: ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')} on ${cpus().length} cores (other work on the machine skews the figures)`);

    // Correctness.
    say('');
    check(csv.status === 200 && csv.lines === N + 1 && csv.headers['x-total-rows'] === String(N), `the CSV has ${int(csv.lines)} lines (a header and ${int(N)} participants expected: ${int(N + 1)}); X-Total-Rows ${csv.headers['x-total-rows']}`);
    check(xlsx.status === 200 && xlsxRead === N + 1, `the XLSX opens with ExcelJS and has ${int(xlsxRead)} rows (${int(N + 1)} expected)`);
    check(baseCsv.lines === N + 1 && baseRows === N, `the baselines had the same rows: CSV ${int(baseCsv.lines)} lines, XLSX ${int(baseRows)} rows`);
    check(statuses.get(200) === LIST_REQUESTS, `every list request answered 200: ${JSON.stringify(Object.fromEntries(statuses))}`);
    for (const { f, total } of totals) {
      const [row] = await owner.query<{ n: number }>(
        'SELECT count(*)::integer AS n FROM participants p WHERE p.tenant_id = $1 AND p.birth_date BETWEEN $2 AND $3 AND EXISTS (SELECT 1 FROM team_members tm WHERE tm.tenant_id = p.tenant_id AND tm.participant_id = p.id AND tm.team_id = $4)',
        { bind: [tenantId, f.from, f.to, f.team.id], type: QueryTypes.SELECT },
      );
      check(row!.n === total && total > 0, `the list's total for ${f.team.name} born ${f.from}…${f.to} is PostgreSQL's count: ${int(total)} = ${int(row!.n)}`);
    }
    const firstAsc = await get(agent, platform.port, adminHost, '/api/election/participants?pageSize=1&sort=name&order=asc', auth);
    const firstDesc = await get(agent, platform.port, adminHost, '/api/election/participants?pageSize=1&sort=name&order=desc', auth);
    const familyOf = (a: Answer) => (JSON.parse(a.body.toString('utf8')) as { items: { familyName: string }[] }).items[0]?.familyName ?? '';
    check(familyOf(firstAsc) === 'Andersen' && /^(Å|Aa)/.test(familyOf(firstDesc)), `the name order is Danish (Aa and Å after Æ and Ø, after Z): first ${familyOf(firstAsc)}, last ${familyOf(firstDesc)}`);
    const [audited] = await owner.query<{ n: number }>("SELECT count(*)::integer AS n FROM audit_log WHERE tenant_id = $1 AND action = 'election.participantCreated' AND actor_id = $2", { bind: [tenantId, actor.id], type: QueryTypes.SELECT });
    check(audited!.n === N, `one election.participantCreated audit row per participant: ${int(audited!.n)}`);
    const numbers = new PersonalNumbers(platform.identity.keyring);
    const cprOf = birthAndCpr();
    let found = 0;
    for (const i of [0, Math.floor(N / 2), N - 1]) {
      const pn = cprOf(i);
      await platform.db.withTenant(tenantId, async (tx) => {
        const [row] = await platform.db.sequelize.query<{ personal_number_sealed: Buffer; birth_date: string }>('SELECT personal_number_sealed, birth_date::text AS birth_date FROM participants WHERE personal_number_hash = $1', {
          bind: [await numbers.lookupHash(tx, tenantId, pn)],
          type: QueryTypes.SELECT,
          transaction: tx,
        });
        if (row && row.birth_date === pn.birthDate && (await numbers.reveal(tx, tenantId, { country: 'DK', ciphertext: row.personal_number_sealed })) === pn.canonical) found++;
      });
    }
    check(found === 3, `sampled participants found by their keyed hash, their sealed number opening to the same number and birth date: ${found} of 3`);
    say(failures.length ? `CORRECTNESS FAILED (${failures.length}); the data folder is kept: ${dataDir} (platform log: ${logFile})` : 'correctness: all checks passed');
    keepData = failures.length > 0;
    await platform.stop();
  } finally {
    if (baseline && baseline.exitCode === null) baseline.kill('SIGTERM');
    await stack.stop();
    if (!keepData && existsSync(stack.dataDir)) rmSync(stack.dataDir, { recursive: true, force: true });
  }
  if (failures.length) process.exitCode = 1;
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
