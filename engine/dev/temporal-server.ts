// A real Temporal server (`go.temporal.io/server`, not the CLI's dev server) on PostgreSQL, for `npm run
// stack:cluster`: the production topology on one machine. Same version the CLI embeds (v1.29.1, docker-compose.yml's
// too), so workflow behaviour matches what `npm start` runs. What is here, and why:
// - the build: the server and its `temporal-sql-tool`, built once with `go install` into a cache outside the repo
//   (like the CLI in tools.ts), because Temporal publishes no binaries of the server for plain download besides images;
// - the schema: Temporal's own tool sets up and updates `temporal` and `temporal_visibility` (its schemas are
//   embedded in the tool, `--schema-name`), exactly as the admin-tools image does in docker-compose.yml;
// - the config: one file written from docker/config_template.yaml's shape, SQL visibility on the same server;
// - start/stop: its own process group (a Ctrl-C for the terminal must not stop it before the workers that use it),
//   registered with the watchdog so a crash of ours does not leave it running; its log goes to a file.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, openSync, closeSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Connection } from '@temporalio/client';
import { status } from '@grpc/grpc-js';
import { msToTs } from '@temporalio/common/lib/time';
import { createDatabaseIfMissing } from '../db/prepare';
import { ensureSearchAttributes, isGrpc, missingSearchAttributes } from '../temporal/ensure-search-attributes';
import { ensurePortFree } from './port-holder';
import { stopChild } from './temporal-dev-server';
import { findGo, goInstall, goVersion, MissingToolError } from './tools';
import { stopWithThisProcess } from './watchdog';

export const TEMPORAL_SERVER_VERSION = 'v1.29.1';
const MODULE = 'go.temporal.io/server';
/** Package paths inside the module (cmd/server, cmd/tools/sql) and the names we give their binaries. */
const BINARIES = [
  { pkg: `${MODULE}/cmd/server`, built: 'server', name: 'temporal-server' },
  { pkg: `${MODULE}/cmd/tools/sql`, built: 'sql', name: 'temporal-sql-tool' },
] as const;

export interface TemporalServerBinaries {
  server: string;
  sqlTool: string;
}

const run = promisify(execFile);

/** The two binaries from the cache, built once with Go if absent (minutes: the server is a large module). */
export async function ensureTemporalServer(cacheDir: string, log: (line: string) => void): Promise<TemporalServerBinaries> {
  const dir = join(cacheDir, 'temporal-server', TEMPORAL_SERVER_VERSION);
  const found = { server: join(dir, 'temporal-server'), sqlTool: join(dir, 'temporal-sql-tool') };
  if (existsSync(found.server) && existsSync(found.sqlTool)) return found;
  const go = findGo();
  const version = go ? goVersion(go) : undefined;
  if (!go || !version?.ok) {
    throw new MissingToolError(
      `The Temporal server ${TEMPORAL_SERVER_VERSION} is missing (${found.server}) and Go >= 1.25 is not installed to build it ` +
        `(go.temporal.io/server ${TEMPORAL_SERVER_VERSION} needs go 1.25)${go ? `: ${go} is ${version?.text}` : ': no `go` on PATH nor /usr/local/go/bin/go'}. ` +
        'Install Go, or run the development stack with `npm start` (the CLI dev server) instead.',
    );
  }
  // Built into a fresh folder and moved in place only when both exist, so an interrupted build is never "found".
  const building = join(dir, 'building');
  rmSync(building, { recursive: true, force: true });
  mkdirSync(building, { recursive: true });
  log(`Building the Temporal server ${TEMPORAL_SERVER_VERSION} and temporal-sql-tool with Go into ${dir}.`);
  log('This happens once and takes several minutes (about 3-6 on two cores; less when the CLI was built before).');
  const started = Date.now();
  // GOTOOLCHAIN=local: build with the installed Go (>= the module's go line) rather than fetch another toolchain;
  // run outside any go.mod (`go install pkg@version` ignores the current module anyway).
  await goInstall(
    go,
    BINARIES.map((b) => `${b.pkg}@${TEMPORAL_SERVER_VERSION}`),
    { gobin: building, what: 'the Temporal server', log, cwd: building, env: { GOTOOLCHAIN: process.env.GOTOOLCHAIN ?? 'local' } },
  );
  for (const b of BINARIES) renameSync(join(building, b.built), join(dir, b.name));
  rmSync(building, { recursive: true, force: true });
  log(`Built the Temporal server in ${Math.round((Date.now() - started) / 1000)} s.`);
  return found;
}

/** Where Temporal's two databases live: a PostgreSQL server and a role allowed to create databases there. */
export interface TemporalSql {
  host: string;
  port: number;
  user: string;
  password: string;
}

export function temporalSqlFromUrl(ownerUrl: string): TemporalSql {
  const u = new URL(ownerUrl);
  return { host: u.hostname, port: Number(u.port || 5432), user: decodeURIComponent(u.username), password: decodeURIComponent(u.password) };
}

