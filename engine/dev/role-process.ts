// One Tingvalla role process (engine/role.ts: `api` or `worker`) run by a harness on one machine — the cluster
// stack (cluster-stack.ts). Each runs in its own process group, so a terminal's Ctrl-C reaches only the harness,
// which then stops the roles in order; each is registered with the watchdog, so a harness that dies (kill -9,
// a crash) does not leave it running.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { rootDir } from '../config';
import { stopWithThisProcess } from './watchdog';

export type RoleKind = 'api' | 'worker';

export interface RoleProcess {
  /** e.g. `worker-1`: the name its output lines carry. */
  name: string;
  kind: RoleKind;
  /** An API's HTTP port; a worker's /healthz and /readyz. */
  port: number;
  child: ChildProcess;
}

/** A worker finishes the tasks it holds on SIGTERM (README: give it 60 s); after that it is killed. */
const STOP_GRACE_MS = 60_000;

export function spawnRole(name: string, kind: RoleKind, port: number, env: NodeJS.ProcessEnv, onLine: (line: string) => void): RoleProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', join(rootDir, 'engine/role.ts'), kind], {
    cwd: rootDir,
    env: { ...env, PORT: String(port) },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (child.pid) child.once('exit', stopWithThisProcess(child.pid, 'SIGTERM'));
  for (const stream of [child.stdout!, child.stderr!]) {
    let rest = '';
    stream.on('data', (chunk: Buffer) => {
      const lines = (rest + chunk.toString('utf8')).split('\n');
      rest = lines.pop()!;
      for (const line of lines) onLine(line);
    });
    stream.on('end', () => rest && onLine(rest));
  }
  return { name, kind, port, child };
}

export const hasExited = (r: RoleProcess): boolean => r.child.exitCode !== null || r.child.signalCode !== null;

/** Whether its /readyz answers 200 now (PostgreSQL and Temporal answer; in a worker, its worker runs). */
export async function isReady(r: RoleProcess): Promise<boolean> {
  try {
    const res = await fetch(`http://127.0.0.1:${r.port}/readyz`, { signal: AbortSignal.timeout(2000) });
    await res.arrayBuffer();
    return res.status === 200;
  } catch {
    return false;
  }
}

export async function waitReady(r: RoleProcess, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    if (hasExited(r)) throw new Error(`${r.name} exited with ${r.child.exitCode ?? r.child.signalCode} before it was ready (its output says why)`);
    try {
      const res = await fetch(`http://127.0.0.1:${r.port}/readyz`);
      if (res.status === 200) return;
      last = `${res.status} ${await res.text()}`;
    } catch (err) {
      last = String(err);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${r.name} /readyz did not answer 200 within ${timeoutMs / 1000} s (last: ${last})`);
}

/** Sends `signal` and resolves once the process has exited (at once if it had). */
export function signalRole(r: RoleProcess, signal: NodeJS.Signals): Promise<void> {
  if (hasExited(r)) return Promise.resolve();
  const exited = new Promise<void>((resolve) => r.child.once('exit', () => resolve()));
  r.child.kill(signal);
  return exited;
}

/** The orderly stop: SIGTERM, and SIGKILL should it outlast the grace. */
export async function stopRole(r: RoleProcess, graceMs = STOP_GRACE_MS): Promise<void> {
  if (hasExited(r)) return;
  const killer = setTimeout(() => r.child.kill('SIGKILL'), graceMs);
  await signalRole(r, 'SIGTERM');
  clearTimeout(killer);
}
