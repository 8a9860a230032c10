// The housekeeping workflow purges the communication log: an entry (and its delivery attempts) goes 4 months
// after it was written, a newer one stays; against the real database on the time-skipping test server.
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { startTimeSkippingEnvironment } from '../../engine/dev/time-skipping-env';
import { Worker } from '@temporalio/worker';
import { QueryTypes } from 'sequelize';
import { createActivities } from '../../activities';
import { Database } from '../../engine/db/database';
import { dataConverter } from '../../engine/temporal/client';
import { parseCodecKeys } from '../../engine/temporal/codec';
import { workflowIds } from '../../engine/temporal/ids';
import { ensureSearchAttributes } from '../../engine/temporal/ensure-search-attributes';
import { platformSearchAttributes } from '../../engine/temporal/search-attributes';
import { housekeepingMessages, tenantHousekeeping } from '../../workflows';
import { testServices } from '../helpers/env';
import { closeOwnerDb, createTestTenant, ownerDb } from '../helpers/factories';
import { quietTemporalRuntime } from '../helpers/platform';

const TASK_QUEUE = 'housekeeping-communication-log-test';
let env: TestWorkflowEnvironment;
let db: Database;
const converter = dataConverter(parseCodecKeys(process.env.TEMPORAL_CODEC_KEYS!));

beforeAll(async () => {
  quietTemporalRuntime();
  env = await startTimeSkippingEnvironment(testServices().testServerPath, converter);
  await ensureSearchAttributes(env.connection, env.namespace ?? 'default');
  db = Database.connect(testServices().appUrl);
});

afterAll(async () => {
  await env?.teardown();
  await db?.close();
  await closeOwnerDb();
});

const q = <T extends object>(sql: string, bind: unknown[] = []) => ownerDb().query<T>(sql, { bind, type: QueryTypes.SELECT });

it('purges communication log entries older than 4 months with their attempts, and not the newer ones', async () => {
  const tenant = await createTestTenant();
  // Written now (the database's clock does not skip), and one dated 60 days ahead.
  const [old] = await q<{ id: string }>(
    "INSERT INTO communication_log (tenant_id, template_key, channel, recipient, locale, status, idempotency_key) VALUES ($1, 'reminder', 'email', 'subject:x/1', 'da', 'sent', 'k-old') RETURNING id",
    [tenant.id],
  );
  await q("INSERT INTO communication_attempts (tenant_id, log_id, position, channel, status) VALUES ($1, $2, 0, 'email', 'sent')", [tenant.id, old!.id]);
  await q(
    "INSERT INTO communication_log (tenant_id, template_key, channel, recipient, locale, status, idempotency_key, created_at) VALUES ($1, 'reminder', 'sms', 'subject:x/2', 'da', 'sent', 'k-new', now() + interval '60 days')",
    [tenant.id],
  );
  const keys = async () => (await q<{ idempotency_key: string }>('SELECT idempotency_key FROM communication_log WHERE tenant_id = $1 ORDER BY 1', [tenant.id])).map((r) => r.idempotency_key);

  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue: TASK_QUEUE,
    workflowBundle: { codePath: testServices().workflowBundlePath },
    activities: createActivities({ db }),
    dataConverter: converter,
  });
  await worker.runUntil(async () => {
    const handle = await env.client.workflow.start(tenantHousekeeping, {
      workflowId: workflowIds.housekeeping(tenant.id),
      taskQueue: TASK_QUEUE,
      args: [{ tenantId: tenant.id }],
      typedSearchAttributes: platformSearchAttributes(tenant.id, 'platform'),
    });
    await env.sleep('115 days');
    expect(await keys()).toEqual(['k-new', 'k-old']);
    await env.sleep('10 days');
    expect(await keys()).toEqual(['k-new']);
    expect(await q('SELECT 1 FROM communication_attempts WHERE log_id = $1', [old!.id])).toHaveLength(0);
    const status = await handle.query(housekeepingMessages.statusQuery);
    expect(status.lastMessagesPurged).toBe(0);
    const audit = await q<{ summary: { purged: number } }>("SELECT summary FROM audit_log WHERE tenant_id = $1 AND action = 'communicationLog.purged'", [tenant.id]);
    expect(audit.map((a) => a.summary.purged)).toEqual([1]);
    await handle.terminate('test finished');
  });
}, 120_000);
