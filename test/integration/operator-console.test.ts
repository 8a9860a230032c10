// Operators and the Temporal Web UI: payloads are bound to their tenant; the admin site's /codec decodes a
// tenant's payloads for that tenant's operators only (audited), and /temporal proxies the Web UI read-only,
// narrowed to the tenant's workflows.
import { Connection } from '@temporalio/client';
import type { Payload } from '@temporalio/common';
import { QueryTypes } from 'sequelize';
import type { Problem } from '../../schemas/types/api-problem';
import { AesGcmPayloadCodec, generateCodecKeySpec, parseCodecKeys, PayloadTenantMismatchError, TENANT_METADATA } from '../../engine/temporal/codec';
import { workflowIds } from '../../engine/temporal/ids';
import { platformSearchAttributes } from '../../engine/temporal/search-attributes';
import { housekeepingMessages } from '../../workflows';
import { testServices } from '../helpers/env';
import { createTestTenant, ownerDb, suiteDatabase, type TestTenant } from '../helpers/factories';
import { request, type TestResponse } from '../helpers/http';
import { startTestPlatform } from '../helpers/platform';
import { startEmployeeSession, type TestSession } from '../helpers/sessions';

suiteDatabase();
let platform: Awaited<ReturnType<typeof startTestPlatform>>;
let a: TestTenant;
let b: TestTenant;
let operatorA: TestSession;
let administratorA: TestSession;
let historyPayloads: { tenant: string; payloads: JsonPayload[] }[];
/** Claims tenant A by its id, but its TenantId search attribute says B: as if B had started it under A's prefix. */
let forgedId: string;

interface JsonPayload {
  metadata: Record<string, string>;
  data: string;
}

const json = (p: Payload): JsonPayload => ({
  metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v!).toString('base64')])),
  data: Buffer.from(p.data ?? []).toString('base64'),
});
const text = (p: JsonPayload) => Buffer.from(p.data, 'base64').toString();

async function historyPayloadsOf(tenantId: string): Promise<JsonPayload[]> {
  const connection = await Connection.connect({ address: testServices().temporalAddress });
  try {
    const history = await connection.workflowService.getWorkflowExecutionHistory({ namespace: 'tingvalla', execution: { workflowId: workflowIds.housekeeping(tenantId) } });
    const input = history.history!.events![0]!.workflowExecutionStartedEventAttributes!.input!.payloads!;
    return input.map((p) => json(p as Payload));
  } finally {
    await connection.close();
  }
}

beforeAll(async () => {
  [a, b] = await Promise.all([createTestTenant(), createTestTenant()]);
  platform = await startTestPlatform([a.id, b.id]);
  await platform.client.workflow.getHandle(workflowIds.housekeeping(a.id)).query(housekeepingMessages.statusQuery);
  historyPayloads = [
    { tenant: a.id, payloads: await historyPayloadsOf(a.id) },
    { tenant: b.id, payloads: await historyPayloadsOf(b.id) },
  ];
  operatorA = await startEmployeeSession(platform.identity, a.id, ['administrator', 'operator'], 'Ingeborg Skjern');
  administratorA = await startEmployeeSession(platform.identity, a.id, ['administrator']);
  forgedId = `tenant/${a.id}/forged`;
  // No worker polls its queue: it stays running, with a history of its own.
  await platform.client.workflow.start('forgedWorkflow', { taskQueue: 'nobody-polls-this', workflowId: forgedId, args: [], typedSearchAttributes: platformSearchAttributes(b.id, 'platform') });
});

afterAll(async () => {
  await platform?.stop();
});

const call = (host: string, method: string, path: string, opts: Parameters<typeof request>[4] = {}) => request(platform.port, host, method, path, opts);
// What Chromium sends with the Web UI's fetch to the same origin.
const sameOrigin = (session: TestSession) => ({ cookie: session.headers.cookie!, 'sec-fetch-site': 'same-origin', 'x-namespace': 'tingvalla' });

