// Operators and the Temporal Web UI: payloads are bound to their tenant; the admin site's /codec decodes a
// tenant's payloads for that tenant's operators only (audited), and /temporal proxies the Web UI read-only,
// narrowed to the tenant's workflows.
import { Connection } from '@temporalio/client';
import type { Payload } from '@temporalio/common';
import { QueryTypes } from 'sequelize';
import type { Problem } from '../../schemas/types/api-problem';
import { AesGcmPayloadCodec, generateCodecKeySpec, parseCodecKeys, PayloadTenantMismatchError, TENANT_METADATA } from '../../engine/temporal/codec';
import { workflowIds } from '../../engine/temporal/ids';
import { housekeepingMessages } from '../../workflows';
import { testServices } from '../helpers/env';
import { createTestTenant, ownerDb, suiteDatabase, type TestTenant } from '../helpers/factories';
import { request } from '../helpers/http';
import { startTestPlatform } from '../helpers/platform';
import { startEmployeeSession, type TestSession } from '../helpers/sessions';

suiteDatabase();
let platform: Awaited<ReturnType<typeof startTestPlatform>>;
let a: TestTenant;
let b: TestTenant;
let operatorA: TestSession;
let administratorA: TestSession;
let historyPayloads: { tenant: string; payloads: JsonPayload[] }[];

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
    expect(() => codec.decodeFor([relabelled], b.id)).toThrow();
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
