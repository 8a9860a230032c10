// A group message's free text is whatever an administrator wrote: kept sealed with the tenant's key for group
// messages (AES-256-GCM, bound to the tenant and the group message), opened only to preview and to send it.
import type { Transaction } from 'sequelize';
import { open, seal } from '../../../crypto/aead';
import type { Keyring } from '../../../crypto/keyring';
import type { FreeText } from './participant-messaging';

const PURPOSE = 'election.groupMessages';
const aadOf = (tenantId: string, groupMessageId: string): string => `${tenantId}:groupMessage:${groupMessageId}`;

export async function sealFreeText(keyring: Keyring, tx: Transaction, tenantId: string, groupMessageId: string, text: FreeText): Promise<Buffer> {
  const key = await keyring.dataKey(tx, tenantId, PURPOSE);
  return seal(key, Buffer.from(JSON.stringify({ subject: text.subject, body: text.body, ...(text.sms ? { sms: text.sms } : {}) })), aadOf(tenantId, groupMessageId));
}

export async function openFreeText(keyring: Keyring, tx: Transaction, tenantId: string, groupMessageId: string, sealed: Buffer): Promise<FreeText> {
  const key = await keyring.dataKey(tx, tenantId, PURPOSE);
  const parsed = JSON.parse(open(key, sealed, aadOf(tenantId, groupMessageId)).toString('utf8')) as FreeText;
  return { subject: String(parsed.subject), body: String(parsed.body), ...(parsed.sms ? { sms: String(parsed.sms) } : {}) };
}
