// The election module's activities (Module.activities): the bulk deletion's batches and its end, each one
// transaction (engine/modules/election/commands/participants/run-bulk-deletion.ts). A refusal that a retry cannot
// mend — the database keeps a participant because something still refers to it, the deletion is not running —
// fails the activity for good, and the workflow marks the deletion failed; anything else is retried. The
// failure's message names its kind only, never the database's text (it could quote a row's values).
import { ApplicationFailure } from '@temporalio/common';
import { ForeignKeyConstraintError } from 'sequelize';
import { deleteParticipantBatch, DeletionNotRunning, finishParticipantDeletion, type BatchResult } from '../engine/modules/election/commands/participants/run-bulk-deletion';
import type { ActivityDeps } from './index';

export function createElectionActivities({ db }: ActivityDeps) {
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
  };
}

/** What the module's workflows may call (imported there as a type only). */
export type Activities = ReturnType<typeof createElectionActivities>;
