// Copies a running server's data folder for a base backup (between pg_backup_start and pg_backup_stop), leaving
// out what PostgreSQL's documentation says to leave out ("Making a Base Backup Using the Low Level API") and what
// pg_basebackup leaves out (src/backend/backup/basebackup.c): files that are rebuilt or emptied at start, the
// server's lock file, WAL (the backup brings its own: wal-segments.ts) and replication slots (the copy is a new
// primary, not a standby). A file that vanishes while we copy (a table dropped meanwhile) is simply not there:
// WAL replay knows it is gone. A file written while we copy may be torn: replay rewrites every page changed since
// the backup's checkpoint (full-page writes), which is why the WAL is part of the backup.
import { constants } from 'node:fs';
import { copyFile, lstat, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Folders kept empty in the copy: their contents are rebuilt, emptied or not wanted at start. */
const CONTENTS_LEFT_OUT = new Set(['pg_wal', 'pg_stat_tmp', 'pg_replslot', 'pg_dynshmem', 'pg_notify', 'pg_serial', 'pg_snapshots', 'pg_subtrans']);
/** Files of the top folder left out: the lock file and its options, an earlier backup's label, temporary files. */
const TOP_FILES_LEFT_OUT = new Set(['postmaster.pid', 'postmaster.opts', 'backup_label', 'tablespace_map', 'backup_manifest', 'postgresql.auto.conf.tmp', 'current_logfiles.tmp']);
/** The relation cache (rebuilt at start), temporary files and temporary tables' files (removed at start). */
const leftOutAnywhere = (name: string) => name.startsWith('pg_internal.init') || name.startsWith('pgsql_tmp') || /^t\d+_\d+(_(fsm|vm|init))?(\.\d+)?$/.test(name);

export interface CopyResult {
  files: number;
  bytes: number;
  /** Files that vanished between listing and copying. */
  vanished: number;
}

export class UnsupportedDataFolderError extends Error {
  override name = 'UnsupportedDataFolderError';
}

const isGone = (err: unknown) => (err as NodeJS.ErrnoException).code === 'ENOENT';

export async function copyDataFolder(from: string, to: string): Promise<CopyResult> {
  const result: CopyResult = { files: 0, bytes: 0, vanished: 0 };
  await mkdir(to, { recursive: true, mode: 0o700 });
  await copyFolder(from, to, '', result);
  // pg_control goes last, as pg_basebackup sends it: of all files it must be read during the backup, and a
  // restore that stopped half-way then has none and cannot be started by mistake.
  result.bytes += await copyControlFile(join(from, 'global', 'pg_control'), join(to, 'global', 'pg_control'));
  result.files += 1;
  return result;
}

async function copyFolder(fromRoot: string, toRoot: string, rel: string, result: CopyResult): Promise<void> {
  let entries: string[];
  try {
    entries = await readdir(join(fromRoot, rel));
  } catch (err) {
    if (isGone(err)) return; // a database dropped while we copy
    throw err;
  }
  for (const name of entries) {
    const path = rel ? join(rel, name) : name;
    if (leftOutAnywhere(name) || (rel === '' && TOP_FILES_LEFT_OUT.has(name)) || path === join('global', 'pg_control')) continue;
    let stat;
    try {
      stat = await lstat(join(fromRoot, path));
    } catch (err) {
      if (isGone(err)) {
        result.vanished += 1;
        continue;
      }
      throw err;
    }
    if (stat.isSymbolicLink()) {
      // pg_wal may be a link (initdb -X): its contents are not copied anyway. Anything else is a tablespace.
      if (path === 'pg_wal') {
        await mkdir(join(toRoot, path), { mode: 0o700 });
        continue;
      }
      throw new UnsupportedDataFolderError(`${join(fromRoot, path)} is a symbolic link (a tablespace outside the data folder): the copy method backs up only the data folder; use pg_basebackup for servers with tablespaces`);
    }
    if (stat.isDirectory()) {
      await mkdir(join(toRoot, path), { mode: 0o700 });
      if (rel === '' && CONTENTS_LEFT_OUT.has(name)) continue;
      if (path === 'pg_tblspc') {
        const links = await readdir(join(fromRoot, path));
        if (links.length > 0) throw new UnsupportedDataFolderError(`the server has tablespaces (${links.join(', ')} in pg_tblspc): the copy method backs up only the data folder; use pg_basebackup`);
        continue;
      }
      await copyFolder(fromRoot, toRoot, path, result);
      continue;
    }
    if (!stat.isFile()) continue; // sockets, fifos: not data
    try {
      await copyFile(join(fromRoot, path), join(toRoot, path), constants.COPYFILE_FICLONE);
      result.files += 1;
      result.bytes += stat.size;
    } catch (err) {
      if (!isGone(err)) throw err;
      result.vanished += 1;
    }
  }
}

/**
 * The server rewrites pg_control in place (8 kB, its contents and CRC in the first few hundred bytes); a read
 * that overlaps such a write could give a torn copy that fails its CRC at start. Two equal reads in a row are a
 * whole one.
 */
async function copyControlFile(from: string, to: string): Promise<number> {
  let previous = await readFile(from);
  for (let attempt = 0; attempt < 20; attempt++) {
    const again = await readFile(from);
    if (again.equals(previous)) {
      await writeFile(to, again, { mode: 0o600 });
      return again.length;
    }
    previous = again;
  }
  throw new Error(`${from} changed on every read (20 tries): could not copy it whole`);
}
