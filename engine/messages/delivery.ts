// Delivering one message to one person: the channels are tried in the message's order, and when the person
// cannot receive on one (exempt from Digital Post, no address on it, the send failed — or later a delivery
// receipt says it failed, see receipts.ts) the next is used. The communication log has one row per message
// (its idempotency key), written as queued before any channel is called; each try is a communication_attempts
// row, written as `sending` before the channel is called and carrying the attempt's id as the reference the
// provider sees, so a retried activity or a crash between the send and its bookkeeping never sends twice: the
// log row says the message is done, or the attempt in flight is repeated with the same reference (the providers
// and the simulators recognise it). Addresses are never stored in the clear: an attempt that may still need the
// next channel keeps a sealed copy of the message and the remaining addresses, cleared once the message is final.
import { QueryTypes, type Transaction } from 'sequelize';
import { systemActor } from '../actors';
import { recordAudit, type CommandContext } from '../audit/record';
import { open, seal } from '../crypto/aead';
import type { Keyring } from '../crypto/keyring';
import type { Database } from '../db/database';
import { whileDatabaseAway } from '../db/while-away';
import { ChannelRefusedError, ChannelUnavailableError, type ChannelName, type Channels } from './channels';

export type { ChannelName, Channels } from './channels';

export interface Recipient {
  email?: string | null;
  phone?: string | null;
  personalNumber?: string | null;
}

export interface DeliveryRequest {
  tenantId: string;
  /** One per message: the same key is never sent twice. */
  idempotencyKey: string;
  /** A template key, or 'free' for a free text. */
  templateKey: string;
  locale: 'da' | 'sv' | 'en';
  /** By role and id, never an address: 'subject:<type>/<uuid>', 'caseworkers'. */
  recipientLabel: string;
  /** The flow instance, when a flow sends it. */
  instanceId?: string | null;
  /** Ids only, for filters: what the message is about, by the sender's own names (e.g. { personId, caseId }). */
  refs?: Record<string, string>;
  /** In order: the next is used when a person cannot receive on one. */
  channels: ChannelName[];
  recipient: Recipient;
  message: { subject: string; body: string; sms?: string };
}

export type DeliveryStatus = 'sent' | 'delivered' | 'failed' | 'noAddress';

export interface DeliveryAttempt {
  channel: ChannelName;
  status: string;
  error: string | null;
}

export interface DeliveryResult {
  logId: string;
  status: DeliveryStatus;
  channel: ChannelName | null;
  attempts: DeliveryAttempt[];
}

export interface DeliveryDeps {
  db: Database;
  channels: Channels;
  /** Seals the copy a failed receipt needs for the next channel; without it a failed receipt ends the message. */
  keyring?: Keyring;
}

export class DeliveryRequestError extends Error {}

/** Another delivery of the same message is sending it right now: retry later (it will then be answered from the log). */
export class DeliveryInProgressError extends Error {}

const KEY_PURPOSE = 'messages';
const MAX_REF_LENGTH = 200;
const deliveryCtx = (tenantId: string): CommandContext => ({ tenantId, actor: systemActor(tenantId, 'delivery') });

