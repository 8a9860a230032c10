// `npm run bench:slots`: an election of a large municipality on the real stack — 60 areas, 400 polling stations,
// 8 task types, 3 task dates, 30 teams, ≈25,000 task slots, 20,000 participants — and the three things issue 16
// asks of it: the overview with filters, a station's distribute grid saving 200 cell changes in one request, and
// 500 concurrent assignments of different people to the same 100 vacant slots. Each speed figure beside a bare
// Express baseline measured in the same run; the contention's outcome checked exactly.
//
// In a throwaway data folder it starts the embedded PostgreSQL, the Temporal CLI dev server and the platform (in
// this process: bench-votes' startStack, as bench-staffing-setup does). The data, as the tenant's provisioning:
//  - through the module's commands: the election type (Folketingsvalg), 60 areas, 8 task types (the Danish demo's
//    six and two more), 30 teams (10 parties, 20 ordinary), 5 diets, 400 stations each using every task type and
//    team, an election with three task dates (the day before, election day, the day after) set up and activated,
//    and its slots distributed station by station with distributeSlots (each station three teams in turn: on
//    election day 13 slots per team over the 8 task types, on each other day 3 — 57 per station, 22,800);
//  - in bulk (scripts/bench-staffing-data.ts, the application role inside withTenant, personal numbers sealed, one
//    audit row per person): 20,000 participants, ~8% of them holding an election-day slot of their own (≈1,600
//    more slots, invited or accepted);
// then VACUUM ANALYZE (as autovacuum would after the load). An administrator's admin-site session is made through
// the real login code.
//
// 1. Overview: 5 warm-up requests, then 50 of GET /api/election/elections/:id/overview with filters — three teams,
//    two task types, one or two dates, rotating — one at a time over a keep-alive connection; the time is the
//    request's wall time on the loopback (the platform sends no Server-Timing header: this is an upper bound of
//    the server time). Baseline: scripts/bench-slots-baseline.ts (bare Express + pg, the same SQL without RLS).
// 2. Distribute: 10 PUTs of /api/election/elections/:id/work-locations/:wl/distribution, each on its own station
//    with 200 cell changes (about half new cells of 1–2 slots, the rest existing cells up or down by one, never
//    below their filled slots), timed the same way; each answer and the database checked against the counts
//    asked for. Baseline: the bare server's same SQL work (lock, count, one INSERT, one DELETE) on 10 other
//    stations with bodies made the same way.
// 3. Contention: 100 vacant election-day slots never offered, 500 eligible participants holding no slot; all 500
//    POST /api/election/elections/:id/slots/:slotId/assignment at once (participant j → slot j mod 100) over 500
//    connections. Exactly 100 must answer 201 and 400 must answer 409 election.slotTaken; each slot then has one
//    holder, one whose request answered 201, invited, with one election.taskAssigned audit row and one queued
//    invitation message.
//
// Targets (printed met/MISSED, never fatal): overview p95 ≤ 300 ms; distribute ≤ 500 ms per PUT (the slowest of
// the 10). Correctness (exit code 1 when it fails): the overview's totals are PostgreSQL's counts, every PUT's cells
// are the counts asked for, and the contention's outcome is exact.
import type { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import pino from 'pino';
import { QueryTypes } from 'sequelize';
import type { Actor } from '../engine/actors';
import type { CommandContext } from '../engine/audit/record';
import { completeLogin } from '../engine/identity/login';
import { csrfTokenFor } from '../engine/identity/sessions';
import { cookieName } from '../engine/http/session-cookie';
import { createArea } from '../engine/modules/election/commands/config/areas';
import { createElectionType } from '../engine/modules/election/commands/config/election-types';
import { createSpecialDiet } from '../engine/modules/election/commands/config/special-diets';
import { createTaskType } from '../engine/modules/election/commands/config/task-types';
import { createTeam } from '../engine/modules/election/commands/config/teams';
import { createWorkLocation } from '../engine/modules/election/commands/config/work-locations';
import { createElection } from '../engine/modules/election/commands/elections/create-election';
import { activateElection } from '../engine/modules/election/commands/elections/lifecycle';
import { setElectionDates, setElectionMessages, setElectionWorkLocations } from '../engine/modules/election/commands/elections/setup-steps';
import { shiftDate } from '../engine/modules/election/commands/elections/shared';
import { distributeSlots } from '../engine/modules/election/commands/slots/distribute-slots';
import { DEMO_CONTENT } from '../engine/modules/election/demo-content';
import { defaultElectionTypes } from '../engine/modules/election/election-type-rules';
import { startPlatform } from '../engine/platform';
import { residentMunicipalityCode } from '../engine/registry/municipality';
import { seeded, seedParticipants, type StaffingSetup } from './bench-staffing-data';
import { firstJsonLine, spawnTs, startStack, TENANT_HOST } from './bench-votes';

const say = (line: string) => console.log(`[bench:slots] ${line}`);
const ms = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(1));
const int = (x: number) => Math.round(x).toLocaleString('en-US');