describe('tenant-bound payload codec', () => {
  const codec = new AesGcmPayloadCodec(parseCodecKeys(generateCodecKeySpec('k')));
  const plain = { metadata: { encoding: Buffer.from('json/plain') }, data: Buffer.from('{"name":"Karen Jensen"}') };
  const ctxOf = (tenantId: string) => ({ type: 'workflow' as const, namespace: 'tingvalla', workflowId: `tenant/${tenantId}/housekeeping` });

  it('binds a payload to the tenant of its workflow and decodes it only for that tenant', async () => {
    const [sealed] = await codec.encode([plain], ctxOf(a.id));
    expect(Buffer.from(sealed!.metadata![TENANT_METADATA]!).toString()).toBe(a.id);
    expect(Buffer.from((await codec.decode([sealed!], ctxOf(a.id)))[0]!.data!).toString()).toContain('Karen');
    await expect(codec.decode([sealed!], ctxOf(b.id))).rejects.toThrow(PayloadTenantMismatchError);
    expect(codec.decodeFor([sealed!], b.id)).toEqual({ payloads: [sealed], decoded: 0 });
    expect(codec.decodeFor([sealed!], a.id).decoded).toBe(1);
  });

  it('refuses a payload whose tenant label was rewritten (the label is bound as associated data)', async () => {
    const [sealed] = await codec.encode([plain], ctxOf(a.id));
    const relabelled = { ...sealed!, metadata: { ...sealed!.metadata, [TENANT_METADATA]: Buffer.from(b.id) } };
    // It does not open for the tenant it now names, and comes back as it came (no 500 at /codec).
    expect(codec.decodeFor([relabelled], b.id)).toEqual({ payloads: [relabelled], decoded: 0 });
  });

  it('labels the real workflow histories with their tenant', () => {
    for (const { tenant, payloads } of historyPayloads) {
      expect(payloads.length).toBeGreaterThan(0);
      for (const p of payloads) expect(Buffer.from(p.metadata[TENANT_METADATA]!, 'base64').toString()).toBe(tenant);
    }
  });
});

describe('/codec on the admin site', () => {
  const body = () => ({ payloads: [...historyPayloads[0]!.payloads, ...historyPayloads[1]!.payloads] });
  const decodeAs = (headers: Record<string, string>, host = a.adminHost) => call(host, 'POST', '/codec/decode', { json: body(), headers });

  async function decodeAudits(): Promise<{ entity_id: string | null; summary: { requested: number; decoded: number } }[]> {
    return ownerDb().query("SELECT entity_id, summary FROM audit_log WHERE tenant_id = $1 AND action = 'workflowPayloads.decoded' ORDER BY seq", { bind: [a.id], type: QueryTypes.SELECT });
  }

  it('decodes the tenant’s own payloads for its operator, leaves another tenant’s sealed, and audits it', async () => {
    const before = (await decodeAudits()).length;
    const referer = `http://${a.adminHost}/temporal/namespaces/tingvalla/workflows/${encodeURIComponent(workflowIds.housekeeping(a.id))}/run/history`;
    const res = await decodeAs({ ...sameOrigin(operatorA), referer });
    expect(res.status).toBe(200);
    const out = res.json<{ payloads: JsonPayload[] }>().payloads;
    const ownCount = historyPayloads[0]!.payloads.length;
    expect(JSON.parse(text(out[0]!))).toEqual({ tenantId: a.id });
    expect(out.slice(ownCount)).toEqual(historyPayloads[1]!.payloads);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    const audits = await decodeAudits();
    expect(audits.length).toBe(before + 1);
    expect(audits.at(-1)).toEqual({ entity_id: workflowIds.housekeeping(a.id), summary: { requested: out.length, decoded: ownCount } });
  });

  it('answers 401 without a session, 403 to an administrator who is no operator, and decodes nothing', async () => {
    const before = (await decodeAudits()).length;
    const anonymous = await decodeAs({ 'sec-fetch-site': 'same-origin' });
    expect([anonymous.status, anonymous.json<Problem>().code]).toEqual([401, 'unauthenticated']);
    const admin = await decodeAs(sameOrigin(administratorA));
    expect([admin.status, admin.json<Problem>().code]).toEqual([403, 'forbidden']);
    expect((await decodeAudits()).length).toBe(before);
  });

  it('refuses a cross-site request carrying the operator’s cookie, and is not there on public or other tenants’ hosts', async () => {
    const crossSite = await decodeAs({ ...sameOrigin(operatorA), 'sec-fetch-site': 'cross-site' });
    expect([crossSite.status, crossSite.json<Problem>().code]).toEqual([403, 'csrf_failed']);
    expect((await decodeAs(sameOrigin(operatorA), a.publicHost)).status).toBe(404);
    // Tenant B's admin host does not know tenant A's session: anonymous there.
    expect((await decodeAs(sameOrigin(operatorA), b.adminHost)).status).toBe(401);
  });

  it('rejects malformed bodies with named fields and encodes for the operator’s tenant', async () => {
    const bad = await call(a.adminHost, 'POST', '/codec/decode', { json: { payloads: [{ data: 1 }] }, headers: sameOrigin(operatorA) });
    expect(bad.status).toBe(400);
    expect(bad.json<Problem>().errors?.map((e) => e.field)).toEqual(['/payloads/0/data']);
    const plain = { metadata: { encoding: Buffer.from('json/plain').toString('base64') }, data: Buffer.from('"hej"').toString('base64') };
    const encoded = (await call(a.adminHost, 'POST', '/codec/encode', { json: { payloads: [plain] }, headers: sameOrigin(operatorA) })).json<{ payloads: JsonPayload[] }>().payloads;
    expect(Buffer.from(encoded[0]!.metadata[TENANT_METADATA]!, 'base64').toString()).toBe(a.id);
    const back = (await call(a.adminHost, 'POST', '/codec/decode', { json: { payloads: encoded }, headers: sameOrigin(operatorA) })).json<{ payloads: JsonPayload[] }>().payloads;
    expect(back).toEqual([plain]);
  });
});

