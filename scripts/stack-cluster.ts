// `npm run stack:cluster`: the production topology (README, "Running in production") on one machine, on real
// parts — not the one-process `npm start`. It starts:
//   PostgreSQL (DATABASE_URL's server, else the embedded one in DATA_DIR as `npm start` does),
//   a Temporal server v1.29.1 (engine/dev/temporal-server.ts) on that PostgreSQL, its schema set up by
//   temporal-sql-tool, the namespace and the platform's search attributes registered,
//   Tingvalla's migrations and demo tenants (as `npm start`), and
//   two worker and two API processes (engine/role.ts), each on a port of its own (PORT, PORT+1 for the APIs;
//   PORT+2, PORT+3 for the workers: Node 20 has no reusePort, so two APIs cannot share one).
// It waits for every /readyz, prints what runs where and stops it all on Ctrl-C/SIGTERM in order: the roles
// first (a worker finishes its tasks), then the Temporal server, then PostgreSQL if it started it.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Keyring } from '../engine/crypto/keyring';
import { loadMasterKeys } from '../engine/crypto/master-keys';
import { ConfigError, loadConfig, rootDir, type Config } from '../engine/config';
import { createSequelize, Database } from '../engine/db/database';
import { createDatabaseIfMissing, prepareDatabase } from '../engine/db/prepare';
import { describeFailure } from '../engine/dev/describe-failure';
import { startEmbeddedPostgres } from '../engine/dev/embedded-postgres';
import { EMBEDDED_DATABASE } from '../engine/dev/owner-connection';
import { ensurePortFree, StartConflictError } from '../engine/dev/port-holder';
import { ensureNamespace, ensureTemporalServer, setupTemporalSchema, startTemporalServer, temporalSqlFromUrl, TEMPORAL_SERVER_VERSION } from '../engine/dev/temporal-server';
import { MissingToolError } from '../engine/dev/tools';
import { stopWithThisProcess } from '../engine/dev/watchdog';
import { createLogger } from '../engine/logging/create-logger';
import { MODULES } from '../engine/modules';
import { startCivilRegistry } from '../engine/registry';
import { ensureDemoTenants } from '../engine/tenancy/demo-tenants';

const say = (line: string) => console.log(`[stack:cluster] ${line}`);
const stops: { what: string; stop: () => Promise<void> }[] = [];

/** The demo tenants, as `npm start`'s seed does (engine/main.ts keeps its own private). */
async function seedDemoTenants(config: Config, ownerUrl: string, appUrl: string): Promise<void> {
  const owner = createSequelize(ownerUrl);
  const db = Database.connect(appUrl);
  try {
    const keyring = new Keyring(db, loadMasterKeys(config));
    const logger = createLogger(config).child({}, { level: 'warn' });
    const { registry, simulator } = await startCivilRegistry(config, { db, keyring, logger });
    try {
      const created = await ensureDemoTenants(owner, db, keyring, config.BASE_DOMAIN, MODULES, registry);
      say(created.length > 0 ? `created demo tenants: ${created.join(', ')}` : 'demo tenants already there');
    } finally {
      await simulator?.stop();
    }
  } finally {
    await owner.close();
    await db.close();
  }
}

interface Role {
  name: string;
  role: 'api' | 'worker';
  port: number;
  child: ChildProcess;
}

