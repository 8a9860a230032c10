// Keeping BACKUP_RETENTION_DAYS of backups: after a successful new backup, those made before the cut-off go
// (archive and manifest), and so do archives a crashed run left without a manifest. The newest finished backup is
// never deleted, whatever its age: a machine whose clock jumped must not lose its only backup.
import { rmSync } from 'node:fs';
import { basename } from 'node:path';
import { listBackups } from './manifest';

/** The time in a backup's name (tingvalla-20261201T120000123Z.tar.gz). */
export function backupTime(archive: string): Date {
  const m = /^tingvalla-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z/.exec(basename(archive));
  if (!m) throw new Error(`not a backup's name: ${archive}`);
  const [, y, mo, d, h, mi, s, ms] = m.map(Number) as number[];
  return new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!, s!, ms!));
}

/** Deletes what is older than `retentionDays` before `now`; returns the archives deleted. */
export function pruneBackups(dir: string, retentionDays: number, now = new Date()): string[] {
  const cutoff = now.getTime() - retentionDays * 86_400_000;
  const backups = listBackups(dir);
  const newestFinished = backups.filter((b) => b.manifest).at(-1);
  const deleted: string[] = [];
  for (const b of backups) {
    if (b === newestFinished || backupTime(b.archive).getTime() >= cutoff) continue;
    rmSync(b.archive, { force: true });
    rmSync(b.manifestFile, { force: true });
    deleted.push(b.archive);
  }
  return deleted;
}
