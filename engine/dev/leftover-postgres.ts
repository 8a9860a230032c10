// What an earlier run may have left in the embedded PostgreSQL's data folder when it died without stopping its
// server (kill -9, OOM, a crash that took the watchdog too): the server itself, orphaned but still running and
// holding the folder's lock file postmaster.pid; or a lock file whose pid now belongs to some other process
// (after a reboot), which PostgreSQL would take for a live server and refuse to start.
import { readFileSync, unlinkSync } from 'node:fs';
import { basename, join } from 'node:path';
import { StartConflictError } from './port-holder';
import { commandLine, isRunning, liveNodeParent, processInfo, samePath, signalAndWait, type ProcessInfo } from './processes';

/** A postmaster (not a backend: those rename themselves "postgres: …") whose -D is this data folder. */
function isPostmasterOf(proc: ProcessInfo, databaseDir: string): boolean {
  const d = proc.argv.indexOf('-D');
  const dataDirArg = d >= 0 ? proc.argv[d + 1] : undefined;
  return basename(proc.argv[0] ?? '') === 'postgres' && !!dataDirArg && samePath(dataDirArg, databaseDir);
}

export async function clearLeftoverPostgres(databaseDir: string, log: (line: string) => void): Promise<void> {
  const lockFile = join(databaseDir, 'postmaster.pid');
  let lock: string;
  try {
    lock = readFileSync(lockFile, 'utf8');
  } catch {
    return; // no lock file: nothing runs on this folder
  }
  // postmaster.pid: pid, data folder, start time, port, … (PostgreSQL's miscadmin.h, LOCK_FILE_LINE_*).
  const [pidLine = '', , , portLine = ''] = lock.split('\n');
  const pid = Number(pidLine.trim());
  // A dead pid: PostgreSQL recognises the stale lock itself and recovers from the crash as it starts.
  if (!Number.isInteger(pid) || pid <= 0 || !isRunning(pid)) return;
  const server = processInfo(pid);
  if (!server) {
    throw new StartConflictError(
      `Cannot start: ${lockFile} names pid ${pid}, which is running but cannot be inspected. If it is not PostgreSQL on ${databaseDir}, delete the stale lock file (rm ${lockFile}); if it is, stop it (kill -INT ${pid}).`,
    );
  }
  // Ours is told by the server's own command line (-D), not by the file, which names this folder anyway.
  if (!isPostmasterOf(server, databaseDir)) {
    // The postmaster that wrote the file is gone and its pid was reused. A server still on this folder would be
    // that pid; orphaned backends, were there any, are still caught by PostgreSQL's shared-memory interlock.
    log(`Removing the stale lock file ${lockFile}: its pid ${pid} is now another process (${commandLine(server).slice(0, 200)})`);
    unlinkSync(lockFile);
    return;
  }
  const owner = liveNodeParent(server);
  if (owner) {
    throw new StartConflictError(
      `Cannot start: the embedded PostgreSQL on ${databaseDir} (pid ${pid}) belongs to a run that is still going, pid ${owner.pid} (${commandLine(owner).slice(0, 200)}). ` +
        `Stop that one first (Ctrl-C in its terminal, or \`kill ${owner.pid}\`), or give this one its own DATA_DIR.`,
    );
  }
  log(`The embedded PostgreSQL of an earlier run is still running (pid ${pid}, port ${portLine.trim()}, ${databaseDir}); stopping it`);
  // SIGINT is PostgreSQL's fast shutdown (sessions ended, checkpoint written); SIGQUIT its immediate one.
  if ((await signalAndWait(pid, 'SIGINT', 30_000)) || (await signalAndWait(pid, 'SIGQUIT', 10_000))) return;
  throw new StartConflictError(`Cannot start: the embedded PostgreSQL of an earlier run (pid ${pid}, ${databaseDir}) did not stop on SIGINT nor SIGQUIT. Stop it with \`kill -9 ${pid}\` and start again.`);
}
