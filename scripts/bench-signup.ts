// `npm run bench:signup [-- N [slots [connections]]] [--api-processes K] [--warmup K] [--profile DIR] [--pause-flows] [--flows-same-priority]`: the public site's sign-up under a rush, on the real stack. N
// (2,000) citizens sign up at once for the S (200) vacant slots of one filtered task link; exactly S must succeed and
// N − S be told 409 election.slotTaken, with no 5xx; p99 ≤ 250 ms. In the same run, the bare Express baseline of the
// petitions benchmark (scripts/bench-baseline-server.ts) is driven with the same number of connections, and the
// ratio of requests per second printed.
//
// In a throwaway data folder it starts the embedded PostgreSQL, the Temporal CLI dev server and the platform in this
// process (bench-votes' startStack). The data, written as the owner where the module's commands would take minutes:
// an election type (age 18, resident), an active election on one day, an area with two polling stations, a task
// type and a team, S vacant slots at the first station and as many at the second; then, through the module's own
// command, a tasks link filtered to the first station. N citizens already participants (registry data written in
// bulk, personal numbers sealed with their keyed hash, as a municipality that imported last election's people
// would have them), each with an e-ID session made by the real login code (bench-votes' makeVoterSessions): the
// sign-up matches them by the hash and asks no registry.
//
// Before the rush, K (1,000) under-18 participants with sessions send the same request and are refused inside a
// batch (not eligible), writing nothing: the process meets the rush warm, as a server that has served its site
// does (the first sign-ups of a fresh process run V8's unoptimised code; `--warmup 0` measures that).
// The load is another process (scripts/bench-votes-load.ts, autocannon): every citizen sends POST
// /api/election/public/signups once, all for the same group, over `connections` (100) connections. Checked after:
// the 201s are S and the 409s N − S, every 409 is election.slotTaken (counted from the statuses and the database),
// each of the S slots is accepted by a distinct participant whose request answered 201, the second station's slots
// are untouched, one election.taskSignedUp audit row and one queued registrationConfirmed message per slot. It exits
// non-zero when a check fails; a missed speed target is only printed.
// `--profile DIR` writes a CPU profile of this process (the API) during the rush (scripts/bench-profile.ts).
// The worker process and the Temporal server run at the lowest CPU priority (nice 19, every thread): in production
// they are on machines of their own, and here they would otherwise take ~0.8 of the two cores from the API during
// the rush (the 200 confirmation flows); they still run beside it, and the checks wait for their flows.
// `--flows-same-priority` leaves them at the API's priority, for comparison.
// `--pause-flows` stops the worker and the Temporal server for the rush (SIGSTOP, SIGCONT after it), so the confirmation
// flows the sign-ups start run afterwards: a diagnostic of what the API does without them on the same cores, printed
// as such; the checks still wait for those flows.
import type { ChildProcess } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import pino from 'pino';
import { QueryTypes, type Sequelize } from 'sequelize';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { PersonalNumbers } from '../engine/identity/personal-numbers';
import { createLink } from '../engine/modules/election/commands/links/create-link';
import { findLink } from '../engine/modules/election/queries/links/list-links';
import { startPlatform } from '../engine/platform';
import { residentMunicipalityCode } from '../engine/registry/municipality';
import { Agent } from 'node:http';
import { cpr, cpuSeconds, firstJsonLine, httpBenchArgs, httpJson, makeVoterSessions, postgresCpuSeconds, runLoad, machineBusySeconds, sessionHeaders, treeCpuSeconds, lowestPriority, spawnTs, startApiProcesses, startStack, startWorkerProcess, TENANT_HOST, VOTE_BODY, type VoterSession } from './bench-votes';
import { randomBytes } from 'node:crypto';
import type { LoadPlan } from './bench-votes-load';
import { profiled, wholeNumberFlag, withoutFlag } from './bench-profile';
import { signupBatchCounts } from '../engine/modules/election/commands/public/signup-batch';

const DAY = '2030-06-04';
const say = (line: string) => console.log(line);
const ms = (v: number) => v.toFixed(1);