const AREAS = 60;
const STATIONS = 400;
const TEAMS = 30;
const PARTIES = 10;
const PARTICIPANTS = 20_000;
const OVERVIEW_REQUESTS = 50;
const WARMUP_REQUESTS = 5;
const DISTRIBUTE_PUTS = 10;
const CELL_CHANGES = 200;
const ASSIGNMENTS = 500;
const CONTESTED = 100;
/** Election-day slots per team of a station, by task type (the 8 in order), and the other days' (the first 3 types, one each). */
const ELECTION_DAY_COUNTS = [4, 2, 2, 1, 1, 1, 1, 1];
const OTHER_DAY_TYPES = 3;

const EXTRA_TASK_TYPES = [
  { title: 'Opstiller', shortName: 'OPS', description: 'Stiller stemmerum og borde op dagen før valget.', startTime: '15:00', endTime: '19:00', payment: 300, trusted: false, reminders: true },
  { title: 'Budbringer', shortName: 'BUD', description: 'Bringer materialer og resultater mellem valgstederne og rådhuset.', startTime: '12:00', endTime: '23:30', payment: 700, trusted: false, reminders: true },
];

interface Answer {
  status: number;
  body: string;
  ms: number;
}

/** One request over `agent`; the wall time from sending to the last byte. */
function call(agent: Agent, port: number, host: string, method: string, path: string, headers: Record<string, string>, json?: unknown): Promise<Answer> {
  const body = json === undefined ? undefined : JSON.stringify(json);
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const req = httpRequest(
      { host: '127.0.0.1', port, method, path, agent, headers: { host, accept: 'application/json', ...(body ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) } : {}), ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), ms: Number(process.hrtime.bigint() - t0) / 1e6 }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
};

interface Setup extends StaffingSetup {
  teams: string[];
  dates: string[];
}

