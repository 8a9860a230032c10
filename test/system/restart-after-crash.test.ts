// Starting again after a crash (issue 11, section 5). `npm start` killed with SIGKILL — a crash, a closed laptop,
// the OOM killer — must not leave its embedded PostgreSQL and Temporal dev server running, must come up again on
// the same data folder even when an earlier crash did leave them, and must name whatever else holds one of its
// ports. Runs the real start sequence (test/system/start-without-ui.ts) on the embedded PostgreSQL — no
// DATABASE_URL — in a temporary DATA_DIR on free ports. It kills only processes its own runs started.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describeFailure } from '../../engine/dev/describe-failure';
import { freePort } from '../helpers/ports';

const ROOT = resolve(__dirname, '../..');
const ENTRY = join(__dirname, 'start-without-ui.ts');
// A start takes 5–30 s here (the first one initialises the cluster); the whole file stays under about 4 minutes.
const START_TIMEOUT_MS = 60_000;

// ---- processes, read from /proc (Linux, like CI) ----

interface Proc {
  pid: number;
  ppid: number;
  state: string;
  /** Start time in clock ticks since boot: with the pid, it tells a process from a later one that reuses the pid. */
  startTime: string;
  args: string;
}

function readProc(pid: number): Proc | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name in parentheses may hold spaces; the fields after it are fixed.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');
    return { pid, ppid: Number(fields[1]), state: fields[0]!, startTime: fields[19]!, args };
  } catch {
    return undefined;
  }
}

function allProcesses(): Proc[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map((name) => readProc(Number(name)))
    .filter((p): p is Proc => p !== undefined);
}

function descendantsOf(rootPid: number, table = allProcesses()): Proc[] {
  const found: Proc[] = [];
  const parents = new Set([rootPid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of table) {
      if (parents.has(p.ppid) && !parents.has(p.pid)) {
        parents.add(p.pid);
        found.push(p);
        grew = true;
      }
    }
  }
  return found;
}

/** The same processes (pid and start time), still running; a zombie has finished. */
function stillRunning(procs: Proc[]): Proc[] {
  return procs.filter((p) => {
    const now = readProc(p.pid);
    return now !== undefined && now.startTime === p.startTime && now.state !== 'Z';
  });
}

async function waitUntilGone(procs: Proc[], ms: number): Promise<Proc[]> {
  const deadline = Date.now() + ms;
  let left = stillRunning(procs);
  while (left.length > 0 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 250));
    left = stillRunning(procs);
  }
  return left;
}

const describeProc = (p: Proc) => `pid ${p.pid}: ${p.args.slice(0, 200)}`;

// ---- one `npm start` ----

interface Run {
  child: ChildProcess;
  pid: number;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}


function withTimeout<T>(promise: Promise<T>, ms: number, what: () => string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(what())), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

let workDir: string;
let dataDir: string;
let sitesRoot: string;
let ports: { http: number; pg: number; temporal: number; temporalUi: number; smtp: number };
/** Every process a run started, so that afterAll can end what a failed test left (and only that). */
const startedByUs: Proc[] = [];
const runs: Run[] = [];

function remember(procs: Proc[]): Proc[] {
  startedByUs.push(...procs);
  return procs;
}

// What `npm start` sees on a developer's machine: no database or Temporal configured, development mode.
const INHERITED_SETTINGS_TO_DROP = /^(DATABASE_URL|DATABASE_APP_URL|TEMPORAL_ADDRESS|TEMPORAL_UI_URL|TEMPORAL_CODEC_KEYS|DATA_MASTER_KEYS|SMTP_URL|TEST_.*|JEST_.*)$/;

function startPlatform(settings: Record<string, string> = {}): Run {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!INHERITED_SETTINGS_TO_DROP.test(k)) env[k] = v;
  Object.assign(env, {
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    DATA_DIR: dataDir,
    PORT: String(ports.http),
    EMBEDDED_PG_PORT: String(ports.pg),
    TEMPORAL_DEV_PORT: String(ports.temporal),
    TEMPORAL_DEV_UI_PORT: String(ports.temporalUi),
    DEV_SMTP_PORT: String(ports.smtp),
    ...settings,
  });
  const child = spawn(process.execPath, ['--import', 'tsx', ENTRY, sitesRoot], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const collect = (d: Buffer) => (output = (output + d.toString()).slice(-20_000));
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) => child.once('exit', (code, signal) => r({ code, signal })));
  const run = { child, pid: child.pid!, output: () => output, exited };
  runs.push(run);
  return run;
}

