// The application log's day files (engine/logging/): a new file at midnight UTC, decided by the clock the
// destination is given (no waiting for a day); lines buffered before midnight stay in the old day's file;
// files older than the retention are deleted at start and when the day rolls over, nothing else in the folder.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { promisify } from 'node:util';
import { ConfigError, loadConfig, rootDir } from '../../engine/config';
import { createLogger } from '../../engine/logging/create-logger';
import { DailyFileDestination } from '../../engine/logging/daily-file-destination';
import { oldestKeptDay } from '../../engine/logging/retention';

const made: string[] = [];
const logDir = () => made[made.push(mkdtempSync(join(tmpdir(), 'tingvalla-logs-'))) - 1]!;
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const linesOf = (path: string) => readFileSync(path, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
const discard = () => new Writable({ write: (_chunk, _enc, done) => done() });

/** A clock the test sets by hand. */
function clockAt(iso: string) {
  const clock = { t: Date.parse(iso), now: () => clock.t, set: (at: string) => void (clock.t = Date.parse(at)) };
  return clock;
}

async function eventually(check: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 20));
}

it('writes JSON lines into the UTC day file and rolls over to the next at midnight', () => {
  const dir = logDir();
  const clock = clockAt('2025-03-09T23:59:59.999Z');
  const logger = createLogger({ LOG_LEVEL: 'info', LOG_DIR: dir, LOG_RETENTION_DAYS: 183 }, { now: clock.now, sync: true, stdout: discard() });
  logger.info({ n: 1 }, 'last line of the day');
  clock.set('2025-03-10T00:00:00.000Z');
  logger.info({ n: 2 }, 'first line of the next day');
  logger.debug({ n: 3 }, 'below LOG_LEVEL');
  clock.set('2025-03-10T23:00:00.000Z');
  logger.warn({ n: 4 }, 'same day, later');

  expect(readdirSync(dir).sort()).toEqual(['tingvalla-2025-03-09.log', 'tingvalla-2025-03-10.log']);
  expect(linesOf(join(dir, 'tingvalla-2025-03-09.log')).map((l) => [l.n, l.msg])).toEqual([[1, 'last line of the day']]);
  expect(linesOf(join(dir, 'tingvalla-2025-03-10.log')).map((l) => [l.n, l.level])).toEqual([
    [2, 30],
    [4, 40],
  ]);
});

it('keeps what was buffered before midnight in the old day file (sonic-boom, not synchronous)', async () => {
  const dir = logDir();
  const clock = clockAt('2025-06-30T23:59:58.000Z');
  const files = new DailyFileDestination({ dir, retentionDays: 183, now: clock.now });
  for (let i = 0; i < 2000; i++) files.write(`${JSON.stringify({ day: 'old', i })}\n`);
  clock.set('2025-07-01T00:00:01.000Z');
  for (let i = 0; i < 2000; i++) files.write(`${JSON.stringify({ day: 'new', i })}\n`);
  expect(files.path).toBe(join(dir, 'tingvalla-2025-07-01.log'));
  await files.end();
  const old = join(dir, 'tingvalla-2025-06-30.log');
  await eventually(() => existsSync(old) && linesOf(old).length === 2000);

  const oldLines = linesOf(old);
  const newLines = linesOf(join(dir, 'tingvalla-2025-07-01.log'));
  expect([oldLines.length, newLines.length]).toEqual([2000, 2000]);
  expect(new Set(oldLines.map((l) => l.day))).toEqual(new Set(['old']));
  expect(new Set(newLines.map((l) => l.day))).toEqual(new Set(['new']));
  expect(newLines.map((l) => l.i)).toEqual([...Array(2000).keys()]);
});

it('deletes, at start and at each rollover, only the day files older than the retention', async () => {
  const dir = logDir();
  const days = ['2024-12-31', '2025-03-01', '2025-03-06', '2025-03-07', '2025-03-08', '2025-03-09'];
  for (const day of days) writeFileSync(join(dir, `tingvalla-${day}.log`), '{"old":true}\n');
  // Not ours: another program's file, and a day file someone compressed.
  writeFileSync(join(dir, 'notes.txt'), 'keep me');
  writeFileSync(join(dir, 'tingvalla-2025-01-01.log.gz'), 'keep me');

  const clock = clockAt('2025-03-10T12:00:00.000Z');
  expect(oldestKeptDay(clock.t, 3)).toBe('2025-03-07');
  const files = new DailyFileDestination({ dir, retentionDays: 3, now: clock.now, sync: true });
  // Started on 10 March keeping 3 days: 7, 8 and 9 March stay, with today's.
  expect(readdirSync(dir).sort()).toEqual(['notes.txt', 'tingvalla-2025-01-01.log.gz', 'tingvalla-2025-03-07.log', 'tingvalla-2025-03-08.log', 'tingvalla-2025-03-09.log', 'tingvalla-2025-03-10.log']);

  files.write('{"n":1}\n');
  clock.set('2025-03-11T00:00:00.500Z');
  files.write('{"n":2}\n');
  await files.end();
  expect(readdirSync(dir).sort()).toEqual(['notes.txt', 'tingvalla-2025-01-01.log.gz', 'tingvalla-2025-03-08.log', 'tingvalla-2025-03-09.log', 'tingvalla-2025-03-10.log', 'tingvalla-2025-03-11.log']);
  expect(linesOf(join(dir, 'tingvalla-2025-03-10.log'))).toEqual([{ n: 1 }]);
});

