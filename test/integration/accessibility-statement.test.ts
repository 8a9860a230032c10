// The accessibility statement setting (PUT /api/settings/accessibility-statement): an address elsewhere or its
// own text, never both; administrators only; audited without the text; the public site's info carries it.
import { QueryTypes } from 'sequelize';
import type { Problem } from '../../schemas/types/api-problem';
import type { SiteInfo } from '../../schemas/types/api-site-info';
import { createTestTenant, ownerDb, suiteDatabase, type TestTenant } from '../helpers/factories';
import { request } from '../helpers/http';
import { startTestPlatform } from '../helpers/platform';
import { startEmployeeSession, type TestSession } from '../helpers/sessions';

suiteDatabase();
let platform: Awaited<ReturnType<typeof startTestPlatform>>;
let t: TestTenant;
let admin: TestSession;
let clerk: TestSession;

beforeAll(async () => {
  t = await createTestTenant();
  platform = await startTestPlatform();
  admin = await startEmployeeSession(platform.identity, t.id, ['administrator']);
  clerk = await startEmployeeSession(platform.identity, t.id, [], 'Red Hansen');
});
afterAll(async () => {
  await platform?.stop();
});

const put = (session: TestSession, json: unknown) => request(platform.port, t.adminHost, 'PUT', '/api/settings/accessibility-statement', { json, headers: session.headers });
const publicInfo = async () => (await request(platform.port, t.publicHost, 'GET', '/api/site')).json<SiteInfo>().tenant.accessibilityStatement;

it('takes an address or a text, shows it to the public site, and audits which kind', async () => {
  expect(await publicInfo()).toBeUndefined();
  expect((await put(admin, { url: 'https://www.was.digst.dk/testrup-dk' })).status).toBe(200);
  expect(await publicInfo()).toEqual({ url: 'https://www.was.digst.dk/testrup-dk' });
  expect((await put(admin, { text: { da: '# Erklæring\n\nVi følger WCAG 2.1 AA.' } })).status).toBe(200);
  expect(await publicInfo()).toEqual({ text: { da: '# Erklæring\n\nVi følger WCAG 2.1 AA.' } });
  const audit = await ownerDb().query<{ summary: unknown }>("SELECT summary FROM audit_log WHERE tenant_id = $1 AND action = 'tenant.accessibilityStatementUpdated' ORDER BY seq", { bind: [t.id], type: QueryTypes.SELECT });
  expect(audit.map((a) => a.summary)).toEqual([{ kind: 'link' }, { kind: 'page', languages: ['da'] }]);
});

it('refuses both at once, neither, a non-web address, an empty text, and anyone but an administrator', async () => {
  for (const body of [{ url: 'https://a.example', text: { da: 'x' } }, {}, { url: 'javascript:alert(1)' }, { text: {} }, { text: { da: '' } }, { text: { de: 'x' } }]) {
    const res = await put(admin, body);
    expect([JSON.stringify(body), res.status, res.json<Problem>().code]).toEqual([JSON.stringify(body), 400, 'validation_failed']);
  }
  expect((await put(clerk, { url: 'https://a.example' })).status).toBe(403);
  expect((await request(platform.port, t.publicHost, 'PUT', '/api/settings/accessibility-statement', { json: { url: 'https://a.example' } })).status).toBe(401);
  expect(await publicInfo()).toEqual({ text: { da: '# Erklæring\n\nVi følger WCAG 2.1 AA.' } });
});
