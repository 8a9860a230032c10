// A participant's message, composed from the rows: the template is the task type's override for the event, else
// the election's, else none (nothing is sent); a group message's free text is rendered with the same merge
// fields. The merge fields are the seed's list (merge-fields.ts); an invitation's link is a fresh token
// (issueInvitationToken: the old link stops working), made only when the slot is still invited. The recipient's
// addresses (e-mail, phone, and the personal number for Digital Post) never leave the caller.
import { QueryTypes, type Transaction } from 'sequelize';
import type { Keyring } from '../../../crypto/keyring';
import type { Database } from '../../../db/database';
import { PersonalNumbers } from '../../../identity/personal-numbers';
import type { ChannelName } from '../../../messages/channels';
import { channelsOf, renderTemplate, type Locale, type MessageTemplate } from '../../../messages/templates';
import { invitationUrl, issueInvitationToken } from '../commands/assignments/invitation-link';
import type { MessageEvent } from '../message-events';
import { loadElection, loadParticipant, loadSlot, loadTenant, mergeFieldsOf, type SlotRow } from './merge-fields';

export interface ParticipantMessageInput {
  tenantId: string;
  participantId: string;
  electionId: string;
  slotId?: string | null;
  /** The event whose template is used (task type's override, else the election's). */
  event?: MessageEvent;
  /** A free text instead (a group message), rendered with the same merge fields. */
  free?: { subject: string; body: string; sms?: string };
  /** The channel order; else the template's (a free text without one goes by e-mail). */
  channels?: ChannelName[];
  instanceId?: string | null;
  refs?: Record<string, string>;
}

export interface ComposeOptions {
  /** The origin of a tenant's public host, for the invitation link (else https://<host>). */
  publicOrigin?: (host: string) => string;
  /** Whether an invitation event issues a fresh link (true when sending; a preview shows none). */
  issueLink?: boolean;
  now?: Date;
}

export interface ComposedMessage {
  templateKey: string;
  locale: Locale;
  channels: ChannelName[];
  recipient: { email: string | null; phone: string | null; personalNumber: string | null };
  message: { subject: string; body: string; sms: string };
  fields: Record<string, string>;
}

const INVITATION_EVENTS: readonly MessageEvent[] = ['invitation', 'invitationReminder'];

/** The template key for the event: the task type's override, else the election's; undefined when neither names one. */
export function templateKeyFor(event: MessageEvent, election: { templates: Record<string, string> }, slot?: Pick<SlotRow, 'task_type_templates'>): string | undefined {
  return slot?.task_type_templates?.[event] || election.templates?.[event] || undefined;
}

/** Composes the message, or answers { skipped: 'noTemplate' } when the event has no template. */
export async function composeParticipantMessage(db: Database, tx: Transaction, keyring: Keyring, input: ParticipantMessageInput, opts: ComposeOptions = {}): Promise<ComposedMessage | { skipped: 'noTemplate' }> {
  if (!input.event && !input.free) throw new Error('a participant message needs an event or a free text');
  const [participant, election, tenant] = [await loadParticipant(db, tx, input.participantId), await loadElection(db, tx, input.electionId), await loadTenant(db, tx, input.tenantId)];
  const slot = input.slotId ? await loadSlot(db, tx, input.electionId, input.slotId) : undefined;
  let template: MessageTemplate | undefined;
  let templateKey = 'free';
  if (input.free) {
    template = { key: 'free', subject: { [tenant.default_locale]: input.free.subject }, body: { [tenant.default_locale]: input.free.body }, ...(input.free.sms ? { sms: { [tenant.default_locale]: input.free.sms } } : {}), channels: input.channels ?? ['email'] };
  } else {
    const key = templateKeyFor(input.event!, election, slot);
    if (!key) return { skipped: 'noTemplate' };
    [template] = await db.sequelize.query<MessageTemplate>('SELECT key, subject, body, sms, channels FROM message_templates WHERE key = $1', { bind: [key], type: QueryTypes.SELECT, transaction: tx });
    if (!template) return { skipped: 'noTemplate' };
    templateKey = key;
  }
  const locale = tenant.default_locale;
  let invitationLink: string | undefined;
  if (input.event && INVITATION_EVENTS.includes(input.event) && slot && slot.state === 'invited' && slot.participant_id === participant.id && opts.issueLink !== false) {
    const token = await issueInvitationToken(db, tx, slot.id);
    const [host] = await db.sequelize.query<{ host: string }>("SELECT host FROM tenant_hosts WHERE site = 'public' ORDER BY host LIMIT 1", { type: QueryTypes.SELECT, transaction: tx });
    if (token && host) invitationLink = invitationUrl(opts.publicOrigin ? opts.publicOrigin(host.host) : `https://${host.host}`, token, locale);
  }
  const fields = mergeFieldsOf({ participant, election, slot, tenant }, locale, { now: opts.now ?? new Date(), ...(invitationLink ? { invitationLink } : {}) });
  const rendered = renderTemplate(template, locale, fields);
  const channels = input.channels ?? channelsOf(template);
  // The personal number is Digital Post's address: opened only when that channel may be used.
  const personalNumber = channels.includes('digitalPost') ? await new PersonalNumbers(keyring).reveal(tx, input.tenantId, { country: participant.personal_number_country, ciphertext: participant.personal_number_sealed }) : null;
  return {
    templateKey,
    locale: rendered.locale,
    channels,
    recipient: { email: participant.email, phone: participant.phone, personalNumber },
    message: { subject: rendered.subject, body: rendered.body, sms: rendered.sms },
    fields,
  };
}
