// The deletion after one election, and its deactivation: a workflow per election that lives from the election's
// creation until the last participant it keeps by consent is gone. It sleeps until the next date its step
// answers (the day after the last task date, the review two weeks before the deletion date, the deletion date,
// a consent's end) — and at least once a day, so a moved date or a postponement written in the rows is seen by
// the next day at the latest — then runs the step, and erases in batches while the phase is 'deleting'.
// Everything it knows is in the rows: a restarted run (the module's resumer) carries on from them. Its clock is
// passed to the steps, so time skipping moves the dates as real days would.
import { continueAsNew, proxyActivities, setHandler, sleep, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../../../activities/election';
import { statusQuery, type PostElectionDeletionInput, type PostElectionDeletionStatus } from './messages';

export const ERASE_BATCH_SIZE = 200;
const DAY_MS = 24 * 60 * 60 * 1000;

const { retentionStep, eraseRetentionBatch } = proxyActivities<Activities>({
  startToCloseTimeout: '2 minutes',
  retry: { maximumInterval: '10 minutes' },
});

// The search attribute's name as a literal: the workflow bundle may not import engine/ (see eslint.config.mjs).
const FLOW_STATUS = { name: 'FlowStatus', type: 'KEYWORD' } as const;

export async function electionPostElectionDeletion(input: PostElectionDeletionInput): Promise<PostElectionDeletionStatus> {
  const status: PostElectionDeletionStatus = { phase: 'waiting', nextAt: null, erased: 0 };
  setHandler(statusQuery, () => status);

  for (;;) {
    const step = await retentionStep({ tenantId: input.tenantId, electionId: input.electionId, asOf: new Date(Date.now()).toISOString() });
    if (step.phase !== status.phase) upsertSearchAttributes([{ key: FLOW_STATUS, value: step.phase }]);
    Object.assign(status, { phase: step.phase, nextAt: step.nextAt });
    if (step.phase === 'done') return status;
    if (step.phase === 'deleting') {
      for (;;) {
        const batch = await eraseRetentionBatch({ tenantId: input.tenantId, electionId: input.electionId, batchSize: ERASE_BATCH_SIZE });
        status.erased += batch.erased;
        if (batch.remaining === 0) break;
      }
      continue;
    }
    if (workflowInfo().continueAsNewSuggested) return await continueAsNew<typeof electionPostElectionDeletion>(input);
    const wait = step.nextAt === null ? DAY_MS : Math.min(DAY_MS, Math.max(1000, Date.parse(step.nextAt) - Date.now()));
    await sleep(wait);
  }
}
