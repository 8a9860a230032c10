// The production topology (README, "Running in production") on one machine, on real parts, as a harness that
// scripts drive: `npm run stack:cluster` runs it until Ctrl-C, `npm run drill:faults` kills and restarts its parts
// while flows run. It starts, in this order:
//   PostgreSQL: DATABASE_URL's server, else the embedded one in DATA_DIR (as `npm start` does);
//   a Temporal server v1.29.1 on it (temporal-server.ts): its schema by temporal-sql-tool, the namespace and the
//   platform's search attributes;
//   Tingvalla's migrations, then `seed` (by default the demo tenants, as `npm start`);
//   the role processes (role-process.ts): `workers` workers and `apis` APIs. The APIs listen on PORT, PORT+1, …,
//   the workers (/healthz and /readyz only) on the ports after them: Node 20 has no reusePort, so two processes
//   cannot share one.
// Everything else comes from the Config: DATA_DIR (the roles share it, so the same development keys), EMBEDDED_PG_PORT,
// TEMPORAL_DEV_PORT (the frontend; the server's other ports follow it), TEMPORAL_NAMESPACE, TOOLS_CACHE_DIR.
//
//   const stack = await startClusterStack({ config, log: console.log });
//   await stack.killRole('worker-1');            // kill -9, as the OOM killer would
//   await stack.startRole('worker-1');           // a supervisor's replacement, same port; resolves once it is ready
//   await stack.restartTemporal();               // SIGTERM (or { signal: 'SIGKILL' }), then started again
//   await stack.restartPostgres({ mode: 'immediate' });  // the embedded one: SIGQUIT (or fast), same data folder
//   await stack.stop();                          // roles (a worker finishes its tasks), Temporal, then PostgreSQL
//
// A caller that must stop on a signal arriving while the stack starts makes it with `new ClusterStack(opts)` and
// calls start() itself: stop() may be called at any time and stops whatever has started so far.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Keyring } from '../crypto/keyring';
import { loadMasterKeys } from '../crypto/master-keys';
import { ConfigError, type Config } from '../config';
import { createSequelize, Database } from '../db/database';
import { createDatabaseIfMissing, prepareDatabase } from '../db/prepare';
import { createLogger } from '../logging/create-logger';
import { MODULES } from '../modules';
import { startCivilRegistry } from '../registry';
import { ensureDemoTenants } from '../tenancy/demo-tenants';
import { startEmbeddedPostgres, type RunningPostgres } from './embedded-postgres';
import { EMBEDDED_DATABASE } from './owner-connection';
import { ensurePortFree, portIsFree } from './port-holder';
import { signalAndWait } from './processes';
import { hasExited, spawnRole, stopRole, signalRole, waitReady, type RoleKind, type RoleProcess } from './role-process';
import { ensureNamespace, ensureTemporalServer, setupTemporalSchema, startTemporalServer, temporalServerPorts, temporalSqlFromUrl, TEMPORAL_SERVER_VERSION, type RunningTemporalServer, type TemporalServerOptions } from './temporal-server';

export interface ClusterStackOptions {
  config: Config;
  /** API processes (default 2). */
  apis?: number;
  /** Worker processes (default 2). */
  workers?: number;
  /** Run once the database is migrated, before the roles start (so the workers see its tenants). Default: the demo tenants. */
  seed?: (db: { ownerUrl: string; appUrl: string }) => Promise<void>;
  /** Added to every role's environment, e.g. SMTP_URL. */
  roleEnv?: NodeJS.ProcessEnv;
  /** The harness's own progress lines. */
  log: (line: string) => void;
  /** Each line a role prints; default `[worker-1] …` on stdout. */
  roleOutput?: (name: string, line: string) => void;
}

/** How long each half of a restart took. */
export interface RestartTiming {
  stopMs: number;
  startMs: number;
}

/** start() was overtaken by stop(). */
export class StackStoppedError extends Error {
  override readonly name = 'StackStoppedError';
}

const NUMBER_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

