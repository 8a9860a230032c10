// The HTTP surface on a running platform: tenant resolution by host, problem+json errors, size limits,
// security headers and health endpoints.
import { QueryTypes } from 'sequelize';
import type { Problem } from '../../schemas/types/api-problem';
import type { SiteInfo } from '../../schemas/types/api-site-info';
import { closeOwnerDb, createTestTenant, ownerDb, type TestTenant } from '../helpers/factories';
import { request } from '../helpers/http';
import { startTestPlatform } from '../helpers/platform';
import { startEmployeeSession } from '../helpers/sessions';

let platform: Awaited<ReturnType<typeof startTestPlatform>>;
let dk: TestTenant;
let se: TestTenant;
/** An administrator's session on each admin host; other hosts are called anonymously. */
const adminHeaders: Record<string, Record<string, string>> = {};

beforeAll(async () => {
  [dk, se] = await Promise.all([createTestTenant(), createTestTenant({ country: 'SE' })]);
  platform = await startTestPlatform();
  for (const t of [dk, se]) adminHeaders[t.adminHost] = (await startEmployeeSession(platform.identity, t.id, ['administrator'])).headers;
});

afterAll(async () => {
  await platform.stop();
  await closeOwnerDb();
});

const call = (host: string, method: string, path: string, opts: Parameters<typeof request>[4] = {}) =>
  request(platform.port, host, method, path, { ...opts, headers: { ...adminHeaders[host], ...opts.headers } });

async function auditCount(tenantId: string): Promise<number> {
  const [row] = await ownerDb().query<{ n: string }>('SELECT count(*) AS n FROM audit_log WHERE tenant_id = $1', { bind: [tenantId], type: QueryTypes.SELECT });
  return Number(row!.n);
}

describe('health', () => {
  it('/healthz answers on any host and /readyz checks database, Temporal and the worker', async () => {
    expect((await call('anything.example', 'GET', '/healthz')).status).toBe(200);
    const ready = await call('127.0.0.1', 'GET', '/readyz');
    expect(ready.status).toBe(200);
    expect(ready.json<{ checks: { name: string; ok: boolean }[] }>().checks.map((c) => [c.name, c.ok])).toEqual([
      ['database', true],
      ['temporal', true],
      ['worker', true],
    ]);
  });
});

describe('tenant resolution', () => {
  it('serves each tenant its own site info by host name', async () => {
    const dkInfo = (await call(dk.publicHost, 'GET', '/api/site')).json<SiteInfo>();
    expect(dkInfo).toMatchObject({ site: 'public', tenant: { slug: dk.slug, country: 'DK', defaultLocale: 'da', theme: 'dkfds' }, actor: { kind: 'anonymous' } });
    const seInfo = (await call(se.adminHost, 'GET', '/api/site')).json<SiteInfo>();
    expect(seInfo).toMatchObject({ site: 'admin', tenant: { slug: se.slug, theme: 'neutral' }, actor: { kind: 'user', roles: ['administrator'] } });
  });

  it('an unknown host gets a plain 404 page and no tenant data', async () => {
    for (const path of ['/', '/api/site', '/contact']) {
      const res = await call('nobody.localhost', 'GET', path);
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.text).toMatch(/Not found/);
      expect(res.text).not.toMatch(/Kommune|kommun/);
    }
  });

  it('renders index.html per tenant with its language and theme', async () => {
    const page = await call(dk.publicHost, 'GET', '/contact');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<html lang="da" data-theme="dkfds">');
    expect(page.text).toContain('/vendor/dkfds/css/dkfds.min.css');
    expect(page.text).toContain(`<title>${dk.name}</title>`);
    const sePage = await call(se.publicHost, 'GET', '/');
    expect(sePage.text).toContain('<html lang="sv" data-theme="neutral">');
    expect(sePage.text).not.toContain('dkfds.min.css');
    const dkAdmin = await call(dk.adminHost, 'GET', '/');
    expect(dkAdmin.text).toContain('<html lang="da" data-theme="dkfds">');
    expect(dkAdmin.text).not.toContain('dkfds.min.css');
  });
});

