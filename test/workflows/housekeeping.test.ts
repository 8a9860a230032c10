// The tenant's housekeeping workflow on the time-skipping test server: a 6-month retention purges an
// audit row after six months and not before, against the real database.
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { startTimeSkippingEnvironment } from '../../engine/dev/time-skipping-env';
import { Worker } from '@temporalio/worker';
import { QueryTypes } from 'sequelize';
import { createActivities } from '../../activities';
import { testAdministrator } from '../helpers/sessions';
import { verifyAuditChain } from '../../engine/audit/verify';
import { updateContactInfo } from '../../engine/commands/update-contact-info';
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

const TASK_QUEUE = 'housekeeping-test';
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

async function auditActions(tenantId: string): Promise<string[]> {
  const rows = await ownerDb().query<{ action: string }>('SELECT action FROM audit_log WHERE tenant_id = $1 ORDER BY seq', { bind: [tenantId], type: QueryTypes.SELECT });
  return rows.map((r) => r.action);
}

it('purges audit rows after the retention period and not before', async () => {
  const tenant = await createTestTenant({ auditLogMonths: 6 });
  await updateContactInfo(db, { tenantId: tenant.id, actor: testAdministrator(tenant.id) }, { email: 'a@b.dk', phone: '+45 12345678', address: 'Torvet 1' });
  expect(await auditActions(tenant.id)).toEqual(['tenant.created', 'tenant.contactUpdated']);

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

    await env.sleep('170 days');
    const early = await handle.query(housekeepingMessages.statusQuery);
    expect(early.runs).toBeGreaterThanOrEqual(170);
    expect(early.lastPurged).toBe(0);
    expect(await auditActions(tenant.id)).toEqual(['tenant.created', 'tenant.contactUpdated']);

    await env.sleep('20 days');
    expect(await auditActions(tenant.id)).toEqual(['auditLog.purged']);
    const report = await verifyAuditChain(ownerDb(), tenant.id);
    // The database clock does not skip with the workflow's: each later daily run finds the previous purge
    // row "older than six months" too and replaces it, so the anchor moves on; the chain must still hold.
    expect(report).toMatchObject({ ok: true, rows: 1 });
    expect(report.anchorSeq).toBeGreaterThanOrEqual(2);
    const later = await handle.query(housekeepingMessages.statusQuery);
    expect(later.runs).toBeGreaterThan(early.runs);
    await handle.terminate('test finished');
  });
});
