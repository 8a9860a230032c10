// Servers this process starts (the embedded PostgreSQL, the Temporal dev server) must not outlive it, however it
// ends: an orderly stop ends them itself, but kill -9, the OOM killer or a crash do not run any code of ours.
// So a tiny watchdog process (watchdog.sh) holds a pipe from us; the kernel closes that pipe when we die, for any
// reason, and the watchdog then stops every server still registered. It runs in its own session so that a signal
// meant for our process group (Ctrl-C, a closed terminal) does not take it down before it has done its job.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const SCRIPT = join(__dirname, 'watchdog.sh');

let watchdog: ChildProcess | undefined;

function startWatchdog(): ChildProcess | undefined {
  if (process.platform === 'win32') return undefined;
  const child = spawn('/bin/sh', [SCRIPT], { detached: true, stdio: ['pipe', 'ignore', 'ignore'] });
  // It must never keep this process alive, and a watchdog that died (someone killed it) must not crash us.
  child.unref();
  child.on('error', () => undefined);
  child.stdin!.on('error', () => undefined);
  (child.stdin as unknown as { unref?: () => void }).unref?.();
  return child;
}

/**
 * Has the watchdog send `signal` to `pid` once this process is gone. The returned function takes that back: call it
 * when the server has ended, so that a later process reusing its pid is never signalled.
 */
export function stopWithThisProcess(pid: number, signal: 'SIGINT' | 'SIGTERM'): () => void {
  watchdog ??= startWatchdog();
  watchdog?.stdin?.write(`watch ${pid} ${signal.replace(/^SIG/, '')}\n`);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    watchdog?.stdin?.write(`unwatch ${pid}\n`);
  };
}
