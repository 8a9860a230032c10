// InResponseTo and assertion replay checks, kept in PostgreSQL.
import { randomBytes } from 'node:crypto';
import { REQUEST_LIFETIME_MS, SamlReplayGuard } from '../../engine/identity/saml-replay';
import { createTestTenant, suiteDatabase, type TestTenant } from '../helpers/factories';

const db = suiteDatabase();
let guard: SamlReplayGuard;
let tenant: TestTenant;
const newId = () => `_${randomBytes(16).toString('hex')}`;

beforeAll(async () => {
  guard = new SamlReplayGuard(db);
  tenant = await createTestTenant();
});
const remember = (requestId: string, now: Date, site: 'public' | 'admin' = 'admin') =>
  db.withTenant(tenant.id, (tx) => guard.rememberRequest(tx, { tenantId: tenant.id, site, requestId, relayState: '/audit-log', now }));
const consume = (requestId: string, now: Date, site: 'public' | 'admin' = 'admin') => db.withTenant(tenant.id, (tx) => guard.consumeRequest(tx, { site, requestId, now }));

it('accepts an InResponseTo once, with its relay state', async () => {
  const id = newId();
  const now = new Date();
  await remember(id, now);
  expect(await consume(id, now)).toEqual({ ok: true, relayState: '/audit-log' });
  expect(await consume(id, now)).toEqual({ ok: false, problem: 'used' });
});

it('refuses unknown, expired and other-site requests, and requests of another tenant', async () => {
  const now = new Date();
  expect(await consume(newId(), now)).toEqual({ ok: false, problem: 'unknown' });
  const old = newId();
  await remember(old, now);
  expect(await consume(old, new Date(now.getTime() + REQUEST_LIFETIME_MS + 1))).toEqual({ ok: false, problem: 'expired' });
  const pub = newId();
  await remember(pub, now, 'public');
  expect(await consume(pub, now, 'admin')).toEqual({ ok: false, problem: 'other site' });
  const other = await createTestTenant();
  const mine = newId();
  await remember(mine, now);
  expect(await db.withTenant(other.id, (tx) => guard.consumeRequest(tx, { site: 'admin', requestId: mine, now }))).toEqual({ ok: false, problem: 'unknown' });
});

it('sees each assertion id once per issuer, and housekeeping forgets expired entries', async () => {
  const assertionId = newId();
  const keepUntil = new Date(Date.now() + 3_600_000);
  const sight = () => db.withTenant(tenant.id, (tx) => guard.firstSighting(tx, { tenantId: tenant.id, issuer: 'https://idp.example', assertionId, keepUntil }));
  expect(await sight()).toBe(true);
  expect(await sight()).toBe(false);
  const purged = await db.withTenant(tenant.id, (tx) => guard.purgeExpired(tx, new Date(Date.now() + 2 * 3_600_000)));
  expect(purged).toBeGreaterThanOrEqual(2);
  expect(await sight()).toBe(true);
});
