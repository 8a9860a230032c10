// Temporal conventions on the real dev server: every tenant's housekeeping runs, is findable by TenantId,
// and its history holds only encrypted payloads.
import { Connection } from '@temporalio/client';
import { METADATA_ENCODING_KEY } from '@temporalio/common';
import { AesGcmPayloadCodec, ENCODING, generateCodecKeySpec, parseCodecKeys } from '../../engine/temporal/codec';
import { workflowIds } from '../../engine/temporal/ids';
import { housekeepingMessages } from '../../workflows';
import { testServices } from '../helpers/env';
import { closeOwnerDb, createTestTenant, type TestTenant } from '../helpers/factories';
import { startTestPlatform } from '../helpers/platform';

let platform: Awaited<ReturnType<typeof startTestPlatform>>;
let tenant: TestTenant;

beforeAll(async () => {
  tenant = await createTestTenant();
  platform = await startTestPlatform([tenant.id]);
});

afterAll(async () => {
  await platform.stop();
  await closeOwnerDb();
});

async function eventually<T>(fn: () => Promise<T | undefined>, what: string, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await fn().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

function payloadsIn(node: unknown, found: { metadata?: Record<string, Uint8Array>; data?: Uint8Array }[] = []) {
  if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (o.metadata && typeof o.metadata === 'object' && 'data' in o) found.push(o as never);
    for (const [k, v] of Object.entries(o)) if (k !== 'searchAttributes') payloadsIn(v, found);
  }
  return found;
}

it('runs the housekeeping workflow of each tenant, findable by its TenantId search attribute', async () => {
  const handle = platform.client.workflow.getHandle(workflowIds.housekeeping(tenant.id));
  const status = await eventually(async () => {
    const s = await handle.query(housekeepingMessages.statusQuery);
    return s.runs >= 1 ? s : undefined;
  }, 'the first housekeeping run');
  expect(status.lastPurged).toBe(0);
  const listed = await eventually(async () => {
    const found = [];
    for await (const wf of platform.client.workflow.list({ query: `TenantId = '${tenant.id}' AND Module = 'platform'` })) found.push(wf);
    return found.length > 0 ? found : undefined;
  }, 'visibility');
  expect(listed.map((w) => [w.workflowId, w.type])).toEqual([[workflowIds.housekeeping(tenant.id), 'tenantHousekeeping']]);
});

it('stores only encrypted payloads in the workflow history', async () => {
  const connection = await Connection.connect({ address: testServices().temporalAddress });
  try {
    const history = await connection.workflowService.getWorkflowExecutionHistory({
      namespace: 'tingvalla',
      execution: { workflowId: workflowIds.housekeeping(tenant.id) },
    });
    const events = history.history?.events ?? [];
    // patched() markers are written by the SDK core with the plain JSON converter; they hold only the
    // patch id, a constant of our code — check that, and that everything else went through the codec.
    const isPatchMarker = (e: (typeof events)[number]) => e.markerRecordedEventAttributes?.markerName === 'core_patch';
    const patchIds = payloadsIn(events.filter(isPatchMarker)).map((marker) => JSON.parse(Buffer.from(marker.data ?? []).toString()) as unknown);
    expect(patchIds).toEqual(expect.arrayContaining([{ id: 'purge-expired-sessions', deprecated: false }]));
    for (const id of patchIds) expect(id).toEqual({ id: expect.stringMatching(/^[a-z-]+$/), deprecated: false });
    const payloads = payloadsIn(events.filter((e) => !isPatchMarker(e)));
    expect(payloads.length).toBeGreaterThanOrEqual(3); // workflow input, activity input, activity result
    for (const p of payloads) {
      expect(Buffer.from(p.metadata![METADATA_ENCODING_KEY]!).toString()).toBe(ENCODING);
      const raw = Buffer.from(p.data ?? []).toString('latin1');
      expect(raw).not.toContain(tenant.id);
      expect(raw).not.toContain('asOf');
    }
  } finally {
    await connection.close();
  }
});

describe('payload codec', () => {
  const payload = { metadata: { encoding: Buffer.from('json/plain') }, data: Buffer.from('{"name":"Karen Jensen"}') };

  it('round-trips and hides the plaintext', async () => {
    const codec = new AesGcmPayloadCodec(parseCodecKeys(generateCodecKeySpec('a')));
    const [encoded] = await codec.encode([payload]);
    expect(Buffer.from(encoded!.data!).toString('latin1')).not.toContain('Karen');
    const [decoded] = await codec.decode([encoded!]);
    expect(Buffer.from(decoded!.data!).toString()).toBe('{"name":"Karen Jensen"}');
  });

  it('decodes with an older key after rotation and refuses unknown keys and tampering', async () => {
    const oldSpec = generateCodecKeySpec('old');
    const [encoded] = await new AesGcmPayloadCodec(parseCodecKeys(oldSpec)).encode([payload]);
    const rotated = new AesGcmPayloadCodec(parseCodecKeys(`${generateCodecKeySpec('new')},${oldSpec}`));
    expect(Buffer.from((await rotated.decode([encoded!]))[0]!.data!).toString()).toContain('Karen');
    await expect(new AesGcmPayloadCodec(parseCodecKeys(generateCodecKeySpec('other'))).decode([encoded!])).rejects.toThrow(/unknown key id/);
    const flipped = Buffer.from(encoded!.data!);
    flipped[20]! ^= 0x01; // always a change (fill() with a constant would leave an equal byte as it was)
    const tampered = { ...encoded!, data: flipped };
    await expect(rotated.decode([tampered])).rejects.toThrow();
  });

  it('builds workflow ids from uuids only', () => {
    expect(workflowIds.housekeeping(tenant.id)).toBe(`tenant/${tenant.id}/housekeeping`);
    expect(() => workflowIds.housekeeping('karen.jensen@example.dk')).toThrow(/uuids only/);
  });
});