/** One role process in its own process group (so the terminal's Ctrl-C reaches only us, and we stop it in order). */
function startRole(name: string, role: Role['role'], port: number, env: NodeJS.ProcessEnv): Role {
  const child = spawn(process.execPath, ['--import', 'tsx', join(rootDir, 'engine/role.ts'), role], {
    cwd: rootDir,
    env: { ...env, PORT: String(port) },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (child.pid) child.once('exit', stopWithThisProcess(child.pid, 'SIGTERM'));
  for (const stream of [child.stdout!, child.stderr!]) {
    let rest = '';
    stream.on('data', (chunk: Buffer) => {
      const lines = (rest + chunk.toString('utf8')).split('\n');
      rest = lines.pop()!;
      for (const line of lines) console.log(`[${name}] ${line}`);
    });
  }
  return { name, role, port, child };
}

async function waitReady(r: Role, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    if (r.child.exitCode !== null) throw new Error(`${r.name} exited with ${r.child.exitCode} before it was ready (its output is above)`);
    try {
      const res = await fetch(`http://127.0.0.1:${r.port}/readyz`);
      if (res.status === 200) return;
      last = `${res.status} ${await res.text()}`;
    } catch (err) {
      last = String(err);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${r.name} /readyz did not answer 200 within ${timeoutMs / 1000} s (last: ${last})`);
}

function stopRole(r: Role): Promise<void> {
  if (r.child.exitCode !== null || r.child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    // A worker finishes the tasks it holds (README: give it 60 s).
    const killer = setTimeout(() => r.child.kill('SIGKILL'), 60_000);
    r.child.once('exit', () => {
      clearTimeout(killer);
      resolve();
    });
    r.child.kill('SIGTERM');
  });
}

async function stopAll(): Promise<void> {
  // Registered in start order; stopped in reverse: roles, then the Temporal server, then PostgreSQL.
  for (const s of stops.reverse()) {
    const t0 = Date.now();
    await s.stop().catch((e: unknown) => say(`while stopping ${s.what}: ${String(e)}`));
    say(`stopped ${s.what} (${Date.now() - t0} ms)`);
  }
  stops.length = 0;
}

async function main(): Promise<void> {
  const startedAt = Date.now();
  process.env.NODE_ENV ??= 'development';
  const config = loadConfig();
  if (config.TEMPORAL_ADDRESS) throw new ConfigError(['TEMPORAL_ADDRESS: stack:cluster starts its own Temporal server; unset it (or run the roles yourself: npm run start:api / start:worker)']);
  const basePort = config.PORT;
  const ports = { api: [basePort, basePort + 1], worker: [basePort + 2, basePort + 3] };
  for (const p of [...ports.api, ...ports.worker]) await ensurePortFree(p, 'a Tingvalla role process', 'PORT (the four roles take PORT..PORT+3)');

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`${signal}: stopping (roles first, then the Temporal server, then PostgreSQL)…`);
    void stopAll().then(() => {
      say('stopped');
      process.exit(0);
    });
  };
  // embedded-postgres installs async-exit-hook, which would stop PostgreSQL and exit at once on a signal.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.removeAllListeners(signal);
    process.once(signal, () => shutdown(signal));
  }

  // 1. PostgreSQL.
  let ownerUrl = config.DATABASE_URL;
  let pgWhere = `DATABASE_URL's server`;
  if (!ownerUrl) {
    const t0 = Date.now();
    const pg = await startEmbeddedPostgres({ dataDir: config.DATA_DIR, port: config.EMBEDDED_PG_PORT, log: say });
    stops.push({ what: 'PostgreSQL', stop: () => pg.stop() });
    await createDatabaseIfMissing(pg.ownerUrl('postgres'), EMBEDDED_DATABASE);
    ownerUrl = pg.ownerUrl(EMBEDDED_DATABASE);
    pgWhere = `embedded, 127.0.0.1:${config.EMBEDDED_PG_PORT}, cluster in ${pg.databaseDir}`;
    say(`PostgreSQL (${pgWhere}) in ${Date.now() - t0} ms`);
  }

  // 2. The Temporal server on it: built once, its schema, its config, started, the namespace and search attributes.
  const bin = await ensureTemporalServer(config.TOOLS_CACHE_DIR, say);
  const sql = temporalSqlFromUrl(ownerUrl);
  let t0 = Date.now();
  await setupTemporalSchema(bin.sqlTool, sql, say);
  say(`Temporal schema ready in ${Date.now() - t0} ms`);
  t0 = Date.now();
  const temporal = await startTemporalServer({ binary: bin.server, sql, dir: join(config.DATA_DIR, 'temporal-server'), port: config.TEMPORAL_DEV_PORT, log: say });
  stops.push({ what: 'the Temporal server', stop: () => temporal.stop() });
  say(`Temporal server ${TEMPORAL_SERVER_VERSION} (pid ${temporal.pid}) serving on ${temporal.address} in ${Date.now() - t0} ms`);
  t0 = Date.now();
  await ensureNamespace(temporal.address, config.TEMPORAL_NAMESPACE);
  say(`namespace ${config.TEMPORAL_NAMESPACE} and search attributes registered in ${Date.now() - t0} ms`);

  // 3. Tingvalla's migrations and demo tenants.
  const appUrl = await prepareDatabase({ ownerUrl, appPassword: config.DATABASE_APP_PASSWORD, ...(config.DATABASE_APP_URL ? { appUrl: config.DATABASE_APP_URL } : {}) });
  say('database migrated');
  await seedDemoTenants(config, ownerUrl, appUrl);

  // 4. The roles. Same DATA_DIR (so the same generated development keys), one callback secret, receipts to API 1.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: config.NODE_ENV,
    DATA_DIR: config.DATA_DIR,
    DATABASE_URL: ownerUrl,
    DATABASE_APP_URL: appUrl,
    TEMPORAL_ADDRESS: temporal.address,
    TEMPORAL_NAMESPACE: config.TEMPORAL_NAMESPACE,
    CHANNEL_CALLBACK_SECRET: config.CHANNEL_CALLBACK_SECRET ?? randomBytes(24).toString('base64url'),
    PUBLIC_CALLBACK_ORIGIN: config.PUBLIC_CALLBACK_ORIGIN ?? `http://127.0.0.1:${ports.api[0]}`,
    DEV_SMTP_PORT: '0', // each role would otherwise take 2525
    TEST_IDP: process.env.TEST_IDP ?? 'on', // the APIs serve the test IdP, as npm start does
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  };
  const roles = [
    ...ports.worker.map((p, i) => startRole(`worker-${i + 1}`, 'worker', p, env)),
    ...ports.api.map((p, i) => startRole(`api-${i + 1}`, 'api', p, env)),
  ];
  for (const r of roles) stops.push({ what: `${r.name} (pid ${r.child.pid})`, stop: () => stopRole(r) });
  t0 = Date.now();
  await Promise.all(roles.map((r) => waitReady(r)));
  say(`four roles ready in ${Date.now() - t0} ms`);

  say('What runs where:');
  say(`  PostgreSQL        ${pgWhere}`);
  say(`  Temporal server   ${temporal.address}  pid ${temporal.pid}  config ${temporal.configFile}  log ${temporal.logFile}`);
  say(`                    namespace ${config.TEMPORAL_NAMESPACE}, databases temporal + temporal_visibility; binaries in ${join(config.TOOLS_CACHE_DIR, 'temporal-server', TEMPORAL_SERVER_VERSION)}`);
  for (const r of roles) say(`  ${r.name.padEnd(17)} http://127.0.0.1:${r.port}/  pid ${r.child.pid}${r.role === 'worker' ? '  (/healthz, /readyz only)' : ''}`);
  say(`  data folder       ${config.DATA_DIR}`);
  say(`  sites: e.g. http://korsbaek.${config.BASE_DOMAIN}:${ports.api[0]}/ and http://admin.korsbaek.${config.BASE_DOMAIN}:${ports.api[1]}/ (either API serves every tenant)`);
  say(`ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s (every /readyz answers 200). Ctrl-C stops everything.`);
  // A role that dies later is reported; the rest keep running (as behind a load balancer).
  for (const r of roles) r.child.once('exit', (code, signal) => void (!stopping && say(`${r.name} exited (${code ?? signal})`)));
}

main().catch(async (err: unknown) => {
  if (err instanceof ConfigError || err instanceof MissingToolError || err instanceof StartConflictError) console.error(`[stack:cluster] ${err.message}`);
  else console.error(`[stack:cluster] failed to start: ${describeFailure(err)}`);
  await stopAll();
  process.exit(1);
});
