// The queue of messages to participants (participant_messages, migration 0022): a command that tells a person
// something — invited, registered, removed, the invitation retracted — queues the event in its own transaction,
// so the message goes exactly when the change commits and never for a change rolled back. Ids only: the sender
// (the processes of "Election staffing IV") makes the text from the election's template for the event when it
// sends. An invitation's link is not in the row (only the hash of its token is kept anywhere): the sender makes a
// fresh one with issueInvitationToken (commands/assignments/invitation-link.ts) when it sends.
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
