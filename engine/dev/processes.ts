// Looking at other processes, to tell whether what sits on our data folder or ports was started by an earlier
// run (and may be stopped) or by something else (and is left alone). Linux reads /proc; elsewhere `ps` gives
// the command lines (split on spaces, which is enough to recognise our own binaries and paths).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { basename } from 'node:path';

export interface ProcessInfo {
  pid: number;
  /** The parent: the process that started it, or whoever adopted it when that one died (init, a subreaper). */
  ppid: number;
  argv: string[];
  /** One-letter state as `ps` shows it; 'Z' is a zombie, finished but not yet reaped by its parent. */
  state: string;
}

const hasProc = existsSync('/proc/self/cmdline');

function fromProc(pid: number): ProcessInfo | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name in parentheses may contain spaces; state and parent are the first fields after it.
    const [state = '', ppid = '0'] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    return { pid, ppid: Number(ppid), argv, state };
  } catch {
    return undefined;
  }
}

function fromPs(args: string[]): ProcessInfo[] {
  let out: string;
  try {
    out = execFileSync('ps', [...args, '-o', 'pid=,ppid=,state=,command='], { encoding: 'utf8' });
  } catch {
    return []; // ps exits 1 when a -p pid does not exist
  }
  return out
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(\S+)\s+(.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ pid: Number(m[1]), ppid: Number(m[2]), state: m[3]!.charAt(0), argv: m[4]!.split(' ') }));
}

export function processInfo(pid: number): ProcessInfo | undefined {
  return hasProc ? fromProc(pid) : fromPs(['-p', String(pid)])[0];
}

export function listProcesses(): ProcessInfo[] {
  if (!hasProc) return fromPs(['-ax']);
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map((name) => fromProc(Number(name)))
    .filter((p): p is ProcessInfo => p !== undefined);
}

export const commandLine = (p: ProcessInfo): string => p.argv.join(' ');

/** The path with symbolic links resolved, so that two spellings of one folder compare equal. */
export function samePath(a: string, b: string): boolean {
  const real = (path: string) => {
    try {
      return realpathSync(path);
    } catch {
      return path;
    }
  };
  return real(a) === real(b);
}

/**
 * The Node.js process that started this server and still runs it, or undefined when the server is an orphan:
 * once its parent has died it is adopted by init or a subreaper, never by a Node.js process.
 */
export function liveNodeParent(server: ProcessInfo): ProcessInfo | undefined {
  if (server.ppid <= 1) return undefined;
  const parent = processInfo(server.ppid);
  const program = basename(parent?.argv[0] ?? '');
  return parent && (program === 'node' || program === basename(process.execPath)) ? parent : undefined;
}

/** The process exists and has not finished (a zombie has: it only waits for its parent to collect it). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    // EPERM: it exists but belongs to someone else.
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  return processInfo(pid)?.state !== 'Z';
}

/** Sends the signal and waits up to graceMs for the process to end; false when it is still running. */
export async function signalAndWait(pid: number, signal: NodeJS.Signals, graceMs: number): Promise<boolean> {
  try {
    process.kill(pid, signal);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ESRCH') return true;
    throw err;
  }
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    if (!isRunning(pid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return !isRunning(pid);
}