async function setUp(deps: Parameters<typeof distributeSlots>[0], ctx: CommandContext): Promise<Setup> {
  const [type] = defaultElectionTypes('DK');
  const electionTypeId = (await createElectionType(deps, ctx, type)).id;
  const areas: string[] = [];
  for (let i = 0; i < AREAS; i++) areas.push((await createArea(deps, ctx, { name: `Område ${String(i + 1).padStart(2, '0')}` })).id);
  const taskTypeIds: string[] = [];
  for (const t of [...DEMO_CONTENT.DK.taskTypes, ...EXTRA_TASK_TYPES]) taskTypeIds.push((await createTaskType(deps, ctx, t)).id);
  const parties: { id: string; name: string }[] = [];
  const ordinary: { id: string; name: string }[] = [];
  const demoParties = DEMO_CONTENT.DK.teams.filter((t) => t.politicalParty);
  for (let i = 0; i < TEAMS; i++) {
    const party = i < PARTIES;
    const name = party ? demoParties[i]!.name : i === PARTIES ? 'Borgerservice' : `Frivillige ${i - PARTIES}`;
    const { id } = await createTeam(deps, ctx, { name, shortName: party ? demoParties[i]!.shortName : `H${i}`, politicalParty: party, description: '' });
    (party ? parties : ordinary).push({ id, name });
  }
  const teams = [...parties, ...ordinary].map((t) => t.id);
  const dietIds: string[] = [];
  for (const name of DEMO_CONTENT.DK.diets) dietIds.push((await createSpecialDiet(deps, ctx, { name })).id);
  const workLocationIds: string[] = [];
  for (let i = 0; i < STATIONS; i++) {
    const { id } = await createWorkLocation(deps, ctx, { areaId: areas[i % AREAS], name: `Valgsted ${String(i + 1).padStart(3, '0')}`, address: `Skolevej ${i + 1}`, postalCode: '4000', city: 'Korsbæk', districtNumber: String(i + 1), taskTypeIds, teamIds: teams });
    workLocationIds.push(id);
  }
  const electionDay = shiftDate(new Date().toISOString().slice(0, 10), 60);
  const dates = [shiftDate(electionDay, -1), electionDay, shiftDate(electionDay, 1)];
  const { id: electionId } = await createElection(deps, ctx, { title: 'Folketingsvalg (bænk)', electionTypeId, lockDays: 7, electionDay });
  await setElectionDates(deps, ctx, electionId, { electionDay, firstTaskDate: dates[0], lastTaskDate: dates[2] });
  await setElectionWorkLocations(deps, ctx, electionId, { workLocationIds });
  await setElectionMessages(deps, ctx, electionId, { templates: {} });
  await activateElection(deps, ctx, electionId);
  // Each station three teams in turn.
  for (const [i, station] of workLocationIds.entries()) {
    const own = [0, 1, 2].map((k) => teams[(3 * i + k) % TEAMS]!);
    const cells = own.flatMap((teamId) => [
      ...ELECTION_DAY_COUNTS.map((count, t) => ({ teamId, taskTypeId: taskTypeIds[t]!, date: electionDay, count })),
      ...[dates[0]!, dates[2]!].flatMap((date) => taskTypeIds.slice(0, OTHER_DAY_TYPES).map((taskTypeId) => ({ teamId, taskTypeId, date, count: 1 }))),
    ]);
    await distributeSlots(deps, ctx, electionId, station, { cells });
  }
  return { electionId, electionDay, parties, ordinary, workLocationIds, taskTypeIds, dietIds, teams, dates };
}

interface Cell {
  teamId: string;
  taskTypeId: string;
  date: string;
  count: number;
  filled?: number;
}

/** 200 changes of a station's grid: about half new cells (1–2 slots), the rest existing cells one up or down (never below filled). */
function cellChanges(setup: Setup, current: Cell[], seed: number): Cell[] {
  const r = seeded(seed);
  const key = (c: { teamId: string; taskTypeId: string; date: string }) => `${c.teamId}|${c.taskTypeId}|${c.date}`;
  const existing = new Map(current.map((c) => [key(c), c]));
  const all = setup.teams.flatMap((teamId) => setup.taskTypeIds.flatMap((taskTypeId) => setup.dates.map((date) => ({ teamId, taskTypeId, date }))));
  for (let i = all.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [all[i], all[j]] = [all[j]!, all[i]!];
  }
  const changes: Cell[] = [...current.map((c) => ({ ...c, count: c.count > (c.filled ?? 0) && r() < 0.5 ? c.count - 1 : c.count + 1 }))];
  for (const c of all) {
    if (changes.length >= CELL_CHANGES) break;
    if (!existing.has(key(c))) changes.push({ ...c, count: 1 + Math.floor(r() * 2) });
  }
  return changes.slice(0, CELL_CHANGES).map(({ teamId, taskTypeId, date, count }) => ({ teamId, taskTypeId, date, count }));
}

