// What a backup needs to know about the PostgreSQL server, asked over SQL as its owner: version, identity, the
// databases and their sizes, and whether this machine can read the server's own data folder (then the backup is a
// copy of that folder; otherwise pg_basebackup fetches it over the replication protocol).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { QueryTypes, type Sequelize } from 'sequelize';

export interface ServerFacts {
  version: string;
  versionNum: number;
  major: number;
  systemIdentifier: string;
  port: number;
  /** The server's data_directory, or undefined when this role may not read the setting. */
  dataDirectory?: string;
  startEpoch: number;
  databases: { name: string; bytes: number }[];
  /** Tablespaces besides pg_default and pg_global: their files live outside the data folder. */
  tablespaces: string[];
}

const select = <T extends object>(sequelize: Sequelize, sql: string) => sequelize.query<T>(sql, { type: QueryTypes.SELECT });

export async function serverFacts(sequelize: Sequelize): Promise<ServerFacts> {
  const [v] = await select<{ version: string; num: string; port: string; start: string; sysid: string }>(
    sequelize,
    `SELECT current_setting('server_version') AS version, current_setting('server_version_num') AS num, current_setting('port') AS port,
            floor(extract(epoch FROM pg_postmaster_start_time()))::bigint::text AS start, (SELECT system_identifier::text FROM pg_control_system()) AS sysid`,
  );
  const [dir] = await select<{ dir: string | null }>(sequelize, "SELECT current_setting('data_directory', true) AS dir").catch(() => [{ dir: null }]);
  const databases = await select<{ name: string; bytes: string }>(sequelize, 'SELECT datname AS name, pg_database_size(oid)::text AS bytes FROM pg_database WHERE datallowconn ORDER BY datname');
  const tablespaces = await select<{ name: string }>(sequelize, "SELECT spcname AS name FROM pg_tablespace WHERE spcname NOT IN ('pg_default', 'pg_global') ORDER BY spcname");
  const versionNum = Number(v!.num);
  return {
    version: v!.version.split(' ')[0]!,
    versionNum,
    major: Math.floor(versionNum / 10000),
    systemIdentifier: v!.sysid,
    port: Number(v!.port),
    ...(dir?.dir ? { dataDirectory: dir.dir } : {}),
    startEpoch: Number(v!.start),
    databases: databases.map((d) => ({ name: d.name, bytes: Number(d.bytes) })),
    tablespaces: tablespaces.map((t) => t.name),
  };
}

/**
 * The server's data folder when this machine can read it and it is verifiably that server's: its lock file
 * postmaster.pid names the same port and start time (a folder of the same path on another machine, or of a
 * stopped server, does not). Lines of postmaster.pid: pid, data folder, start time (epoch), port, … (miscadmin.h).
 */
export function localDataFolder(facts: ServerFacts): string | undefined {
  if (!facts.dataDirectory) return undefined;
  let lock: string;
  try {
    lock = readFileSync(join(facts.dataDirectory, 'postmaster.pid'), 'utf8');
  } catch {
    return undefined;
  }
  const [, , start = '', port = ''] = lock.split('\n');
  // The lock file's time is the postmaster's process start, pg_postmaster_start_time() a moment later.
  const sameStart = Math.abs(Number(start.trim()) - facts.startEpoch) <= 2;
  return sameStart && Number(port.trim()) === facts.port ? facts.dataDirectory : undefined;
}
