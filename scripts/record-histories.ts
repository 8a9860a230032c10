// `npm run record:histories -- <name>` (housekeeping-N, flow-application-N, flow-invitation-N or election-bulk-deletion-N): records the event histories that test/workflows/replay.test.ts replays, so a
// change to workflow code that would break running workflows fails CI. Record a new file when a workflow
// changes on purpose (behind patched()), and keep the old ones: production still has those histories.
// Activities here return fixed results: the history only needs to hold what the workflow saw.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { temporal } from '@temporalio/proto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { startTimeSkippingEnvironment } from '../engine/dev/time-skipping-env';
import { Worker } from '@temporalio/worker';
import type { Activities } from '../activities';
import type { Activities as ElectionActivities } from '../activities/election';
import { bulkDeletionWorkflowId } from '../engine/modules/election/bulk-deletion-workflow';
import { election } from '../engine/modules/election/module';
import { loadConfig } from '../engine/config';
import { ensureTestServer } from '../engine/dev/tools';
import { ensureSearchAttributes } from '../engine/temporal/ensure-search-attributes';
import { workflowIds } from '../engine/temporal/ids';
import { platformSearchAttributes } from '../engine/temporal/search-attributes';
import { workflowsPath } from '../engine/temporal/worker';
import { electionBulkDeletionMessages, electionParticipantBulkDeletion, flowInstance, flowMessages, housekeepingMessages, tenantHousekeeping } from '../workflows';
import { loadBuiltinFlow, parameterDefaults } from '../engine/flows/builtin';
import { flowSearchAttributes } from '../engine/temporal/search-attributes';
import type { FlowRun } from '../engine/flows/runtime';
import { contextOf } from '../workflows/flow/core/run-inputs';
import { start } from '../workflows/flow/core/step';

const FIXTURE_TENANT = '00000000-0000-4000-8000-000000000001';
const out = join(__dirname, '../test/workflows/histories');

type Recorder = (env: TestWorkflowEnvironment) => Promise<temporal.api.history.v1.IHistory>;

/** The housekeeping workflow: two daily runs, a run on request, one more day. */
const recordHousekeeping: Recorder = async (env) => {
  let run = 0;
  const activities: Partial<Activities> = {
    async purgeExpiredAuditEntries({ asOf }) {
      run += 1;
      return { purged: run === 3 ? 2 : 0, cutoff: new Date(new Date(asOf).getTime() - 182 * 86_400_000).toISOString(), headSeq: run, headHash: `fixture-${run}` };
    },
    async purgeExpiredSessions() {
      return run === 2 ? 3 : 0;
    },
  };
  const worker = await Worker.create({ connection: env.nativeConnection, taskQueue: 'record', workflowsPath, activities });
  return worker.runUntil(async () => {
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
    return handle.fetchHistory();
  });
};

/**
 * The flow workflow's activities with fixed results: `load` gives the instance as loadFlowRun would; the first
 * step (beginFlowRun) is worked out by the pure core as the real activity does; every action is done.
 */
function fixtureFlowActivities(load: () => FlowRun): Partial<Activities> {
  return {
    async loadFlowRun() {
      return load();
    },
    async beginFlowRun({ at }) {
      const run = load();
      const { state, commands } = start(run.definition, contextOf(run), at, run.dates);
      return { run, state, commands, results: commands.map(() => ({ done: true })) };
    },
    async runFlowAction() {
      return { done: true };
    },
    async runFlowStep({ commands }) {
      return commands.map(() => ({ done: true }));
    },
    async recordFlowDecision() {},
    async recordFlowEnd() {},
  };
}

/** The built-in application flow to its end: receipt, reminders, a refused and an accepted decision, deletion. */
const recordApplicationFlow: Recorder = async (env) => {
  const definition = loadBuiltinFlow('application.flow.json');
  const instanceId = '00000000-0000-4000-8000-0000000000f1';
  const activities = fixtureFlowActivities(() => ({ instanceId, definitionId: '00000000-0000-4000-8000-0000000000f2', flowKey: 'application', module: definition.module, version: 1, definition, parameters: parameterDefaults(definition), zone: 'Europe/Copenhagen', status: 'submitted', dates: {}, facts: {} }));
  const worker = await Worker.create({ connection: env.nativeConnection, taskQueue: 'record', workflowsPath, activities });
  return worker.runUntil(async () => {
    const handle = await env.client.workflow.start(flowInstance, {
      workflowId: workflowIds.flow(FIXTURE_TENANT, instanceId),
      taskQueue: 'record',
      args: [{ tenantId: FIXTURE_TENANT, instanceId }],
      typedSearchAttributes: flowSearchAttributes(FIXTURE_TENANT, 'flows', 'application', 1, 'submitted'),
    });
    await env.sleep('5 days');
    await handle.executeUpdate(flowMessages.decideUpdate, { args: [{ task: 'decide', decision: 'maybe', actor: { id: 'x', roles: ['administrator'] } }] }).catch(() => undefined);
    await handle.executeUpdate(flowMessages.decideUpdate, { args: [{ task: 'decide', decision: 'approve', actor: { id: 'x', roles: ['administrator'] } }] });
    await env.sleep('200 days');
    await handle.result();
    return handle.fetchHistory();
  });
};

