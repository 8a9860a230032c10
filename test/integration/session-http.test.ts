// Sessions over HTTP: the cookie makes the actor, state changes need the CSRF token, a citizen session
// never opens the admin site, logout ends the session for good.
import { QueryTypes } from 'sequelize';
import type { Problem } from '../../schemas/types/api-problem';
import type { SiteInfo } from '../../schemas/types/api-site-info';
import { parseCpr } from '../../forms/formats/personal-number';
import { parseKeySpec } from '../../engine/crypto/key-spec';
import { Keyring } from '../../engine/crypto/keyring';
import { PersonalNumbers } from '../../engine/identity/personal-numbers';
import { csrfTokenFor, Sessions } from '../../engine/identity/sessions';
import { Users } from '../../engine/identity/users';
import { cookieName } from '../../engine/http/session-cookie';
import { closeOwnerDb, createTestTenant, ownerDb, type TestTenant } from '../helpers/factories';
import { request } from '../helpers/http';
import { startTestPlatform } from '../helpers/platform';

let platform: Awaited<ReturnType<typeof startTestPlatform>>;
let tenant: TestTenant;
let adminToken: string;
let citizenToken: string;

beforeAll(async () => {
  tenant = await createTestTenant();
  platform = await startTestPlatform();
  const keyring = new Keyring(platform.db, parseKeySpec(process.env.DATA_MASTER_KEYS!));
  const users = new Users(platform.db, keyring, new PersonalNumbers(keyring));
  const sessions = new Sessions(platform.db);
  const now = new Date();
  [adminToken, citizenToken] = await platform.db.withTenant(tenant.id, async (tx) => {
    const admin = await users.employee(tx, tenant.id, 'lauritz@testrup.example', 'Lauritz Jensen', ['administrator']);
    const citizen = await users.citizen(tx, tenant.id, parseCpr('120578-4123')!, 'Agnes Jensen');
    return [(await sessions.start(tx, { tenantId: tenant.id, userId: admin, site: 'admin', now })).token, (await sessions.start(tx, { tenantId: tenant.id, userId: citizen, site: 'public', now })).token];
  });
});

afterAll(async () => {
  await platform.stop();
  await closeOwnerDb();
});

const call = (host: string, method: string, path: string, opts: Parameters<typeof request>[4] = {}) => request(platform.port, host, method, path, opts);
const adminCookie = () => ({ cookie: `${cookieName('admin')}=${adminToken}` });
const contact = { email: 'valg@testrup.dk', phone: '+45 12 34 56 78', address: 'Torvet 1' };

it('without a session the admin API refuses (no development actor here)', async () => {
  expect((await call(tenant.adminHost, 'GET', '/api/audit-log')).status).toBe(401);
  expect((await call(tenant.adminHost, 'GET', '/api/site')).json<SiteInfo>().actor).toEqual({ kind: 'anonymous', roles: [] });
  expect((await call(tenant.publicHost, 'GET', '/api/me')).status).toBe(401);
});

it('an administrator’s session makes the actor, and site info carries the CSRF token', async () => {
  const info = (await call(tenant.adminHost, 'GET', '/api/site', { headers: adminCookie() })).json<SiteInfo>();
  expect(info.actor).toEqual({ kind: 'user', displayName: 'Lauritz Jensen', roles: ['administrator'] });
  expect(info.csrfToken).toBe(csrfTokenFor(adminToken));
  expect((await call(tenant.adminHost, 'GET', '/api/audit-log', { headers: adminCookie() })).status).toBe(200);
});

it('refuses a state change without the CSRF token and writes nothing', async () => {
  const res = await call(tenant.adminHost, 'PUT', '/api/settings/contact', { json: contact, headers: adminCookie() });
  expect([res.status, res.json<Problem>().code]).toEqual([403, 'csrf_failed']);
  const wrong = await call(tenant.adminHost, 'PUT', '/api/settings/contact', { json: contact, headers: { ...adminCookie(), 'x-csrf-token': csrfTokenFor(citizenToken) } });
  expect(wrong.status).toBe(403);
  const ok = await call(tenant.adminHost, 'PUT', '/api/settings/contact', { json: contact, headers: { ...adminCookie(), 'x-csrf-token': csrfTokenFor(adminToken) } });
  expect(ok.status).toBe(200);
});

it('a citizen session never opens the admin site, nor another tenant', async () => {
  const asAdmin = await call(tenant.adminHost, 'GET', '/api/audit-log', { headers: { cookie: `${cookieName('admin')}=${citizenToken}` } });
  expect(asAdmin.status).toBe(401);
  const info = (await call(tenant.publicHost, 'GET', '/api/site', { headers: { cookie: `${cookieName('public')}=${citizenToken}` } })).json<SiteInfo>();
  expect(info.actor).toEqual({ kind: 'user', displayName: 'Agnes Jensen', roles: ['participant'] });
  const me = (await call(tenant.publicHost, 'GET', '/api/me', { headers: { cookie: `${cookieName('public')}=${citizenToken}` } })).json();
  expect(me).toEqual({ displayName: 'Agnes Jensen', kind: 'citizen', personalNumberMasked: '120578-****' });
  const other = await createTestTenant();
  const elsewhere = (await call(other.publicHost, 'GET', '/api/site', { headers: { cookie: `${cookieName('public')}=${citizenToken}` } })).json<SiteInfo>();
  expect(elsewhere.actor.kind).toBe('anonymous');
});

it('logs out: the cookie is cleared, the session ends for good, and the logout is audited', async () => {
  const res = await call(tenant.publicHost, 'POST', '/api/session/logout', { json: {}, headers: { cookie: `${cookieName('public')}=${citizenToken}`, 'x-csrf-token': csrfTokenFor(citizenToken) } });
  expect(res.status).toBe(204);
  const setCookie = String(res.headers['set-cookie']);
  expect(setCookie).toMatch(new RegExp(`^${cookieName('public')}=;`));
  expect(setCookie).toMatch(/HttpOnly/);
  expect(setCookie).toMatch(/SameSite=Lax/);
  expect(setCookie).toMatch(/Expires=Thu, 01 Jan 1970/);
  const after = (await call(tenant.publicHost, 'GET', '/api/site', { headers: { cookie: `${cookieName('public')}=${citizenToken}` } })).json<SiteInfo>();
  expect(after.actor.kind).toBe('anonymous');
  const rows = await ownerDb().query<{ action: string }>("SELECT action FROM audit_log WHERE tenant_id = $1 AND action = 'session.loggedOut'", { bind: [tenant.id], type: QueryTypes.SELECT });
  expect(rows).toHaveLength(1);
});
