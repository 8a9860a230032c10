// `npm run backup`: one consistent backup of the whole PostgreSQL server — Tingvalla's database and, on the
// cluster topology, Temporal's `temporal` and `temporal_visibility` beside it — as one physical base backup with
// its WAL: every database as of the same moment, so a restored Temporal and a restored platform agree on which
// flows exist and where each one is. How the files are fetched depends on where the server runs:
//   - its data folder is on this machine (the embedded server of `npm start` / `stack:cluster`, or a local one):
//     copied through the low-level backup API (copy-backup.ts), no client program needed;
//   - elsewhere: pg_basebackup of the server's version or newer (basebackup-tool.ts), checked before it starts.
// Either way the result is `pgdata/` packed as tingvalla-<time>.tar.gz with a manifest beside it (manifest.ts),
// then backups older than the retention are deleted (retention.ts).
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSequelize } from '../db/database';
import { packTarGz, sha256File } from './archive';
import { takeBackupLock } from './backup-lock';
import { assertBasebackupFits, findPgBasebackup, runPgBasebackup, type BasebackupTool } from './basebackup-tool';
import { copyBackup } from './copy-backup';
import { UnsupportedDataFolderError } from './data-folder-copy';
import { ARCHIVE_DATA_FOLDER, backupBaseName, MANIFEST_FORMAT, MANIFEST_IN_ARCHIVE, manifestFileOf, writeManifest, type BackupManifest, type BackupMethod } from './manifest';
import { pruneBackups } from './retention';
import { localDataFolder, serverFacts, type ServerFacts } from './server-facts';

export interface BackupOptions {
  /** The server's owner (a superuser, or a role with REPLICATION and the backup functions), any database. */
  ownerUrl: string;
  dir: string;
  retentionDays: number;
  log: (line: string) => void;
  /** `auto` (default): `copy` when the server's data folder is on this machine, else `pg_basebackup`. */
  method?: 'auto' | BackupMethod;
  /** Where pg_basebackup is found and which version it is (tests put another one in). */
  findBasebackup?: () => Promise<BasebackupTool | undefined>;
}

export interface BackupReport {
  archive: string;
  manifestFile: string;
  manifest: BackupManifest;
  /** Milliseconds of each step: the copy (the server in backup mode), packing, the checksum. */
  phases: { copyMs: number; packMs: number; checksumMs: number };
  /** Older backups deleted by the retention. */
  deleted: string[];
}

export async function createBackup(opts: BackupOptions): Promise<BackupReport> {
  mkdirSync(opts.dir, { recursive: true });
  const releaseLock = takeBackupLock(opts.dir);
  try {
    removeLeftovers(opts.dir, opts.log);
    return await backUp(opts);
  } finally {
    releaseLock();
  }
}

async function backUp(opts: BackupOptions): Promise<BackupReport> {
  const startedAt = new Date();
  const base = backupBaseName(startedAt);
  const label = `tingvalla ${base}`;
  const owner = createSequelize(opts.ownerUrl);
  const facts = await serverFacts(owner).finally(() => owner.close());
  const plan = await choose(opts, facts);
  const staging = join(opts.dir, `.staging-${base}`);
  const into = join(staging, ARCHIVE_DATA_FOLDER);
  try {
    let t = Date.now();
    const wal =
      plan.method === 'copy'
        ? await copyBackup({ ownerUrl: opts.ownerUrl, dataDir: plan.dataDir, into, label, log: opts.log })
        : await runPgBasebackup(plan.tool, { ownerUrl: opts.ownerUrl, into, label, log: opts.log });
    const copyMs = Date.now() - t;
    const finishedAt = new Date();
    const archive = join(opts.dir, `${base}.tar.gz`);
    const described: Omit<BackupManifest, 'bytes' | 'sha256'> = {
      format: MANIFEST_FORMAT,
      archive: `${base}.tar.gz`,
      label,
      method: plan.method,
      startedAt: startedAt.toISOString(),
      finishedAt: finishedAt.toISOString(),
      durationMs: finishedAt.getTime() - startedAt.getTime(),
      server: { version: facts.version, versionNum: facts.versionNum, systemIdentifier: facts.systemIdentifier },
      startLsn: wal.startLsn,
      stopLsn: wal.stopLsn,
      databases: facts.databases,
    };
    writeFileSync(join(staging, MANIFEST_IN_ARCHIVE), `${JSON.stringify(described, null, 2)}\n`);
    t = Date.now();
    opts.log(`packing into ${archive}…`);
    // Packed under another name and renamed: a half-written archive never carries a backup's name.
    await packTarGz(staging, [ARCHIVE_DATA_FOLDER, MANIFEST_IN_ARCHIVE], `${archive}.partial`);
    renameSync(`${archive}.partial`, archive);
    const packMs = Date.now() - t;
    t = Date.now();
    const sha256 = await sha256File(archive);
    const checksumMs = Date.now() - t;
    const manifest: BackupManifest = { ...described, bytes: statSync(archive).size, sha256 };
    const manifestFile = manifestFileOf(archive);
    writeManifest(manifestFile, manifest);
    const deleted = pruneBackups(opts.dir, opts.retentionDays);
    return { archive, manifestFile, manifest, phases: { copyMs, packMs, checksumMs }, deleted };
  } finally {
    rmSync(staging, { recursive: true, force: true });
    rmSync(join(opts.dir, `${base}.tar.gz.partial`), { force: true });
  }
}

type Plan = { method: 'copy'; dataDir: string } | { method: 'pg_basebackup'; tool: BasebackupTool };

async function choose(opts: BackupOptions, facts: ServerFacts): Promise<Plan> {
  const local = localDataFolder(facts);
  const wanted = opts.method ?? 'auto';
  if (wanted === 'copy' || (wanted === 'auto' && local)) {
    if (!local) throw new Error(`the copy method needs the server's data folder on this machine; ${facts.dataDirectory ? `${facts.dataDirectory} is not readable here or belongs to another server` : 'the server does not say where it is (data_directory)'}`);
    if (facts.tablespaces.length > 0) throw new UnsupportedDataFolderError(`the server has tablespaces (${facts.tablespaces.join(', ')}) whose files are outside its data folder: the copy method does not back them up`);
    opts.log(`PostgreSQL ${facts.version}, data folder ${local} on this machine: copying it through the backup API`);
    return { method: 'copy', dataDir: local };
  }
  const why = wanted === 'pg_basebackup' ? '(--method pg_basebackup)' : `(its data folder${facts.dataDirectory ? `, ${facts.dataDirectory},` : ''} is not on this machine)`;
  const tool = assertBasebackupFits(await (opts.findBasebackup ?? findPgBasebackup)(), facts, why);
  if (facts.tablespaces.length > 0) throw new UnsupportedDataFolderError(`the server has tablespaces (${facts.tablespaces.join(', ')}): a plain-format pg_basebackup would write them to their paths on this machine; not supported`);
  opts.log(`PostgreSQL ${facts.version}, data folder not on this machine: pg_basebackup ${tool.version}`);
  return { method: 'pg_basebackup', tool };
}

/** Staging folders and partial archives of a run that was killed (we hold the lock: no run is going). */
function removeLeftovers(dir: string, log: (line: string) => void): void {
  for (const name of readdirSync(dir)) {
    if (!name.startsWith('.staging-') && !name.endsWith('.tar.gz.partial')) continue;
    log(`removing ${join(dir, name)}, left by a backup that did not finish`);
    rmSync(join(dir, name), { recursive: true, force: true });
  }
}
