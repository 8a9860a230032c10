// A group message's workflow: its input and its query. Ids and counts only — the recipients and the text are
// read by its activities from the message's own rows, never passed here.
import { defineQuery } from '@temporalio/workflow';

export interface GroupMessageInput {
  tenantId: string;
  groupMessageId: string;
}

export interface GroupMessageProgress {
  total: number;
  sent: number;
  failed: number;
  done: boolean;
}

/** For operators (the Temporal Web UI); the admin site reads the message's row instead. */
export const progressQuery = defineQuery<GroupMessageProgress>('progress');