describe('/temporal: the Web UI for operators', () => {
  const ui = (path: string, headers: Record<string, string> = operatorA.headers, method = 'GET') => call(a.adminHost, method, `/temporal${path}`, { headers });

  it('sends anonymous visitors to log in and refuses administrators who are no operators', async () => {
    const anonymous = await ui('/namespaces/tingvalla/workflows', {});
    expect([anonymous.status, anonymous.headers.location]).toEqual([302, '/saml/login?returnTo=%2Ftemporal%2Fnamespaces%2Ftingvalla%2Fworkflows']);
    expect((await ui('/namespaces/tingvalla/workflows', administratorA.headers)).status).toBe(403);
  });

  it('serves the UI with its codec at /codec and write actions switched off', async () => {
    const page = await ui('/');
    expect(page.status).toBe(200);
    expect(page.text).toContain('/temporal/_app/');
    const settings = (await ui('/api/v1/settings')).json<{ Codec: { Endpoint: string }; DisableWriteActions: boolean }>();
    expect(settings.Codec.Endpoint).toBe('/codec');
    expect(settings.DisableWriteActions).toBe(true);
    const write = await ui(`/api/v1/namespaces/tingvalla/workflows/${encodeURIComponent(workflowIds.housekeeping(a.id))}/terminate`, operatorA.headers, 'POST');
    expect(write.status).toBe(403);
  });

  it('lists only the tenant’s workflows and does not find another tenant’s', async () => {
    const list = (await ui('/api/v1/namespaces/tingvalla/workflows?query=')).json<{ executions: { execution: { workflowId: string } }[] }>();
    const ids = list.executions.map((e) => e.execution.workflowId);
    expect(ids).toContain(workflowIds.housekeeping(a.id));
    expect(ids.every((id) => id.startsWith(`tenant/${a.id}/`))).toBe(true);
    const own = await ui(`/api/v1/namespaces/tingvalla/workflows/${encodeURIComponent(workflowIds.housekeeping(a.id))}`);
    expect(own.status).toBe(200);
    const other = await ui(`/api/v1/namespaces/tingvalla/workflows/${encodeURIComponent(workflowIds.housekeeping(b.id))}`);
    expect(other.status).toBe(404);
  });
});