/** What the application's busy database connections are doing (running, or waiting on which lock or I/O), sampled until stopped. */
function sampleWaits(owner: Sequelize): { stop(): Promise<string> } {
  const counts = new Map<string, number>();
  let samples = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const rows = await owner.query<{ what: string; n: number }>(
        `SELECT coalesce(wait_event_type || ':' || wait_event, 'running') AS what, count(*)::integer AS n FROM pg_stat_activity
          WHERE usename = 'tingvalla_app' AND state IN ('active', 'idle in transaction') AND pid <> pg_backend_pid() GROUP BY 1`,
        { type: QueryTypes.SELECT },
      );
      samples++;
      for (const r of rows) counts.set(r.what, (counts.get(r.what) ?? 0) + r.n);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      const top = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 8);
      return `${top.map(([what, n]) => `${what} ${(n / Math.max(1, samples)).toFixed(1)}`).join(', ')} (mean busy connections per sample, ${samples} samples)`;
    },
  };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const pauseFlows = args.includes('--pause-flows');
  const flowsSamePriority = args.includes('--flows-same-priority');
  const { profileDir, apiProcesses, positional: rest } = httpBenchArgs(args);
  // `--warmup K`: how many refused sign-ups warm the process before the rush.
  const W = wholeNumberFlag(rest, '--warmup', 1000, { min: 0 }, '--warmup needs a whole number of sign-ups (0 for none)');
  const positional = withoutFlag(rest, '--warmup');
  const [nArg, sArg, connectionsArg] = positional.filter((a) => !a.startsWith('--'));
  const N = Number(nArg ?? 2000);
  const S = Number(sArg ?? 200);
  const connections = Number(connectionsArg ?? 100);
  if (!Number.isInteger(N) || !Number.isInteger(S) || S < 1 || N <= S) throw new Error('N citizens > S slots ≥ 1');
  const failures: string[] = [];
  const check = (ok: boolean, line: string) => {
    say(`${ok ? 'ok  ' : 'FAIL'} ${line}`);
    if (!ok) failures.push(line);
  };

  say('starting PostgreSQL and the Temporal dev server in a throwaway folder…');
  const stack = await startStack(say);
  let baseline: ChildProcess | undefined;
  let worker: { child: ChildProcess; stop(): Promise<void> } | undefined;
  let apiCluster: Awaited<ReturnType<typeof startApiProcesses>> | undefined;
  let keepData = false;
  try {
    const { config, tenantId, owner } = stack;
    const logFile = join(stack.dataDir, 'platform.log');
    Runtime.install({ logger: new DefaultLogger('WARN') });
    // The production topology (engine/platform.ts): the API in this process, the worker (the flows the
    // sign-ups start, the outbox, the messages) in a process of its own.
    const callbackSecret = randomBytes(32).toString('base64url');
    const platform = await startPlatform({ role: 'api', config: { ...config, CHANNEL_CALLBACK_SECRET: callbackSecret }, appUrl: stack.appUrl, temporalAddress: stack.temporalAddress, tenantIds: [tenantId], port: 0, logger: pino({ level: config.LOG_LEVEL }, pino.destination({ dest: logFile, sync: false })) });
    const deps = { db: platform.db, keyring: platform.identity.keyring };
    const one = async <T extends object>(sql: string, bind: unknown[]) => (await owner.query<T>(sql, { bind, type: QueryTypes.SELECT }))[0]!;

    // The election, its two stations and the slots.
    const type = await one<{ id: string }>("INSERT INTO election_types (tenant_id, name, rules) VALUES ($1, 'Folketingsvalg', $2::jsonb) RETURNING id", [tenantId, JSON.stringify([{ rule: 'age18' }, { rule: 'resident' }])]);
    const election = await one<{ id: string }>("INSERT INTO elections (tenant_id, title, election_type_id, election_day, first_task_date, last_task_date, active) VALUES ($1, 'Folketingsvalg 2030', $2, $3, $3, $3, true) RETURNING id", [tenantId, type.id, DAY]);
    const area = await one<{ id: string }>("INSERT INTO election_areas (tenant_id, name) VALUES ($1, 'Midt') RETURNING id", [tenantId]);
    const places = await owner.query<{ id: string }>("INSERT INTO work_locations (tenant_id, area_id, name, district_number) VALUES ($1, $2, 'Rådhushallen', '1'), ($1, $2, 'Nordskolen', '2') RETURNING id", { bind: [tenantId, area.id], type: QueryTypes.SELECT });
    const [station, other] = [places[0]!.id, places[1]!.id];
    const taskType = await one<{ id: string }>("INSERT INTO task_types (tenant_id, title, short_name, start_time, end_time, payment) VALUES ($1, 'Tilforordnet', 'TF', '07:30', '22:00', 850) RETURNING id", [tenantId]);
    const team = await one<{ id: string }>("INSERT INTO teams (tenant_id, name, short_name) VALUES ($1, 'Frivillige', 'FR') RETURNING id", [tenantId]);
    await owner.query('INSERT INTO election_work_locations (tenant_id, election_id, work_location_id) SELECT $1, $2, unnest($3::uuid[])', { bind: [tenantId, election.id, [station, other]] });
    await owner.query('INSERT INTO task_slots (tenant_id, election_id, work_location_id, task_type_id, team_id, task_date) SELECT $1, $2, w, $4, $5, $6::date FROM unnest($3::uuid[]) w, generate_series(1, $7)', {
      bind: [tenantId, election.id, [station, other], taskType.id, team.id, DAY, S],
    });
    const { id: linkId } = await createLink(deps, stack.admin, election.id, { kind: 'tasks', filters: { workLocationIds: [station] } });
    const token = (await findLink(deps, stack.admin.actor, election.id, linkId)).token;
    say(`election on ${DAY}: ${S} vacant slots at the first station, ${S} at the second; a tasks link filtered to the first`);

    // The citizens: participants already (bulk), each with an e-ID session through the login code.
    let t = Date.now();
    const numbers = new PersonalNumbers(platform.identity.keyring);
    const municipality = residentMunicipalityCode('DK');
    // After the N citizens, the W under-18s of the warm-up (born ten years before the election day).
    for (let start = 0; start < N + W; start += 500) {
      await platform.db.withTenant(tenantId, async (tx) => {
        const rows: unknown[][] = [];
        for (let i = start; i < Math.min(N + W, start + 500); i++) {
          const sealed = await numbers.protect(tx, tenantId, cpr(i));
          rows.push([sealed.ciphertext, sealed.lookupHash, sealed.masked, `Person ${i}`, i < N ? '1980-03-15' : '2020-03-15']);
        }
        await platform.db.sequelize.query(
          `INSERT INTO participants (tenant_id, personal_number_country, personal_number_sealed, personal_number_hash, personal_number_masked, given_name, family_name, birth_date, municipality_code, citizenship, registry_checked_at)
           SELECT $1, 'DK', s, h, m, 'Bænk', f, b, $2, 'DK', now() FROM unnest($3::bytea[], $4::text[], $5::text[], $6::text[], $7::date[]) AS x(s, h, m, f, b)`,
          { bind: [tenantId, municipality, rows.map((r) => r[0]), rows.map((r) => r[1]), rows.map((r) => r[2]), rows.map((r) => r[3]), rows.map((r) => r[4])], transaction: tx },
        );
      });
    }
    const citizens: VoterSession[] = await makeVoterSessions(platform.identity, tenantId, [...Array(N).keys()]);
    const minors: VoterSession[] = W ? await makeVoterSessions(platform.identity, tenantId, [...Array(W).keys()].map((k) => N + k)) : [];
    say(`${N} participants and their e-ID sessions made in ${((Date.now() - t) / 1000).toFixed(1)} s`);

    worker = await startWorkerProcess(stack, { callbackSecret, apiOrigin: `http://127.0.0.1:${platform.port}` });
    // `--api-processes K`: the load goes to K api processes on one port (npm run start:api with API_PROCESSES=K).
    if (apiProcesses > 1) {
      apiCluster = await startApiProcesses(stack, { processes: apiProcesses, callbackSecret });
      say(`the API runs as ${apiProcesses} api processes on one port (API_PROCESSES=${apiProcesses}: pids ${apiCluster.pids.join(', ')}); this process only sets up and checks`);
    }
    const apiPort = apiCluster?.port ?? platform.port;
    const origin = `http://127.0.0.1:${apiPort}`;
    say(apiCluster ? 'the worker runs in a process of its own (engine/role.ts worker)' : 'the API runs in this process, the worker in a process of its own (engine/role.ts worker)');
    const flowProcesses = [worker.child.pid!, ...(stack.temporalPid ? [stack.temporalPid] : [])];
    say(
      flowsSamePriority
        ? 'the worker and the Temporal server run at the API’s CPU priority (--flows-same-priority)'
        : `the worker and the Temporal server run at the lowest CPU priority, as if on machines of their own (${lowestPriority(flowProcesses)} threads at nice 19; --flows-same-priority to compare)`,
    );
    const common = { host: `${TENANT_HOST}:${apiPort}`, 'content-type': 'application/json', accept: 'application/json' };
    const body = JSON.stringify({ linkToken: token, choice: { workLocationId: station, taskTypeId: taskType.id, teamId: team.id, date: DAY }, phone: '+45 20 00 00 00' });
    const plan: LoadPlan = { url: `${origin}/api/election/public/signups`, method: 'POST', body, headers: common, perRequest: citizens.map(sessionHeaders), connections, amount: N, record: true, timeout: 30 };

    // Warm-up: the offer page's API, a few hundred times (JIT, pool connections), nothing written.
    await runLoad(stack.dataDir, 'warmup', { url: `${origin}/api/election/links/${token}`, method: 'GET', headers: common, perRequest: [{}], connections: 10, amount: 300 });

    // Warm-up: the sign-up itself, W times, by under-18s, each refused inside a batch after the persons are
    // locked (election.notEligible), so nothing is written and no slot is taken. A server meets a rush warm, having
    // served its site for hours; a rush on a fresh process measured V8 compiling the path (its batches ~80 ms
    // instead of ~50, the p99 ~100 ms longer). `--warmup 0` measures the cold process.
    if (W) {
      const warm = await runLoad(stack.dataDir, 'warmup-signups', { ...plan, perRequest: minors.map(sessionHeaders), amount: W, connections: Math.min(connections, W) });
      const [vacant] = await owner.query<{ n: number }>("SELECT count(*)::integer AS n FROM task_slots WHERE tenant_id = $1 AND state = 'vacant'", { bind: [tenantId], type: QueryTypes.SELECT });
      check(warm.statusCounts['409'] === W && vacant!.n === 2 * S, `warm-up: ${W} under-18s asked for the same group, all refused (${JSON.stringify(warm.statusCounts)}); every slot still vacant (${vacant!.n} of ${2 * S})`);
    } else say('no warm-up of the sign-up (--warmup 0): the rush meets a cold process');
    say(`rush: ${N} citizens POST /api/election/public/signups for the same group of ${S} slots over ${connections} connections from the load process…`);
    const pg0 = postgresCpuSeconds(stack.pg.databaseDir);
    const own0 = process.cpuUsage();
    const apiCluster0 = apiCluster?.cpuSeconds() ?? 0;
    const temporal0 = stack.temporalPid ? cpuSeconds(stack.temporalPid) : 0;
    const worker0 = treeCpuSeconds(worker!.child.pid!);
    const machine0 = machineBusySeconds();
    const waits = sampleWaits(stack.owner);
    const loopDelay = monitorEventLoopDelay({ resolution: 10 });
    loopDelay.enable();
    t = Date.now();
    const batches0 = signupBatchCounts(platform.db);
    // `--pause-flows` (a diagnostic, not the figure to quote): the worker and the Temporal server stopped for the
    // rush, so the flows its sign-ups start run after it — what the API can do without them on the same two cores.
    if (pauseFlows) flowProcesses.forEach((pid) => process.kill(pid, 'SIGSTOP'));
    const rush = await profiled(profileDir, 'signups', () => runLoad(stack.dataDir, 'signups', plan), say).finally(() => {
      if (pauseFlows) flowProcesses.forEach((pid) => process.kill(pid, 'SIGCONT'));
    });
    const wall = (Date.now() - t) / 1000;
    loopDelay.disable();
    const waited = await waits.stop();
    const pgCpu = postgresCpuSeconds(stack.pg.databaseDir) - pg0;
    const ownCpu = process.cpuUsage(own0);
    const apiCpu = apiCluster ? apiCluster.cpuSeconds() - apiCluster0 : (ownCpu.user + ownCpu.system) / 1e6;
    const temporalCpu = stack.temporalPid ? cpuSeconds(stack.temporalPid) - temporal0 : NaN;
    const workerCpu = treeCpuSeconds(worker!.child.pid!) - worker0;
    const machineCpu = machineBusySeconds() - machine0;

    // The baseline: the petitions benchmark's bare Express server, same connections, for as long as the rush took (≥ 3 s).
    baseline = spawnTs('bench-baseline-server.ts', []);
    const { port: basePort } = await firstJsonLine<{ port: number }>(baseline, 'the baseline server');
    const basePlan: LoadPlan = { url: `http://127.0.0.1:${basePort}/api/petitions/bench/vote`, method: 'POST', body: VOTE_BODY, headers: { ...common, host: `${TENANT_HOST}:${basePort}` }, perRequest: [{}], connections };
    await runLoad(stack.dataDir, 'baseline-warmup', { ...basePlan, duration: 2 });
    const base = await runLoad(stack.dataDir, 'baseline', { ...basePlan, duration: Math.max(3, Math.round(rush.seconds)) });
    baseline.kill('SIGTERM');

    const ok201 = rush.statusCounts['201'] ?? 0;
    const taken409 = rush.statusCounts['409'] ?? 0;
    const fivexx = Object.entries(rush.statusCounts)
      .filter(([code]) => code.startsWith('5'))
      .reduce((a, [, n]) => a + n, 0);
    say('');
    say(`sign-up route: ${rush.answered} answered in ${rush.seconds.toFixed(2)} s = ${rush.requestsPerSecond.toFixed(0)} requests/s (${JSON.stringify(rush.statusCounts)}); latency p50 ${ms(rush.latency.p50)} ms, p90 ${ms(rush.latency.p90)} ms, p99 ${ms(rush.latency.p99)} ms, max ${ms(rush.latency.max)} ms`);
    say(`  by answer: ${Object.entries(rush.latencyByStatus).map(([status, l]) => `${status} (${l.count}) p50 ${ms(l.p50)} ms, p99 ${ms(l.p99)} ms, max ${ms(l.max)} ms`).join('; ')}`);
    say(`baseline (bare Express 5 + express.json(), the petitions benchmark's, no database; ${connections} connections): ${base.requestsPerSecond.toFixed(0)} requests/s; p50 ${ms(base.latency.p50)} ms, p99 ${ms(base.latency.p99)} ms`);
    say(`ratio to baseline: ${(rush.requestsPerSecond / base.requestsPerSecond).toFixed(3)} (sign-up requests/s ÷ baseline requests/s)`);
    say(`p99 ${ms(rush.latency.p99)} ms — target ≤ 250 ms: ${rush.latency.p99 <= 250 ? 'met' : 'MISSED'}`);
    say(`where PostgreSQL's busy backends were, sampled every 10 ms during the rush: ${waited}`);
    if (!apiCluster) say(`the platform's event loop delay during the rush: p50 ${ms(loopDelay.percentile(50) / 1e6)} ms, p99 ${ms(loopDelay.percentile(99) / 1e6)} ms, max ${ms(loopDelay.max / 1e6)} ms`);
    say(`CPU during the rush (${wall.toFixed(1)} s wall, share of one core; ${cpus().length} cores): PostgreSQL ${((pgCpu / wall) * 100).toFixed(0)}%, API (${apiCluster ? `${apiProcesses} api processes and their primary` : 'this process'}) ${((apiCpu / wall) * 100).toFixed(0)}%, load process ${((rush.cpuSeconds / rush.seconds) * 100).toFixed(0)}%, Temporal server ${((temporalCpu / wall) * 100).toFixed(0)}%, worker ${((workerCpu / wall) * 100).toFixed(0)}%; the whole machine ${((machineCpu / wall) * 100).toFixed(0)}% of ${cpus().length * 100}%`);
    const batches = signupBatchCounts(platform.db);
    const [batchCount, batchItems, batchMs] = [batches.batches - batches0.batches, batches.items - batches0.items, batches.ms - batches0.ms];
    say(`sign-up batches (group commit): ${batchCount} carried ${batchItems} sign-ups, out ${ms(batchCount ? batchMs / batchCount : 0)} ms each on average (those after the group sold out answer from memory in well under 1 ms)`);
    if (pauseFlows) say('--pause-flows: the worker and the Temporal server were stopped during the rush (a diagnostic: not the figure to quote)');

    // Correctness.
    say('');
    const statuses = rush.statuses!;
    const winners = new Set(citizens.filter((_, k) => statuses[k] === 201).map((c) => c.voter));
    const held = await owner.query<{ id: string; participant_id: string; hash: string; state: string }>(
      "SELECT s.id, s.participant_id, p.personal_number_hash AS hash, s.state FROM task_slots s JOIN participants p ON p.id = s.participant_id WHERE s.tenant_id = $1 AND s.work_location_id = $2 AND s.state <> 'vacant'",
      { bind: [tenantId, station], type: QueryTypes.SELECT },
    );
    const winnerHashes = await platform.db.withTenant(tenantId, async (tx) => new Set(await Promise.all([...winners].map((i) => numbers.lookupHash(tx, tenantId, cpr(i))))));
    const [untouched] = await owner.query<{ n: number }>("SELECT count(*)::integer AS n FROM task_slots WHERE tenant_id = $1 AND work_location_id = $2 AND state = 'vacant'", { bind: [tenantId, other], type: QueryTypes.SELECT });
    const [audits] = await owner.query<{ n: number }>("SELECT count(*)::integer AS n FROM audit_log WHERE tenant_id = $1 AND action = 'election.taskSignedUp'", { bind: [tenantId], type: QueryTypes.SELECT });
    const [messages] = await owner.query<{ n: number }>("SELECT count(*)::integer AS n FROM participant_messages WHERE tenant_id = $1 AND event = 'registrationConfirmed'", { bind: [tenantId], type: QueryTypes.SELECT });
    // What a citizen who lost is told: one of them asks again.
    const loser = citizens.find((_, k) => statuses[k] === 409);
    const again = loser ? await httpJson(new Agent(), platform.port, common.host, 'POST', '/api/election/public/signups', { ...common, cookie: loser.cookie, 'x-csrf-token': loser.csrf }, body) : undefined;
    const code = (again?.json as { errors?: { code?: string }[] } | undefined)?.errors?.[0]?.code;
    check(ok201 === S, `exactly ${S} sign-ups succeeded: ${ok201}`);
    check(code === 'election.slotTaken', `a citizen who lost, asking again, is told ${again?.status} ${code} (the task was just taken)`);
    check(taken409 === N - S, `the other ${N - S} were told 409 (election.slotTaken): ${taken409}`);
    check(fivexx === 0 && rush.errors === 0 && rush.timeouts === 0 && rush.answered === N, `no 5xx (${fivexx}), errors (${rush.errors}) or timeouts (${rush.timeouts}); answered ${rush.answered} of ${N}`);
    check(held.length === S && held.every((h) => h.state === 'accepted') && new Set(held.map((h) => h.participant_id)).size === S, `the first station's ${S} slots are accepted by ${new Set(held.map((h) => h.participant_id)).size} distinct participants (${held.length} held)`);
    check(held.every((h) => winnerHashes.has(h.hash)), 'each holder is a citizen whose request answered 201');
    check(untouched!.n === S, `the second station's slots, which the link does not offer, are all vacant: ${untouched!.n} of ${S}`);
    check(audits!.n === S && messages!.n === S, `one election.taskSignedUp audit row (${audits!.n}) and one registrationConfirmed message (${messages!.n}) per slot`);
    // The worker process ran the flows the sign-ups started: each slot's invitation flow took the sign-up as
    // accepted (its first status, set by its rule for a direct registration) — the election has no message
    // templates, so the confirmation itself stays queued.
    const deadline = Date.now() + 180_000;
    let accepted = 0;
    while (Date.now() < deadline) {
      const [row] = await owner.query<{ n: number }>("SELECT count(*)::integer AS n FROM flow_instances WHERE tenant_id = $1 AND status = 'accepted'", { bind: [tenantId], type: QueryTypes.SELECT });
      accepted = row!.n;
      if (accepted >= S) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    check(accepted === S, `the worker process ran the ${S} invitation flows the sign-ups started (${accepted} at status accepted)`);
    say(failures.length ? `CORRECTNESS FAILED (${failures.length}); the data folder is kept: ${stack.dataDir} (platform log: ${logFile})` : 'correctness: all checks passed');
    keepData = failures.length > 0;
    await platform.stop();
  } finally {
    if (baseline && baseline.exitCode === null) baseline.kill('SIGTERM');
    await worker?.stop();
    await apiCluster?.stop();
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
