// The election's flow action: sendParticipantMessage (config { event }) sends the person of the flow's task
// assignment the election's message for the event (messages/send.ts picks the template: the task type's, else
// the election's; none sends nothing) on the template's channels, falling back in order. Idempotent by the
// workflow's key, which is the delivery's idempotency key: a retried activity never sends twice. What was sent
// is recorded for the person in participant_messages (the row the command queued, or a new one for a reminder),
// once per key. Ids only leave this activity.
import type { FlowAction } from '../module';
import { firstTime, instanceRow } from '../../flows/instance-store';
import { execute, select } from './db';
import { MESSAGE_EVENTS, type MessageEvent } from './message-events';
import { sendParticipantMessage } from './messages/send';

interface Assignment {
  participant_id: string;
  election_id: string;
  slot_id: string;
}

export const sendParticipantMessageAction: FlowAction = {
  configSchema: 'election/flow-send-participant-message.schema.json',
  run: async ({ db, keyring, channels, publicOrigin }, input) => {
    const event = input.config.event as MessageEvent;
    if (!MESSAGE_EVENTS.includes(event)) throw new Error('sendParticipantMessage: not a message event');
    const assignment = await db.withTenant(input.tenantId, async (tx) => {
      const row = await instanceRow(db, tx, input.instanceId);
      const [a] = await select<Assignment>(db, tx, 'SELECT participant_id, election_id, slot_id FROM task_assignments WHERE id = $1', [row.subject_id]);
      return a;
    });
    // The person was deleted meanwhile (their assignment went with them): there is no one to tell.
    if (!assignment) return { done: false };
    const refs = { electionId: assignment.election_id, participantId: assignment.participant_id, slotId: assignment.slot_id };
    const result = await sendParticipantMessage(
      { db, keyring, channels: channels ?? {}, ...(publicOrigin ? { publicOrigin } : {}) },
      { tenantId: input.tenantId, ...refs, event, idempotencyKey: input.key, instanceId: input.instanceId, refs },
    );
    if ('skipped' in result) return { done: false };
    const state = result.status === 'sent' || result.status === 'delivered' ? 'sent' : 'failed';
    await db.withTenant(input.tenantId, async (tx) => {
      if (!(await firstTime(db, tx, input.tenantId, `${input.key}/recorded`, 'sendParticipantMessage'))) return;
      const marked = await execute(
        db,
        tx,
        `UPDATE participant_messages SET state = $4 WHERE id = (SELECT id FROM participant_messages WHERE participant_id = $1 AND slot_id = $2 AND event = $3 AND state = 'queued' ORDER BY created_at, id LIMIT 1)`,
        [refs.participantId, refs.slotId, event, state],
      );
      if (marked === 0) {
        await execute(db, tx, 'INSERT INTO participant_messages (tenant_id, participant_id, election_id, slot_id, event, state, created_at) VALUES ($1, $2, $3, $4, $5, $6, clock_timestamp())', [
          input.tenantId,
          refs.participantId,
          refs.electionId,
          refs.slotId,
          event,
          state,
        ]);
      }
    });
    return { done: true, sent: result.attempts.map((a) => ({ channel: a.channel, status: a.status })) };
  },
};
