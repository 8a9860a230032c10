// What an earlier run may have left of the Temporal dev server when it died without stopping it (kill -9, OOM,
// a crash that took the watchdog too): the server, orphaned but still running on our SQLite file and holding the
// gRPC and UI ports. It is stopped only when its command line names our binary and our SQLite file and no live
// run owns it; anything else on those ports is reported by the port check, not touched.
import { StartConflictError } from './port-holder';
import { commandLine, listProcesses, liveNodeParent, samePath, signalAndWait, type ProcessInfo } from './processes';

function isDevServerOn(proc: ProcessInfo, cli: string, dbFile: string): boolean {
  const { argv } = proc;
  const d = argv.indexOf('--db-filename');
  const db = d >= 0 ? argv[d + 1] : undefined;
  return argv.includes('start-dev') && !!db && samePath(db, dbFile) && !!argv[0] && samePath(argv[0], cli);
}

export async function clearLeftoverDevServer(opts: { cli: string; dbFile: string; log: (line: string) => void }): Promise<void> {
  for (const server of listProcesses().filter((p) => isDevServerOn(p, opts.cli, opts.dbFile))) {
    const owner = liveNodeParent(server);
    if (owner) {
      throw new StartConflictError(
        `Cannot start: the Temporal dev server on ${opts.dbFile} (pid ${server.pid}) belongs to a run that is still going, pid ${owner.pid} (${commandLine(owner).slice(0, 200)}). ` +
          `Stop that one first (Ctrl-C in its terminal, or \`kill ${owner.pid}\`), or give this one its own DATA_DIR.`,
      );
    }
    opts.log(`The Temporal dev server of an earlier run is still running (pid ${server.pid}, ${opts.dbFile}); stopping it`);
    // SQLite survives a SIGKILL; SIGTERM first lets the server close the file itself.
    if ((await signalAndWait(server.pid, 'SIGTERM', 15_000)) || (await signalAndWait(server.pid, 'SIGKILL', 5_000))) continue;
    throw new StartConflictError(`Cannot start: the Temporal dev server of an earlier run (pid ${server.pid}: ${commandLine(server).slice(0, 200)}) did not stop. Stop it with \`kill -9 ${server.pid}\` and start again.`);
  }
}
