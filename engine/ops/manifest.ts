// A backup is two files side by side in BACKUP_DIR: the archive `tingvalla-<UTC time>.tar.gz` (the server's data
// folder as `pgdata/`, WAL included) and its manifest `tingvalla-<UTC time>.json`, written last: an archive without
// a manifest is an unfinished backup. The manifest is also inside the archive (without the checksum, which cannot
// be), so a copy that lost its neighbour still says what it is.
import { existsSync, readdirSync, readFileSync, writeFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';

export const MANIFEST_FORMAT = 1;
export const ARCHIVE_DATA_FOLDER = 'pgdata';
export const MANIFEST_IN_ARCHIVE = 'backup-manifest.json';

export type BackupMethod = 'copy' | 'pg_basebackup';

export interface BackupManifest {
  format: typeof MANIFEST_FORMAT;
  /** The archive's file name, beside this manifest. */
  archive: string;
  label: string;
  /**
   * `copy`: the data folder copied between pg_backup_start and pg_backup_stop (a server whose files are local);
   * `pg_basebackup`: PostgreSQL's own tool over the replication protocol (any other server).
   */
  method: BackupMethod;
  startedAt: string;
  /** When the copy ended (pg_backup_stop): a restore brings every database back to this moment. */
  finishedAt: string;
  /** From the start to the end of the copy; packing and the checksum come after. */
  durationMs: number;
  server: { version: string; versionNum: number; systemIdentifier: string };
  /** WAL location of the backup's start (its checkpoint's redo point) and end: replay runs from one to past the other. */
  startLsn: string;
  stopLsn: string;
  databases: { name: string; bytes: number }[];
  /** Size of the archive, and its SHA-256 (hex). */
  bytes: number;
  sha256: string;
}

const NAME = /^tingvalla-(\d{8}T\d{9}Z)\.tar\.gz$/;

/** `tingvalla-20261201T120000123Z`: UTC to the millisecond, so names sort by time. */
export function backupBaseName(at: Date): string {
  return `tingvalla-${at.toISOString().replace(/[-:.]/g, '')}`;
}

export const manifestFileOf = (archivePath: string): string => archivePath.replace(/\.tar\.gz$/, '.json');

export function writeManifest(path: string, manifest: BackupManifest): void {
  // Written beside and renamed: a crash never leaves a half manifest that would make the backup look finished.
  writeFileSync(`${path}.tmp`, `${JSON.stringify(manifest, null, 2)}\n`);
  renameSync(`${path}.tmp`, path);
}

export function readManifest(path: string): BackupManifest {
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as BackupManifest;
  if (manifest.format !== MANIFEST_FORMAT) throw new Error(`${path}: manifest format ${String(manifest.format)}, this version reads ${MANIFEST_FORMAT}`);
  return manifest;
}

export interface StoredBackup {
  archive: string;
  manifestFile: string;
  /** Absent when the archive has no manifest beside it (an unfinished or damaged backup). */
  manifest?: BackupManifest;
}

/** The backups in `dir`, oldest first (by the time in their names). */
export function listBackups(dir: string): StoredBackup[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => NAME.test(f))
    .sort()
    .map((f) => {
      const archive = join(dir, f);
      const manifestFile = manifestFileOf(archive);
      let manifest: BackupManifest | undefined;
      try {
        manifest = existsSync(manifestFile) ? readManifest(manifestFile) : undefined;
      } catch {
        manifest = undefined;
      }
      return { archive, manifestFile, ...(manifest ? { manifest } : {}) };
    });
}

/** The newest finished backup (with its manifest) in `dir`. */
export function latestBackup(dir: string): StoredBackup | undefined {
  return listBackups(dir)
    .filter((b) => b.manifest)
    .at(-1);
}
