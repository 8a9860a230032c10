// Property-based fuzzing of every route the platform answers (issue 11, section 6). The routes come from the
// running application's route table (engine/http/route-table.ts), so a new route is fuzzed without being
// listed here; fast-check generates hostile requests (see arbitraries.ts) from a fixed seed. For every
// request: never a 5xx; never the other tenant's data (its names and ids, unless the request itself carried
// them; never a 2xx for a path naming its ids; never an audit row written in it); nothing written on refusal
// (no audit row carries the refused request's id); Object.prototype untouched.
// FUZZ_COUNT and FUZZ_SEED set the run (npm test: 2000 requests, seed 11; `npm run fuzz -- --count 20000`).
import fc from 'fast-check';
import { QueryTypes } from 'sequelize';
import { routeTable, type RouteEntry } from '../../engine/http/route-table';
import { TEMPORAL_UI_PATH } from '../../engine/http/routes/operator-console';
import { workflowIds } from '../../engine/temporal/ids';
import { createTestTenant, ownerDb, suiteDatabase, type TestTenant } from '../helpers/factories';
import { request, type TestResponse } from '../helpers/http';
import { startTestPlatform } from '../helpers/platform';
import { startEmployeeSession, type TestSession } from '../helpers/sessions';
import { signupDraft } from '../fixtures/signup-form';
import { requestOf, type FuzzContext, type FuzzRequest } from './arbitraries';

const COUNT = Number(process.env.FUZZ_COUNT ?? 2000);
const SEED = Number(process.env.FUZZ_SEED ?? 11);
const BATCH = 100;

suiteDatabase();
let platform: Awaited<ReturnType<typeof startTestPlatform>>;
let a: TestTenant;
let b: TestTenant;
let adminA: TestSession;
let adminB: TestSession;
let ctx: FuzzContext;
let routes: RouteEntry[];
/** Text only the other tenant's data contains. */
let foreignMarkers: string[];

/** The Web UI proxy is middleware, not a route table entry: its API routes are fuzzed too. */
const PROXY_ROUTES: RouteEntry[] = [
  { method: 'GET', path: `${TEMPORAL_UI_PATH}/api/v1/namespaces/tingvalla/workflows` },
  { method: 'GET', path: `${TEMPORAL_UI_PATH}/api/v1/namespaces/tingvalla/workflows/:id` },
  { method: 'GET', path: `${TEMPORAL_UI_PATH}/api/v1/namespaces/tingvalla/workflows/:id/history` },
  { method: 'GET', path: `${TEMPORAL_UI_PATH}/api/v1/namespaces/:namespace/:rest` },
];

beforeAll(async () => {
  [a, b] = await Promise.all([createTestTenant(), createTestTenant()]);
  platform = await startTestPlatform([a.id, b.id]);
  adminA = await startEmployeeSession(platform.identity, a.id, ['administrator', 'operator']);
  adminB = await startEmployeeSession(platform.identity, b.id, ['administrator', 'operator']);
  const as = (t: TestTenant, s: TestSession) => (method: string, path: string, json?: unknown) => request(platform.port, t.adminHost, method, path, { ...(json === undefined ? {} : { json }), headers: s.headers });
  const [inA, inB] = [as(a, adminA), as(b, adminB)];
  const formA = (await inA('POST', '/api/forms', { name: 'Tilmelding A', draft: signupDraft() })).json<{ id: string }>().id;
  await inA('POST', `/api/forms/${formA}/publish`, {});
  const secret = `Hemmelig-${b.slug}`;
  const formB = (await inB('POST', '/api/forms', { name: `Fremmed ${b.slug}`, draft: signupDraft() })).json<{ id: string }>().id;
  await inB('POST', `/api/forms/${formB}/publish`, {});
  const submissionB = (await request(platform.port, b.publicHost, 'POST', `/api/forms/${formB}/versions/1/submissions`, { json: { name: secret, email: 'hemmelig@example.se' } })).json<{ id: string }>().id;
  const flowsOf = async (call: typeof inA) => (await call('GET', '/api/flows')).json<{ flows: { id: string }[] }>().flows.map((f) => f.id);
  ctx = {
    ownIds: [formA, a.id, workflowIds.housekeeping(a.id), ...(await flowsOf(inA))],
    foreignIds: [formB, submissionB, b.id, workflowIds.housekeeping(b.id), ...(await flowsOf(inB))],
  };
  foreignMarkers = [b.name, b.slug, secret, 'hemmelig@example.se', ...ctx.foreignIds];
  routes = [...routeTable(platform.app), ...PROXY_ROUTES];
});
afterAll(async () => {
  await platform?.stop();
});