it('writes on into the current file when the next day cannot be opened, and rolls once it can', async () => {
  const dir = logDir();
  const problems: string[] = [];
  const clock = clockAt('2025-03-10T23:59:00.000Z');
  const files = new DailyFileDestination({ dir, retentionDays: 183, now: clock.now, sync: true, onProblem: (p) => problems.push(p) });
  mkdirSync(join(dir, 'tingvalla-2025-03-11.log')); // in the way of the next day's file
  clock.set('2025-03-11T00:00:05.000Z');
  files.write('{"n":1}\n');
  files.write('{"n":2}\n');
  expect(problems).toEqual([expect.stringMatching(/^cannot open tingvalla-2025-03-11\.log, writing on into tingvalla-2025-03-10\.log/)]);
  rmSync(join(dir, 'tingvalla-2025-03-11.log'), { recursive: true });
  clock.set('2025-03-11T00:01:10.000Z'); // tried again a minute later
  files.write('{"n":3}\n');
  await files.end();
  expect(linesOf(join(dir, 'tingvalla-2025-03-10.log'))).toEqual([{ n: 1 }, { n: 2 }]);
  expect(linesOf(join(dir, 'tingvalla-2025-03-11.log'))).toEqual([{ n: 3 }]);
  expect(problems).toHaveLength(1);
});

it('has every line in the file when the process exits right after writing (pino flushes on exit)', async () => {
  const dir = logDir();
  const program = `
    const { createLogger } = require(${JSON.stringify(join(rootDir, 'engine/logging/create-logger.ts'))});
    const logger = createLogger({ LOG_LEVEL: 'info', LOG_DIR: ${JSON.stringify(dir)}, LOG_RETENTION_DAYS: 183 });
    for (let i = 0; i < 3000; i++) logger.info({ i }, 'line');
    process.exit(0);`;
  await promisify(execFile)(process.execPath, ['--import', 'tsx', '-e', program], { timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
  const [file] = readdirSync(dir);
  expect(linesOf(join(dir, file!)).map((l) => l.i)).toEqual([...Array(3000).keys()]);
});

it('keeps six months by default and reads LOG_DIR from the repository folder when relative', () => {
  const config = loadConfig({ LOG_DIR: 'var/log' });
  expect(config.LOG_RETENTION_DAYS).toBe(183);
  expect(config.LOG_DIR).toBe(join(rootDir, 'var/log'));
  expect(loadConfig({}).LOG_DIR).toBeUndefined();
  expect(loadConfig({ LOG_RETENTION_DAYS: '30' }).LOG_RETENTION_DAYS).toBe(30);
  for (const bad of ['0', '-5', 'six months', '1.5']) expect(() => loadConfig({ LOG_RETENTION_DAYS: bad })).toThrow(/LOG_RETENTION_DAYS/);
});

it('refuses to start with a LOG_DIR it cannot write to, naming it', () => {
  const notAFolder = join(logDir(), 'a-file');
  writeFileSync(notAFolder, '');
  expect(() => createLogger({ LOG_LEVEL: 'info', LOG_DIR: notAFolder, LOG_RETENTION_DAYS: 183 })).toThrow(ConfigError);
  expect(() => createLogger({ LOG_LEVEL: 'info', LOG_DIR: notAFolder, LOG_RETENTION_DAYS: 183 })).toThrow(/LOG_DIR/);
});

it('without LOG_DIR writes to stdout only, as before', () => {
  const lines: string[] = [];
  const stdout = new Writable({ write: (chunk: Buffer, _enc, done) => void (lines.push(chunk.toString()), done()) });
  const logger = createLogger({ LOG_LEVEL: 'info', LOG_RETENTION_DAYS: 183 }, { stdout });
  logger.info('hello');
  expect(lines.map((l) => (JSON.parse(l) as { msg: string }).msg)).toEqual(['hello']);
});