async function main(): Promise<void> {
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
    const actor: Actor = { kind: 'user', tenantId, id: 'bench-slots', displayName: 'Bench', roles: ['administrator'] };
    const ctx: CommandContext = { tenantId, actor };
    const q = async <T extends object>(sql: string, bind: unknown[] = []) => owner.query<T>(sql, { bind, type: QueryTypes.SELECT });

    // The data.
    let t = Date.now();
    const setup = await setUp(deps, ctx);
    say(`through the module's commands in ${((Date.now() - t) / 1000).toFixed(1)} s: ${AREAS} areas, ${STATIONS} stations, ${setup.taskTypeIds.length} task types, ${TEAMS} teams, an active election with task dates ${setup.dates.join(', ')}, slots distributed station by station`);
    t = Date.now();
    await seedParticipants(deps, ctx, setup, PARTICIPANTS);
    say(`${int(PARTICIPANTS)} participants in bulk in ${((Date.now() - t) / 1000).toFixed(1)} s (application role in withTenant, personal numbers sealed, one audit row each; ~8% holding an election-day slot of their own)`);
    await owner.query('VACUUM ANALYZE task_slots, participants, team_members, election_work_locations, work_locations, election_areas');
    const [facts] = await q<{ slots: number; held: number }>("SELECT count(*)::integer AS slots, count(*) FILTER (WHERE state <> 'vacant')::integer AS held FROM task_slots WHERE tenant_id = $1", [tenantId]);
    say(`${int(facts!.slots)} task slots (${int(facts!.held)} held); VACUUM ANALYZE done`);

    // An administrator on the admin site, logged in through the login code.
    const session = await platform.db.withTenant(tenantId, (tx) =>
      completeLogin(platform.identity, tx, {
        tenantId,
        site: 'admin',
        now: new Date(),
        login: { identity: { kind: 'employee', displayName: 'Bænk Administrator', assurance: 'substantial', roles: ['administrator'] }, issuer: 'bench-slots', nameId: 'bench-administrator@slots.example', relayState: null },
      }),
    );
    const auth = { cookie: `${cookieName('admin')}=${session.token}`, 'x-csrf-token': csrfTokenFor(session.token) };
    const adminHost = `admin.${TENANT_HOST}:${platform.port}`;
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const base = `/api/election/elections/${setup.electionId}`;

    say('logged in; starting the baseline server');
    // The baseline server.
    baseline = spawnTs('bench-slots-baseline.ts', [], { ...process.env, DATABASE_URL: stack.ownerUrl, TENANT_ID: tenantId });
    const { port: basePort } = await firstJsonLine<{ port: number }>(baseline, 'the baseline server');
    const baseHost = `127.0.0.1:${basePort}`;
    const baseAgent = new Agent({ keepAlive: true, maxSockets: 1 });

    say('the overview…');
    // 1. The overview.
    const filterOf = (k: number) => ({
      teamIds: [0, 1, 2].map((i) => setup.teams[(k * 3 + i * 7) % TEAMS]!),
      taskTypeIds: [setup.taskTypeIds[k % 8]!, setup.taskTypeIds[(k + 3) % 8]!],
      dates: k % 2 === 0 ? [setup.electionDay] : [setup.dates[0]!, setup.dates[2]!],
    });
    const overviewPath = (k: number) => {
      const f = filterOf(k);
      return `${base}/overview?teamIds=${f.teamIds.join(',')}&taskTypeIds=${f.taskTypeIds.join(',')}&dates=${f.dates.join(',')}`;
    };
    for (let k = 0; k < WARMUP_REQUESTS; k++) await call(agent, platform.port, adminHost, 'GET', k === 0 ? `${base}/overview` : overviewPath(100 + k), auth);
    const overviewTimes: number[] = [];
    const overviewStatuses = new Map<number, number>();
    const samples: { k: number; totals: { slots: number; accepted: number; invited: number; vacant: number } }[] = [];
    let overviewBytes = 0;
    for (let k = 0; k < OVERVIEW_REQUESTS; k++) {
      const a = await call(agent, platform.port, adminHost, 'GET', overviewPath(k), auth);
      overviewTimes.push(a.ms);
      overviewStatuses.set(a.status, (overviewStatuses.get(a.status) ?? 0) + 1);
      if (a.status === 200 && samples.length < 3) samples.push({ k, totals: (JSON.parse(a.body) as { totals: (typeof samples)[number]['totals'] }).totals });
      overviewBytes = a.body.length;
    }
    // PostgreSQL's counts for the sampled filters, read now (the later steps change the slots).
    const expectedTotals: { k: number; totals: string; expected: string; slots: number }[] = [];
    for (const s of samples) {
      const f = filterOf(s.k);
      const [row] = await q<{ slots: number; accepted: number; invited: number }>(
        "SELECT count(*)::integer AS slots, count(*) FILTER (WHERE state = 'accepted')::integer AS accepted, count(*) FILTER (WHERE state = 'invited')::integer AS invited FROM task_slots WHERE tenant_id = $1 AND election_id = $2 AND team_id = ANY($3::uuid[]) AND task_type_id = ANY($4::uuid[]) AND task_date = ANY($5::date[])",
        [tenantId, setup.electionId, f.teamIds, f.taskTypeIds, f.dates],
      );
      const expected = { slots: row!.slots, accepted: row!.accepted, invited: row!.invited, vacant: row!.slots - row!.accepted - row!.invited };
      expectedTotals.push({ k: s.k, totals: JSON.stringify(s.totals), expected: JSON.stringify(expected), slots: expected.slots });
    }
    for (let k = 0; k < WARMUP_REQUESTS; k++) await call(baseAgent, basePort, baseHost, 'GET', overviewPath(100 + k), {});
    const baseOverviewTimes: number[] = [];
    for (let k = 0; k < OVERVIEW_REQUESTS; k++) baseOverviewTimes.push((await call(baseAgent, basePort, baseHost, 'GET', overviewPath(k), {})).ms);

    say('distribute…');
    // 2. Distribute: 10 stations on the platform, 10 others on the baseline.
    const distributeTimes: number[] = [];
    const baseDistributeTimes: number[] = [];
    let distributeOk = 0;
    let changedSlots = 0;
    for (let i = 0; i < DISTRIBUTE_PUTS * 2; i++) {
      const station = setup.workLocationIds[10 + i]!;
      const path = `${base}/work-locations/${station}/distribution`;
      const before = JSON.parse((await call(agent, platform.port, adminHost, 'GET', path, auth)).body) as { cells: Cell[] };
      const cells = cellChanges(setup, before.cells, 1000 + i);
      const onPlatform = i < DISTRIBUTE_PUTS;
      const a = onPlatform ? await call(agent, platform.port, adminHost, 'PUT', path, auth, { cells }) : await call(baseAgent, basePort, baseHost, 'PUT', path, {}, { cells });
      (onPlatform ? distributeTimes : baseDistributeTimes).push(a.ms);
      if (!onPlatform) continue;
      const wanted = new Map(cells.map((c) => [`${c.teamId}|${c.taskTypeId}|${c.date}`, c.count]));
      const answered = a.status === 200 ? (JSON.parse(a.body) as { cells: Cell[] }).cells : [];
      const rows = await q<{ team_id: string; task_type_id: string; date: string; n: number }>(
        'SELECT team_id, task_type_id, task_date::text AS date, count(*)::integer AS n FROM task_slots WHERE tenant_id = $1 AND work_location_id = $2 GROUP BY 1, 2, 3',
        [tenantId, station],
      );
      const inDb = new Map(rows.map((r) => [`${r.team_id}|${r.task_type_id}|${r.date}`, r.n]));
      const inAnswer = new Map(answered.map((c) => [`${c.teamId}|${c.taskTypeId}|${c.date}`, c.count]));
      const good = a.status === 200 && cells.length === CELL_CHANGES && [...wanted].every(([k, n]) => (inDb.get(k) ?? 0) === n && (inAnswer.get(k) ?? 0) === n);
      if (good) distributeOk++;
      else say(`  distribute ${i}: status ${a.status} ${a.status === 200 ? '' : a.body.slice(0, 300)}`);
      for (const [k, n] of wanted) changedSlots += Math.abs(n - (before.cells.find((c) => `${c.teamId}|${c.taskTypeId}|${c.date}` === k)?.count ?? 0));
    }

    say('contention…');
    // 3. Contention: 500 people, 100 vacant slots.
    const slots = (
      await q<{ id: string }>(
        "SELECT id FROM task_slots WHERE tenant_id = $1 AND election_id = $2 AND task_date = $3 AND state = 'vacant' AND invited_at IS NULL AND work_location_id <> ALL($4::uuid[]) ORDER BY id LIMIT $5",
        [tenantId, setup.electionId, setup.electionDay, setup.workLocationIds.slice(0, 10 + 2 * DISTRIBUTE_PUTS), CONTESTED],
      )
    ).map((r) => r.id);
    const people = (
      await q<{ id: string }>(
        `SELECT p.id FROM participants p
          WHERE p.tenant_id = $1 AND p.municipality_code = $2 AND p.citizenship = 'DK' AND NOT p.disenfranchised AND NOT p.deceased AND p.birth_date <= ($3::date - interval '18 years')
            AND NOT EXISTS (SELECT 1 FROM task_slots s WHERE s.tenant_id = p.tenant_id AND s.participant_id = p.id)
          ORDER BY p.id LIMIT $4`,
        [tenantId, residentMunicipalityCode('DK'), setup.electionDay, ASSIGNMENTS],
      )
    ).map((r) => r.id);
    if (slots.length !== CONTESTED || people.length !== ASSIGNMENTS) throw new Error(`contention set-up: ${slots.length} slots, ${people.length} people`);
    const many = new Agent({ keepAlive: true, maxSockets: ASSIGNMENTS });
    // Open the connections first (a cheap request each), so the burst is the assignments, not TCP handshakes.
    await Promise.all(people.map(() => call(many, platform.port, adminHost, 'GET', `${base}/overview?dates=${setup.dates[0]}&teamIds=${setup.teams[0]}`, auth)));
    const t0 = Date.now();
    const answers = await Promise.all(people.map((participantId, j) => call(many, platform.port, adminHost, 'POST', `${base}/slots/${slots[j % CONTESTED]}/assignment`, auth, { participantId }).then((a) => ({ ...a, participantId, slotId: slots[j % CONTESTED]! }))));
    const burstSeconds = (Date.now() - t0) / 1000;
    const codeOf = (a: Answer) => {
      try {
        return (JSON.parse(a.body) as { errors?: { code?: string }[] }).errors?.[0]?.code ?? '';
      } catch {
        return '';
      }
    };
    const outcome = new Map<string, number>();
    for (const a of answers) outcome.set(`${a.status}${a.status >= 400 ? ` ${codeOf(a)}` : ''}`, (outcome.get(`${a.status}${a.status >= 400 ? ` ${codeOf(a)}` : ''}`) ?? 0) + 1);
    const winners = new Map(answers.filter((a) => a.status === 201).map((a) => [a.slotId, a.participantId]));
    const held = await q<{ id: string; participant_id: string | null; state: string }>('SELECT id, participant_id, state FROM task_slots WHERE id = ANY($1::uuid[])', [slots]);
    const [audited] = await q<{ n: number }>("SELECT count(*)::integer AS n FROM audit_log WHERE tenant_id = $1 AND action = 'election.taskAssigned' AND entity_id = ANY($2::text[])", [tenantId, slots]);
    const [queued] = await q<{ n: number }>("SELECT count(*)::integer AS n FROM participant_messages WHERE tenant_id = $1 AND slot_id = ANY($2::uuid[]) AND event = 'invitation'", [tenantId, slots]);
    const assignTimes = answers.map((a) => a.ms);

    // Figures.
    const oP50 = percentile(overviewTimes, 50);
    const oP95 = percentile(overviewTimes, 95);
    const bP50 = percentile(baseOverviewTimes, 50);
    const bP95 = percentile(baseOverviewTimes, 95);
    const dMax = Math.max(...distributeTimes);
    const dP50 = percentile(distributeTimes, 50);
    const bdP50 = percentile(baseDistributeTimes, 50);
    say('');
    say(`overview: ${OVERVIEW_REQUESTS} × GET ${base.replace(setup.electionId, ':id')}/overview?teamIds=<3 teams>&taskTypeIds=<2 types>&dates=<1 or 2 dates> (answer ${int(overviewBytes)} bytes: ${STATIONS} stations in ${AREAS} areas), wall time on the loopback: p50 ${ms(oP50)} ms, p95 ${ms(oP95)} ms, max ${ms(Math.max(...overviewTimes))} ms`);
    say(`overview baseline (bare Express + pg, the same SQL without RLS, the same JSON): p50 ${ms(bP50)} ms, p95 ${ms(bP95)} ms — ratio (p95 ÷ p95) ${(oP95 / bP95).toFixed(1)}, (p50 ÷ p50) ${(oP50 / bP50).toFixed(1)}`);
    say(`distribute: ${DISTRIBUTE_PUTS} × PUT …/work-locations/:wl/distribution with ${CELL_CHANGES} cell changes each (${int(changedSlots / DISTRIBUTE_PUTS)} slots added or removed per PUT on average): p50 ${ms(dP50)} ms, max ${ms(dMax)} ms (all: ${distributeTimes.map(ms).join(', ')})`);
    say(`distribute baseline (bare Express + pg: lock, count, one INSERT, one DELETE; 10 other stations): p50 ${ms(bdP50)} ms, max ${ms(Math.max(...baseDistributeTimes))} ms — ratio (p50 ÷ p50) ${(dP50 / bdP50).toFixed(1)}`);
    say(`contention: ${ASSIGNMENTS} concurrent POST …/slots/:slotId/assignment (${ASSIGNMENTS / CONTESTED} people per slot, ${CONTESTED} slots) over ${ASSIGNMENTS} connections in ${burstSeconds.toFixed(2)} s: ${[...outcome].map(([k, n]) => `${n} × ${k}`).join(', ')}; request time p50 ${ms(percentile(assignTimes, 50))} ms, p95 ${ms(percentile(assignTimes, 95))} ms, max ${ms(Math.max(...assignTimes))} ms`);
    say(`target overview p95 ≤ 300 ms: ${ms(oP95)} ms — ${oP95 <= 300 ? 'met' : 'MISSED'}`);
    say(`target distribute (200 cells in one PUT) ≤ 500 ms: slowest ${ms(dMax)} ms — ${dMax <= 500 ? 'met' : 'MISSED'}`);
    say(`load average now: ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')} on ${cpus().length} cores (other work on the machine skews the figures)`);

    // Correctness.
    say('');
    check(overviewStatuses.get(200) === OVERVIEW_REQUESTS, `every overview request answered 200: ${JSON.stringify(Object.fromEntries(overviewStatuses))}`);
    for (const e of expectedTotals) check(e.totals === e.expected && e.slots > 0, `overview ${e.k}'s totals are PostgreSQL's counts: ${e.totals} (PostgreSQL: ${e.expected})`);
    check(distributeOk === DISTRIBUTE_PUTS, `every distribute PUT answered 200 with ${CELL_CHANGES} cells at the counts asked for, and the database has them: ${distributeOk} of ${DISTRIBUTE_PUTS}`);
    check(outcome.get('201') === CONTESTED && outcome.get('409 election.slotTaken') === ASSIGNMENTS - CONTESTED && outcome.size === 2, `exactly ${CONTESTED} assigned and ${ASSIGNMENTS - CONTESTED} refused with 409 election.slotTaken`);
    check(held.length === CONTESTED && held.every((h) => h.state === 'invited' && h.participant_id === winners.get(h.id)), `each contested slot is invited to the one person whose request answered 201`);
    check(new Set(held.map((h) => h.participant_id)).size === CONTESTED, `${CONTESTED} different holders`);
    check(audited!.n === CONTESTED && queued!.n === CONTESTED, `one election.taskAssigned audit row (${audited!.n}) and one queued invitation (${queued!.n}) per contested slot`);
    say(failures.length ? `CORRECTNESS FAILED (${failures.length}); the data folder is kept: ${dataDir} (platform log: ${logFile})` : 'correctness: all checks passed');
    keepData = failures.length > 0;
    many.destroy();
    agent.destroy();
    baseAgent.destroy();
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
