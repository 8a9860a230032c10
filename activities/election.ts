// The election module's activities (Module.activities): the bulk deletion's batches and its end, each one
// transaction (engine/modules/election/commands/participants/run-bulk-deletion.ts). A refusal that a retry cannot
// mend — the database keeps a participant because something still refers to it, the deletion is not running —
// fails the activity for good, and the workflow marks the deletion failed; anything else is retried. The
// failure's message names its kind only, never the database's text (it could quote a row's values).
import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import { ForeignKeyConstraintError } from 'sequelize';
import { deleteParticipantBatch, DeletionNotRunning, finishParticipantDeletion, type BatchResult } from '../engine/modules/election/commands/participants/run-bulk-deletion';
import { finishGroupMessage, GroupMessageNotSending, sendGroupMessageBatch, type GroupBatchResult } from '../engine/modules/election/group-messages/run';
import { finishRegistryRefresh, refreshRegistryBatch, RefreshNotRunning, type RefreshBatchResult } from '../engine/modules/election/registry-refresh/run';
import { requestWeeklyRegistryRefresh } from '../engine/modules/election/registry-refresh/weekly';
import { eraseRetentionBatch, retentionStep, type RetentionBatch, type RetentionStep } from '../engine/modules/election/retention/run';
import { sendReviewNotice } from '../engine/modules/election/retention/review-notice';
import type { ActivityDeps } from './index';

export function createElectionActivities({ db, keyring, channels, publicOrigin, registry }: ActivityDeps) {
  return {
    async deleteParticipantBatch(input: { tenantId: string; deletionId: string; batchSize: number }): Promise<BatchResult> {
      try {
        return await deleteParticipantBatch(db, input);
      } catch (err) {
        if (err instanceof ForeignKeyConstraintError) throw ApplicationFailure.nonRetryable('a participant of the deletion is still referenced', 'ParticipantStillReferenced');
        if (err instanceof DeletionNotRunning) throw ApplicationFailure.nonRetryable('the deletion is not running', 'DeletionNotRunning');
        throw err;
      }
    },

    async finishParticipantDeletion(input: { tenantId: string; deletionId: string; outcome: 'done' | 'failed' }): Promise<void> {
      await finishParticipantDeletion(db, input);
    },

    // A group message's batch (engine/modules/election/group-messages/run.ts): each participant's message once.
    async sendGroupMessageBatch(input: { tenantId: string; groupMessageId: string; batchSize: number }): Promise<GroupBatchResult> {
      if (!keyring) throw new Error('group messages need the keyring');
      try {
        return await sendGroupMessageBatch({ db, keyring, channels: channels ?? {}, ...(publicOrigin ? { publicOrigin } : {}) }, input, () => Context.current().heartbeat());
      } catch (err) {
        if (err instanceof GroupMessageNotSending) throw ApplicationFailure.nonRetryable('the group message is not sending', 'GroupMessageNotSending');
        throw err;
      }
    },

    async finishGroupMessage(input: { tenantId: string; groupMessageId: string; outcome: 'done' | 'failed' }): Promise<void> {
      await finishGroupMessage(db, input);
    },

    // The registry refresh (engine/modules/election/registry-refresh/): a batch of participants re-read, the end, and
    // the weekly schedule's request. A refresh that is not running any more ends its workflow.
    async refreshRegistryBatch(input: { tenantId: string; refreshId: string; batchSize: number }): Promise<RefreshBatchResult> {
      if (!keyring || !registry) throw new Error('the registry refresh needs the keyring and the civil registry');
      try {
        return await refreshRegistryBatch({ db, keyring, registry }, input);
      } catch (err) {
        if (err instanceof RefreshNotRunning) throw ApplicationFailure.nonRetryable('the refresh is not running', 'RefreshNotRunning');
        throw err;
      }
    },

    async finishRegistryRefresh(input: { tenantId: string; refreshId: string; outcome: 'done' | 'failed' }): Promise<void> {
      await finishRegistryRefresh(db, input);
    },

    async requestWeeklyRegistryRefresh(input: { tenantId: string; scheduleKey: string }): Promise<{ refreshId: string; workflowId: string } | null> {
      return requestWeeklyRegistryRefresh(db, input);
    },

    // The deletion after the election (engine/modules/election/retention/run.ts): a step on the workflow's clock,
    // and a batch of erasures. A participant still referenced somewhere is retried (an operator sees the failing
    // activity) under a message naming its kind only.
    // In the review phase the administrators are told (once: the notice's idempotency key is the election's).
    async retentionStep(input: { tenantId: string; electionId: string; asOf: string }): Promise<RetentionStep> {
      const step = await retentionStep(db, input);
      if (step.phase === 'review') await sendReviewNotice({ db, channels: channels ?? {}, ...(keyring ? { keyring } : {}) }, input);
      return step;
    },

    async eraseRetentionBatch(input: { tenantId: string; electionId: string; batchSize: number }): Promise<RetentionBatch> {
      try {
        return await eraseRetentionBatch(db, input);
      } catch (err) {
        if (err instanceof ForeignKeyConstraintError) throw ApplicationFailure.retryable('a participant of the deletion is still referenced', 'ParticipantStillReferenced');
        throw err;
      }
    },
  };
}

/** What the module's workflows may call (imported there as a type only). */
export type Activities = ReturnType<typeof createElectionActivities>;
