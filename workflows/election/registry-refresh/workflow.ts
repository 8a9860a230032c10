// One registry refresh: batches of participants re-read from the civil registry until none is left after the
// cursor, then the refresh is marked finished. Everything it knows is in the refresh's row: each batch answers
// how far it has come, so a restarted workflow (the module's resumer) carries on where the last one stopped. A
// registry that is down is waited for (the batch is retried with backoff); a refresh that is no longer running
// (finished by another run) ends this one.
import { ActivityFailure, ApplicationFailure, continueAsNew, proxyActivities, setHandler, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../../../activities/election';
import { progressQuery, type RegistryRefreshInput, type RegistryRefreshProgress } from './messages';

export const BATCH_SIZE = 50;

const { refreshRegistryBatch } = proxyActivities<Activities>({
  startToCloseTimeout: '5 minutes',
  retry: { maximumInterval: '5 minutes', nonRetryableErrorTypes: ['RefreshNotRunning'] },
});
const { finishRegistryRefresh } = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { maximumInterval: '5 minutes' },
});

// The search attribute's name as a literal: the workflow bundle may not import engine/ (see eslint.config.mjs).
const FLOW_STATUS = { name: 'FlowStatus', type: 'KEYWORD' } as const;

function notRunning(err: unknown): boolean {
  return err instanceof ActivityFailure && err.cause instanceof ApplicationFailure && err.cause.type === 'RefreshNotRunning';
}

export async function electionRegistryRefresh(input: RegistryRefreshInput): Promise<RegistryRefreshProgress> {
  const progress: RegistryRefreshProgress = { total: 0, done: 0, updated: 0, unassigned: 0, finished: false };
  setHandler(progressQuery, () => progress);
  try {
    for (;;) {
      const batch = await refreshRegistryBatch({ tenantId: input.tenantId, refreshId: input.refreshId, batchSize: BATCH_SIZE });
      Object.assign(progress, { total: batch.total, done: batch.done, updated: batch.updated, unassigned: batch.unassigned });
      if (batch.remaining === 0) break;
      // The row holds the state: a new run starts from its cursor, with the same input.
      if (workflowInfo().continueAsNewSuggested) return await continueAsNew<typeof electionRegistryRefresh>(input);
    }
  } catch (err) {
    if (!notRunning(err)) throw err;
    progress.finished = true;
    return progress;
  }
  await finishRegistryRefresh({ tenantId: input.tenantId, refreshId: input.refreshId, outcome: 'done' });
  upsertSearchAttributes([{ key: FLOW_STATUS, value: 'done' }]);
  progress.finished = true;
  return progress;
}
