// `npm run bench:votes [-- N [connections]] [--cluster] [--api-processes K] [--profile DIR]`: a burst of votes for one petition on the real stack, against a bare
// Express baseline on the same machine, with a correctness check. N voters (20,000), 50 connections.
//
// In a throwaway data folder it starts the embedded PostgreSQL and the Temporal CLI dev server, provisions a tenant,
// publishes a version of its petition flow whose voting rules let synthetic personal numbers vote (residentsOnly 0:
// the registry simulator knows only a few people, so each voter's one registry lookup per session is left out; the
// age rule stays), opens a petition through the module's commands, and makes N (20,000) citizens' e-ID sessions
// through the real login code (user row with the sealed personal number, session, `session.loggedIn` audit row),
// straight in the database rather than through SAML. The platform runs as in production (engine/platform.ts): the
// API role in this process (startPlatform; its log, level warn — every 409 is a line — to a file in the data
// folder), the worker role (Temporal worker, flow outbox dispatcher) in a process of its own (engine/role.ts).
// With `--cluster` the stack is the production topology instead (scripts/bench-cluster.ts): a Temporal server on
// the embedded PostgreSQL and two worker processes; the API still runs here. `--profile DIR` writes a CPU profile
// of this process (the API) during the burst (scripts/bench-profile.ts).
//
// The load is another process (scripts/bench-votes-load.ts, autocannon): 50 connections send POST
// /api/petitions/:id/vote with a small JSON body, each voter once plus 10% repeats of sessions that voted at
// least min(2,000, max(10 × connections, N/10)) requests earlier (a second tab, a reload), each with its voter's cookie and
// CSRF token. First a short warm-up on a second petition with other voters. Then the baseline: a bare Express 5
// application (scripts/bench-baseline-server.ts, also its own process) that parses the same body and answers 200,
// driven with the same plan, connections and duration.
//
// It prints accepted votes/s, the p50/p99 latency of both, the ratio to the baseline (vote requests answered per
// second, 201s and 409s, over the baseline's requests per second; the accepted votes' ratio alone beside it), the
// CPU share of PostgreSQL, the platform (this process), the load process and the Temporal dev server, the CPU per
// request of each and PostgreSQL's commits and WAL per vote, and the correctness check:
// the petition's count = the 201s, one row per accepted voter (their keyed hashes recomputed with the petition's
// vote key), no duplicates, every repeat refused with 409 petition.alreadyVoted, no 5xx, no request unanswered.
// It exits non-zero when the check fails; a missed speed target is only printed.
//
// Also the setup the drill (scripts/drill-votes.ts) shares: the stack, the tenant, the relaxed rules, the petition,
// the sessions, CPU readings.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { cpus, setPriority, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import pino from 'pino';
import { QueryTypes, type Sequelize } from 'sequelize';
import type { CommandContext } from '../engine/audit/record';
import { publishFlow, saveFlowDraft } from '../engine/commands/flows';
import { loadConfig, type Config } from '../engine/config';
import { createSequelize, Database } from '../engine/db/database';
import { createDatabaseIfMissing, prepareDatabase } from '../engine/db/prepare';
import { startEmbeddedPostgres, type RunningPostgres } from '../engine/dev/embedded-postgres';
import { startTemporalDevServer } from '../engine/dev/temporal-dev-server';
import { ensureTemporalCli } from '../engine/dev/tools';
import type { Identity } from '../engine/identity';
import { completeLogin } from '../engine/identity/login';
import { csrfTokenFor } from '../engine/identity/sessions';
import { cookieName } from '../engine/http/session-cookie';
import { confirmPetitionEmail } from '../engine/modules/petitions/commands/confirm-petition-email';
import { approvePetition } from '../engine/modules/petitions/commands/moderate-petition';
import { proposePetition } from '../engine/modules/petitions/commands/propose-petition';
import type { PetitionDeps } from '../engine/modules/petitions/db';
import { PETITION_FLOW_KEY } from '../engine/modules/petitions/flow-events';
import { openVoteKey, voterHash } from '../engine/modules/petitions/vote-keys';
import { startPlatform } from '../engine/platform';
import { createBenchTenant, startBenchCluster, TENANT_HOST } from './bench-cluster';
import type { LoadPlan, LoadResult } from './bench-votes-load';
import { freePort } from '../engine/dev/free-port';
import { profileDirOf, profiled, wholeNumberFlag, withoutFlag } from './bench-profile';
import { MAX_SYNTHETIC, syntheticCpr } from '../engine/simulators/synthetic-personal-numbers';

// ---------------------------------------------------------------------------------------------------------------
// What the bench and the drill share.

export { TENANT_HOST } from './bench-cluster';
/** The small JSON body every vote request carries (the vote route reads none; the baseline parses the same). */
export const VOTE_BODY = JSON.stringify({ source: 'bench' });
/** cpr(i) is unique for i below this. */
export const MAX_VOTERS = MAX_SYNTHETIC;