describe('errors as problem+json', () => {
  it('names every invalid field and writes nothing', async () => {
    const before = await auditCount(dk.id);
    const res = await call(dk.adminHost, 'PUT', '/api/settings/contact', { json: { email: 'nope', phone: '12', extra: 1 } });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    const problem = res.json<Problem>();
    expect(problem).toMatchObject({ status: 400, code: 'validation_failed', instance: '/api/settings/contact' });
    expect(problem.errors!.map((e) => e.field).sort()).toEqual(['/address', '/email', '/extra', '/phone']);
    expect(await auditCount(dk.id)).toBe(before);
    const site = (await call(dk.publicHost, 'GET', '/api/site')).json<SiteInfo>();
    expect(site.tenant.contact.email).toBe(`kontakt@${dk.slug}.example`);
  });

  it('saves a valid change and audits it', async () => {
    const before = await auditCount(dk.id);
    const res = await call(dk.adminHost, 'PUT', '/api/settings/contact', { json: { email: 'valg@testrup.dk', phone: '+45 99 88 77 66', address: 'Torvet 9' } });
    expect(res.status).toBe(200);
    expect(await auditCount(dk.id)).toBe(before + 1);
  });

  it('refuses anonymous changes on the public site with 401', async () => {
    const res = await call(dk.publicHost, 'PUT', '/api/settings/contact', { json: { email: 'a@b.dk', phone: '+45 12345678', address: 'x' } });
    expect(res.status).toBe(401);
    expect(res.json<Problem>().code).toBe('unauthenticated');
    expect((await call(dk.publicHost, 'GET', '/api/audit-log')).status).toBe(401);
  });

  it('limits body size (413), refuses malformed JSON (400) and non-JSON bodies (415)', async () => {
    const big = await call(dk.adminHost, 'PUT', '/api/settings/contact', { json: { address: 'x'.repeat(70 * 1024) } });
    expect([big.status, big.json<Problem>().code]).toEqual([413, 'payload_too_large']);
    const bad = await call(dk.adminHost, 'PUT', '/api/settings/contact', { body: '{"email":', headers: { 'content-type': 'application/json' } });
    expect([bad.status, bad.json<Problem>().code]).toEqual([400, 'malformed_request']);
    const form = await call(dk.adminHost, 'PUT', '/api/settings/contact', { body: 'email=a', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect([form.status, form.json<Problem>().code]).toEqual([415, 'unsupported_media_type']);
  });

  it('validates query strings and returns 404 problems for unknown API paths', async () => {
    const res = await call(dk.adminHost, 'GET', '/api/audit-log?pageSize=1000&from=yesterday');
    expect(res.status).toBe(400);
    expect(res.json<Problem>().errors!.map((e) => e.field).sort()).toEqual(['/from', '/pageSize']);
    const missing = await call(dk.adminHost, 'GET', '/api/nothing-here');
    expect([missing.status, missing.json<Problem>().code]).toEqual([404, 'not_found']);
  });

  it('sets security headers on every response', async () => {
    const res = await call(dk.publicHost, 'GET', '/');
    expect(res.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('audit log API', () => {
  it('filters and pages, newest first, and never shows another tenant’s rows', async () => {
    const page = (await call(dk.adminHost, 'GET', '/api/audit-log?pageSize=1&action=tenant.')).json<{ entries: { action: string; seq: number }[]; total: number }>();
    expect(page.total).toBeGreaterThanOrEqual(2);
    expect(page.entries).toHaveLength(1);
    expect(page.entries[0]!.action).toMatch(/^tenant\./);
    const other = (await call(dk.adminHost, 'GET', `/api/audit-log?entity=tenant:${se.id}`)).json<{ total: number }>();
    expect(other.total).toBe(0);
    const verification = (await call(dk.adminHost, 'GET', '/api/audit-log/verification')).json<{ ok: boolean }>();
    expect(verification.ok).toBe(true);
  });
});
