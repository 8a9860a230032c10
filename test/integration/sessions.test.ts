// Sessions: opaque tokens, idle and absolute expiry per site, logout, tenant and site binding, CSRF tokens.
import { QueryTypes } from 'sequelize';
import { parseCpr } from '../../forms/formats/personal-number';
import { generateKeySpec, parseKeySpec } from '../../engine/crypto/key-spec';
import { Keyring } from '../../engine/crypto/keyring';
import { PersonalNumbers } from '../../engine/identity/personal-numbers';
import { csrfTokenFor, csrfTokenMatches, hashToken, SESSION_LIFETIMES, Sessions } from '../../engine/identity/sessions';
import { Users } from '../../engine/identity/users';
import { createTestTenant, ownerDb, suiteDatabase, type TestTenant } from '../helpers/factories';

const db = suiteDatabase();
let sessions: Sessions;
let users: Users;
let tenant: TestTenant;
let other: TestTenant;
const minutes = (n: number) => n * 60_000;

beforeAll(async () => {
  const keyring = new Keyring(db, parseKeySpec(generateKeySpec('m')));
  sessions = new Sessions(db);
  users = new Users(db, keyring, new PersonalNumbers(keyring));
  [tenant, other] = await Promise.all([createTestTenant(), createTestTenant()]);
});
async function login(site: 'public' | 'admin', now: Date, t: TestTenant = tenant) {
  return db.withTenant(t.id, async (tx) => {
    const userId = site === 'admin' ? await users.employee(tx, t.id, 'lauritz@korsbaek.example', 'Lauritz Jensen', ['administrator']) : await users.citizen(tx, t.id, parseCpr('120578-4123')!, 'Agnes Jensen');
    return sessions.start(tx, { tenantId: t.id, userId, site, now });
  });
}

it('keeps the same citizen user across logins, found by the keyed hash only', async () => {
  const t0 = new Date();
  const first = await login('public', t0);
  const second = await login('public', t0);
  const [a, b] = await Promise.all([sessions.resume(tenant.id, 'public', first.token, t0), sessions.resume(tenant.id, 'public', second.token, t0)]);
  expect(a?.userId).toBe(b?.userId);
  expect(a).toMatchObject({ kind: 'citizen', displayName: 'Agnes Jensen', roles: ['participant'] });
  const [row] = await ownerDb().query<Record<string, unknown>>('SELECT * FROM users WHERE id = $1', { bind: [a!.userId], type: QueryTypes.SELECT });
  expect(JSON.stringify(row)).not.toContain('1205784123');
  expect(row!.personal_number_masked).toBe('120578-****');
});

it('stores only hashes of the tokens', async () => {
  const s = await login('admin', new Date());
  const rows = await ownerDb().query<{ token_hash: string }>('SELECT token_hash FROM sessions WHERE tenant_id = $1', { bind: [tenant.id], type: QueryTypes.SELECT });
  expect(rows.map((r) => r.token_hash)).toContain(hashToken(s.token));
  expect(JSON.stringify(rows)).not.toContain(s.token);
});

it('ends after 30 idle minutes on the admin site, and activity pushes the idle expiry on', async () => {
  const t0 = new Date('2026-11-22T09:00:00Z');
  const s = await login('admin', t0);
  expect(await sessions.resume(tenant.id, 'admin', s.token, new Date(t0.getTime() + minutes(29)))).toBeDefined();
  expect(await sessions.resume(tenant.id, 'admin', s.token, new Date(t0.getTime() + minutes(58)))).toBeDefined();
  expect(await sessions.resume(tenant.id, 'admin', s.token, new Date(t0.getTime() + minutes(89)))).toBeUndefined();
});