/** The i-th synthetic CPR number (engine/simulators/synthetic-personal-numbers.ts). */
export const cpr = syntheticCpr;

/** utime + stime of one process, in seconds (clock ticks of 1/100 s); with `children`, also its waited-for children's. */
export function cpuSeconds(pid: number, children = false): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    const own = Number(fields[11]) + Number(fields[12]);
    return (children ? own + Number(fields[13]) + Number(fields[14]) : own) / 100;
  } catch {
    return 0; // gone
  }
}

/** Every live process's parent, from /proc. */
export function parentPids(): Map<number, number> {
  const parentOf = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      parentOf.set(Number(entry), Number(readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]));
    } catch {
      // exited meanwhile
    }
  }
  return parentOf;
}

/** A process and all its live descendants (a role process spawned through tsx is a node under a node). */
function processTree(root: number): number[] {
  const parentOf = parentPids();
  const inTree = (pid: number): boolean => {
    for (let p: number | undefined = pid; p !== undefined && p > 1; p = parentOf.get(p)) if (p === root) return true;
    return false;
  };
  return [...parentOf.keys()].filter(inTree);
}

/** CPU seconds of a process and all its live descendants. */
export function treeCpuSeconds(root: number): number {
  return processTree(root).reduce((sum, pid) => sum + cpuSeconds(pid), 0);
}

/**
 * Gives every thread of these processes and their descendants the lowest CPU priority (nice 19); answers how many
 * threads. Per thread, because Linux keeps a nice value per thread (renice of a pid alone leaves a Go server's and
 * Node's other threads as they were); threads started later inherit it from the thread that starts them.
 */
export function lowestPriority(roots: number[]): number {
  const threads = roots.flatMap(processTree).flatMap((pid) => {
    try {
      return readdirSync(`/proc/${pid}/task`).map(Number);
    } catch {
      return []; // exited meanwhile
    }
  });
  for (const tid of threads) {
    try {
      setPriority(tid, 19);
    } catch {
      // exited meanwhile
    }
  }
  return threads.length;
}

/** CPU seconds the whole machine has been busy so far, all cores (every process, this project's or not). */
export function machineBusySeconds(): number {
  const [, user, nice, system, _idle, _iowait, irq, softirq, steal] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).map(Number);
  return (user! + nice! + system! + irq! + softirq! + (steal ?? 0)) / 100;
}

/**
 * CPU seconds of the PostgreSQL server so far: the postmaster (with the backends that have exited, which it
 * waited for) and every live backend. Differences of two readings are the server's CPU between them.
 */