export const TEMPORAL_DATABASES = { default: 'temporal', visibility: 'temporal_visibility' } as const;

/** Creates the two databases if missing and brings both schemas to the latest version (idempotent). */
export async function setupTemporalSchema(sqlTool: string, sql: TemporalSql, log: (line: string) => void): Promise<void> {
  const serverUrl = `postgres://${encodeURIComponent(sql.user)}:${encodeURIComponent(sql.password)}@${sql.host}:${sql.port}/postgres`;
  for (const [db, schema] of [
    [TEMPORAL_DATABASES.default, 'postgresql/v12/temporal'],
    [TEMPORAL_DATABASES.visibility, 'postgresql/v12/visibility'],
  ] as const) {
    await createDatabaseIfMissing(serverUrl, db);
    const env = { ...process.env, SQL_PLUGIN: 'postgres12', SQL_HOST: sql.host, SQL_PORT: String(sql.port), SQL_USER: sql.user, SQL_PASSWORD: sql.password, SQL_DATABASE: db };
    try {
      // setup-schema -v 0.0 makes the version table (a no-op once there); update-schema applies what is missing.
      await run(sqlTool, ['--quiet', 'setup-schema', '-v', '0.0'], { env });
      await run(sqlTool, ['--quiet', 'update-schema', '--schema-name', schema], { env });
    } catch (err) {
      const e = err as { stderr?: string; stdout?: string; message: string };
      throw new Error(`temporal-sql-tool failed on database ${db}: ${e.stderr || e.stdout || e.message}`, { cause: err });
    }
    log(`Temporal schema ${schema} up to date in database ${db}`);
  }
}

export interface TemporalServerOptions {
  binary: string;
  sql: TemporalSql;
  /** Folder for the config file and the server's log (DATA_DIR/temporal-server). */
  dir: string;
  /** The frontend's gRPC port; the other services take the next ones (history +1, matching +2, worker +6). */
  port: number;
  log: (line: string) => void;
}

export interface RunningTemporalServer {
  address: string;
  pid: number;
  configFile: string;
  logFile: string;
  stop(): Promise<void>;
}

/** The server's ports, the frontend's first: gRPC and membership (ringpop) of each service, and the frontend's HTTP. */
function ports(frontend: number) {
  return { frontend, history: frontend + 1, matching: frontend + 2, worker: frontend + 6, http: frontend + 10, membershipBase: frontend - 300 };
}

/** Every port a server with this frontend port listens on (for a harness that picks free ones). */
export function temporalServerPorts(frontend: number): number[] {
  const p = ports(frontend);
  return [p.frontend, p.history, p.matching, p.worker, p.http, ...[0, 1, 2, 6].map((offset) => p.membershipBase + offset)];
}

function configYaml(opts: TemporalServerOptions, dynamicConfigFile: string): string {
  const p = ports(opts.port);
  const store = (database: string, maxConns: number) => `
      sql:
        pluginName: "postgres12"
        databaseName: "${database}"
        connectAddr: "${opts.sql.host}:${opts.sql.port}"
        connectProtocol: "tcp"
        user: ${JSON.stringify(opts.sql.user)}
        password: ${JSON.stringify(opts.sql.password)}
        maxConns: ${maxConns}
        maxIdleConns: ${maxConns}
        maxConnLifetime: "1h"`;
  const service = (name: string, grpc: number, membership: number, extra = '') => `
  ${name}:
    rpc:
      grpcPort: ${grpc}
      membershipPort: ${membership}
      bindOnLocalHost: true${extra}`;
  // Pool sizes are kept small: all four services run in this one process against the embedded PostgreSQL's
  // default 100 connections, which the four Tingvalla processes share.
  return `# Written by engine/dev/temporal-server.ts (npm run stack:cluster) at every start; edits are overwritten.
log:
  stdout: true
  level: warn
persistence:
  defaultStore: default
  visibilityStore: visibility
  numHistoryShards: 4
  datastores:
    default:${store(TEMPORAL_DATABASES.default, 10)}
    visibility:${store(TEMPORAL_DATABASES.visibility, 4)}
global:
  membership:
    maxJoinDuration: 30s
    broadcastAddress: "127.0.0.1"
services:${service('frontend', p.frontend, p.membershipBase, `\n      httpPort: ${p.http}`)}${service('history', p.history, p.membershipBase + 1)}${service('matching', p.matching, p.membershipBase + 2)}${service('worker', p.worker, p.membershipBase + 6)}
clusterMetadata:
  enableGlobalNamespace: false
  failoverVersionIncrement: 10
  masterClusterName: "active"
  currentClusterName: "active"
  clusterInformation:
    active:
      enabled: true
      initialFailoverVersion: 1
      rpcName: "frontend"
      rpcAddress: "127.0.0.1:${p.frontend}"
dcRedirectionPolicy:
  policy: "noop"
dynamicConfigClient:
  filepath: ${JSON.stringify(dynamicConfigFile)}
  pollInterval: "10s"
`;
}

