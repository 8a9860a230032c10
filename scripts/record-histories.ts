// `npm run record:histories -- <name>` (e.g. housekeeping-2): records the event histories that test/workflows/replay.test.ts replays, so a
// change to workflow code that would break running workflows fails CI. Record a new file when a workflow
// changes on purpose (behind patched()), and keep the old ones: production still has those histories.
// Activities here return fixed results: the history only needs to hold what the workflow saw.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { temporal } from '@temporalio/proto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import type { Activities } from '../activities';
import { loadConfig } from '../engine/config';
import { ensureTestServer } from '../engine/dev/tools';
import { ensureSearchAttributes } from '../engine/temporal/ensure-search-attributes';
import { workflowIds } from '../engine/temporal/ids';
import { platformSearchAttributes } from '../engine/temporal/search-attributes';
import { workflowsPath } from '../engine/temporal/worker';
import { housekeepingMessages, tenantHousekeeping } from '../workflows';

const FIXTURE_TENANT = '00000000-0000-4000-8000-000000000001';
const out = join(__dirname, '../test/workflows/histories');

async function main(): Promise<void> {
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: ensureTestServer(loadConfig().TOOLS_CACHE_DIR) } },
  });
  await ensureSearchAttributes(env.connection, env.namespace ?? 'default');
  let run = 0;
  const activities: Activities = {
    async purgeExpiredAuditEntries({ asOf }) {
      run += 1;
      return { purged: run === 3 ? 2 : 0, cutoff: new Date(new Date(asOf).getTime() - 182 * 86_400_000).toISOString(), headSeq: run, headHash: `fixture-${run}` };
    },
    async purgeExpiredSessions() {
      return run === 2 ? 3 : 0;
    },
  };
  try {
    const worker = await Worker.create({ connection: env.nativeConnection, taskQueue: 'record', workflowsPath, activities });
    await worker.runUntil(async () => {
      const handle = await env.client.workflow.start(tenantHousekeeping, {
        workflowId: workflowIds.housekeeping(FIXTURE_TENANT),
        taskQueue: 'record',
        args: [{ tenantId: FIXTURE_TENANT }],
        typedSearchAttributes: platformSearchAttributes(FIXTURE_TENANT, 'platform'),
      });
      await env.sleep('2 days');
      await handle.signal(housekeepingMessages.runNowSignal);
      await env.sleep('1 day');
      await handle.query(housekeepingMessages.statusQuery);
      await handle.terminate('recorded');
      // Protobuf binary: exact, and independent of the JSON mapping of the SDK's protobufjs copy.
      const file = join(out, `${process.argv[2] ?? 'housekeeping'}.binpb`);
      writeFileSync(file, temporal.api.history.v1.History.encode(await handle.fetchHistory()).finish());
      console.log(`wrote ${file}`);
    });
  } finally {
    await env.teardown();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