export class ClusterStack {
  readonly config: Config;
  /** The role processes, each the current one under its name (startRole replaces it). */
  readonly roles: RoleProcess[] = [];
  private readonly layout: { name: string; kind: RoleKind; port: number }[];
  private readonly log: (line: string) => void;
  private readonly roleOutput: (name: string, line: string) => void;
  private pg: RunningPostgres | undefined;
  private server: RunningTemporalServer | undefined;
  private serverOptions: TemporalServerOptions | undefined;
  private urls: { ownerUrl: string; appUrl: string; env: NodeJS.ProcessEnv } | undefined;
  /** Where PostgreSQL runs, in words. */
  private pgWhere = `DATABASE_URL's server`;
  /** Processes whose exit we asked for (the others are reported when they exit). */
  private readonly expectedExits = new WeakSet<object>();
  private started = false;
  private stopping: Promise<void> | undefined;

  constructor(private readonly opts: ClusterStackOptions) {
    this.config = opts.config;
    this.log = opts.log;
    this.roleOutput = opts.roleOutput ?? ((name, line) => console.log(`[${name}] ${line}`));
    const apis = opts.apis ?? 2;
    const workers = opts.workers ?? 2;
    const base = opts.config.PORT;
    this.layout = [
      ...Array.from({ length: workers }, (_, i) => ({ name: `worker-${i + 1}`, kind: 'worker' as const, port: base + apis + i })),
      ...Array.from({ length: apis }, (_, i) => ({ name: `api-${i + 1}`, kind: 'api' as const, port: base + i })),
    ];
  }

  /** The embedded PostgreSQL (absent with DATABASE_URL); a new handle after restartPostgres. */
  get postgres(): RunningPostgres | undefined {
    return this.pg;
  }

  /** The Temporal server; a new handle (new pid) after restartTemporal. */
  get temporal(): RunningTemporalServer {
    if (!this.server) throw new Error('the cluster stack has no Temporal server running');
    return this.server;
  }

  /** The database owner's URL (migrations, cross-tenant reads). */
  get ownerUrl(): string {
    return this.ready().ownerUrl;
  }

  /** The application role's URL (what every request runs as). */
  get appUrl(): string {
    return this.ready().appUrl;
  }

  /** The environment every role process gets (before its PORT). */
  get env(): NodeJS.ProcessEnv {
    return this.ready().env;
  }

  /** The current process of a role, by name (`api-1`, `worker-2`). */
  role(name: string): RoleProcess {
    const r = this.roles.find((x) => x.name === name);
    if (!r) throw new Error(`no role ${name} (there are ${this.layout.map((l) => l.name).join(', ')})`);
    return r;
  }