// A namespace or search attribute just added is seen at once rather than after the caches' refresh (10 s+): a
// start that registers them and then starts workflows must not race the caches. Costs nothing at this scale.
const DYNAMIC_CONFIG = `system.forceSearchAttributesCacheRefreshOnRead:
  - value: true
system.namespaceCacheRefreshInterval:
  - value: 1s
limit.maxIDLength:
  - value: 255
`;

export async function startTemporalServer(opts: TemporalServerOptions): Promise<RunningTemporalServer> {
  const p = ports(opts.port);
  for (const [what, port] of Object.entries(p)) {
    if (what === 'membershipBase') continue;
    await ensurePortFree(port, `the Temporal server's ${what} service`, 'TEMPORAL_DEV_PORT (the frontend; the others follow it)');
  }
  for (const offset of [0, 1, 2, 6]) await ensurePortFree(p.membershipBase + offset, "the Temporal server's membership", 'TEMPORAL_DEV_PORT (membership is 300 below it)');
  const configDir = join(opts.dir, 'config');
  mkdirSync(configDir, { recursive: true });
  const dynamicConfigFile = join(configDir, 'dynamic.yaml');
  writeFileSync(dynamicConfigFile, DYNAMIC_CONFIG);
  // The server reads <root>/<config>/<env>.yaml: env `development`, so the file is development.yaml.
  const configFile = join(configDir, 'development.yaml');
  writeFileSync(configFile, configYaml(opts, dynamicConfigFile), { mode: 0o600 }); // it holds the database password
  const logFile = join(opts.dir, 'server.log');
  const logFd = openSync(logFile, 'a');
  const child = spawn(opts.binary, ['--root', opts.dir, '--config', 'config', '--env', 'development', '--allow-no-auth', 'start'], {
    detached: true,
    stdio: ['ignore', logFd, logFd],
  });
  closeSync(logFd);
  if (!child.pid) throw new Error(`could not start ${opts.binary}`);
  child.once('exit', stopWithThisProcess(child.pid, 'SIGTERM'));
  const address = `127.0.0.1:${p.frontend}`;
  await waitUntilServing(child, address, logFile);
  return { address, pid: child.pid, configFile, logFile, stop: () => stopServer(child) };
}

async function waitUntilServing(child: ChildProcess, address: string, logFile: string): Promise<void> {
  const deadline = Date.now() + 90_000;
  let exited: string | undefined;
  child.once('exit', (code, signal) => (exited = String(code ?? signal)));
  const tail = () => readFileSync(logFile, 'utf8').slice(-3000);
  while (Date.now() < deadline) {
    if (exited !== undefined) throw new Error(`the Temporal server exited with ${exited} while starting; the end of ${logFile}:\n${tail()}`);
    try {
      const connection = await Connection.connect({ address, connectTimeout: 1000 });
      try {
        // The frontend answers getSystemInfo before history owns its shards; the health check waits for that too.
        await connection.workflowService.getSystemInfo({});
        const health = await connection.healthService.check({ service: 'temporal.api.workflowservice.v1.WorkflowService' });
        if (health.status === 1 /* SERVING */) return;
      } finally {
        await connection.close();
      }
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  await stopServer(child);
  throw new Error(`the Temporal server did not answer on ${address} within 90 s; the end of ${logFile}:\n${tail()}`);
}

/** A server given time to finish its shards' work before it is killed. */
const stopServer = (child: ChildProcess): Promise<void> => stopChild(child, 20_000);

/**
 * The namespace (a real server has none but its system namespace) and the platform's search attributes. On SQL
 * visibility custom search attributes belong to a namespace, so they are added after it exists.
 */
export async function ensureNamespace(address: string, namespace: string, retentionDays = 30): Promise<void> {
  const connection = await Connection.connect({ address });
  try {
    try {
      await connection.workflowService.registerNamespace({ namespace, workflowExecutionRetentionPeriod: msToTs(`${retentionDays} days`) });
    } catch (err) {
      if (!isGrpc(err, status.ALREADY_EXISTS)) throw err;
    }
    for (let attempt = 0; ; attempt++) {
      try {
        await connection.workflowService.describeNamespace({ namespace });
        await ensureSearchAttributes(connection, namespace);
        const missing = await missingSearchAttributes(connection, namespace);
        if (missing.length === 0) return;
        throw new Error(`search attributes not visible yet: ${missing.map((m) => m.name).join(', ')}`);
      } catch (err) {
        if (attempt >= 30) throw err;
        await new Promise((r) => setTimeout(r, 1000));
      }
    }
  } finally {
    await connection.close();
  }
}