/** What a channel delivers to; absent when the person has no address on it. */
export function addressOn(channel: ChannelName, r: Recipient): string | null {
  const value = channel === 'email' ? r.email : channel === 'sms' ? r.phone : r.personalNumber;
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

function checkRequest(req: DeliveryRequest): void {
  const problems: string[] = [];
  if (!req.idempotencyKey || req.idempotencyKey.length > 500) problems.push('idempotencyKey: 1–500 characters');
  if (!req.templateKey || req.templateKey.length > 200) problems.push('templateKey: 1–200 characters');
  if (!req.recipientLabel || req.recipientLabel.length > 200 || req.recipientLabel.includes('@')) problems.push('recipientLabel: a role and id, never an address');
  if (req.channels.length < 1 || req.channels.length > 3 || new Set(req.channels).size !== req.channels.length || !req.channels.every((c) => ['email', 'digitalPost', 'sms'].includes(c))) {
    problems.push('channels: 1–3 different channels');
  }
  for (const [k, v] of Object.entries(req.refs ?? {})) if (typeof v !== 'string' || k.length > 50 || v.length > MAX_REF_LENGTH) problems.push(`refs.${k.slice(0, 50)}: a short id`);
  if (problems.length > 0) throw new DeliveryRequestError(`invalid delivery request: ${problems.join('; ')}`);
}

interface LogRow {
  id: string;
  status: 'queued' | DeliveryStatus;
  channel: ChannelName | null;
  channels: ChannelName[];
}

interface AttemptRow {
  id: string;
  position: number;
  channel: ChannelName;
  status: 'sending' | 'sent' | 'delivered' | 'failed' | 'refused' | 'noAddress';
  error_code: string | null;
  sealed_message: Buffer | null;
}

/** What an attempt keeps sealed while the next channel may still be needed: the message and the addresses left. */
export interface SealedCopy {
  recipient: Recipient;
  message: DeliveryRequest['message'];
}

export async function sealCopy(keyring: Keyring, tx: Transaction, tenantId: string, attemptId: string, copy: SealedCopy): Promise<Buffer> {
  return seal(await keyring.dataKey(tx, tenantId, KEY_PURPOSE), Buffer.from(JSON.stringify(copy)), `${tenantId}:attempt:${attemptId}`);
}

export async function openCopy(keyring: Keyring, tx: Transaction, tenantId: string, attemptId: string, sealed: Buffer): Promise<SealedCopy> {
  return JSON.parse(open(await keyring.dataKey(tx, tenantId, KEY_PURPOSE), sealed, `${tenantId}:attempt:${attemptId}`).toString('utf8')) as SealedCopy;
}

export async function loadAttempts(db: Database, tx: Transaction, logId: string): Promise<AttemptRow[]> {
  return db.sequelize.query<AttemptRow>('SELECT id, position, channel, status, error_code, sealed_message FROM communication_attempts WHERE log_id = $1 ORDER BY position', {
    bind: [logId],
    type: QueryTypes.SELECT,
    transaction: tx,
  });
}

async function resultOf(db: Database, tenantId: string, logId: string): Promise<DeliveryResult> {
  return db.withTenant(tenantId, async (tx) => {
    const [log] = await db.sequelize.query<LogRow>('SELECT id, status, channel, channels FROM communication_log WHERE id = $1', { bind: [logId], type: QueryTypes.SELECT, transaction: tx });
    const attempts = await loadAttempts(db, tx, logId);
    return {
      logId,
      status: log!.status === 'queued' ? 'failed' : log!.status,
      channel: log!.channel,
      attempts: attempts.map((a) => ({ channel: a.channel, status: a.status, error: a.error_code })),
    };
  });
}

/** Sends the message once per idempotency key, trying its channels in order; see the top of this file. */
export async function deliver(deps: DeliveryDeps, req: DeliveryRequest): Promise<DeliveryResult> {
  checkRequest(req);
  const { db } = deps;
  const log = await db.withTenant(req.tenantId, async (tx) => {
    const [existing] = await db.sequelize.query<LogRow>('SELECT id, status, channel, channels FROM communication_log WHERE idempotency_key = $1 FOR UPDATE', {
      bind: [req.idempotencyKey],
      type: QueryTypes.SELECT,
      transaction: tx,
    });
    if (existing) return { ...existing, fresh: false };
    const [created] = await db.sequelize.query<LogRow>(
      `INSERT INTO communication_log (tenant_id, instance_id, template_key, channel, channels, recipient, locale, status, idempotency_key, refs)
       VALUES ($1, $2, $3, NULL, $4::text[], $5, $6, 'queued', $7, $8::jsonb) ON CONFLICT (tenant_id, idempotency_key) DO NOTHING RETURNING id, status, channel, channels`,
      { bind: [req.tenantId, req.instanceId ?? null, req.templateKey, req.channels, req.recipientLabel, req.locale, req.idempotencyKey, JSON.stringify(req.refs ?? {})], type: QueryTypes.SELECT, transaction: tx },
    );
    if (!created) throw new DeliveryInProgressError('the message was queued concurrently; retry');
    await recordAudit(db, tx, deliveryCtx(req.tenantId), {
      action: 'message.queued',
      entityType: 'message',
      entityId: created.id,
      summary: { template: req.templateKey, channels: req.channels, recipient: req.recipientLabel, ...(req.instanceId ? { instanceId: req.instanceId } : {}) },
    });
    return { ...created, fresh: true };
  });
  if (log.status !== 'queued') return resultOf(db, req.tenantId, log.id);
  // A message just queued has no attempts yet: no need to read them.
  await continueDelivery(deps, req.tenantId, log.id, log.channels.length > 0 ? log.channels : req.channels, { recipient: req.recipient, message: req.message }, 0, log.fresh ? [] : undefined);
  return resultOf(db, req.tenantId, log.id);
}

/**
 * Tries the message's channels from position `from` on, skipping attempts already finished; ends at the first
 * channel that took the message, or marks the message failed / noAddress when none did. Used by deliver and by a
 * failed receipt (which continues after its attempt with the sealed copy).
 */
export async function continueDelivery(deps: DeliveryDeps, tenantId: string, logId: string, channels: ChannelName[], copy: SealedCopy, from: number, known?: AttemptRow[]): Promise<void> {
  const { db } = deps;
  const ctx = deliveryCtx(tenantId);
  const done = known ?? (await db.withTenant(tenantId, (tx) => loadAttempts(db, tx, logId)));
  for (let position = from; position < channels.length; position++) {
    const channelName = channels[position]!;
    const earlier = done.find((a) => a.position === position);
    if (earlier && earlier.status !== 'sending') {
      if (earlier.status === 'sent' || earlier.status === 'delivered') return; // this one took it (a receipt may still come)
      continue;
    }
    const address = addressOn(channelName, copy.recipient);
    const channel = deps.channels[channelName];
    if (!address || !channel) {
      await db.withTenant(tenantId, async (tx) => {
        await db.sequelize.query(
          `INSERT INTO communication_attempts (tenant_id, log_id, position, channel, status, error_code) VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (log_id, position) DO UPDATE SET status = EXCLUDED.status, error_code = EXCLUDED.error_code`,
          { bind: [tenantId, logId, position, channelName, address ? 'failed' : 'noAddress', address ? 'channelNotConfigured' : 'noAddress'], transaction: tx },
        );
      });
      continue;
    }
    const later = position < channels.length - 1;
    // The attempt is written before the channel is called; its id is the reference the provider sees.
    const attemptId = await db.withTenant(tenantId, async (tx) => {
      if (earlier) return earlier.id;
      const [row] = await db.sequelize.query<{ id: string }>(
        "INSERT INTO communication_attempts (tenant_id, log_id, position, channel, status) VALUES ($1, $2, $3, $4, 'sending') ON CONFLICT (log_id, position) DO NOTHING RETURNING id",
        { bind: [tenantId, logId, position, channelName], type: QueryTypes.SELECT, transaction: tx },
      );
      if (!row) throw new DeliveryInProgressError('this message is being sent by another delivery; retry');
      if (later && deps.keyring) {
        const remaining: Recipient = {};
        for (const next of channels.slice(position + 1)) {
          if (next === 'email') remaining.email = copy.recipient.email ?? null;
          if (next === 'sms') remaining.phone = copy.recipient.phone ?? null;
          if (next === 'digitalPost') remaining.personalNumber = copy.recipient.personalNumber ?? null;
        }
        const sealed = await sealCopy(deps.keyring, tx, tenantId, row!.id, { recipient: remaining, message: copy.message });
        await db.sequelize.query('UPDATE communication_attempts SET sealed_message = $2 WHERE id = $1', { bind: [row!.id, sealed], transaction: tx });
      }
      return row!.id;
    });
    let outcome: { ok: true; messageId: string; awaitsReceipt: boolean } | { ok: false; status: 'refused' | 'failed'; code: string };
    try {
      const sent = await channel.send({ tenantId, to: address, subject: copy.message.subject, body: copy.message.body, ...(copy.message.sms ? { sms: copy.message.sms } : {}), reference: attemptId });
      outcome = { ok: true, messageId: sent.messageId, awaitsReceipt: sent.awaitsReceipt };
    } catch (err) {
      outcome =
        err instanceof ChannelRefusedError
          ? { ok: false, status: 'refused', code: err.code }
          : { ok: false, status: 'failed', code: err instanceof ChannelUnavailableError ? err.code : 'sendFailed' };
    }
    // The channel has been called: what came of it must outlive a moment without the database, else the retried
    // activity finds the attempt still `sending` and sends it again. So the record is retried while the database
    // is away, and is idempotent: a retry after a commit whose answer was lost finds the attempt recorded.
    const final = await whileDatabaseAway(() => db.withTenant(tenantId, async (tx) => {
      if (outcome.ok) {
        const keepCopy = outcome.awaitsReceipt && later;
        const recorded = await db.sequelize.query<{ id: string }>(`UPDATE communication_attempts SET status = 'sent', provider_message_id = $2, sent_at = now()${keepCopy ? '' : ', sealed_message = NULL'} WHERE id = $1 AND status = 'sending' RETURNING id`, {
          bind: [attemptId, outcome.messageId.slice(0, 200)],
          type: QueryTypes.SELECT,
          transaction: tx,
        });
        if (recorded.length === 0) return true; // an earlier try of this record committed
        await db.sequelize.query("UPDATE communication_log SET status = 'sent', channel = $2, message_id = $3, error = NULL, sent_at = now() WHERE id = $1 AND status = 'queued'", {
          bind: [logId, channelName, outcome.messageId.slice(0, 200)],
          transaction: tx,
        });
        await recordAudit(db, tx, ctx, { action: 'message.sent', entityType: 'message', entityId: logId, summary: { channel: channelName, attempt: position + 1 } });
        return true;
      }
      await db.sequelize.query('UPDATE communication_attempts SET status = $2, error_code = $3, sealed_message = NULL WHERE id = $1', { bind: [attemptId, outcome.status, outcome.code.slice(0, 100)], transaction: tx });
      return false;
    }));
    if (final) return;
  }
  await finishUndelivered(db, tenantId, logId);
}

/** No channel took the message: noAddress when the person had no address on any, else failed (with the last error). */
export async function finishUndelivered(db: Database, tenantId: string, logId: string): Promise<void> {
  await db.withTenant(tenantId, (tx) => markUndelivered(db, tx, tenantId, logId));
}

/** finishUndelivered inside the caller's transaction (a failed receipt with no channel left after it). */
export async function markUndelivered(db: Database, tx: Transaction, tenantId: string, logId: string): Promise<void> {
  const attempts = await loadAttempts(db, tx, logId);
  const status = attempts.length > 0 && attempts.every((a) => a.status === 'noAddress') ? 'noAddress' : 'failed';
  const last = attempts[attempts.length - 1];
  await db.sequelize.query("UPDATE communication_log SET status = $2, channel = COALESCE($3, channel), error = $4 WHERE id = $1 AND status IN ('queued', 'sent')", {
    bind: [logId, status, last?.channel ?? null, last?.error_code ?? null],
    transaction: tx,
  });
  await db.sequelize.query('UPDATE communication_attempts SET sealed_message = NULL WHERE log_id = $1 AND sealed_message IS NOT NULL', { bind: [logId], transaction: tx });
  await recordAudit(db, tx, deliveryCtx(tenantId), { action: 'message.failed', entityType: 'message', entityId: logId, summary: { status, attempts: attempts.map((a) => `${a.channel}:${a.status}`) } });
}
