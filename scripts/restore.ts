// `npm run restore -- [<backup.tar.gz>] --data-dir <new folder> [--skip-checksum]`: a backup of `npm run backup`
// (the newest in BACKUP_DIR when none is named) unpacked into a new data folder, checked against its manifest's
// checksum, then — when it is of the embedded PostgreSQL's major version — started once so PostgreSQL replays its
// WAL to the end of the backup, its databases listed, and stopped cleanly. The folder is then a DATA_DIR:
// `DATA_DIR=<folder> npm run stack:cluster` (or `npm start`) runs the environment on it. A backup of another major
// version is unpacked only, with what to run. Exit 1 on failure.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { QueryTypes } from 'sequelize';
import { loadConfig } from '../engine/config';
import { createSequelize } from '../engine/db/database';
import { startEmbeddedPostgres } from '../engine/dev/embedded-postgres';
import { freePort } from '../engine/dev/free-port';
import { latestBackup } from '../engine/ops/manifest';
import { embeddedServerMajor, restoreBackup } from '../engine/ops/restore';
import { backupSettings } from '../engine/ops/settings';
import { forgetRecordedTemporalHosts } from '../engine/ops/temporal-membership';
import { TEMPORAL_DATABASES } from '../engine/dev/temporal-server';

const say = (line: string) => console.log(`[restore] ${line}`);

function argument(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const started = Date.now();
  const config = loadConfig();
  const dataDirArg = argument('--data-dir');
  if (!dataDirArg) throw new Error('--data-dir <new folder> is required: the restored cluster goes into <folder>/pg, which must not exist yet');
  const dataDir = resolve(dataDirArg);
  const named = process.argv.slice(2).find((a, i, all) => !a.startsWith('--') && all[i - 1] !== '--data-dir');
  const archive = named ? resolve(named) : latestBackup(backupSettings(config).dir)?.archive;
  if (!archive) throw new Error(`no backup named and none in ${backupSettings(config).dir}`);
  const restored = await restoreBackup({ archive, dataDir, verifyChecksum: !process.argv.includes('--skip-checksum'), log: say });
  const embedded = embeddedServerMajor();
  if (restored.major !== embedded) {
    say(`the backup is of PostgreSQL ${restored.major}; the embedded server is ${embedded}. Start it with PostgreSQL ${restored.major}'s own programs (it replays its WAL as it starts): pg_ctl -D ${restored.clusterDir} start`);
    return;
  }
  const t = Date.now();
  const pg = await startEmbeddedPostgres({ dataDir, port: await freePort(), log: say });
  try {
    const owner = createSequelize(pg.ownerUrl('postgres'));
    const [state] = await owner.query<{ recovering: boolean }>('SELECT pg_is_in_recovery() AS recovering', { type: QueryTypes.SELECT });
    const databases = await owner.query<{ name: string; bytes: string }>('SELECT datname AS name, pg_database_size(oid)::text AS bytes FROM pg_database WHERE datallowconn ORDER BY 1', { type: QueryTypes.SELECT });
    await owner.close();
    if (state?.recovering) throw new Error('the restored server is still in recovery after its start');
    say(`PostgreSQL replayed the backup's WAL and runs as a primary (${((Date.now() - t) / 1000).toFixed(1)} s): ${databases.map((d) => `${d.name} ${(Number(d.bytes) / 1048576).toFixed(1)} MB`).join(', ')}`);
    const forgotten = await forgetRecordedTemporalHosts(pg.ownerUrl('postgres'), TEMPORAL_DATABASES.default);
    if (forgotten > 0) say(`forgot the ${forgotten} hosts the backed-up Temporal cluster had recorded (a new Temporal server would try to join them first)`);
  } finally {
    await pg.stop();
  }
  say(`restored in ${((Date.now() - started) / 1000).toFixed(1)} s into ${dataDir}. Start the environment on it: DATA_DIR=${dataDir} npm run stack:cluster`);
  const keyFiles = ['data-master-keys', 'temporal-codec-keys'];
  if (!process.env.DATA_MASTER_KEYS || !process.env.TEMPORAL_CODEC_KEYS) {
    const missing = keyFiles.filter((f) => !existsSync(join(dataDir, f)));
    if (missing.length > 0) {
      say(`the backup holds no keys: give the restored environment the backed-up one's DATA_MASTER_KEYS and TEMPORAL_CODEC_KEYS, or in development copy its key files: ${missing.map((f) => `cp <old DATA_DIR>/${f} ${join(dataDir, f)}`).join('; ')}. New keys would be generated otherwise, and sealed data could not be read.`);
    }
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(`[restore] FAILED: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
