// Proposals without login are rate-limited per client address and per e-mail address (RateLimiterPostgres under
// RLS): over the limit, 429 with Retry-After and no proposal stored; the limiter keeps keyed hashes, never the
// address; another tenant's counters are its own. The clients are told apart by their loopback address.
import { QueryTypes } from 'sequelize';
import { createTestTenant, ownerDb, type TestTenant } from '../helpers/factories';
import { startTestPlatform } from '../helpers/platform';
import { answers } from './helpers';
import { modulesWith, requestFrom } from './api-helpers';

let platform: Awaited<ReturnType<typeof startTestPlatform>>;
let a: TestTenant;
let b: TestTenant;

beforeAll(async () => {
  [a, b] = await Promise.all([createTestTenant({ builtinForms: true }), createTestTenant({ builtinForms: true })]);
  platform = await startTestPlatform([], {}, { modules: modulesWith({ limits: { perClient: { points: 3, seconds: 600 }, perEmail: { points: 2, seconds: 600 } } }) });
}, 60_000);

afterAll(async () => {
  await platform?.stop();
});

const petitionCount = async (tenantId: string) =>
  (await ownerDb().query<{ n: number }>('SELECT count(*)::integer AS n FROM petitions WHERE tenant_id = $1', { bind: [tenantId], type: QueryTypes.SELECT }))[0]!.n;

const propose = (t: TestTenant, from: string, email: string) => requestFrom(from, platform.port, t.publicHost, 'POST', '/api/petitions', { answers: answers({ proposerEmail: email }) });

it('refuses the fourth proposal from one address with 429 and Retry-After, storing nothing', async () => {
  for (let i = 1; i <= 3; i++) expect((await propose(a, '127.0.0.2', `client${i}@example.dk`)).status).toBe(202);
  const before = await petitionCount(a.id);
  const over = await propose(a, '127.0.0.2', 'client4@example.dk');
  expect(over.status).toBe(429);
  expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
  expect(Number(over.headers['retry-after'])).toBeLessThanOrEqual(600);
  expect(over.json()).toMatchObject({ status: 429, code: 'too_many_requests', errors: [{ field: '/', code: 'petition.tooManyProposals', params: { limit: 3 } }] });
  expect(await petitionCount(a.id)).toBe(before);
  // Another address, and the same address at another tenant, are counted apart.
  expect((await propose(a, '127.0.0.3', 'client5@example.dk')).status).toBe(202);
  expect((await propose(b, '127.0.0.2', 'client6@example.dk')).status).toBe(202);
});

it('refuses the third proposal from one e-mail address, whatever the client address', async () => {
  expect((await propose(a, '127.0.0.4', 'Samme@Example.dk')).status).toBe(202);
  expect((await propose(a, '127.0.0.5', 'samme@example.dk')).status).toBe(202);
  const before = await petitionCount(a.id);
  const over = await propose(a, '127.0.0.6', ' samme@example.dk');
  expect([over.status, over.json<{ errors: { field: string }[] }>().errors[0]?.field]).toEqual([429, '/proposerEmail']);
  expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
  expect(await petitionCount(a.id)).toBe(before);
});

it('keeps keyed hashes in its table, each row its tenant’s, never an address', async () => {
  const rows = await ownerDb().query<{ key: string; tenant_id: string }>('SELECT key, tenant_id FROM petition_rate_limits WHERE tenant_id IN ($1, $2)', { bind: [a.id, b.id], type: QueryTypes.SELECT });
  expect(rows.length).toBeGreaterThanOrEqual(6);
  for (const row of rows) expect(row.key).toMatch(new RegExp(`^${row.tenant_id}:(perClient|perEmail):[0-9a-f]{64}$`));
  expect(JSON.stringify(rows)).not.toMatch(/127\.0\.0|example\.dk/);
});
