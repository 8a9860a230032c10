// The deletion after an election: its input and its query. Ids only — whom it deletes is read by its activities
// from the election's retention rows, never passed here.
import { defineQuery } from '@temporalio/workflow';

export interface PostElectionDeletionInput {
  tenantId: string;
  electionId: string;
}

export interface PostElectionDeletionStatus {
  phase: 'waiting' | 'review' | 'deleting' | 'keeping' | 'done';
  /** When the next step is due (ISO), as the last step answered. */
  nextAt: string | null;
  erased: number;
}

/** For operators (the Temporal Web UI); the admin site reads the retention row instead. */
export const statusQuery = defineQuery<PostElectionDeletionStatus>('status');