  async start(): Promise<this> {
    const { config, log } = this;
    if (config.TEMPORAL_ADDRESS) throw new ConfigError(['TEMPORAL_ADDRESS: the cluster stack starts its own Temporal server; unset it (or run the roles yourself: npm run start:api / start:worker)']);
    const last = this.layout.length - 1;
    for (const l of this.layout) await ensurePortFree(l.port, 'a Tingvalla role process', `PORT (the ${NUMBER_WORDS[this.layout.length] ?? this.layout.length} roles take PORT..PORT+${last})`);

    // 1. PostgreSQL.
    let ownerUrl = config.DATABASE_URL;
    if (!ownerUrl) {
      const t0 = Date.now();
      const pg = await startEmbeddedPostgres({ dataDir: config.DATA_DIR, port: config.EMBEDDED_PG_PORT, log });
      this.pg = pg;
      this.checkNotStopping();
      await createDatabaseIfMissing(pg.ownerUrl('postgres'), EMBEDDED_DATABASE);
      ownerUrl = pg.ownerUrl(EMBEDDED_DATABASE);
      this.pgWhere = `embedded, 127.0.0.1:${config.EMBEDDED_PG_PORT}, cluster in ${pg.databaseDir}`;
      log(`PostgreSQL (${this.pgWhere}) in ${Date.now() - t0} ms`);
    }

    // 2. The Temporal server on it: built once, its schema, its config, started, the namespace and search attributes.
    const bin = await ensureTemporalServer(config.TOOLS_CACHE_DIR, log);
    const sql = temporalSqlFromUrl(ownerUrl);
    let t0 = Date.now();
    await setupTemporalSchema(bin.sqlTool, sql, log);
    log(`Temporal schema ready in ${Date.now() - t0} ms`);
    this.checkNotStopping();
    t0 = Date.now();
    this.serverOptions = { binary: bin.server, sql, dir: join(config.DATA_DIR, 'temporal-server'), port: config.TEMPORAL_DEV_PORT, log };
    this.server = await startTemporalServer(this.serverOptions);
    this.checkNotStopping();
    log(`Temporal server ${TEMPORAL_SERVER_VERSION} (pid ${this.server.pid}) serving on ${this.server.address} in ${Date.now() - t0} ms`);
    t0 = Date.now();
    await ensureNamespace(this.server.address, config.TEMPORAL_NAMESPACE);
    log(`namespace ${config.TEMPORAL_NAMESPACE} and search attributes registered in ${Date.now() - t0} ms`);

    // 3. Tingvalla's migrations and what the caller wants in the database before the roles start.
    const appUrl = await prepareDatabase({ ownerUrl, appPassword: config.DATABASE_APP_PASSWORD, ...(config.DATABASE_APP_URL ? { appUrl: config.DATABASE_APP_URL } : {}) });
    log('database migrated');
    await (this.opts.seed ?? ((db) => seedDemoTenants(config, db, log)))({ ownerUrl, appUrl });
    this.checkNotStopping();

    // 4. The roles. Same DATA_DIR (so the same generated development keys), one callback secret, receipts to API 1.
    const firstApi = this.layout.find((l) => l.kind === 'api');
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: config.NODE_ENV,
      DATA_DIR: config.DATA_DIR,
      DATABASE_URL: ownerUrl,
      DATABASE_APP_URL: appUrl,
      TEMPORAL_ADDRESS: this.server.address,
      TEMPORAL_NAMESPACE: config.TEMPORAL_NAMESPACE,
      CHANNEL_CALLBACK_SECRET: config.CHANNEL_CALLBACK_SECRET ?? randomBytes(24).toString('base64url'),
      PUBLIC_CALLBACK_ORIGIN: config.PUBLIC_CALLBACK_ORIGIN ?? `http://127.0.0.1:${firstApi?.port ?? config.PORT}`,
      DEV_SMTP_PORT: '0', // each role would otherwise take 2525
      TEST_IDP: process.env.TEST_IDP ?? 'on', // the APIs serve the test IdP, as npm start does
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
      ...this.opts.roleEnv,
    };
    this.urls = { ownerUrl, appUrl, env };
    for (const l of this.layout) this.roles.push(this.spawn(l));
    t0 = Date.now();
    await Promise.all(this.roles.map((r) => waitReady(r)));
    this.checkNotStopping();
    log(`${NUMBER_WORDS[this.roles.length] ?? this.roles.length} roles ready in ${Date.now() - t0} ms`);
    this.started = true;
    return this;
  }

  /** What runs where, a line each (printed by stack:cluster once it is ready). */
  describe(): string[] {
    const { config } = this;
    const t = this.temporal;
    return [
      `PostgreSQL        ${this.pgWhere}`,
      `Temporal server   ${t.address}  pid ${t.pid}  config ${t.configFile}  log ${t.logFile}`,
      `                  namespace ${config.TEMPORAL_NAMESPACE}, databases temporal + temporal_visibility; binaries in ${join(config.TOOLS_CACHE_DIR, 'temporal-server', TEMPORAL_SERVER_VERSION)}`,
      ...this.roles.map((r) => `${r.name.padEnd(17)} http://127.0.0.1:${r.port}/  pid ${r.child.pid}${r.kind === 'worker' ? '  (/healthz, /readyz only)' : ''}`),
      `data folder       ${config.DATA_DIR}`,
    ];
  }

  /** Signals a role (kill -9 by default) and resolves once it has exited; it stays down until startRole. */
  async killRole(name: string, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const r = this.role(name);
    this.expectedExits.add(r.child);
    await signalRole(r, signal);
  }

  /** The orderly stop of one role (SIGTERM; a worker finishes its tasks). */
  async stopRole(name: string): Promise<void> {
    const r = this.role(name);
    this.expectedExits.add(r.child);
    await stopRole(r);
  }

  /** Starts a role that has exited (killed, stopped, crashed) again on its port; resolves once its /readyz answers 200. */
  async startRole(name: string): Promise<RoleProcess> {
    const at = this.roles.findIndex((x) => x.name === name);
    const current = this.roles[at];
    if (!current) throw new Error(`no role ${name}`);
    if (!hasExited(current)) throw new Error(`${name} (pid ${current.child.pid}) is still running`);
    const next = this.spawn(this.layout.find((l) => l.name === name)!);
    this.roles[at] = next;
    await waitReady(next);
    return next;
  }

  /** Stops the Temporal server (SIGTERM with a grace, or SIGKILL) and starts it again on the same ports and databases. */
  async restartTemporal(opts: { signal?: 'SIGTERM' | 'SIGKILL' } = {}): Promise<RestartTiming> {
    const old = this.temporal;
    const t0 = Date.now();
    if (opts.signal === 'SIGKILL' && !(await signalAndWait(old.pid, 'SIGKILL', 10_000))) throw new Error(`the Temporal server (pid ${old.pid}) did not die on SIGKILL`);
    await old.stop(); // SIGTERM, SIGKILL after its grace; at once when it has exited
    this.server = undefined;
    const t1 = Date.now();
    this.server = await startTemporalServer(this.serverOptions!);
    return { stopMs: t1 - t0, startMs: Date.now() - t1 };
  }

  /**
   * Stops the embedded PostgreSQL — `fast` (SIGINT: sessions ended, a checkpoint) or `immediate` (SIGQUIT: no
   * checkpoint, crash recovery at the next start) — and starts it again on the same data folder and port.
   */
  async restartPostgres(opts: { mode?: 'fast' | 'immediate' } = {}): Promise<RestartTiming> {
    const old = this.pg;
    if (!old) throw new Error('restartPostgres: this stack did not start PostgreSQL (DATABASE_URL is set)');
    const t0 = Date.now();
    if (opts.mode === 'immediate') await immediateShutdown(old.databaseDir);
    await old.stop(); // the fast shutdown; at once when it has exited
    this.pg = undefined;
    const t1 = Date.now();
    this.pg = await startEmbeddedPostgres({ dataDir: this.config.DATA_DIR, port: this.config.EMBEDDED_PG_PORT, log: this.log });
    return { stopMs: t1 - t0, startMs: Date.now() - t1 };
  }

  /** Stops everything that has started, in order: the roles (last started first), the Temporal server, PostgreSQL. */
  stop(): Promise<void> {
    this.stopping ??= (async () => {
      const timed = async (what: string, stop: () => Promise<void>) => {
        const t0 = Date.now();
        await stop().catch((e: unknown) => this.log(`while stopping ${what}: ${String(e)}`));
        this.log(`stopped ${what} (${Date.now() - t0} ms)`);
      };
      for (const r of [...this.roles].reverse()) {
        this.expectedExits.add(r.child);
        await timed(`${r.name} (pid ${r.child.pid})`, () => stopRole(r));
      }
      const server = this.server;
      if (server) await timed('the Temporal server', () => server.stop());
      const pg = this.pg;
      if (pg) await timed('PostgreSQL', () => pg.stop());
    })();
    return this.stopping;
  }

  private spawn(l: { name: string; kind: RoleKind; port: number }): RoleProcess {
    const r = spawnRole(l.name, l.kind, l.port, this.ready().env, (line) => this.roleOutput(l.name, line));
    // A role that dies unasked is reported; the rest keep running (as behind a load balancer).
    r.child.once('exit', (code, signal) => {
      if (this.started && !this.stopping && !this.expectedExits.has(r.child)) this.log(`${l.name} exited (${code ?? signal})`);
    });
    return r;
  }

  private ready(): { ownerUrl: string; appUrl: string; env: NodeJS.ProcessEnv } {
    if (!this.urls) throw new Error('the cluster stack has not started yet');
    return this.urls;
  }

  private checkNotStopping(): void {
    if (this.stopping) throw new StackStoppedError('the cluster stack was stopped while it started');
  }
}