it('ends after 8 hours however active, and public sessions idle out after 60 minutes', async () => {
  const t0 = new Date('2026-11-22T09:00:00Z');
  const s = await login('admin', t0);
  for (let m = 20; m < 8 * 60; m += 20) expect(await sessions.resume(tenant.id, 'admin', s.token, new Date(t0.getTime() + minutes(m)))).toBeDefined();
  expect(await sessions.resume(tenant.id, 'admin', s.token, new Date(t0.getTime() + minutes(8 * 60 + 1)))).toBeUndefined();
  const p = await login('public', t0);
  expect(SESSION_LIFETIMES.public.idleMs).toBe(minutes(60));
  expect(await sessions.resume(tenant.id, 'public', p.token, new Date(t0.getTime() + minutes(59)))).toBeDefined();
  expect(await sessions.resume(tenant.id, 'public', p.token, new Date(t0.getTime() + minutes(59 + 61)))).toBeUndefined();
});

it('is bound to its tenant and site', async () => {
  const now = new Date();
  const citizen = await login('public', now);
  expect(await sessions.resume(tenant.id, 'admin', citizen.token, now)).toBeUndefined();
  expect(await sessions.resume(other.id, 'public', citizen.token, now)).toBeUndefined();
  expect(await sessions.resume(tenant.id, 'public', 'made-up-token', now)).toBeUndefined();
});

it('logs out for good, and housekeeping purges ended and expired sessions', async () => {
  const t0 = new Date();
  const s = await login('admin', t0);
  const live = await sessions.resume(tenant.id, 'admin', s.token, t0);
  expect(await db.withTenant(tenant.id, (tx) => sessions.end(tx, live!.sessionId, t0))).toBe(true);
  expect(await sessions.resume(tenant.id, 'admin', s.token, t0)).toBeUndefined();
  const purged = await db.withTenant(tenant.id, (tx) => sessions.purgeExpired(tx, new Date(t0.getTime() + 9 * 3_600_000)));
  expect(purged).toBeGreaterThanOrEqual(1);
  const [left] = await ownerDb().query<{ n: string }>('SELECT count(*) AS n FROM sessions WHERE tenant_id = $1', { bind: [tenant.id], type: QueryTypes.SELECT });
  expect(Number(left!.n)).toBe(0);
});

it('derives a CSRF token per session and checks it', async () => {
  const [a, b] = await Promise.all([login('admin', new Date()), login('admin', new Date())]);
  expect(csrfTokenMatches(a.token, csrfTokenFor(a.token))).toBe(true);
  expect(csrfTokenMatches(a.token, csrfTokenFor(b.token))).toBe(false);
  expect(csrfTokenMatches(a.token, a.token)).toBe(false);
  expect(csrfTokenMatches(a.token, undefined)).toBe(false);
});

it('resumes the requests that come at once in one round trip, each its own session; a token of another tenant or site is none', async () => {
  const t0 = new Date();
  const citizens = await Promise.all([login('public', t0), login('public', t0), login('public', t0)]);
  const employee = await login('admin', t0);
  const elsewhere = await login('public', t0, other);
  const batches = (sessions as unknown as { resumes: { counts: { batches: number; items: number } } }).resumes.counts;
  const before = { ...batches };
  const resumed = await Promise.all([
    ...citizens.map((s) => sessions.resume(tenant.id, 'public', s.token, t0)),
    sessions.resume(tenant.id, 'admin', employee.token, t0),
    sessions.resume(tenant.id, 'public', elsewhere.token, t0), // another tenant's
    sessions.resume(tenant.id, 'public', employee.token, t0), // the admin site's
    sessions.resume(tenant.id, 'public', citizens[0]!.token, t0), // the same token twice
  ]);
  expect(resumed.map((r) => r?.sessionId)).toEqual([...citizens.map((s) => s.sessionId), employee.sessionId, undefined, undefined, citizens[0]!.sessionId]);
  expect(resumed[3]).toMatchObject({ kind: 'employee', roles: ['administrator'] });
  // Seven requests: the first two went at once (two batches in flight), the other five together.
  expect(batches.items - before.items).toBe(7);
  expect(batches.batches - before.batches).toBe(3);
});
