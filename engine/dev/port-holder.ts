// Before a development server is started on a fixed port: is the port free, and if not, which process holds it?
// A server that finds its port taken only says "address already in use"; the developer needs the pid, the
// command line and what to do.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { commandLine, processInfo, type ProcessInfo } from './processes';

/** Something that is not ours stands in the way of a start; the message says what and what to run. */
export class StartConflictError extends Error {
  override name = 'StartConflictError';
}

export function portIsFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolvePromise) => {
    const server = createServer();
    server.once('error', () => resolvePromise(false));
    server.listen(port, host, () => server.close(() => resolvePromise(true)));
  });
}

/** Socket inodes listening on the port, from the kernel's tables (Linux). */
function listeningInodes(port: number): Set<string> {
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let lines: string[];
    try {
      lines = readFileSync(table, 'utf8').split('\n').slice(1);
    } catch {
      continue;
    }
    for (const line of lines) {
      const f = line.trim().split(/\s+/);
      const localPort = f[1]?.split(':')[1];
      // f[3] is the socket state, 0A = LISTEN; f[9] its inode.
      if (localPort && parseInt(localPort, 16) === port && f[3] === '0A' && f[9]) inodes.add(f[9]);
    }
  }
  return inodes;
}

function holderFromProc(port: number): number | undefined {
  const inodes = listeningInodes(port);
  if (inodes.size === 0) return undefined;
  const wanted = new Set([...inodes].map((inode) => `socket:[${inode}]`));
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue; // another user's process, or gone
    }
    for (const fd of fds) {
      try {
        if (wanted.has(readlinkSync(`/proc/${pid}/fd/${fd}`))) return Number(pid);
      } catch {
        // closed meanwhile
      }
    }
  }
  return undefined;
}

function holderFromLsof(port: number): number | undefined {
  try {
    const out = execFileSync('lsof', ['-nP', `-iTCP:${port}`, '-sTCP:LISTEN', '-t'], { encoding: 'utf8' });
    const pid = Number(out.split('\n')[0]);
    return pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** The process listening on the TCP port, when it can be found. */
export function whoListensOn(port: number): ProcessInfo | undefined {
  const pid = process.platform === 'linux' ? holderFromProc(port) : holderFromLsof(port);
  return pid === undefined ? undefined : processInfo(pid);
}

/**
 * Refuses to go on when the port is taken: by now whatever an earlier run of ours left has been stopped, so the
 * holder is someone else's and is left alone. `purpose` says what the port is for, `setting` where it is chosen.
 */
export async function ensurePortFree(port: number, purpose: string, setting: string): Promise<void> {
  if (await portIsFree(port)) return;
  const holder = whoListensOn(port);
  const who = holder
    ? `pid ${holder.pid} (${commandLine(holder).slice(0, 300)})`
    : `another process (see \`ss -ltnp 'sport = :${port}'\` or \`lsof -nP -iTCP:${port} -sTCP:LISTEN\`)`;
  const stop = holder ? `stop it (\`kill ${holder.pid}\`)` : 'stop it';
  throw new StartConflictError(
    `Cannot start: port ${port}, needed for ${purpose} (${setting}), is held by ${who}. It was not started by this project on this data folder, so it is left running. ` +
      `Either ${stop}, or choose another port: ${setting}=<free port> npm start.`,
  );
}