export function postgresCpuSeconds(databaseDir: string): number {
  const postmaster = Number(readFileSync(join(databaseDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  let total = cpuSeconds(postmaster, true);
  for (const [pid, parent] of parentPids()) if (parent === postmaster) total += cpuSeconds(pid);
  return total;
}

export interface Stack {
  config: Config;
  dataDir: string;
  pg: RunningPostgres;
  ownerUrl: string;
  appUrl: string;
  temporalAddress: string;
  temporalPid?: number;
  owner: Sequelize;
  tenantId: string;
  admin: CommandContext;
  /** The stack runs its own worker processes (the cluster), so the bench starts none. */
  workersApart?: boolean;
  /** The secret its workers sign delivery-receipt callbacks with, when they were started by the stack. */
  callbackSecret?: string;
  stop(): Promise<void>;
}

const benchAdmin = (tenantId: string): CommandContext => ({ tenantId, actor: { kind: 'user', tenantId, id: 'bench-votes', displayName: 'Bench', roles: ['administrator'] } });

/** `--cluster`: the production topology (scripts/bench-cluster.ts) with the same tenant; its two workers run the flows. */
export async function startClusterStack(say: (line: string) => void): Promise<Stack> {
  const c = await startBenchCluster(say);
  const owner = createSequelize(c.stack.ownerUrl);
  return {
    config: c.config,
    dataDir: c.dataDir,
    pg: c.stack.postgres!,
    ownerUrl: c.stack.ownerUrl,
    appUrl: c.stack.appUrl,
    temporalAddress: c.stack.temporal.address,
    temporalPid: c.stack.temporal.pid,
    owner,
    tenantId: c.tenantId,
    admin: benchAdmin(c.tenantId),
    workersApart: true,
    callbackSecret: c.stack.env.CHANNEL_CALLBACK_SECRET!,
    stop: async () => {
      await owner.close().catch(() => undefined);
      await c.stop();
    },
  };
}

/** PostgreSQL and Temporal in a throwaway folder, migrated, with one provisioned DK tenant at votes.localhost. */
export async function startStack(say: (line: string) => void): Promise<Stack> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tingvalla-votes-'));
  chmodSync(dataDir, 0o755); // as root, PostgreSQL runs as the postgres user, who must reach its folder
  // Only what this run sets: no DATABASE_URL, TEMPORAL_ADDRESS, REGISTRY_URL or SMTP_URL from the caller's shell.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !['DATABASE_URL', 'DATABASE_APP_URL', 'TEMPORAL_ADDRESS', 'REGISTRY_URL', 'SMTP_URL', 'PORT'].includes(k)));
  const config = loadConfig({ ...env, NODE_ENV: 'development', DATA_DIR: dataDir, LOG_LEVEL: 'warn', DEV_SMTP_PORT: '0', TEST_IDP: 'off' });
  const pg = await startEmbeddedPostgres({ dataDir, port: await freePort(), log: () => undefined });
  const cli = await ensureTemporalCli(config.TOOLS_CACHE_DIR, say);
  let temporal: Awaited<ReturnType<typeof startTemporalDevServer>> | undefined;
  try {
    await createDatabaseIfMissing(pg.ownerUrl('postgres'), 'tingvalla');
    temporal = await startTemporalDevServer({ cli, namespace: config.TEMPORAL_NAMESPACE, port: await freePort(), uiPort: await freePort(), dbFile: join(dataDir, 'temporal.sqlite') });
    const ownerUrl = pg.ownerUrl('tingvalla');
    const appUrl = await prepareDatabase({ ownerUrl, appPassword: config.DATABASE_APP_PASSWORD });
    const owner = createSequelize(ownerUrl);
    const tenantId = await createBenchTenant(owner, appUrl);
    const started = temporal;
    return {
      config,
      dataDir,
      pg,
      ownerUrl,
      appUrl,
      temporalAddress: started.address,
      ...(started.pid ? { temporalPid: started.pid } : {}),
      owner,
      tenantId,
      admin: benchAdmin(tenantId),
      stop: async () => {
        await owner.close().catch(() => undefined);
        await started.stop();
        await pg.stop();
      },
    };
  } catch (err) {
    await temporal?.stop();
    await pg.stop();
    throw err;
  }
}

/**
 * Publishes a new version of the tenant's petition flow whose voting rules admit synthetic voters: residentsOnly
 * 0 (the registry simulator has only a handful of people). Petitions proposed from now on run it.
 */
export async function admitSyntheticVoters(db: Database, admin: CommandContext): Promise<number> {
  const [flow] = await db.withTenant(admin.tenantId, (tx) =>
    db.sequelize.query<{ id: string; draft: { parameters: { properties: Record<string, { default: number }> } } }>('SELECT id, draft FROM flow_definitions WHERE key = $1', {
      bind: [PETITION_FLOW_KEY],
      type: QueryTypes.SELECT,
      transaction: tx,
    }),
  );
  if (!flow) throw new Error('the tenant has no petition flow');
  flow.draft.parameters.properties.residentsOnly!.default = 0;
  const { problems } = await saveFlowDraft(db, admin, flow.id, flow.draft);
  if (problems.length) throw new Error(`the petition flow cannot be published: ${JSON.stringify(problems)}`);
  return (await publishFlow(db, admin, flow.id)).version;
}

/** A petition proposed, its e-mail confirmed and approved, through the module's commands: open for votes. */
export async function openPetition(deps: PetitionDeps, admin: CommandContext, title: string): Promise<string> {
  const anonymous: CommandContext = { tenantId: admin.tenantId, actor: { kind: 'anonymous', tenantId: admin.tenantId } };
  const proposed = await proposePetition(deps, anonymous, {
    answers: {
      title,
      proposal: 'Kommunen opstiller ti nye bænke langs stierne i byparken, så ældre kan hvile sig.',
      background: 'Der er langt mellem bænkene i dag.',
      proposerName: 'Karen Madsen',
      proposerEmail: `karen-${randomBytes(4).toString('hex')}@example.dk`,
    },
  });
  await confirmPetitionEmail(deps, anonymous, proposed.confirmToken);
  await approvePetition(deps, admin, proposed.id);
  return proposed.id;
}

export interface VoterSession {
  /** Index into cpr(). */
  voter: number;
  cookie: string;
  csrf: string;
}

/**
 * Citizens logged in on the public site with e-ID (substantial), made by the real login code in transactions of
 * `batch` logins (the audit chain orders every login of a tenant anyway).
 */
/** The headers that make a request one voter's (or citizen's): the session cookie and its CSRF token. */
export const sessionHeaders = (s: VoterSession) => ({ cookie: s.cookie, 'x-csrf-token': s.csrf });

export async function makeVoterSessions(identity: Pick<Identity, 'db' | 'users' | 'sessions' | 'keyring'>, tenantId: string, voters: number[], progress?: (made: number) => void, batch = 250): Promise<VoterSession[]> {
  const out: VoterSession[] = [];
  for (let start = 0; start < voters.length; start += batch) {
    if (progress && start > 0 && start % 5000 === 0) progress(start);
    const slice = voters.slice(start, start + batch);
    await identity.db.withTenant(tenantId, async (tx) => {
      for (const voter of slice) {
        const started = await completeLogin(identity, tx, {
          tenantId,
          site: 'public',
          now: new Date(),
          login: { identity: { kind: 'citizen', displayName: 'Bænk Borger', assurance: 'substantial', personalNumber: cpr(voter), roles: [] }, issuer: 'bench-votes', nameId: `bench-voter-${voter}`, relayState: null },
        });
        out.push({ voter, cookie: `${cookieName('public')}=${started.token}`, csrf: csrfTokenFor(started.token) });
      }
    });
  }
  return out;
}

/** Per voter: whether the petition has their vote (their keyed hash recomputed with the petition's vote key), and the rows that belong to no voter given. */
export async function votesOf(db: Database, identity: Pick<Identity, 'keyring'>, tenantId: string, petitionId: string, voters: number[]): Promise<{ has: Map<number, boolean>; foreignRows: number; rows: number; distinct: number }> {
  const key = await db.withTenant(tenantId, (tx) => openVoteKey(db, identity.keyring, tx, tenantId, petitionId));
  if (!key) throw new Error('the petition has no vote key (closed?)');
  const rows = await db.withTenant(tenantId, (tx) => db.sequelize.query<{ voter_hash: string }>('SELECT voter_hash FROM petition_votes WHERE petition_id = $1', { bind: [petitionId], type: QueryTypes.SELECT, transaction: tx }));
  const inTable = new Set(rows.map((r) => r.voter_hash));
  const has = new Map<number, boolean>();
  const expected = new Set<string>();
  for (const v of voters) {
    const h = voterHash(key, cpr(v));
    expected.add(h);
    has.set(v, inTable.has(h));
  }
  return { has, foreignRows: [...inTable].filter((h) => !expected.has(h)).length, rows: rows.length, distinct: inTable.size };
}

/** The database's commits and the cluster's WAL so far (differences of two readings: what happened between them). */
export async function postgresStats(owner: Sequelize): Promise<{ commits: number; walBytes: number; walFpi: number }> {
  const [row] = await owner.query<{ commits: string; wal_bytes: string; wal_fpi: string }>(
    'SELECT (SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()) AS commits, wal_bytes, wal_fpi FROM pg_stat_wal',
    { type: QueryTypes.SELECT },
  );
  return { commits: Number(row!.commits), walBytes: Number(row!.wal_bytes), walFpi: Number(row!.wal_fpi) };
}

/** The petition's count: the sum of its counter shards (what the API shows). */
export async function petitionCount(owner: Sequelize, petitionId: string): Promise<number> {
  const [row] = await owner.query<{ n: number }>('SELECT coalesce(sum(votes), 0)::integer AS n FROM petition_vote_counts WHERE petition_id = $1', { bind: [petitionId], type: QueryTypes.SELECT });
  return row!.n;
}

/** `node --import tsx <script> …args` as a child process, with the environment given; its stderr to ours or to a file descriptor. */
export function spawnTs(script: string, args: string[], env: NodeJS.ProcessEnv = process.env, stderr: 'inherit' | number = 'inherit'): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', join(__dirname, script), ...args], { env, stdio: ['ignore', 'pipe', stderr] });
}

type StackUrls = Pick<Stack, 'dataDir' | 'ownerUrl' | 'appUrl' | 'temporalAddress'>;

/**
 * A role of the production topology (engine/role.ts) as a child process for this stack: the same data folder (so
 * the same development keys), database, Temporal and callback secret, and only what is set here (no DATABASE_URL,
 * TEMPORAL_ADDRESS, REGISTRY_URL, SMTP_URL or PORT from the caller's shell). Resolves with the match once its
 * stdout matches `ready`; `stop` ends it with SIGTERM (a worker drains its tasks, an api primary stops its processes).
 */
async function startRoleProcess(stack: StackUrls, role: 'api' | 'worker', env: Record<string, string>, ready: RegExp): Promise<{ child: ChildProcess; ready: RegExpExecArray; stop(): Promise<void> }> {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !['DATABASE_URL', 'DATABASE_APP_URL', 'TEMPORAL_ADDRESS', 'REGISTRY_URL', 'SMTP_URL', 'PORT'].includes(k)));
  const child = spawnTs('../engine/role.ts', [role], {
    ...inherited,
    NODE_ENV: 'development',
    DATA_DIR: stack.dataDir,
    LOG_LEVEL: 'warn',
    DEV_SMTP_PORT: '0',
    TEST_IDP: 'off',
    DATABASE_URL: stack.ownerUrl,
    DATABASE_APP_URL: stack.appUrl,
    TEMPORAL_ADDRESS: stack.temporalAddress,
    ...env,
  });
  const matched = await new Promise<RegExpExecArray>((resolve, reject) => {
    let buffered = '';
    const timer = setTimeout(() => reject(new Error(`the ${role} process did not start within 120 s`)), 120_000);
    const onData = (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const m = ready.exec(buffered);
      if (m) {
        clearTimeout(timer);
        child.stdout!.off('data', onData);
        child.stdout!.resume();
        resolve(m);
      }
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the ${role} process exited with ${code} before it was ready`));
    });
  });
  return {
    child,
    ready: matched,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/**
 * A worker process of the production topology (engine/role.ts worker) for a stack whose API runs in this process;
 * receipts go to the API at `apiOrigin`.
 */
export async function startWorkerProcess(stack: StackUrls, opts: { callbackSecret: string; apiOrigin: string }): Promise<{ child: ChildProcess; stop(): Promise<void> }> {
  return startRoleProcess(stack, 'worker', { PORT: String(await freePort()), CHANNEL_CALLBACK_SECRET: opts.callbackSecret, PUBLIC_CALLBACK_ORIGIN: opts.apiOrigin }, /ready on port/);
}

/**
 * `--api-processes N`: the API as `npm run start:api` with API_PROCESSES=N (engine/api-cluster.ts) — a primary and
 * N api processes on one port. The load goes there; the set-up still uses this process's platform.
 */
export async function startApiProcesses(stack: StackUrls, opts: { processes: number; callbackSecret: string }): Promise<{ port: number; pids: number[]; cpuSeconds(): number; stop(): Promise<void> }> {
  const port = await freePort();
  const env = { PORT: String(port), API_PROCESSES: String(opts.processes), CHANNEL_CALLBACK_SECRET: opts.callbackSecret };
  const { child, ready, stop } = await startRoleProcess(stack, 'api', env, /ready on port \d+ \(\d+ api processes, pids ([\d ]+)\)/);
  const pids = ready[1]!.split(' ').map(Number);
  // The primary only hands out connections; the api processes do the work. Both are counted.
  return { port, pids, cpuSeconds: () => cpuSeconds(child.pid!) + pids.reduce((sum, pid) => sum + cpuSeconds(pid), 0), stop };
}

/** The first stdout line of a child that is JSON, once it comes (the child keeps running). */
export function firstJsonLine<T>(child: ChildProcess, what: string, timeoutMs = 300_000): Promise<T> {
  return new Promise((resolve, reject) => {
    let buffered = '';
    const timer = setTimeout(() => reject(new Error(`${what} did not start within ${timeoutMs / 1000} s`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      for (let nl = buffered.indexOf('\n'); nl >= 0; nl = buffered.indexOf('\n')) {
        const line = buffered.slice(0, nl).trim();
        buffered = buffered.slice(nl + 1);
        if (line.startsWith('{')) {
          clearTimeout(timer);
          child.stdout!.off('data', onData);
          child.stdout!.resume(); // whatever it prints later is dropped
          resolve(JSON.parse(line) as T);
          return;
        }
      }
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${what} exited (${signal ?? code}) before it was ready`));
    });
  });
}

