// Deletes the participants of one bulk deletion, a batch per activity, until none is left, then marks the
// deletion finished. Everything it knows is in the deletion's rows: each batch answers how far the deletion has
// come, so a restarted workflow (the module's resumer) carries on where the last one stopped. A batch the
// database refuses for good (a participant still referenced) fails the deletion instead of retrying forever.
import { ActivityFailure, ApplicationFailure, continueAsNew, proxyActivities, setHandler, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../../../activities/election';
import { progressQuery, type BulkDeletionInput, type BulkDeletionProgress } from './messages';

export const BATCH_SIZE = 200;

const { deleteParticipantBatch } = proxyActivities<Activities>({
  startToCloseTimeout: '2 minutes',
  retry: { maximumInterval: '5 minutes', nonRetryableErrorTypes: ['ParticipantStillReferenced'] },
});
const { finishParticipantDeletion } = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { maximumInterval: '5 minutes' },
});

// The search attribute's name as a literal: the workflow bundle may not import engine/ (see eslint.config.mjs).
const FLOW_STATUS = { name: 'FlowStatus', type: 'KEYWORD' } as const;

function refusedForGood(err: unknown): boolean {
  return err instanceof ActivityFailure && err.cause instanceof ApplicationFailure && err.cause.nonRetryable === true;
}

export async function electionParticipantBulkDeletion(input: BulkDeletionInput): Promise<BulkDeletionProgress> {
  const progress: BulkDeletionProgress = { total: 0, deleted: 0, done: false };
  setHandler(progressQuery, () => progress);

  let outcome: 'done' | 'failed' = 'done';
  try {
    for (;;) {
      const batch = await deleteParticipantBatch({ tenantId: input.tenantId, deletionId: input.deletionId, batchSize: BATCH_SIZE });
      progress.deleted = batch.deleted;
      progress.total = batch.deleted + batch.remaining;
      if (batch.remaining === 0) break;
      // The rows hold the state: a new run starts from them, with the same input.
      if (workflowInfo().continueAsNewSuggested) return await continueAsNew<typeof electionParticipantBulkDeletion>(input);
    }
  } catch (err) {
    if (!refusedForGood(err)) throw err;
    outcome = 'failed';
  }
  await finishParticipantDeletion({ tenantId: input.tenantId, deletionId: input.deletionId, outcome });
  upsertSearchAttributes([{ key: FLOW_STATUS, value: outcome }]);
  progress.done = true;
  return progress;
}