/** The election's invitation flow: invited, reminded, the answer (the subject re-read, then the event), the task reminder, done. */
const recordInvitationFlow: Recorder = async (env) => {
  const definition = loadBuiltinFlow('invitation.flow.json');
  const instanceId = '00000000-0000-4000-8000-0000000000f3';
  const taskDate = new Date((await env.currentTimeMs()) + 30 * 86_400_000).toISOString();
  let loads = 0;
  const activities = fixtureFlowActivities(() => {
    // The first load sees the invitation; the reload after the answer sees it accepted.
    const status = loads++ === 0 ? 'invited' : 'accepted';
    return { instanceId, definitionId: '00000000-0000-4000-8000-0000000000f4', flowKey: 'invitation', module: definition.module, version: 1, definition, parameters: parameterDefaults(definition), zone: 'Europe/Copenhagen', status: 'invited', dates: { taskDate, electionDay: taskDate }, facts: { slot: { status }, taskType: { reminders: true } } };
  });
  const worker = await Worker.create({ connection: env.nativeConnection, taskQueue: 'record', workflowsPath, activities });
  return worker.runUntil(async () => {
    const handle = await env.client.workflow.start(flowInstance, {
      workflowId: workflowIds.flow(FIXTURE_TENANT, instanceId),
      taskQueue: 'record',
      args: [{ tenantId: FIXTURE_TENANT, instanceId }],
      typedSearchAttributes: flowSearchAttributes(FIXTURE_TENANT, election.name, 'invitation', 1, 'invited'),
    });
    await env.sleep('9 days');
    await handle.signal(flowMessages.subjectChangedSignal);
    await handle.signal(flowMessages.flowEventSignal, { type: 'invitation.answered' });
    await env.sleep('30 days');
    await handle.result();
    return handle.fetchHistory();
  });
};

/** The election module's bulk deletion: 450 participants in three batches, its progress asked on the way. */
const recordElectionBulkDeletion: Recorder = async (env) => {
  const deletionId = '00000000-0000-4000-8000-0000000000d1';
  let deleted = 0;
  // Only the bulk deletion's activities: the workflow calls no others.
  const activities: Pick<ElectionActivities, 'deleteParticipantBatch' | 'finishParticipantDeletion'> = {
    async deleteParticipantBatch({ batchSize }) {
      deleted = Math.min(450, deleted + batchSize);
      return { deleted, remaining: 450 - deleted };
    },
    async finishParticipantDeletion() {},
  };
  const worker = await Worker.create({ connection: env.nativeConnection, taskQueue: 'record', workflowsPath, activities });
  return worker.runUntil(async () => {
    const handle = await env.client.workflow.start(electionParticipantBulkDeletion, {
      workflowId: bulkDeletionWorkflowId(FIXTURE_TENANT, deletionId),
      taskQueue: 'record',
      args: [{ tenantId: FIXTURE_TENANT, deletionId }],
      typedSearchAttributes: platformSearchAttributes(FIXTURE_TENANT, election.name),
    });
    await handle.query(electionBulkDeletionMessages.progressQuery);
    await handle.result();
    return handle.fetchHistory();
  });
};

async function main(): Promise<void> {
  const name = process.argv[2] ?? 'housekeeping';
  const record = name.startsWith('flow-application')
    ? recordApplicationFlow
    : name.startsWith('flow-invitation')
      ? recordInvitationFlow
      : name.startsWith('housekeeping')
        ? recordHousekeeping
        : name.startsWith('election-bulk-deletion')
          ? recordElectionBulkDeletion
          : undefined;
  if (!record) throw new Error(`no recorder for "${name}": use housekeeping-N, flow-application-N, flow-invitation-N or election-bulk-deletion-N`);
  const env = await startTimeSkippingEnvironment(ensureTestServer(loadConfig().TOOLS_CACHE_DIR));
  await ensureSearchAttributes(env.connection, env.namespace ?? 'default');
  try {
    const history = await record(env);
    // Protobuf binary: exact, and independent of the JSON mapping of the SDK's protobufjs copy.
    const file = join(out, `${name}.binpb`);
    writeFileSync(file, temporal.api.history.v1.History.encode(history).finish());
    console.log(`wrote ${file}`);
  } finally {
    await env.teardown();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
