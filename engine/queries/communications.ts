// The communication log (administrators): every message with its status, filtered by channel, status, template,
// day and one of its refs (ids such as participantId=<uuid>), and one message's detail with every attempt (one per
// channel tried, in the message's order) and its receipt. No addresses are stored, so none are shown.
import { QueryTypes } from 'sequelize';
import type { CommunicationsQuery } from '../../schemas/types/api-communications-query';
import type { Actor } from '../actors';
import type { Database } from '../db/database';
import { NotFoundError } from '../errors';
import { foundUuid } from '../ids';
import { authorize } from '../policies';

export interface CommunicationRow {
  id: string;
  instanceId: string | null;
  templateKey: string;
  channel: string | null;
  channels: ('email' | 'digitalPost' | 'sms')[];
  recipient: string;
  status: string;
  error: string | null;
  refs: Record<string, string>;
  createdAt: Date;
  sentAt: Date | null;
  deliveredAt: Date | null;
}

export interface AttemptRow {
  position: number;
  channel: 'email' | 'digitalPost' | 'sms';
  status: 'sending' | 'sent' | 'delivered' | 'failed' | 'refused' | 'noAddress';
  errorCode: string | null;
  providerMessageId: string | null;
  createdAt: Date;
  sentAt: Date | null;
  receiptAt: Date | null;
}

const COLUMNS = `id, instance_id AS "instanceId", template_key AS "templateKey", channel, channels, recipient, status, error, refs,
  created_at AS "createdAt", sent_at AS "sentAt", delivered_at AS "deliveredAt"`;
const PAGE = 200;

export async function listCommunicationLog(db: Database, actor: Actor, q: CommunicationsQuery = {}): Promise<CommunicationRow[]> {
  authorize(actor, 'flows.view', { tenantId: actor.tenantId });
  const where: string[] = [];
  const bind: unknown[] = [];
  const add = (sql: (n: string) => string, value: unknown) => {
    bind.push(value);
    where.push(sql(`$${bind.length}`));
  };
  if (q.channel) add((n) => `channel = ${n}`, q.channel);
  if (q.status) add((n) => `status = ${n}`, q.status);
  if (q.template) add((n) => `template_key = ${n}`, q.template);
  if (q.from) add((n) => `created_at >= ${n}::date`, q.from);
  if (q.to) add((n) => `created_at < ${n}::date + 1`, q.to);
  if (q.instanceId) add((n) => `instance_id = ${n}`, q.instanceId);
  if (q.before) add((n) => `created_at < ${n}::timestamptz`, q.before);
  if (q.ref) {
    const at = q.ref.indexOf('=');
    add((n) => `refs @> ${n}::jsonb`, JSON.stringify({ [q.ref.slice(0, at)]: q.ref.slice(at + 1) }));
  }
  return db.withTenant(actor.tenantId, (tx) =>
    db.sequelize.query<CommunicationRow>(`SELECT ${COLUMNS} FROM communication_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at DESC, id LIMIT ${PAGE}`, {
      bind,
      type: QueryTypes.SELECT,
      transaction: tx,
    }),
  );
}

export async function loadCommunication(db: Database, actor: Actor, id: string): Promise<{ communication: CommunicationRow; attempts: AttemptRow[] }> {
  authorize(actor, 'flows.view', { tenantId: actor.tenantId });
  foundUuid(id);
  return db.withTenant(actor.tenantId, async (tx) => {
    const [communication] = await db.sequelize.query<CommunicationRow>(`SELECT ${COLUMNS} FROM communication_log WHERE id = $1`, { bind: [id], type: QueryTypes.SELECT, transaction: tx });
    if (!communication) throw new NotFoundError();
    const attempts = await db.sequelize.query<AttemptRow>(
      `SELECT position + 1 AS position, channel, status, error_code AS "errorCode", provider_message_id AS "providerMessageId", created_at AS "createdAt", sent_at AS "sentAt", receipt_at AS "receiptAt"
         FROM communication_attempts WHERE log_id = $1 ORDER BY position`,
      { bind: [id], type: QueryTypes.SELECT, transaction: tx },
    );
    return { communication, attempts };
  });
}
