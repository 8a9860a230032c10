// The record of what a participant is told (participant_messages, migration 0022): the flow events (flow-events.ts)
// write the event — invited, registered, removed, the invitation retracted — in the command's own transaction, so it
// exists exactly when the change commits; the slot's invitation flow sends it (the action sendParticipantMessage,
// flow-actions.ts) and marks the row sent or failed. Ids only: the text is made from the election's template for the
// event when it is sent, and an invitation's link is a fresh token then (issueInvitationToken), never in the row.
import type { Transaction } from 'sequelize';
import type { Database } from '../../db/database';
import { select } from './db';
import type { MessageEvent } from './message-events';

export interface QueuedMessage {
  tenantId: string;
  participantId: string;
  electionId: string;
  slotId?: string | null;
  event: MessageEvent;
}

/** Queues one message in the caller's transaction, stamped with the moment of the insert (see migration 0022); answers its id. */
export async function queueMessage(db: Database, tx: Transaction, m: QueuedMessage): Promise<string> {
  const [row] = await select<{ id: string }>(
    db,
    tx,
    'INSERT INTO participant_messages (tenant_id, participant_id, election_id, slot_id, event, created_at) VALUES ($1, $2, $3, $4, $5, clock_timestamp()) RETURNING id',
    [m.tenantId, m.participantId, m.electionId, m.slotId ?? null, m.event],
  );
  return row!.id;
}