async function ready(run: Run): Promise<void> {
  const said = new Promise<void>((resolveReady, reject) => {
    const check = () => {
      if (/\[tingvalla\] ready in/.test(run.output())) resolveReady();
    };
    run.child.stdout!.on('data', check);
    check();
    void run.exited.then(({ code, signal }) => reject(new Error(`the platform exited (code ${code}, signal ${signal}) before it was ready. Its output:\n${run.output()}`)));
  });
  await withTimeout(said, START_TIMEOUT_MS, () => `the platform did not say "ready" within ${START_TIMEOUT_MS / 1000} s. Its output:\n${run.output()}`);
}

/** The embedded PostgreSQL's postmaster and the Temporal dev server of our data folder, among a run's processes. */
function servicesAmong(procs: Proc[]): { postgres?: Proc; temporal?: Proc } {
  return {
    postgres: procs.find((p) => p.args.includes(`-D ${join(dataDir, 'pg')}`)),
    temporal: procs.find((p) => p.args.includes('start-dev') && p.args.includes(join(dataDir, 'temporal.sqlite'))),
  };
}

/** Whatever runs on our temporary folder, whoever started it: after a clean stop nothing may. */
const processesOnOurDataDir = () => allProcesses().filter((p) => p.pid !== process.pid && p.args.includes(workDir));

beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), 'tingvalla-restart-'));
  // As root the embedded server runs as the `postgres` user, which must reach DATA_DIR/pg.
  chmodSync(workDir, 0o755);
  dataDir = join(workDir, 'data');
  sitesRoot = join(workDir, 'sites');
  for (const site of ['admin-ui', 'public-ui']) {
    mkdirSync(join(sitesRoot, site, 'dist'), { recursive: true });
    writeFileSync(join(sitesRoot, site, 'dist', 'index.html'), '<!doctype html><html lang="en"><head><!--app-head--></head><body>placeholder</body></html>');
  }
  ports = { http: await freePort(), pg: await freePort(), temporal: await freePort(), temporalUi: await freePort(), smtp: await freePort() };
});

