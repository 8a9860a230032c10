// The Temporal CLI dev server (`temporal server start-dev`), started when TEMPORAL_ADDRESS is unset.
// It registers the namespace and the platform's search attributes at start, so workflows can always set them.
// Before it starts, a server an earlier run left on the same SQLite file is stopped (leftover-dev-server.ts) and
// the ports are checked; once it runs, the watchdog stops it should this process die without stopping it.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { Connection } from '@temporalio/client';
import { SEARCH_ATTRIBUTE_DEFINITIONS } from '../temporal/search-attributes';
import { clearLeftoverDevServer } from './leftover-dev-server';
import { ensurePortFree } from './port-holder';
import { stopWithThisProcess } from './watchdog';

export interface DevServerOptions {
  cli: string;
  namespace: string;
  port: number;
  uiPort: number;
  /** SQLite file that keeps workflows across restarts; undefined keeps everything in memory (tests). */
  dbFile?: string;
  log?: (line: string) => void;
}

/** The UI lives under this path and asks the same origin's /codec to decode: the admin site proxies both. */
export const UI_PUBLIC_PATH = '/temporal';
export const UI_CODEC_ENDPOINT = '/codec';

export interface RunningDevServer {
  address: string;
  /** Origin of the Web UI (its pages are under UI_PUBLIC_PATH). */
  uiUrl: string;
  /** The server process (benchmarks read its CPU time). */
  pid?: number;
  stop(): Promise<void>;
}

export async function startTemporalDevServer(opts: DevServerOptions): Promise<RunningDevServer> {
  if (opts.dbFile) await clearLeftoverDevServer({ cli: opts.cli, dbFile: opts.dbFile, log: opts.log ?? (() => undefined) });
  await ensurePortFree(opts.port, "the Temporal dev server's gRPC", 'TEMPORAL_DEV_PORT');
  await ensurePortFree(opts.uiPort, "the Temporal dev server's Web UI", 'TEMPORAL_DEV_UI_PORT');
  const args = [
    'server', 'start-dev',
    '--ip', '127.0.0.1',
    '--port', String(opts.port),
    '--ui-port', String(opts.uiPort),
    '--namespace', opts.namespace,
    '--log-level', 'error',
    ...(opts.dbFile ? ['--db-filename', opts.dbFile] : []),
    '--ui-public-path', UI_PUBLIC_PATH,
    '--ui-codec-endpoint', UI_CODEC_ENDPOINT,
    ...SEARCH_ATTRIBUTE_DEFINITIONS.flatMap(({ name, cliType }) => ['--search-attribute', `${name}=${cliType}`]),
  ];
  // A server that keeps a SQLite file writes its errors to a log file beside it, not to a pipe of ours: a pipe
  // would kill it (SIGPIPE) at its next error line once we are gone, so whether a crash leaves it running would
  // depend on timing. Left running, the next start finds and stops it (leftover-dev-server.ts).
  const logFile = opts.dbFile ? `${opts.dbFile}.log` : undefined;
  const logFd = logFile ? openSync(logFile, 'a') : undefined;
  const child = spawn(opts.cli, args, { stdio: ['ignore', 'ignore', logFd ?? 'pipe'] });
  if (logFd !== undefined) closeSync(logFd);
  // Registered at once: from here on, a crash of ours must not leave it running.
  if (child.pid) child.once('exit', stopWithThisProcess(child.pid, 'SIGTERM'));
  let piped = '';
  child.stderr?.on('data', (d: Buffer) => {
    piped = (piped + d.toString()).slice(-4000);
  });
  const stderr = () => (logFile ? tailOf(logFile) : piped);
  const address = `127.0.0.1:${opts.port}`;
  await waitUntilServing(child, address, stderr);
  return {
    address,
    uiUrl: `http://127.0.0.1:${opts.uiPort}`,
    ...(child.pid ? { pid: child.pid } : {}),
    stop: () => stopChild(child),
  };
}

function tailOf(file: string): string {
  try {
    return readFileSync(file, 'utf8').slice(-4000);
  } catch {
    return '';
  }
}

async function waitUntilServing(child: ChildProcess, address: string, stderr: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  let exited: number | null | undefined;
  child.once('exit', (code) => (exited = code));
  while (Date.now() < deadline) {
    if (exited !== undefined) throw new Error(`temporal server start-dev exited with ${exited}: ${stderr()}`);
    try {
      const connection = await Connection.connect({ address, connectTimeout: 1000 });
      await connection.workflowService.getSystemInfo({});
      await connection.close();
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  child.kill('SIGKILL');
  throw new Error(`temporal server start-dev did not answer on ${address} within 60 s: ${stderr()}`);
}

/** SIGTERM, then SIGKILL if it has not exited after `graceMs`. */
export function stopChild(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolvePromise) => {
    const killer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(killer);
      resolvePromise();
    });
    child.kill('SIGTERM');
  });
}
