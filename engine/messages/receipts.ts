// Delivery receipts: Digital Post and the SMS gateway report later whether a message reached the person. A
// receipt names the provider's message id; receipt_attempt() (migration 0037) finds the attempt and its tenant,
// and the rest happens in that tenant's transaction: the attempt and the log move from sent to delivered or
// failed, and a failed one goes on to the next channel of the message's order with the sealed copy the attempt
// kept. Receipts are idempotent (a repeated or late receipt changes nothing once the attempt has its answer),
// and everything they need is in the database, so receipts arriving after a restart still find their message.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { QueryTypes } from 'sequelize';
import { systemActor } from '../actors';
import { recordAudit } from '../audit/record';
import type { ChannelName } from './channels';
import { continueDelivery, markUndelivered, openCopy, type DeliveryDeps } from './delivery';

export interface Receipt {
  channel: Extract<ChannelName, 'digitalPost' | 'sms'>;
  providerMessageId: string;
  status: 'delivered' | 'failed';
  /** The provider's reason code for a failure. */
  errorCode?: string | null;
}

export type ReceiptOutcome = 'applied' | 'alreadyFinal' | 'unknownMessage';

/** The signature a callback carries: `sha256=<hex HMAC-SHA256 of the raw body with the shared secret>`. */
export function signBody(secret: string, body: string | Buffer): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

export function validSignature(secret: string, body: Buffer, given: string | undefined): boolean {
  if (!given) return false;
  const expected = Buffer.from(signBody(secret, body));
  const actual = Buffer.from(given);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

export async function applyReceipt(deps: DeliveryDeps, receipt: Receipt): Promise<ReceiptOutcome> {
  const { db } = deps;
  const [found] = await db.sequelize.query<{ tenant_id: string; attempt_id: string; log_id: string }>('SELECT tenant_id, attempt_id, log_id FROM receipt_attempt($1, $2)', {
    bind: [receipt.channel, receipt.providerMessageId],
    type: QueryTypes.SELECT,
  });
  if (!found) return 'unknownMessage';
  const { tenant_id: tenantId, attempt_id: attemptId, log_id: logId } = found;
  const next = await db.withTenant(tenantId, async (tx) => {
    const [attempt] = await db.sequelize.query<{ status: string; position: number; sealed_message: Buffer | null }>('SELECT status, position, sealed_message FROM communication_attempts WHERE id = $1 FOR UPDATE', {
      bind: [attemptId],
      type: QueryTypes.SELECT,
      transaction: tx,
    });
    if (!attempt || attempt.status !== 'sent') return { outcome: 'alreadyFinal' as const };
    const ctx = { tenantId, actor: systemActor(tenantId, 'delivery') };
    if (receipt.status === 'delivered') {
      await db.sequelize.query("UPDATE communication_attempts SET status = 'delivered', receipt_at = now(), sealed_message = NULL WHERE id = $1", { bind: [attemptId], transaction: tx });
      await db.sequelize.query("UPDATE communication_log SET status = 'delivered', delivered_at = now() WHERE id = $1 AND status = 'sent'", { bind: [logId], transaction: tx });
      await recordAudit(db, tx, ctx, { action: 'message.delivered', entityType: 'message', entityId: logId, summary: { channel: receipt.channel } });
      return { outcome: 'applied' as const };
    }
    await db.sequelize.query("UPDATE communication_attempts SET status = 'failed', error_code = $2, receipt_at = now(), sealed_message = NULL WHERE id = $1", {
      bind: [attemptId, (receipt.errorCode ?? 'deliveryFailed').slice(0, 100)],
      transaction: tx,
    });
    const [log] = await db.sequelize.query<{ channels: ChannelName[] }>("UPDATE communication_log SET status = 'queued' WHERE id = $1 AND status = 'sent' RETURNING channels", {
      bind: [logId],
      type: QueryTypes.SELECT,
      transaction: tx,
    });
    await recordAudit(db, tx, ctx, { action: 'message.deliveryFailed', entityType: 'message', entityId: logId, summary: { channel: receipt.channel, errorCode: receipt.errorCode ?? 'deliveryFailed' } });
    const copy = attempt.sealed_message && deps.keyring ? await openCopy(deps.keyring, tx, tenantId, attemptId, attempt.sealed_message) : null;
    if (log && copy && attempt.position < log.channels.length - 1) return { outcome: 'applied' as const, fallback: { channels: log.channels, copy, from: attempt.position + 1 } };
    // No channel after this one: failed in the same transaction, so no reader sees the message queued again.
    await markUndelivered(db, tx, tenantId, logId);
    return { outcome: 'applied' as const };
  });
  if (next.outcome !== 'applied') return next.outcome;
  if (next.fallback) await continueDelivery(deps, tenantId, logId, next.fallback.channels, next.fallback.copy, next.fallback.from);
  return 'applied';
}
