// The election module's bulk deletion of participants: its input and its query. Ids and counts only — the
// participants it deletes are read by its activities from the deletion's own rows, never passed here.
import { defineQuery } from '@temporalio/workflow';

export interface BulkDeletionInput {
  tenantId: string;
  deletionId: string;
}

export interface BulkDeletionProgress {
  total: number;
  deleted: number;
  /** The deletion has finished (all deleted, or given up on: the deletion's row says 'failed'). */
  done: boolean;
}

/** For operators (the Temporal Web UI); the admin site reads the deletion's row instead. */
export const progressQuery = defineQuery<BulkDeletionProgress>('progress');