/** Runs the load process on a plan and returns its results. */
export async function runLoad(dataDir: string, name: string, plan: LoadPlan): Promise<LoadResult> {
  const file = join(dataDir, `${name}.plan.json`);
  writeFileSync(file, JSON.stringify(plan));
  const child = spawnTs('bench-votes-load.ts', [file]);
  const chunks: Buffer[] = [];
  child.stdout!.on('data', (c: Buffer) => chunks.push(c));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`the load process (${name}) exited with ${code}`);
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as LoadResult;
}

/** Every voter once, with `repeats` of them again, each repeat at least `gap` requests after the voter's first request. */
export function votePlanOrder(voters: number, repeats: number, gap: number, random: () => number = Math.random): { order: number[]; isRepeat: boolean[] } {
  const total = voters + repeats;
  const slots = new Set<number>();
  while (slots.size < Math.min(repeats, total - gap)) slots.add(gap + Math.floor(random() * (total - gap)));
  const order: number[] = [];
  const isRepeat: boolean[] = [];
  const firstAt: number[] = [];
  let nextNew = 0;
  let eligible = 0; // voters 0 … eligible-1 sent their first request at least `gap` requests ago
  for (let k = 0; k < total; k++) {
    while (eligible < nextNew && firstAt[eligible]! <= k - gap) eligible++;
    if (nextNew < voters && (!slots.has(k) || eligible === 0)) {
      firstAt.push(k);
      order.push(nextNew++);
      isRepeat.push(false);
    } else {
      order.push(Math.floor(random() * Math.max(1, eligible)));
      isRepeat.push(true);
    }
  }
  return { order, isRepeat };
}

