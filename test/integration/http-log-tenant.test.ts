// The request line in the application log carries the tenant of the host (tenantId), though the tenant is
// resolved after the logger middleware: the line is written when the response ends. So do a handler's own
// lines through req.log. Never a cookie, the body or the query string. Real express app, real resolveTenant
// against the database, the log as the platform writes it with LOG_DIR (engine/logging/create-logger.ts).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import express from 'express';
import { httpLogger } from '../../engine/http/logging';
import { resolveTenant } from '../../engine/http/tenancy';
import { createLogger } from '../../engine/logging/create-logger';
import { utcDay } from '../../engine/logging/log-files';
import { createTestTenant, suiteDatabase, type TestTenant } from '../helpers/factories';
import { request } from '../helpers/http';

const db = suiteDatabase();
const dir = mkdtempSync(join(tmpdir(), 'tingvalla-http-log-'));
// A fixed day, so a run across midnight still finds its file.
const TODAY = Date.parse('2025-05-02T10:00:00Z');
const quiet = new Writable({ write: (_chunk, _enc, done) => done() });
const logger = createLogger({ LOG_LEVEL: 'info', LOG_DIR: dir, LOG_RETENTION_DAYS: 183 }, { sync: true, stdout: quiet, now: () => TODAY });

const app = express();
app.use(httpLogger(logger));
app.use(resolveTenant(db));
app.use(express.json());
app.post('/api/signups', (req, res) => {
  req.log.warn({ step: 'checked' }, 'a line of the handler');
  res.status(201).json({ ok: true });
});

let server: Server;
let port: number;
let tenant: TestTenant;
beforeAll(async () => {
  tenant = await createTestTenant();
  server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(dir, { recursive: true, force: true });
});

type LogLine = { tenantId?: string; msg?: string; req?: { id: string; path: string }; res?: { statusCode: number } };

/** The day file, once the line about `path` is in it (written as the response finishes, maybe after the client has it). */
async function logAfter(path: string): Promise<{ text: string; lines: LogLine[] }> {
  const file = join(dir, `tingvalla-${utcDay(TODAY)}.log`);
  const read = () => {
    const text = readFileSync(file, 'utf8');
    return { text, lines: text.split('\n').filter(Boolean).map((l) => JSON.parse(l) as LogLine) };
  };
  for (let i = 0; i < 100 && !read().lines.some((l) => l.req?.path === path && l.res); i++) await new Promise((r) => setTimeout(r, 20));
  return read();
}

it('writes the request line with the tenant id and nothing of the cookie, the body or the query string', async () => {
  const res = await request(port, tenant.publicHost, 'POST', '/api/signups?personnummer=191212121212', {
    json: { cpr: '0101901234', email: 'karen@example.dk' },
    headers: { cookie: 'tv_session=SESSION-TOKEN-SECRET' },
  });
  expect(res.status).toBe(201);
  const { text, lines } = await logAfter('/api/signups');

  const requestLine = lines.find((l) => l.req?.path === '/api/signups' && l.res);
  expect(requestLine).toMatchObject({ tenantId: tenant.id, req: { path: '/api/signups' }, res: { statusCode: 201 } });
  expect(requestLine!.req!.id).toBe(res.headers['x-request-id']);
  expect(lines.find((l) => l.msg === 'a line of the handler')).toMatchObject({ tenantId: tenant.id, req: { path: '/api/signups' } });
  for (const secret of ['SESSION-TOKEN-SECRET', 'tv_session', 'cookie', '0101901234', 'karen', 'personnummer', '191212121212']) expect(text).not.toContain(secret);
});

it('writes no tenant on a host that belongs to no tenant', async () => {
  const res = await request(port, 'nobody.example', 'GET', '/nowhere');
  expect(res.status).toBe(404);
  const line = (await logAfter('/nowhere')).lines.find((l) => l.req?.path === '/nowhere');
  expect(line).toMatchObject({ res: { statusCode: 404 } });
  expect(line).not.toHaveProperty('tenantId');
});
