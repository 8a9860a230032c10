// The election module's bulk-deletion workflow on the time-skipping test server, its activities mocked: it
// loops batches until none remain, answers its progress while it runs, retries what can be retried, marks the
// deletion failed on a refusal for good, and keeps its input and FlowStatus to ids and fixed words.
import { randomUUID } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { startTimeSkippingEnvironment } from '../../engine/dev/time-skipping-env';
import { Worker } from '@temporalio/worker';
import type { Activities } from '../../activities/election';
import { bulkDeletionWorkflowId } from '../../engine/modules/election/bulk-deletion-workflow';
import { dataConverter } from '../../engine/temporal/client';
import { parseCodecKeys } from '../../engine/temporal/codec';
import { ensureSearchAttributes } from '../../engine/temporal/ensure-search-attributes';
import { FlowStatusKey, ModuleKey, TenantIdKey } from '../../engine/temporal/search-attributes';
import { TypedSearchAttributes } from '@temporalio/common';
import { electionBulkDeletionMessages, electionParticipantBulkDeletion } from '../../workflows';
import { testServices } from '../helpers/env';
import { quietTemporalRuntime } from '../helpers/platform';

const TASK_QUEUE = 'election-bulk-deletion-test';
let env: TestWorkflowEnvironment;
const converter = dataConverter(parseCodecKeys(process.env.TEMPORAL_CODEC_KEYS!));

beforeAll(async () => {
  quietTemporalRuntime();
  env = await startTimeSkippingEnvironment(testServices().testServerPath, converter);
  await ensureSearchAttributes(env.connection, env.namespace ?? 'default');
});

afterAll(async () => {
  await env?.teardown();
});

type BatchInput = Parameters<Activities['deleteParticipantBatch']>[0];
type FinishInput = Parameters<Activities['finishParticipantDeletion']>[0];

/** Mock activities over a deletion of `total` participants: each batch takes up to batchSize of them. */
function mockDeletion(total: number, opts: { beforeBatch?: (n: number) => Promise<void> } = {}) {
  const batches: BatchInput[] = [];
  const finishes: FinishInput[] = [];
  let deleted = 0;
  const activities: Pick<Activities, 'deleteParticipantBatch' | 'finishParticipantDeletion'> = {
    async deleteParticipantBatch(input) {
      batches.push(input);
      await opts.beforeBatch?.(batches.length);
      deleted = Math.min(total, deleted + input.batchSize);
      return { deleted, remaining: total - deleted };
    },
    async finishParticipantDeletion(input) {
      finishes.push(input);
    },
  };
  return { activities, batches, finishes };
}

async function run<T>(activities: Partial<Activities>, fn: () => Promise<T>): Promise<T> {
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue: TASK_QUEUE,
    workflowBundle: { codePath: testServices().workflowBundlePath },
    activities,
    dataConverter: converter,
  });
  return worker.runUntil(fn);
}

function start(tenantId: string, deletionId: string) {
  return env.client.workflow.start(electionParticipantBulkDeletion, {
    workflowId: bulkDeletionWorkflowId(tenantId, deletionId),
    taskQueue: TASK_QUEUE,
    args: [{ tenantId, deletionId }],
    typedSearchAttributes: new TypedSearchAttributes([
      { key: TenantIdKey, value: tenantId },
      { key: ModuleKey, value: 'election' },
      { key: FlowStatusKey, value: 'running' },
    ]),
  });
}

it('deletes in batches of 200 until none remain, answering its progress meanwhile, then finishes the deletion', async () => {
  const tenantId = randomUUID();
  const deletionId = randomUUID();
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let reachedThird!: () => void;
  const third = new Promise<void>((resolve) => (reachedThird = resolve));
  const mock = mockDeletion(450, {
    beforeBatch: async (n) => {
      if (n !== 3) return;
      reachedThird();
      await gate;
    },
  });

  await run(mock.activities, async () => {
    const handle = await start(tenantId, deletionId);
    expect(handle.workflowId).toBe(`tenant/${tenantId}/election-bulk-deletion/${deletionId}`);
    await third;
    expect(await handle.query(electionBulkDeletionMessages.progressQuery)).toEqual({ total: 450, deleted: 400, done: false });
    release();
    expect(await handle.result()).toEqual({ total: 450, deleted: 450, done: true });
    expect(await handle.query(electionBulkDeletionMessages.progressQuery)).toEqual({ total: 450, deleted: 450, done: true });
    const described = await handle.describe();
    expect(described.typedSearchAttributes.get(FlowStatusKey)).toBe('done');
    expect(described.typedSearchAttributes.get(TenantIdKey)).toBe(tenantId);
  });

  // Its activities get ids and the batch size only.
  expect(mock.batches).toEqual([1, 2, 3].map(() => ({ tenantId, deletionId, batchSize: 200 })));
  expect(mock.finishes).toEqual([{ tenantId, deletionId, outcome: 'done' }]);
});

it('retries a batch that failed for a passing reason and carries on', async () => {
  const tenantId = randomUUID();
  const deletionId = randomUUID();
  let failures = 0;
  const mock = mockDeletion(300, {
    beforeBatch: async (n) => {
      if (n === 2 && failures === 0) {
        failures += 1;
        throw new Error('connection reset');
      }
    },
  });
  await run(mock.activities, async () => {
    const handle = await start(tenantId, deletionId);
    expect(await handle.result()).toEqual({ total: 300, deleted: 300, done: true });
  });
  expect(failures).toBe(1);
  // The failed attempt is the second call; its retry the third.
  expect(mock.batches).toHaveLength(3);
  expect(mock.finishes).toEqual([{ tenantId, deletionId, outcome: 'done' }]);
});

it('marks the deletion failed when a batch is refused for good, and stops there', async () => {
  const tenantId = randomUUID();
  const deletionId = randomUUID();
  const mock = mockDeletion(1000, {
    beforeBatch: async (n) => {
      if (n === 3) throw ApplicationFailure.nonRetryable('a participant of the deletion is still referenced', 'ParticipantStillReferenced');
    },
  });
  await run(mock.activities, async () => {
    const handle = await start(tenantId, deletionId);
    expect(await handle.result()).toEqual({ total: 1000, deleted: 400, done: true });
    expect((await handle.describe()).typedSearchAttributes.get(FlowStatusKey)).toBe('failed');
  });
  expect(mock.batches).toHaveLength(3);
  expect(mock.finishes).toEqual([{ tenantId, deletionId, outcome: 'failed' }]);
});

it('finishes at once a deletion that has nothing left (a restarted run after the last batch)', async () => {
  const tenantId = randomUUID();
  const deletionId = randomUUID();
  const mock = mockDeletion(0);
  await run(mock.activities, async () => {
    const handle = await start(tenantId, deletionId);
    expect(await handle.result()).toEqual({ total: 0, deleted: 0, done: true });
  });
  expect(mock.batches).toHaveLength(1);
  expect(mock.finishes).toEqual([{ tenantId, deletionId, outcome: 'done' }]);
});