afterAll(async () => {
  for (const run of runs) if (run.child.exitCode === null && run.child.signalCode === null) run.child.kill('SIGKILL');
  const leftovers = [...stillRunning(startedByUs), ...processesOnOurDataDir()];
  for (const p of leftovers) {
    try {
      process.kill(p.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  await waitUntilGone(leftovers, 10_000);
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

describe('the message of a failed start', () => {
  it('is never a bare "undefined": non-Error values are named, Errors keep their cause', () => {
    expect(describeFailure(undefined)).toMatch(/failed without giving any reason \(it threw or rejected with undefined\)/);
    expect(describeFailure('lock file busy')).toBe("something threw a string instead of an Error, with no stack trace: 'lock file busy'");
    const described = describeFailure(new Error('PostgreSQL exited while starting', { cause: new Error('FATAL: lock file "postmaster.pid" already exists') }));
    expect(described).toContain('PostgreSQL exited while starting');
    expect(described).toContain('FATAL: lock file "postmaster.pid" already exists');
  });
});

describe('npm start after a crash', () => {
  it('takes its PostgreSQL and Temporal dev server down with it when it is killed with SIGKILL', async () => {
    const run = startPlatform();
    await ready(run);
    const started = remember(descendantsOf(run.pid));
    const { postgres, temporal } = servicesAmong(started);
    expect({ postgres: postgres && describeProc(postgres), temporal: temporal && describeProc(temporal) }).toEqual({ postgres: expect.any(String), temporal: expect.any(String) });

    run.child.kill('SIGKILL');
    await run.exited;
    const survivors = await waitUntilGone(started, 20_000);
    // Expected none: each survivor below outlived the platform by 20 s.
    expect(survivors.map(describeProc)).toEqual([]);
  }, START_TIMEOUT_MS + 25_000);

  it('comes up again when a crash left its PostgreSQL and Temporal running, and stops cleanly on SIGTERM', async () => {
    const crashed = startPlatform();
    await ready(crashed);
    const started = remember(descendantsOf(crashed.pid));
    const { postgres, temporal } = servicesAmong(started);
    if (!postgres || !temporal) throw new Error(`no PostgreSQL or Temporal dev server among the platform's processes:\n${started.map(describeProc).join('\n')}`);
    // A crash that takes every process but the two servers along (e.g. the OOM killer picking the watchdog too).
    const servers = new Set([postgres.pid, temporal.pid, ...descendantsOf(postgres.pid).map((p) => p.pid), ...descendantsOf(temporal.pid).map((p) => p.pid)]);
    const crashing = [...started.filter((p) => !servers.has(p.pid)), readProc(crashed.pid)!];
    for (const p of stillRunning(crashing)) process.kill(p.pid, 'SIGKILL');
    await crashed.exited;
    await waitUntilGone(crashing, 10_000);
    const orphans = stillRunning([postgres, temporal]);
    expect(orphans.map(describeProc)).toEqual([postgres, temporal].map(describeProc));

    const again = startPlatform();
    await ready(again);
    const startedAgain = remember(descendantsOf(again.pid));
    // The orphans were ours (our data folder, our binaries), so they were stopped and replaced.
    expect(stillRunning(orphans).map(describeProc)).toEqual([]);
    expect(again.output()).toContain(`The embedded PostgreSQL of an earlier run is still running (pid ${postgres.pid}`);
    expect(again.output()).toContain(`The Temporal dev server of an earlier run is still running (pid ${temporal.pid}`);

    // A second start on the same folder while this one runs must not take its servers for leftovers.
    const intruder = startPlatform();
    const refused = await withTimeout(intruder.exited, 30_000, () => `a second start on the same DATA_DIR did not exit within 30 s. Output:\n${intruder.output()}`);
    expect(refused.code).toBe(1);
    expect(intruder.output()).toContain(`belongs to a run that is still going, pid ${again.pid}`);
    const running = servicesAmong(startedAgain);
    expect(stillRunning([running.postgres!, running.temporal!])).toHaveLength(2);
    expect((await fetch(`http://127.0.0.1:${ports.http}/readyz`)).status).toBe(200);

    again.child.kill('SIGTERM');
    const exit = await withTimeout(again.exited, 30_000, () => `no exit within 30 s of SIGTERM. Output:\n${again.output()}`);
    expect(exit).toEqual({ code: 0, signal: null });
    expect((await waitUntilGone(startedAgain, 15_000)).map(describeProc)).toEqual([]);
    expect(processesOnOurDataDir().map(describeProc)).toEqual([]);
  }, 2 * START_TIMEOUT_MS + 20_000);

  it('names the process that holds its Temporal port and exits non-zero', async () => {
    // A port of its own, so that this holds even when an earlier test failed and left servers on the others.
    const taken = await freePort();
    const holder: Server = createServer();
    await new Promise<void>((r, reject) => holder.once('error', reject).listen(taken, '127.0.0.1', () => r()));
    try {
      const run = startPlatform({ TEMPORAL_DEV_PORT: String(taken) });
      const exit = await withTimeout(run.exited, 40_000, () => `still running after 40 s although port ${taken} is taken. Output:\n${run.output()}`);
      const output = run.output();
      expect(exit.code).toBe(1);
      expect(output).not.toMatch(/failed to start: undefined/);
      // The port, who holds it (this jest worker) and the setting that moves it.
      expect(output).toContain(`port ${taken}`);
      expect(output).toContain(`pid ${process.pid}`);
      expect(output).toContain('TEMPORAL_DEV_PORT');
      expect((await waitUntilGone(processesOnOurDataDir(), 15_000)).map(describeProc)).toEqual([]);
    } finally {
      await new Promise((r) => holder.close(r));
    }
  }, 60_000);
});