function headersFor(req: FuzzRequest): { host: string; headers: Record<string, string> } {
  const admin = { host: a.adminHost, headers: { ...req.headers, ...adminA.headers } };
  switch (req.actor) {
    case 'admin':
      return admin;
    case 'adminWithoutCsrf':
      return { host: a.adminHost, headers: { ...req.headers, cookie: adminA.headers.cookie! } };
    case 'adminWithForeignCsrf':
      return { host: a.adminHost, headers: { ...req.headers, cookie: adminA.headers.cookie!, 'x-csrf-token': adminB.headers['x-csrf-token']! } };
    case 'foreignCookie':
      return { host: a.adminHost, headers: { ...req.headers, ...adminB.headers } };
    case 'operatorOnPublicHost':
      return { host: a.publicHost, headers: { ...req.headers, ...adminA.headers } };
    case 'anonymous':
      return { host: a.publicHost, headers: req.headers };
  }
}

async function auditHeads(): Promise<Map<string, number>> {
  const rows = await ownerDb().query<{ tenant_id: string; seq: string }>('SELECT tenant_id, max(seq) AS seq FROM audit_log WHERE tenant_id IN ($1, $2) GROUP BY tenant_id', { bind: [a.id, b.id], type: QueryTypes.SELECT });
  return new Map(rows.map((r) => [r.tenant_id, Number(r.seq)]));
}

async function auditRowsSince(heads: Map<string, number>): Promise<{ tenant_id: string; request_id: string | null; action: string }[]> {
  return ownerDb().query('SELECT tenant_id, request_id, action FROM audit_log WHERE (tenant_id = $1 AND seq > $2) OR (tenant_id = $3 AND seq > $4)', {
    bind: [a.id, heads.get(a.id) ?? 0, b.id, heads.get(b.id) ?? 0],
    type: QueryTypes.SELECT,
  });
}

interface Finding {
  kind: '5xx' | 'leak' | 'write on refusal' | 'prototype polluted';
  route: string;
  request: string;
  detail: string;
}

function describe(req: FuzzRequest, host: string): string {
  const body = req.body ? ` body=${JSON.stringify(req.body.subarray(0, 200).toString('latin1'))}${req.body.length > 200 ? `…(${req.body.length} bytes)` : ''}` : '';
  return `${req.method} ${host}${req.path.slice(0, 300)} as ${req.actor} ${JSON.stringify(req.headers)}${body}`;
}

/** The protected paths must never come back for this actor's request: the logout would end the fuzzing session. */
const endsTheSession = (req: FuzzRequest) => req.route.path === '/api/session/logout' && ['admin', 'operatorOnPublicHost', 'foreignCookie'].includes(req.actor);

