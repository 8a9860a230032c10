// API_PROCESSES: `npm run start:api` with API_PROCESSES=2 (engine/api-cluster.ts) is one primary and two api
// processes on one port. The requests of different connections are served by both (their request lines carry
// two pids); a process killed with kill -9 is replaced and the port keeps answering; SIGTERM stops them all.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testServices } from '../helpers/env';
import { createTestTenant, suiteDatabase, type TestTenant } from '../helpers/factories';
import { request } from '../helpers/http';
import { freePort } from '../helpers/ports';

const ROOT = join(__dirname, '../..');
suiteDatabase();
let dk: TestTenant;
let child: ChildProcess | undefined;
let output = '';
const dataDir = mkdtempSync(join(tmpdir(), 'tingvalla-api-processes-'));

/** Waits until the output (from `from` on) matches, or fails with what the processes said. */
async function waitForOutput(pattern: RegExp, from = 0, ms = 90_000): Promise<RegExpMatchArray> {
  const until = Date.now() + ms;
  for (;;) {
    const m = output.slice(from).match(pattern);
    if (m) return m;
    if (Date.now() > until || child?.exitCode != null) throw new Error(`no ${pattern} within ${ms / 1000} s (exit ${child?.exitCode}); output:\n${output.slice(-4000)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** The pids on the request lines (pino's `pid`) of requests to this path, from `from` in the output on. */
function servingPids(path: string, from: number): Set<number> {
  const pids = new Set<number>();
  for (const line of output.slice(from).split('\n')) {
    if (!line.startsWith('{')) continue;
    try {
      const entry = JSON.parse(line) as { pid?: number; req?: { url?: string; path?: string } };
      if ((entry.req?.url ?? entry.req?.path ?? '').startsWith(path) && entry.pid) pids.add(entry.pid);
    } catch {
      // not a log line
    }
  }
  return pids;
}

beforeAll(async () => {
  dk = await createTestTenant({ country: 'DK', builtinForms: true });
});

afterAll(() => {
  if (child?.exitCode === null) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

it('runs two api processes on one port, replaces one killed with kill -9, and stops them all on SIGTERM', async () => {
  const services = testServices();
  const port = await freePort();
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('DATABASE_') && !['TEMPORAL_ADDRESS', 'SMTP_URL', 'REGISTRY_URL', 'PORT'].includes(k)));
  child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'engine/role.ts'), 'api'], {
    cwd: ROOT,
    env: { ...env, NODE_ENV: 'test', LOG_LEVEL: 'info', DATA_DIR: dataDir, PORT: String(port), DEV_SMTP_PORT: '0', TEST_IDP: 'off', API_PROCESSES: '2', DATABASE_URL: services.ownerUrl, DATABASE_APP_URL: services.appUrl, TEMPORAL_ADDRESS: services.temporalAddress },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((r) => child!.once('exit', (code) => r(code)));

  const first = await waitForOutput(/ready on port (\d+) \(2 api processes, pids (\d+) (\d+)\)/);
  expect(Number(first[1])).toBe(port);
  const pids = [Number(first[2]), Number(first[3])];
  expect(new Set(pids).size).toBe(2);

  // Each request on a connection of its own: the primary hands connections out in turn.
  const path = '/api/election/public/signup-options';
  const mark = output.length;
  const fresh = { headers: { connection: 'close' } }; // no keep-alive: a connection per request
  for (let i = 0; i < 8; i++) expect((await request(port, dk.publicHost, 'GET', path, fresh)).status).toBe(200);
  // The request lines are written as each answer ends and reach us through a pipe: wait for them (at most 15 s).
  for (const until = Date.now() + 15_000; servingPids(path, mark).size < 2 && Date.now() < until; ) await new Promise((r) => setTimeout(r, 100));
  expect(servingPids(path, mark)).toEqual(new Set(pids));

  // kill -9 one: the primary starts another, and the port answers throughout.
  const afterKill = output.length;
  process.kill(pids[0]!, 'SIGKILL');
  const again = await waitForOutput(/ready on port \d+ \(2 api processes, pids (\d+) (\d+)\)/, afterKill);
  const now = [Number(again[1]), Number(again[2])];
  expect(now).toContain(pids[1]);
  expect(now).not.toContain(pids[0]);
  expect(output.slice(afterKill)).toMatch(new RegExp(`api process ${pids[0]} exited \\(SIGKILL\\); starting another`));
  for (let i = 0; i < 4; i++) expect((await request(port, dk.publicHost, 'GET', path, fresh)).status).toBe(200);

  // SIGTERM to the primary stops every process, and the primary exits 0.
  child.kill('SIGTERM');
  expect(await exited).toBe(0);
  for (const pid of now) expect(alive(pid)).toBe(false);
}, 180_000);