/** A request on a keep-alive connection of `agent`; the status and the parsed JSON body (undefined when none). */
export function httpJson(agent: Agent, port: number, host: string, method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<{ status: number; json: unknown }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method, path, agent, headers: { host, ...(body !== undefined ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) } : {}), ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: unknown;
        try {
          json = text ? JSON.parse(text) : undefined;
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, json });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** `--api-processes N` (default 1: the API in the benchmark's own process). */
const apiProcessesOf = (args: readonly string[]): number => wholeNumberFlag(args, '--api-processes', 1, { min: 1, max: 16 }, '--api-processes needs a number of api processes, 1 to 16');

/**
 * The options bench:votes and bench:signup share — `--profile DIR` and `--api-processes K`, which do not go together
 * (the profile samples this process, which then serves none of the load) — and the positional arguments left.
 */
export function httpBenchArgs(args: readonly string[]): { profileDir: string | undefined; apiProcesses: number; positional: string[] } {
  const profileDir = profileDirOf(args);
  const apiProcesses = apiProcessesOf(args);
  if (profileDir && apiProcesses > 1) throw new Error('--profile samples this process, which with --api-processes serves none of the load');
  const positional = withoutFlag(withoutFlag(args, '--profile'), '--api-processes');
  return { profileDir, apiProcesses, positional };
}

// ---------------------------------------------------------------------------------------------------------------
// The bench.

const say = (line: string) => console.log(`[bench:votes] ${line}`);
const ms = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(1));

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const cluster = args.includes('--cluster');
  const { profileDir, apiProcesses, positional } = httpBenchArgs(args);
  const [nArg, connectionsArg] = positional.filter((a) => !a.startsWith('--'));
  const N = Number(nArg ?? 20_000);
  const connections = Number(connectionsArg ?? 50);
  if (!Number.isInteger(N) || N < 100) throw new Error('N: a whole number of voters, at least 100');
  const warmupVoters = Math.min(1000, Math.max(200, Math.floor(N / 20)));
  if (N + warmupVoters > MAX_VOTERS) throw new Error(`at most ${MAX_VOTERS - warmupVoters} voters (the synthetic personal numbers run out)`);
  const repeats = Math.round(N * 0.1);
  const failures: string[] = [];
  const check = (ok: boolean, line: string) => {
    say(`${ok ? 'ok  ' : 'FAIL'} ${line}`);
    if (!ok) failures.push(line);
  };

  say(cluster ? 'starting the production topology (a Temporal server on PostgreSQL, two workers) in a throwaway folder…' : 'starting PostgreSQL and the Temporal dev server in a throwaway folder…');
  const stack = cluster ? await startClusterStack(say) : await startStack(say);
  let baseline: ChildProcess | undefined;
  let worker: { stop(): Promise<void> } | undefined;
  let apiCluster: Awaited<ReturnType<typeof startApiProcesses>> | undefined;
  let keepData = false;
  try {
    const { config, tenantId, owner } = stack;
    const logFile = join(stack.dataDir, 'platform.log');
    Runtime.install({ logger: new DefaultLogger('WARN') }); // the worker's own log: warnings only
    // The production topology (engine/platform.ts): the API in this process, the worker in a process of its own.
    const callbackSecret = stack.callbackSecret ?? randomBytes(32).toString('base64url');
    const platform = await startPlatform({
      role: 'api',
      config: { ...config, CHANNEL_CALLBACK_SECRET: callbackSecret },
      appUrl: stack.appUrl,
      temporalAddress: stack.temporalAddress,
      tenantIds: [tenantId],
      port: 0,
      logger: pino({ level: config.LOG_LEVEL }, pino.destination({ dest: logFile, sync: false })),
    });
    const deps: PetitionDeps = { db: platform.db, keyring: platform.identity.keyring };
    const version = await admitSyntheticVoters(platform.db, stack.admin);
    say(`petition flow version ${version} published for this tenant with residentsOnly = 0: the synthetic voters are not residents per the registry simulator, so no registry lookup is made (the rest of the rules — substantial e-ID, age ≥ 15 — apply as built in)`);
    const petitionId = await openPetition(deps, stack.admin, 'Flere bænke i byparken');
    const warmupPetitionId = await openPetition(deps, stack.admin, 'Opvarmning: en anden sag');

    let t = Date.now();
    const voters = await makeVoterSessions(platform.identity, tenantId, [...Array(N).keys()], (made) => say(`  ${made} sessions…`));
    const warmers = await makeVoterSessions(platform.identity, tenantId, Array.from({ length: warmupVoters }, (_, i) => N + i));
    const loginSeconds = (Date.now() - t) / 1000;
    say(`${N + warmupVoters} citizen e-ID sessions made through the login code (user, session, audit row) in ${loginSeconds.toFixed(1)} s (${((N + warmupVoters) / loginSeconds).toFixed(0)}/s), ${warmupVoters} of them for the warm-up on a second petition`);

    const callbackOrigin = `http://127.0.0.1:${platform.port}`;
    if (apiProcesses > 1) {
      apiCluster = await startApiProcesses(stack, { processes: apiProcesses, callbackSecret });
      say(`the API runs as ${apiProcesses} api processes on one port (npm run start:api with API_PROCESSES=${apiProcesses}: pids ${apiCluster.pids.join(', ')}); this process only sets up and checks`);
    }
    const apiPort = apiCluster?.port ?? platform.port;
    const origin = `http://127.0.0.1:${apiPort}`;
    if (stack.workersApart) say('the API runs in this process, the flows on the cluster\'s two worker processes');
    else {
      worker = await startWorkerProcess(stack, { callbackSecret, apiOrigin: callbackOrigin });
      say('the API runs in this process, the worker in a process of its own (engine/role.ts worker)');
    }
    const common = { host: `${TENANT_HOST}:${apiPort}`, 'content-type': 'application/json', accept: 'application/json' };

    // Warm-up: other voters on another petition (JIT, pool connections, caches of the petition-independent parts).
    const warm = await runLoad(stack.dataDir, 'warmup', { url: `${origin}/api/petitions/${warmupPetitionId}/vote`, method: 'POST', body: VOTE_BODY, headers: common, perRequest: warmers.map(sessionHeaders), connections, amount: warmupVoters });
    say(`warm-up: ${warm.answered} votes on the second petition at ${warm.requestsPerSecond.toFixed(0)}/s (${JSON.stringify(warm.statusCounts)})`);

    // The burst.
    const gap = Math.min(2000, Math.max(connections * 10, Math.floor(N / 10)));
    const { order, isRepeat } = votePlanOrder(N, repeats, gap);
    const plan: LoadPlan = { url: `${origin}/api/petitions/${petitionId}/vote`, method: 'POST', body: VOTE_BODY, headers: common, perRequest: order.map((i) => sessionHeaders(voters[i]!)), connections, amount: order.length, record: true };
    say(`burst: ${N} voters once + ${repeats} repeats (each ≥ ${gap} requests after the voter's first) = ${order.length} POST /api/petitions/:id/vote over ${connections} connections from the load process…`);
    const pgStats0 = await postgresStats(owner);
    const pg0 = postgresCpuSeconds(stack.pg.databaseDir);
    const temporal0 = stack.temporalPid ? cpuSeconds(stack.temporalPid) : 0;
    const own0 = process.cpuUsage();
    const apiCluster0 = apiCluster?.cpuSeconds() ?? 0;
    t = Date.now();
    const votes = await profiled(profileDir, 'votes', () => runLoad(stack.dataDir, 'votes', plan), say);
    const wall = (Date.now() - t) / 1000;
    const pgCpu = postgresCpuSeconds(stack.pg.databaseDir) - pg0;
    const temporalCpu = stack.temporalPid ? cpuSeconds(stack.temporalPid) - temporal0 : NaN;
    const ownCpu = process.cpuUsage(own0);
    const pgStats1 = await postgresStats(owner);
    const platformCpu = apiCluster ? apiCluster.cpuSeconds() - apiCluster0 : (ownCpu.user + ownCpu.system) / 1e6;

    // The baseline: same plan (same headers and body), connections and duration, against the bare Express app.
    baseline = spawnTs('bench-baseline-server.ts', []);
    const { port: basePort } = await firstJsonLine<{ port: number }>(baseline, 'the baseline server');
    const basePlan: LoadPlan = { ...plan, url: `http://127.0.0.1:${basePort}/api/petitions/${petitionId}/vote`, headers: { ...common, host: `${TENANT_HOST}:${basePort}` }, amount: undefined, record: false };
    await runLoad(stack.dataDir, 'baseline-warmup', { ...basePlan, duration: 2 });
    const baseDuration = Math.max(3, Math.round(votes.seconds));
    const baseCpu0 = cpuSeconds(baseline.pid!);
    const base = await runLoad(stack.dataDir, 'baseline', { ...basePlan, duration: baseDuration });
    const baseCpu = cpuSeconds(baseline.pid!) - baseCpu0;
    baseline.kill('SIGTERM');

    // Figures.
    const accepted = votes.statusCounts['201'] ?? 0;
    const refused409 = votes.statusCounts['409'] ?? 0;
    const acceptedPerSecond = accepted / votes.seconds;
    const ratio = votes.requestsPerSecond / base.requestsPerSecond;
    say('');
    say(`vote route: ${votes.answered} answered in ${votes.seconds.toFixed(2)} s = ${votes.requestsPerSecond.toFixed(0)} requests/s; accepted votes ${acceptedPerSecond.toFixed(0)}/s; latency p50 ${ms(votes.latency.p50)} ms, p90 ${ms(votes.latency.p90)} ms, p99 ${ms(votes.latency.p99)} ms, max ${ms(votes.latency.max)} ms`);
    say(`baseline (bare Express 5 + express.json(), 200, no database; same ${connections} connections, body and headers, ${baseDuration} s): ${base.requestsPerSecond.toFixed(0)} requests/s; latency p50 ${ms(base.latency.p50)} ms, p99 ${ms(base.latency.p99)} ms`);
    say(`ratio to baseline: ${ratio.toFixed(2)} (vote requests/s ÷ baseline requests/s; accepted votes/s alone ÷ baseline: ${(acceptedPerSecond / base.requestsPerSecond).toFixed(2)}) — target ≥ 0.4 (aim 0.6): ${ratio >= 0.6 ? 'met the aim' : ratio >= 0.4 ? 'met' : 'MISSED'}`);
    say(`p99 ${ms(votes.latency.p99)} ms — target ≤ 100 ms: ${votes.latency.p99 <= 100 ? 'met' : 'MISSED'}`);
    const share = (cpu: number, seconds: number) => `${((cpu / seconds) * 100).toFixed(0)}%`;
    say(`CPU during the burst (${wall.toFixed(1)} s wall, share of one core; the machine has ${cpus().length} cores): PostgreSQL ${share(pgCpu, wall)}, API (${apiCluster ? `${apiProcesses} api processes and their primary` : 'this process'}; the worker runs apart) ${share(platformCpu, wall)}, load process ${share(votes.cpuSeconds, votes.seconds)}, Temporal server ${share(temporalCpu, wall)}`);
    say(`CPU during the baseline (${base.seconds.toFixed(1)} s): baseline server ${share(baseCpu, base.seconds)}, load process ${share(base.cpuSeconds, base.seconds)}`);
    const perRequest = (cpu: number, n: number) => ((cpu * 1000) / n).toFixed(2);
    say(`CPU per request: platform ${perRequest(platformCpu, votes.answered)} ms + PostgreSQL ${perRequest(pgCpu, votes.answered)} ms per vote; baseline server ${perRequest(baseCpu, base.answered)} ms per request; load process ${perRequest(votes.cpuSeconds, votes.answered)} ms (votes) and ${perRequest(base.cpuSeconds, base.answered)} ms (baseline) per request`);
    say(`PostgreSQL per vote: ${((pgStats1.commits - pgStats0.commits) / votes.answered).toFixed(2)} commits, ${((pgStats1.walBytes - pgStats0.walBytes) / votes.answered / 1024).toFixed(1)} kB of WAL (${((pgStats1.walFpi - pgStats0.walFpi) / votes.answered).toFixed(2)} full-page images)`);
    say(`load average now: ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')} (other work on the machine skews the figures)`);

    // Correctness.
    say('');
    const statuses = votes.statuses!;
    let originals201 = 0;
    let repeats409 = 0;
    const wrong: string[] = [];
    for (let k = 0; k < order.length; k++) {
      const s = statuses[k]!;
      if (isRepeat[k]) {
        if (s === 409) repeats409++;
        else if (wrong.length < 5) wrong.push(`repeat #${k} (voter ${order[k]}) got ${s}`);
      } else if (s === 201) originals201++;
      else if (wrong.length < 5) wrong.push(`first vote #${k} (voter ${order[k]}) got ${s}`);
    }
    const count = await petitionCount(owner, petitionId);
    const detail = (await httpJson(new Agent(), platform.port, common.host, 'GET', `/api/petitions/${petitionId}`)).json as { votes: number };
    const accounted = await votesOf(platform.db, platform.identity, tenantId, petitionId, [...Array(N).keys()]);
    const voted201 = new Set(order.filter((_, k) => statuses[k] === 201));
    const missing = [...voted201].filter((v) => !accounted.has.get(v)).length;
    const [dups] = await owner.query<{ n: number }>('SELECT count(*)::integer AS n FROM (SELECT voter_hash FROM petition_votes WHERE petition_id = $1 GROUP BY voter_hash HAVING count(*) > 1) d', { bind: [petitionId], type: QueryTypes.SELECT });
    const fivexx = Object.entries(votes.statusCounts).filter(([code]) => code.startsWith('5')).reduce((a, [, n]) => a + n, 0);
    check(count === accepted && detail.votes === accepted, `the petition's count ${count} (the API's detail says ${detail.votes}) equals the accepted votes (201s) ${accepted}`);
    check(accepted === N && originals201 === N, `every voter's first request was accepted: ${originals201} of ${N}`);
    check(refused409 === repeats && repeats409 === repeats, `the repeats were refused with 409 petition.alreadyVoted: ${repeats409} of ${repeats} repeats sent (409s in all: ${refused409})`);
    check(missing === 0 && accounted.rows === accepted && accounted.foreignRows === 0, `each accepted voter has their row (keyed hash recomputed with the petition's vote key): ${accepted - missing} of ${accepted}; rows ${accounted.rows}, rows of no voter of the run ${accounted.foreignRows}`);
    check(dups!.n === 0 && accounted.distinct === accounted.rows, `duplicates in petition_votes: ${dups!.n} (${accounted.distinct} distinct hashes in ${accounted.rows} rows)`);
    check(fivexx === 0 && votes.errors === 0 && votes.timeouts === 0 && votes.answered === order.length, `no 5xx (${fivexx}), no errors (${votes.errors}) or timeouts (${votes.timeouts}); answered ${votes.answered} of ${order.length}`);
    if (wrong.length) say(`  e.g. ${wrong.join('; ')}`);
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

if (require.main === module) {
  main().then(
    () => process.exit(process.exitCode ?? 0),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