async function fuzzOne(req: FuzzRequest, findings: Finding[], statuses: Map<number, number>): Promise<void> {
  const { host, headers } = headersFor(req);
  const heads = await auditHeads();
  let res: TestResponse;
  try {
    res = await request(platform.port, host, req.method, req.path, { headers, ...(req.body ? { body: req.body } : {}) });
  } catch (err) {
    // The client refused to send it (e.g. a header Node will not write): nothing reached the server.
    if (err instanceof TypeError || (err as { code?: string }).code?.startsWith('ERR_')) return;
    throw err;
  }
  statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
  const what = describe(req, host);
  const route = `${req.method} ${req.route.path}`;
  if (res.status >= 500) findings.push({ kind: '5xx', route, request: what, detail: `${res.status} ${res.text.slice(0, 300)}` });
  const sent = `${req.path} ${req.body?.toString('utf8') ?? ''} ${decodeURIComponentSafe(req.path)}`;
  const leaked = foreignMarkers.filter((m) => res.text.includes(m) && !sent.includes(m));
  if (leaked.length > 0) findings.push({ kind: 'leak', route, request: what, detail: `answer holds ${leaked.join(', ')}` });
  if (res.status < 300 && ctx.foreignIds.some((id) => decodeURIComponentSafe(req.path.split('?')[0]!).includes(id))) findings.push({ kind: 'leak', route, request: what, detail: `${res.status} for a path naming another tenant's id` });
  const requestId = String(res.headers['x-request-id'] ?? '');
  const rows = (await auditRowsSince(heads)).filter((r) => r.request_id === requestId);
  if (res.status >= 400 && rows.length > 0) findings.push({ kind: 'write on refusal', route, request: what, detail: `${res.status} but audited ${rows.map((r) => r.action).join(', ')}` });
  if (rows.some((r) => r.tenant_id === b.id)) findings.push({ kind: 'leak', route, request: what, detail: `wrote ${rows.map((r) => r.action).join(', ')} into the other tenant` });
  const polluted = Object.keys(Object.prototype);
  if (polluted.length > 0) findings.push({ kind: 'prototype polluted', route, request: what, detail: polluted.join(', ') });
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

it('walks a route table that holds every part of the API', () => {
  const listed = new Set(routes.map((r) => `${r.method} ${r.path}`));
  for (const known of ['GET /api/site', 'POST /api/forms/:id/versions/:version/submissions', 'PUT /api/message-templates/:key', 'POST /api/tasks/:id/decision', 'POST /codec/decode', 'GET /saml/metadata']) expect([known, listed.has(known)]).toEqual([known, true]);
  expect(routes.length).toBeGreaterThan(40);
});

it(`answers ${COUNT} hostile requests (seed ${SEED}) without a 5xx, a leak or a write on refusal`, async () => {
  const findings: Finding[] = [];
  const statuses = new Map<number, number>();
  const started = Date.now();
  let sent = 0;
  for (let batch = 0; sent < COUNT; batch++) {
    const requests = fc.sample(requestOf(routes, ctx), { seed: SEED + batch, numRuns: Math.min(BATCH, COUNT - sent) }).filter((r) => !endsTheSession(r));
    for (const req of requests) await fuzzOne(req, findings, statuses);
    sent += BATCH;
    if (process.env.FUZZ_PROGRESS) process.stderr.write(`[fuzz] ${Math.min(sent, COUNT)}/${COUNT} requests, ${findings.length} findings, ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
  }
  const count = (kind: Finding['kind']) => findings.filter((f) => f.kind === kind).length;
  const byStatus = [...statuses.entries()].sort(([x], [y]) => x - y).map(([s, n]) => `${s}: ${n}`).join(', ');
  process.stderr.write(`[fuzz] ${COUNT} requests over ${routes.length} routes in ${((Date.now() - started) / 1000).toFixed(1)} s (seed ${SEED}): ${count('5xx')} 5xx, ${count('leak')} leaks, ${count('write on refusal')} writes on refusal, ${count('prototype polluted')} prototype pollutions; statuses ${byStatus}\n`);
  // One example of each kind of finding on each route, so a long run's report stays readable.
  const examples = new Map<string, Finding>();
  for (const f of findings) if (!examples.has(`${f.kind} ${f.route}`)) examples.set(`${f.kind} ${f.route}`, f);
  expect([...examples.values()]).toEqual([]);
  // The generator must reach past the first checks, or the run proves little.
  expect((statuses.get(200) ?? 0) + (statuses.get(201) ?? 0)).toBeGreaterThan(COUNT / 50);
});
