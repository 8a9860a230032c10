// What a group message's workflow does, one activity at a time (activities/election.ts). A batch takes up to N
// of the message's pending recipients, sends each one's message through the module's participant messages with
// the idempotency key group/<groupMessageId>/<participantId> (a second send of the same key sends nothing and
// answers the first one's result), then marks them and counts them on the message in one transaction. A batch
// retried after a crash finds those already marked and takes the next ones; one that crashed between a send and
// its mark sends again under the same key, so nobody gets the message twice. Runs as the system.
import { systemActor } from '../../../actors';
import { recordAudit, type CommandContext } from '../../../audit/record';
import type { Database } from '../../../db/database';
import { execute, select } from '../db';
import type { MessageEvent } from '../message-events';
import { authorize } from '../policies';
import { openFreeText } from './free-text';
import { sendParticipantMessage, type FreeText, type MessagingDeps } from './participant-messaging';
import type { ChannelName } from '../../../messages/channels';

export interface GroupBatchResult {
  sent: number;
  failed: number;
  /** Recipients still pending after this batch. */
  remaining: number;
  total: number;
}

export class GroupMessageNotSending extends Error {
  override readonly name = 'GroupMessageNotSending';
}

const MAX_BATCH = 500;
/** Messages of a batch in flight at once. */
const PARALLEL = 10;

function systemContext(tenantId: string): CommandContext {
  const ctx = { tenantId, actor: systemActor(tenantId, 'election-group-message') };
  authorize(ctx.actor, 'election.groupMessages.send', { tenantId });
  return ctx;
}

export const groupIdempotencyKey = (groupMessageId: string, participantId: string): string => `group/${groupMessageId}/${participantId}`;

async function mapLimited<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return out;
}

/** `onSent` is called after each participant's send (the activity's heartbeat: a batch lost with its worker is retried soon). */
export async function sendGroupMessageBatch(deps: MessagingDeps, input: { tenantId: string; groupMessageId: string; batchSize: number }, onSent: () => void = () => undefined): Promise<GroupBatchResult> {
  systemContext(input.tenantId);
  const { db } = deps;
  const limit = Math.max(1, Math.min(MAX_BATCH, Math.floor(input.batchSize)));
  const work = await db.withTenant(input.tenantId, async (tx) => {
    const [gm] = await select<{ status: string; election_id: string; channels: ChannelName[]; template_event: MessageEvent | null; free_text_sealed: Buffer | null; total: number; sent: number; failed: number }>(
      db,
      tx,
      'SELECT status, election_id, channels, template_event, free_text_sealed, total, sent, failed FROM group_messages WHERE id = $1',
      [input.groupMessageId],
    );
    if (!gm) throw new GroupMessageNotSending('no such group message');
    if (gm.status !== 'sending') return { done: { sent: gm.sent, failed: gm.failed, remaining: 0, total: gm.total } };
    const pending = await select<{ participant_id: string; slot_id: string | null }>(
      db,
      tx,
      "SELECT participant_id, slot_id FROM group_message_recipients WHERE group_message_id = $1 AND status = 'pending' ORDER BY participant_id LIMIT $2",
      [input.groupMessageId, limit],
    );
    const free: FreeText | null = gm.free_text_sealed ? await openFreeText(deps.keyring, tx, input.tenantId, input.groupMessageId, gm.free_text_sealed) : null;
    return { gm, pending, free };
  });
  if ('done' in work && work.done) return work.done;
  if (!('gm' in work)) throw new Error('unreachable');
  const { gm, pending, free } = work;
  if (pending.length === 0) return { sent: gm.sent, failed: gm.failed, remaining: 0, total: gm.total };

  const results = await mapLimited(pending, PARALLEL, async (r) => {
    const result = await sendParticipantMessage(deps, {
      tenantId: input.tenantId,
      participantId: r.participant_id,
      electionId: gm.election_id,
      slotId: r.slot_id,
      ...(free ? { free } : { event: gm.template_event! }),
      channels: gm.channels,
      idempotencyKey: groupIdempotencyKey(input.groupMessageId, r.participant_id),
      refs: { electionId: gm.election_id, participantId: r.participant_id, ...(r.slot_id ? { slotId: r.slot_id } : {}), groupMessageId: input.groupMessageId },
    });
    onSent();
    return { participantId: r.participant_id, status: 'skipped' in result ? 'skipped' : result.status, logId: 'skipped' in result ? null : result.logId };
  });

  return db.withTenant(input.tenantId, async (tx) => {
    let sent = 0;
    let failed = 0;
    for (const r of results) {
      // Only a pending row counts: a batch run twice (a late run beside a resumed one) counts each person once.
      const changed = await execute(db, tx, "UPDATE group_message_recipients SET status = $3, log_id = $4, done_at = now() WHERE group_message_id = $1 AND participant_id = $2 AND status = 'pending'", [
        input.groupMessageId,
        r.participantId,
        r.status,
        r.logId,
      ]);
      if (changed === 0) continue;
      if (r.status === 'sent' || r.status === 'delivered') sent++;
      else failed++;
    }
    const [row] = await select<{ total: number; sent: number; failed: number }>(db, tx, 'UPDATE group_messages SET sent = sent + $2, failed = failed + $3, updated_at = now() WHERE id = $1 RETURNING total, sent, failed', [
      input.groupMessageId,
      sent,
      failed,
    ]);
    const [left] = await select<{ n: number }>(db, tx, "SELECT count(*)::int AS n FROM group_message_recipients WHERE group_message_id = $1 AND status = 'pending'", [input.groupMessageId]);
    return { sent: row!.sent, failed: row!.failed, remaining: left?.n ?? 0, total: row!.total };
  });
}

/** Marks the message finished; a second call changes nothing. */
export async function finishGroupMessage(db: Database, input: { tenantId: string; groupMessageId: string; outcome: 'done' | 'failed' }): Promise<void> {
  const ctx = systemContext(input.tenantId);
  await db.withTenant(input.tenantId, async (tx) => {
    const [row] = await select<{ total: number; sent: number; failed: number }>(
      db,
      tx,
      "UPDATE group_messages SET status = $2, finished_at = now(), updated_at = now() WHERE id = $1 AND status = 'sending' RETURNING total, sent, failed",
      [input.groupMessageId, input.outcome],
    );
    if (!row) return;
    await recordAudit(db, tx, ctx, {
      action: 'election.groupMessageFinished',
      entityType: 'electionGroupMessage',
      entityId: input.groupMessageId,
      summary: { groupMessageId: input.groupMessageId, status: input.outcome, total: row.total, sent: row.sent, failed: row.failed },
    });
  });
}
