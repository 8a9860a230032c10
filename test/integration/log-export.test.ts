// `npm run logs:export`: one tenant's lines of the application log, from the day files in a range of days,
// copied as they are — not another tenant's, not lines without a tenant, not a line that merely mentions the id
// elsewhere. The command takes a slug (looked up in the database) or an id.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { promisify } from 'node:util';
import { ExportUsageError, parseExportArgs } from '../../engine/logging/export-args';
import { exportTenantLines } from '../../engine/logging/export-tenant-lines';
import { closeOwnerDb, createTestTenant } from '../helpers/factories';
import { testServices } from '../helpers/env';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';

const dir = mkdtempSync(join(tmpdir(), 'tingvalla-log-export-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function line(fields: Record<string, unknown>): string {
  return JSON.stringify({ level: 30, time: 1, ...fields });
}

/** Three days of a log in which both tenants, platform lines and a torn last line are mixed. */
function writeDays(into: string, tenantA: string, tenantB: string): void {
  for (const day of ['2025-05-01', '2025-05-02', '2025-05-03']) {
    writeFileSync(
      join(into, `tingvalla-${day}.log`),
      [
        line({ tenantId: tenantA, req: { path: `/a/${day}` } }),
        line({ tenantId: tenantB, req: { path: `/b/${day}` } }),
        line({ msg: 'outbox delivered', workflowId: `tenant/${tenantA}/housekeeping` }), // mentions A, is not A's
        line({ tenantId: tenantA, req: { path: `/a/${day}/second` } }),
        `{"level":30,"tenantId":"${tenantA}","req":{"pa`, // cut short by a kill
      ].join('\n') + '\n',
    );
  }
  writeFileSync(join(into, 'notes.txt'), line({ tenantId: tenantA, req: { path: '/not-a-day-file' } }));
}

async function exported(tenantId: string, range: { from?: string; to?: string }) {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const summary = await exportTenantLines(dir, tenantId, range, out);
  return { summary, text: Buffer.concat(chunks).toString('utf8') };
}

beforeAll(() => writeDays(dir, A, B));

it("picks exactly one tenant's lines, copied byte for byte", async () => {
  const { summary, text } = await exported(A, {});
  const paths = text.split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { req: { path: string } }).req.path);
  expect(paths).toEqual(['/a/2025-05-01', '/a/2025-05-01/second', '/a/2025-05-02', '/a/2025-05-02/second', '/a/2025-05-03', '/a/2025-05-03/second']);
  expect(text.split('\n')[0]).toBe(line({ tenantId: A, req: { path: '/a/2025-05-01' } }));
  expect(text).not.toContain(B);
  expect(text).not.toContain('housekeeping');
  expect(summary).toEqual({ files: 3, lines: 6, unreadable: 3 });
});

it('takes the days from --from to --to, both included, by UTC day file', async () => {
  const both = await exported(B, { from: '2025-05-02', to: '2025-05-03' });
  expect(both.text.split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { req: { path: string } }).req.path)).toEqual(['/b/2025-05-02', '/b/2025-05-03']);
  expect((await exported(B, { to: '2025-05-01' })).text).toContain('/b/2025-05-01');
  expect((await exported(B, { to: '2025-05-01' })).summary.lines).toBe(1);
  expect((await exported(B, { from: '2025-05-04' })).summary).toEqual({ files: 0, lines: 0, unreadable: 0 });
});

it('refuses a day that is not one, a range the wrong way round, a missing tenant and unknown options', () => {
  expect(parseExportArgs(['korsbaek', '--from', '2025-05-01', '--to', '2025-05-31', '--out', 'k.jsonl'])).toEqual({ tenant: 'korsbaek', range: { from: '2025-05-01', to: '2025-05-31' }, out: 'k.jsonl' });
  expect(parseExportArgs([A])).toEqual({ tenant: A, range: {} });
  const refusals: [string[], RegExp][] = [
    [[A, '--from', '2025-02-30'], /--from 2025-02-30: not a day/],
    [[A, '--to', '5/3/2025'], /--to 5\/3\/2025: not a day/],
    [[A, '--from', '2025-05-03', '--to', '2025-05-01'], /is after --to/],
    [['--from', '2025-05-01'], /which tenant/],
    [[A, '--out'], /--out needs a value/],
    [[A, B], /unexpected/],
    [[A, '--tenant', B], /unexpected --tenant/],
  ];
  for (const [argv, message] of refusals) expect(() => parseExportArgs(argv)).toThrow(message);
  expect(() => parseExportArgs([A, '--from', 'x'])).toThrow(ExportUsageError);
});

describe('npm run logs:export', () => {
  const run = promisify(execFile);
  const cli = (args: string[], env: Record<string, string>) =>
    run(process.execPath, ['--import', 'tsx', 'scripts/logs-export.ts', ...args], { env: { ...process.env, ...env }, timeout: 60_000 });
  afterAll(() => closeOwnerDb());

  it('finds the tenant by its slug in the database and writes its lines of the chosen days to --out', async () => {
    const tenant = await createTestTenant();
    const other = await createTestTenant();
    const logs = mkdtempSync(join(tmpdir(), 'tingvalla-log-export-cli-'));
    try {
      writeDays(logs, tenant.id, other.id);
      const out = join(logs, 'export.jsonl');
      const { stderr } = await cli([tenant.slug, '--from', '2025-05-02', '--to', '2025-05-02', '--out', out], { LOG_DIR: logs, DATABASE_URL: testServices().ownerUrl });
      const lines = readFileSync(out, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { tenantId: string; req: { path: string } });
      expect(lines.map((l) => [l.tenantId, l.req.path])).toEqual([
        [tenant.id, '/a/2025-05-02'],
        [tenant.id, '/a/2025-05-02/second'],
      ]);
      expect(stderr).toMatch(/^2 lines of tenant .* from 1 day files/);
      // An id needs no database; to stdout when there is no --out.
      const byId = await cli([other.id, '--to', '2025-05-01'], { LOG_DIR: logs, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
      expect(byId.stdout).toBe(`${line({ tenantId: other.id, req: { path: '/b/2025-05-01' } })}\n`);
    } finally {
      rmSync(logs, { recursive: true, force: true });
    }
  });

  it('refuses a slug it does not know (exit code 2)', async () => {
    await expect(cli(['no-such-tenant'], { LOG_DIR: dir, DATABASE_URL: testServices().ownerUrl })).rejects.toMatchObject({ code: 2, stderr: expect.stringMatching(/no tenant with slug no-such-tenant\nusage:/) });
  });
});
