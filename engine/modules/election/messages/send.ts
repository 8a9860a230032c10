// Sending a participant a message: composed in one transaction (the rows, the template, a fresh invitation link),
// then delivered outside it by the platform's delivery (engine/messages/delivery.ts: channels in the template's
// order with fallback, once per idempotency key). The processes of election staffing (flows, the weekly registry
// refresh, the post-election deletion, group messages) all send through here. A retried call with a key already
// delivered is answered from the log without composing again, so a sent invitation's link stays the one sent.
import { QueryTypes } from 'sequelize';
import type { Keyring } from '../../../crypto/keyring';
import type { Database } from '../../../db/database';
import { deliver, type Channels, type DeliveryResult } from '../../../messages/delivery';
import { composeParticipantMessage, type ParticipantMessageInput } from './compose';

export type { ParticipantMessageInput } from './compose';

export interface SendParticipantMessageDeps {
  db: Database;
  keyring: Keyring;
  channels: Channels;
  /** The origin of a tenant's public host, for the invitation link. */
  publicOrigin?: (host: string) => string;
}

export async function sendParticipantMessage(
  deps: SendParticipantMessageDeps,
  input: ParticipantMessageInput & { idempotencyKey: string },
): Promise<DeliveryResult | { skipped: 'noTemplate' }> {
  const { db } = deps;
  const composed = await db.withTenant(input.tenantId, async (tx) => {
    const [done] = await db.sequelize.query<{ status: string }>('SELECT status FROM communication_log WHERE idempotency_key = $1', { bind: [input.idempotencyKey], type: QueryTypes.SELECT, transaction: tx });
    return composeParticipantMessage(db, tx, deps.keyring, input, { issueLink: !done || done.status === 'queued', ...(deps.publicOrigin ? { publicOrigin: deps.publicOrigin } : {}) });
  });
  if ('skipped' in composed) return composed;
  const refs: Record<string, string> = { electionId: input.electionId, participantId: input.participantId, ...(input.slotId ? { slotId: input.slotId } : {}), ...(input.event ? { event: input.event } : {}), ...input.refs };
  return deliver(
    { db, channels: deps.channels, keyring: deps.keyring },
    {
      tenantId: input.tenantId,
      idempotencyKey: input.idempotencyKey,
      templateKey: composed.templateKey,
      locale: composed.locale,
      recipientLabel: `subject:electionParticipant/${input.participantId}`,
      instanceId: input.instanceId ?? null,
      refs,
      channels: composed.channels,
      recipient: composed.recipient,
      message: composed.message,
    },
  );
}