/** Starts a cluster stack; should it fail half-way, what had started is stopped before the error is thrown. */
export async function startClusterStack(opts: ClusterStackOptions): Promise<ClusterStack> {
  const stack = new ClusterStack(opts);
  try {
    return await stack.start();
  } catch (err) {
    await stack.stop();
    throw err;
  }
}

/**
 * A free run of ports for a throwaway cluster stack (a drill, a benchmark), as the Config's settings: the embedded
 * PostgreSQL's, the Temporal server's frontend (all its other ports free too) and PORT (the `roles` ports from it).
 */
export async function freeClusterPorts(roles: number): Promise<{ EMBEDDED_PG_PORT: string; TEMPORAL_DEV_PORT: string; PORT: string }> {
  const temporal = await freeTemporalServerPort();
  const taken = temporalServerPorts(temporal);
  const roleBase = await pick(20_000, 31_900, (base) => Array.from({ length: roles }, (_, i) => base + i), taken);
  const pg = await pick(20_000, 31_900, (base) => [base], [...taken, ...Array.from({ length: roles }, (_, i) => roleBase + i)]);
  return { EMBEDDED_PG_PORT: String(pg), TEMPORAL_DEV_PORT: String(temporal), PORT: String(roleBase) };
}

/** A random base in [lowest, highest) whose ports (`portsOf`) are all free and none of `taken`. */
async function pick(lowest: number, highest: number, portsOf: (base: number) => number[], taken: number[]): Promise<number> {
  for (let i = 0; i < 200; i++) {
    const base = lowest + Math.floor(Math.random() * (highest - lowest));
    const ports = portsOf(base);
    if (ports.some((p) => taken.includes(p))) continue;
    if ((await Promise.all(ports.map((p) => portIsFree(p)))).every(Boolean)) return base;
  }
  throw new Error('no free run of ports for a cluster stack after 200 tries');
}

