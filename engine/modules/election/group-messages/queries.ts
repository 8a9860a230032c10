// Group messages as the admin site reads them: the list of those sent, one with its progress (the page polls it
// while the workflow runs), and a draft's preview — how many the filter picks now and the message rendered for
// the first few of them with their own merge fields (the module's composeParticipantMessage). Another tenant's
// message is not there.
import type { Actor } from '../../../actors';
import type { Keyring } from '../../../crypto/keyring';
import type { Database } from '../../../db/database';
import { NotFoundError } from '../../../errors';
import { foundUuid } from '../../../ids';
import type { ElectionGroupMessage } from '../../../../schemas/types/election-group-message';
import type { ElectionGroupMessageList } from '../../../../schemas/types/election-group-message-list';
import type { ElectionGroupMessagePreview } from '../../../../schemas/types/election-group-message-preview';
import { select } from '../db';
import type { MessageEvent } from '../message-events';
import { authorize } from '../policies';
import { openFreeText } from './free-text';
import { composeParticipantMessage } from './participant-messaging';
import { countRecipients, firstRecipients } from './recipients';
import { smsSegments } from '../../../../schemas/messages/sms-segments';
import type { ChannelName } from '../../../messages/channels';

interface Row {
  id: string;
  election_id: string;
  election_title: string;
  channels: ChannelName[];
  template_event: string | null;
  free_text: boolean;
  filter: ElectionGroupMessage['filter'];
  status: ElectionGroupMessage['status'];
  total: number;
  sent: number;
  failed: number;
  created_at: Date;
  send_requested_at: Date | null;
  finished_at: Date | null;
}

const COLUMNS = `g.id, g.election_id, e.title AS election_title, g.channels, g.template_event, g.free_text_sealed IS NOT NULL AS free_text, g.filter, g.status, g.total, g.sent, g.failed,
  g.created_at, g.send_requested_at, g.finished_at FROM group_messages g JOIN elections e ON e.id = g.election_id`;

const iso = (d: Date | null): string | null => (d ? new Date(d).toISOString() : null);

export function presentGroupMessage(r: Row): ElectionGroupMessage {
  return {
    id: r.id,
    electionId: r.election_id,
    electionTitle: r.election_title,
    channels: r.channels,
    templateEvent: r.template_event,
    freeText: r.free_text,
    filter: r.filter,
    status: r.status,
    total: r.total,
    sent: r.sent,
    failed: r.failed,
    createdAt: new Date(r.created_at).toISOString(),
    sendRequestedAt: iso(r.send_requested_at),
    finishedAt: iso(r.finished_at),
  };
}

export async function listGroupMessages(deps: { db: Database }, actor: Actor): Promise<ElectionGroupMessageList> {
  authorize(actor, 'election.groupMessages.send', { tenantId: actor.tenantId });
  const { db } = deps;
  const rows = await db.withTenant(actor.tenantId, (tx) => select<Row>(db, tx, `SELECT ${COLUMNS} WHERE g.status <> 'draft' ORDER BY g.send_requested_at DESC, g.id LIMIT 100`));
  return { groupMessages: rows.map(presentGroupMessage) };
}

export async function groupMessage(deps: { db: Database }, actor: Actor, id: string): Promise<ElectionGroupMessage> {
  authorize(actor, 'election.groupMessages.send', { tenantId: actor.tenantId });
  foundUuid(id);
  const { db } = deps;
  const [row] = await db.withTenant(actor.tenantId, (tx) => select<Row>(db, tx, `SELECT ${COLUMNS} WHERE g.id = $1`, [id]));
  if (!row) throw new NotFoundError();
  return presentGroupMessage(row);
}

const SAMPLES = 3;

export async function previewGroupMessage(deps: { db: Database; keyring: Keyring }, actor: Actor, id: string): Promise<ElectionGroupMessagePreview> {
  authorize(actor, 'election.groupMessages.send', { tenantId: actor.tenantId });
  foundUuid(id);
  const { db, keyring } = deps;
  return db.withTenant(actor.tenantId, async (tx) => {
    const [gm] = await select<{ election_id: string; channels: ChannelName[]; template_event: MessageEvent | null; free_text_sealed: Buffer | null; filter: ElectionGroupMessage['filter'] }>(
      db,
      tx,
      'SELECT election_id, channels, template_event, free_text_sealed, filter FROM group_messages WHERE id = $1',
      [id],
    );
    if (!gm) throw new NotFoundError();
    const free = gm.free_text_sealed ? await openFreeText(keyring, tx, actor.tenantId, id, gm.free_text_sealed) : null;
    const count = await countRecipients(db, tx, actor.tenantId, gm.election_id, gm.filter);
    const first = await firstRecipients(db, tx, actor.tenantId, gm.election_id, gm.filter, SAMPLES);
    const samples: ElectionGroupMessagePreview['samples'] = [];
    for (const r of first) {
      const composed = await composeParticipantMessage(db, tx, keyring, {
        tenantId: actor.tenantId,
        participantId: r.participant_id,
        electionId: gm.election_id,
        slotId: r.slot_id,
        ...(free ? { free } : { event: gm.template_event! }),
        channels: gm.channels,
      });
      if ('skipped' in composed) {
        samples.push({ participantId: r.participant_id, subject: '', body: '', sms: null, smsSegments: 0, skipped: true });
        continue;
      }
      const sms = gm.channels.includes('sms') ? (composed.message.sms ?? composed.message.body) : null;
      samples.push({
        participantId: r.participant_id,
        subject: composed.message.subject.slice(0, 1000),
        body: composed.message.body.slice(0, 20000),
        sms: sms === null ? null : sms.slice(0, 5000),
        smsSegments: sms === null ? 0 : Math.min(100, smsSegments(sms).segments),
        skipped: false,
      });
    }
    return { count, samples };
  });
}
