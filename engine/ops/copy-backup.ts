// The backup of a server whose data folder is on this machine, through PostgreSQL's low-level backup API over
// SQL (documentation: "Making a Base Backup Using the Low Level API"), so no client program of the server's
// version is needed (the embedded server ships none). On one session, held for the whole backup:
//   1. a temporary physical replication slot, reserving WAL at once, so the server keeps every segment the copy
//      needs however long it takes (the slot goes when the session ends, even if we crash);
//   2. pg_backup_start(label, fast): an immediate checkpoint; replay will start from its redo point;
//   3. the data folder copied (data-folder-copy.ts);
//   4. pg_backup_stop(): the end-of-backup record, a switch to the next WAL segment, and the backup label, written
//      into the copy as backup_label (it tells the restored server where replay starts);
//   5. the WAL segments from the start's to the stop's copied into the copy's pg_wal.
// The copy then starts like a server after a crash: it replays the WAL to past the end of the backup and comes up
// as a primary, every database (Tingvalla's and Temporal's two) as of one moment.
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { QueryTypes } from 'sequelize';
import { createSequelize } from '../db/database';
import { copyDataFolder, type CopyResult } from './data-folder-copy';
import { historyFiles, labelTimeline, segmentsBetween } from './wal-segments';

export interface CopyBackupResult {
  startLsn: string;
  stopLsn: string;
  walSegments: number;
  copy: CopyResult;
}

export async function copyBackup(opts: { ownerUrl: string; dataDir: string; into: string; label: string; log: (line: string) => void }): Promise<CopyBackupResult> {
  const session = createSequelize(opts.ownerUrl);
  try {
    // One transaction pins one connection: the backup belongs to the session that started it.
    return await session.transaction(async (transaction) => {
      const one = async <T extends object>(sql: string, bind: unknown[] = []) => (await session.query<T>(sql, { bind, type: QueryTypes.SELECT, transaction }))[0]!;
      // A server's timeouts for idle transactions or long statements must not end the backup half-way.
      await session.query('SET LOCAL idle_in_transaction_session_timeout = 0; SET LOCAL statement_timeout = 0', { transaction });
      const { segmentBytes } = await one<{ segmentBytes: number }>("SELECT setting::int AS \"segmentBytes\" FROM pg_settings WHERE name = 'wal_segment_size'");
      await one(`SELECT pg_create_physical_replication_slot('tingvalla_backup_' || pg_backend_pid(), immediately_reserve => true, temporary => true)`);
      const { startLsn } = await one<{ startLsn: string }>('SELECT pg_backup_start($1, fast => true)::text AS "startLsn"', [opts.label]);
      opts.log(`backup started at WAL ${startLsn} (checkpoint done); copying the data folder ${opts.dataDir}…`);
      const copy = await copyDataFolder(opts.dataDir, opts.into).catch((err: unknown) => {
        if ((err as NodeJS.ErrnoException).code !== 'EACCES') throw err;
        throw new Error(`${(err as Error).message}: this user may read the server's lock file but not all of its data folder; run the backup as the server's user, or with --method pg_basebackup`, { cause: err });
      });
      const stop = await one<{ stopLsn: string; labelfile: string; spcmapfile: string | null }>('SELECT lsn::text AS "stopLsn", labelfile, spcmapfile FROM pg_backup_stop(wait_for_archive => false)');
      await writeFile(join(opts.into, 'backup_label'), stop.labelfile, { mode: 0o600 });
      if (stop.spcmapfile) await writeFile(join(opts.into, 'tablespace_map'), stop.spcmapfile, { mode: 0o600 });
      const walFrom = join(opts.dataDir, 'pg_wal');
      const walTo = join(opts.into, 'pg_wal');
      // The folders the server keeps in pg_wal (summaries: PostgreSQL 17 and later), as pg_basebackup makes them.
      await mkdir(join(walTo, 'archive_status'), { recursive: true, mode: 0o700 });
      if (Number((await readFile(join(opts.dataDir, 'PG_VERSION'), 'utf8')).trim()) >= 17) await mkdir(join(walTo, 'summaries'), { mode: 0o700 });
      const segments = segmentsBetween(labelTimeline(stop.labelfile), startLsn, stop.stopLsn, segmentBytes);
      for (const segment of [...segments, ...(await historyFiles(walFrom))]) {
        await copyFile(join(walFrom, segment), join(walTo, segment)).catch((err: unknown) => {
          throw new Error(`WAL ${segment} could not be copied from ${walFrom} (the temporary slot should have kept it): ${(err as Error).message}`, { cause: err });
        });
      }
      opts.log(`backup stopped at WAL ${stop.stopLsn}: ${copy.files} files (${(copy.bytes / 1048576).toFixed(1)} MB${copy.vanished ? `, ${copy.vanished} vanished while copying` : ''}) and ${segments.length} WAL segments`);
      return { startLsn, stopLsn: stop.stopLsn, walSegments: segments.length, copy };
    });
  } finally {
    // Closing the session ends a backup that failed half-way and drops the temporary slot.
    await session.close();
  }
}