/**
 * A Temporal server frontend port whose other ports are free too. Below Linux's ephemeral range (see
 * free-port.ts); the server's membership ports lie 300 below its frontend.
 */
export function freeTemporalServerPort(): Promise<number> {
  return pick(20_400, 31_900, temporalServerPorts, []);
}

/** PostgreSQL's immediate shutdown: SIGQUIT to the postmaster named in the data folder's lock file. */
async function immediateShutdown(databaseDir: string): Promise<void> {
  const pid = Number(readFileSync(join(databaseDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0) throw new Error(`no postmaster pid in ${databaseDir}/postmaster.pid`);
  if (!(await signalAndWait(pid, 'SIGQUIT', 30_000))) throw new Error(`PostgreSQL (pid ${pid}) did not stop on SIGQUIT within 30 s`);
}

/** The demo tenants, as `npm start`'s seed does (engine/main.ts keeps its own private). */
export async function seedDemoTenants(config: Config, urls: { ownerUrl: string; appUrl: string }, log: (line: string) => void): Promise<void> {
  const owner = createSequelize(urls.ownerUrl);
  const db = Database.connect(urls.appUrl);
  try {
    const keyring = new Keyring(db, loadMasterKeys(config));
    const logger = createLogger(config).child({}, { level: 'warn' });
    const { registry, simulator } = await startCivilRegistry(config, { db, keyring, logger });
    try {
      const created = await ensureDemoTenants(owner, db, keyring, config.BASE_DOMAIN, MODULES, registry);
      log(created.length > 0 ? `created demo tenants: ${created.join(', ')}` : 'demo tenants already there');
    } finally {
      await simulator?.stop();
    }
  } finally {
    await owner.close();
    await db.close();
  }
}