describe('/temporal: the proxy lets nothing of another tenant through', () => {
  const ui = (path: string, headers: Record<string, string> = sameOrigin(operatorA), method = 'GET', body?: unknown) =>
    call(a.adminHost, method, `/temporal${path}`, { headers, ...(body !== undefined ? { json: body } : {}) });
  const ns = '/api/v1/namespaces/tingvalla';
  const enc = encodeURIComponent;
  const idsOf = (text: string): string[] => [...text.matchAll(/tenant\/[0-9a-f-]{36}\/[A-Za-z0-9/_-]+/g)].map((m) => m[0]);
  /** Refused by the proxy itself (a problem+json of ours), so nothing from upstream reached the answer. */
  const expectRefused = (res: TestResponse, statuses = [400, 404]) => {
    expect(statuses).toContain(res.status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  };

  it('refuses a query that tries to close the tenant clause’s parenthesis (400, problem+json)', async () => {
    const injected = `TenantId = "${b.id}") OR (TenantId = "${b.id}"`;
    const res = await ui(`${ns}/workflows?query=${enc(injected)}`);
    expectRefused(res, [400]);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.json<Problem>().code).toBe('malformed_request');
    const unreadable = [`WorkflowId = "x" -- `, `WorkflowId = "x" /* ) OR (1 = 1 */`, `WorkflowId = "x\\"`, `TenantId = "${b.id}" OR`, 'Nonsense = 1', 'WorkflowId = `TenantId`', 'WorkflowId = "a\nb"'];
    const statuses = await Promise.all(unreadable.map(async (query) => [query, (await ui(`${ns}/workflows?query=${enc(query)}`)).status]));
    expect(Object.fromEntries(statuses)).toEqual(Object.fromEntries(unreadable.map((query) => [query, 400])));
  });

  it('narrows a well-formed query to the tenant: OR, NOT and quotes inside strings cannot widen it', async () => {
    for (const query of [`TenantId = "${b.id}" OR TenantId = "${a.id}"`, `NOT (TenantId = "${a.id}")`, `WorkflowId STARTS_WITH "tenant/" OR WorkflowId = "x\\")"`, `TenantId IN ("${a.id}", "${b.id}")`]) {
      const res = await ui(`${ns}/workflows?query=${enc(query)}`);
      expect(res.status).toBe(200);
      expect(idsOf(res.text).every((id) => id.startsWith(`tenant/${a.id}/`))).toBe(true);
      expect(res.text).not.toContain(b.id);
    }
  });

  it('refuses doubled slashes, dot segments and encoded slashes instead of passing them through', async () => {
    const otherId = enc(workflowIds.housekeeping(b.id));
    const paths = [
      `/api/v1/namespaces/tingvalla//workflows?query=`,
      `/api/v1/namespaces/tingvalla//workflows/${otherId}/history`,
      `//api/v1/namespaces/tingvalla/workflows?query=`,
      `/api/v1//namespaces/tingvalla/workflows?query=`,
      `/api/v1/namespaces/tingvalla/workflows/.?query=`,
      `/api/v1/namespaces/tingvalla/workflows/x/../../workflows?query=`,
      `/api/v1/namespaces/tingvalla/./workflows?query=`,
      `/api/v1%2Fnamespaces%2Ftingvalla%2Fworkflows?query=`,
      `/api%2Fv1/namespaces/tingvalla/workflows?query=`,
      `/api/v1/namespaces/tingvalla%2Fworkflows/${otherId}`,
      `/api/v1/namespaces/tingvalla%5Cworkflows?query=`,
      `/api%252Fv1%252Fnamespaces%252Ftingvalla%252Fworkflows`,
      `/API/v1/namespaces/tingvalla/workflows?query=`,
    ];
    const refused = async (path: string) => {
      const res = await ui(path);
      return [400, 404].includes(res.status) && /^application\/problem\+json/.test(String(res.headers['content-type']));
    };
    const answers = Object.fromEntries(await Promise.all(paths.map(async (path) => [path, await refused(path)])));
    expect(answers).toEqual(Object.fromEntries(paths.map((path) => [path, true])));
  });

  it('counts only the tenant’s workflows, grouped by status too', async () => {
    const own = (await ui(`${ns}/workflows?query=`)).json<{ executions: unknown[] }>().executions.length;
    const count = await ui(`${ns}/workflow-count`);
    expect(count.status).toBe(200);
    expect(Number(count.json<{ count: string }>().count)).toBe(own);
    const grouped = await ui(`${ns}/workflow-count?query=${enc('GROUP BY ExecutionStatus')}`);
    expect(Number(grouped.json<{ count: string }>().count)).toBe(own);
    const narrowed = await ui(`${ns}/workflow-count?query=${enc(`TenantId = "${b.id}"`)}`);
    expect(Number(narrowed.json<{ count?: string }>().count ?? 0)).toBe(0);
  });

  it('shows a task queue’s pollers only for a queue the tenant’s workflows use, and no other unlisted API route', async () => {
    const ownQueue = enc((await platform.client.workflow.getHandle(workflowIds.housekeeping(a.id)).describe()).taskQueue);
    expect((await ui(`${ns}/task-queues/${ownQueue}?taskQueueType=1`)).status).toBe(200);
    // The forged workflow's queue is used by a workflow whose TenantId is B's only.
    const paths = [`${ns}/task-queues/nobody-polls-this?taskQueueType=1`, `${ns}/task-queues/made-up-queue?taskQueueType=1`, `${ns}/archived-workflows`, `${ns}/schedules`, `${ns}/batch-operations`, `${ns}/workflows/count`, `${ns}/workflows/${enc(workflowIds.housekeeping(a.id))}/runs`, `/api/v1/namespaces/default/workflows/${enc(workflowIds.housekeeping(b.id))}`];
    const answers = Object.fromEntries(await Promise.all(paths.map(async (path) => [path, (await ui(path)).status])));
    expect(answers).toEqual(Object.fromEntries(paths.map((path) => [path, 404])));
  });

  it('offers only the search attributes the console’s queries accept', async () => {
    const res = (await ui(`${ns}/search-attributes`)).json<{ customAttributes: Record<string, string>; systemAttributes: Record<string, string> }>();
    expect(Object.keys(res.customAttributes).sort()).toEqual(['FlowKey', 'FlowStatus', 'FlowVersion', 'Module', 'TenantId']);
    expect(res.systemAttributes).toMatchObject({ WorkflowId: 'INDEXED_VALUE_TYPE_KEYWORD', ExecutionStatus: 'INDEXED_VALUE_TYPE_KEYWORD' });
    expect(res.systemAttributes).not.toHaveProperty('BatcherUser');
    expect(res.systemAttributes).not.toHaveProperty('TemporalNamespaceDivision');
  });

  it('answers a workflow only when its id and its TenantId search attribute are the tenant’s', async () => {
    const own = enc(workflowIds.housekeeping(a.id));
    for (const suffix of ['', '/history', '/history-reverse']) {
      expect((await ui(`${ns}/workflows/${own}${suffix}`)).status).toBe(200);
      expectRefused(await ui(`${ns}/workflows/${enc(workflowIds.housekeeping(b.id))}${suffix}`), [404]);
      // The id says tenant A; the search attribute says B.
      const forged = await ui(`${ns}/workflows/${enc(forgedId)}${suffix}`);
      expect([suffix, forged.status]).toEqual([suffix, 404]);
    }
    // Another tenant's run id under the tenant's own workflow id names nothing.
    const otherRun = (await platform.client.workflow.getHandle(workflowIds.housekeeping(b.id)).describe()).runId;
    expectRefused(await ui(`${ns}/workflows/${own}/history?execution.runId=${otherRun}`), [404]);
  });

  it('runs read-only queries (the call stack) on the tenant’s own workflows only', async () => {
    const page = await ui('/');
    const csrf = /_csrf=([^;]+)/.exec(String(page.headers['set-cookie']))![1]!;
    const headers = { ...sameOrigin(operatorA), cookie: `${operatorA.headers.cookie}; _csrf=${csrf}`, 'x-csrf-token': csrf };
    const query = (id: string) => ui(`${ns}/workflows/${enc(id)}/query/__stack_trace`, headers, 'POST', { execution: { workflowId: id }, query: { queryType: '__stack_trace' } });
    const own = await query(workflowIds.housekeeping(a.id));
    expect(own.status).toBe(200);
    expect(own.json()).toHaveProperty('queryResult');
    expectRefused(await query(workflowIds.housekeeping(b.id)), [404]);
    expect((await query(forgedId)).status).toBe(404);
    // The body may not name another workflow than the path.
    const mismatched = await ui(`${ns}/workflows/${enc(workflowIds.housekeeping(a.id))}/query/__stack_trace`, headers, 'POST', { execution: { workflowId: workflowIds.housekeeping(b.id) }, query: { queryType: '__stack_trace' } });
    expectRefused(mismatched);
  });

  it('still serves the UI’s pages and assets, and lists the tenant’s own workflows', async () => {
    const workflowPage = await ui(`/namespaces/tingvalla/workflows/${enc(workflowIds.housekeeping(a.id))}/history`);
    expect(workflowPage.status).toBe(200);
    const asset = /\/temporal\/_app\/[^"']+\.js/.exec(workflowPage.text)![0];
    expect((await call(a.adminHost, 'GET', asset, { headers: operatorA.headers })).status).toBe(200);
    const list = await ui(`${ns}/workflows?pageSize=100&nextPageToken=`);
    expect(idsOf(list.text)).toContain(workflowIds.housekeeping(a.id));
    expect(list.text).not.toContain(b.id);
  });
});
