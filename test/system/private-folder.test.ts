// A clone in a folder other users cannot enter (issue 12): as root — root's home is 0700 — the embedded PostgreSQL
// runs as the `postgres` system user, which cannot reach a cluster under the repo's own .data/. The clone must
// start all the same. Clones this repo into <tmp>/private/repo (private: 0700) and starts the embedded
// PostgreSQL through the project's own code path (start-embedded-postgres.ts) with a data folder inside that
// clone — no DATABASE_URL — on a free port, then asks it a question. Uses this checkout's node_modules (no npm
// install in the clone). As any other user the server runs as that user, for whom the folder was never a
// problem; the test then still checks that it starts.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { QueryTypes } from 'sequelize';
import { createSequelize } from '../../engine/db/database';
import { freePort } from '../helpers/ports';

const ROOT = resolve(__dirname, '../..');
const ENTRY = join(__dirname, 'start-embedded-postgres.ts');
// The first start initialises a cluster: 5–20 s on two cores.
const START_TIMEOUT_MS = 90_000;


interface Started {
  ownerUrl: string;
  databaseDir?: string;
}

/** Starts the embedded PostgreSQL in a child process; resolves with what it printed once it answers. */
function startPostgres(dataDir: string, port: number): { child: ChildProcess; started: Promise<Started> } {
  const env = { ...process.env };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', ENTRY, dataDir, String(port)], { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-20_000)));
  const started = new Promise<Started>((resolveStarted, reject) => {
    const timer = setTimeout(() => reject(new Error(`did not start within ${START_TIMEOUT_MS / 1000} s. Its output:\n${stderr}`)), START_TIMEOUT_MS);
    child.stdout!.on('data', (d: Buffer) => {
      stdout += d.toString();
      const line = stdout.split('\n').find((l) => l.startsWith('{'));
      if (!line) return;
      clearTimeout(timer);
      resolveStarted(JSON.parse(line) as Started);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`exited (code ${code}, signal ${signal}) before it answered. Its output:\n${stderr}`));
    });
  });
  return { child, started };
}

let workDir: string;
let running: ChildProcess | undefined;
let databaseDir: string | undefined;

beforeAll(() => {
  workDir = mkdtempSync(join(tmpdir(), 'tingvalla-private-'));
  chmodSync(workDir, 0o755);
  const privateDir = join(workDir, 'private');
  mkdirSync(privateDir);
  chmodSync(privateDir, 0o700); // whatever the umask
  execFileSync('git', ['clone', '--quiet', ROOT, join(privateDir, 'repo')], { stdio: 'pipe' });
});

afterAll(async () => {
  if (running && running.exitCode === null && running.signalCode === null) {
    const exited = new Promise((r) => running!.once('exit', r));
    running.stdin!.end(); // the helper stops PostgreSQL and exits
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([exited, new Promise((r) => (timer = setTimeout(r, 30_000)))]);
    clearTimeout(timer);
    if (running.exitCode === null && running.signalCode === null) running.kill('SIGKILL');
  }
  // A cluster kept outside the clone (the point of the fix) is this test's too: its folder goes with it.
  if (databaseDir && relative(workDir, databaseDir).startsWith('..')) rmSync(dirname(databaseDir), { recursive: true, force: true });
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

test('the embedded PostgreSQL starts for a clone in a private folder and answers', async () => {
  const dataDir = join(workDir, 'private', 'repo', '.data', 'test');
  const { child, started } = startPostgres(dataDir, await freePort());
  running = child;
  const pg = await started;
  databaseDir = pg.databaseDir;
  const owner = createSequelize(pg.ownerUrl);
  try {
    const [row] = await owner.query<{ answer: number }>('SELECT 6 * 7 AS answer', { type: QueryTypes.SELECT });
    expect(row!.answer).toBe(42);
  } finally {
    await owner.close();
  }
});
