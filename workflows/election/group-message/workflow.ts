// Sends one group message, a batch of recipients per activity, until none is pending, then marks it finished.
// Everything it knows is in the message's rows: each batch answers how far the message has come, so a restarted
// workflow (the module's resumer) carries on where the last one stopped, and the idempotency key of each
// participant's message (group/<groupMessageId>/<participantId>) keeps a retried batch from sending twice.
import { ActivityFailure, ApplicationFailure, continueAsNew, proxyActivities, setHandler, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../../../activities/election';
import { progressQuery, type GroupMessageInput, type GroupMessageProgress } from './messages';

export const BATCH_SIZE = 100;

const { sendGroupMessageBatch } = proxyActivities<Activities>({
  startToCloseTimeout: '5 minutes',
  // Each send heartbeats: a batch whose worker went away is retried within this, not after the whole timeout.
  heartbeatTimeout: '30 seconds',
  retry: { maximumInterval: '1 minute', nonRetryableErrorTypes: ['GroupMessageNotSending'] },
});
const { finishGroupMessage } = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { maximumInterval: '5 minutes' },
});

// The search attribute's name as a literal: the workflow bundle may not import engine/ (see eslint.config.mjs).
const FLOW_STATUS = { name: 'FlowStatus', type: 'KEYWORD' } as const;

function refusedForGood(err: unknown): boolean {
  return err instanceof ActivityFailure && err.cause instanceof ApplicationFailure && err.cause.nonRetryable === true;
}

export async function electionGroupMessage(input: GroupMessageInput): Promise<GroupMessageProgress> {
  const progress: GroupMessageProgress = { total: 0, sent: 0, failed: 0, done: false };
  setHandler(progressQuery, () => progress);

  let outcome: 'done' | 'failed' = 'done';
  try {
    for (;;) {
      const batch = await sendGroupMessageBatch({ tenantId: input.tenantId, groupMessageId: input.groupMessageId, batchSize: BATCH_SIZE });
      progress.total = batch.total;
      progress.sent = batch.sent;
      progress.failed = batch.failed;
      if (batch.remaining === 0) break;
      if (workflowInfo().continueAsNewSuggested) return await continueAsNew<typeof electionGroupMessage>(input);
    }
  } catch (err) {
    if (!refusedForGood(err)) throw err;
    outcome = 'failed';
  }
  await finishGroupMessage({ tenantId: input.tenantId, groupMessageId: input.groupMessageId, outcome });
  upsertSearchAttributes([{ key: FLOW_STATUS, value: outcome }]);
  progress.done = true;
  return progress;
}
