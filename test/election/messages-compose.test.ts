// Composing and sending a participant's message against the real PostgreSQL (no platform): the task type's
// template for an event wins over the election's; every merge field of the seed's list is filled from the real
// rows (election, work location and address, task type and description, date, times, payment, days left,
// contact, municipality, name); an invitation makes a fresh link whose token is the slot's (the old one stops
// working), and a retried send with the same key neither sends again nor replaces the link; an event without a
// template is skipped; the delivery gets the channel order of the template and the person's addresses, the log
// only ids. The template editor's preview with the real participant and slot renders the same fields.
import { QueryTypes } from 'sequelize';
import { parseCpr } from '../../forms/formats/personal-number';
import { provisioningActor } from '../../engine/actors';
import { previewTemplate, saveTemplate, templatePreviewChoices } from '../../engine/commands/message-templates';
import { parseKeySpec } from '../../engine/crypto/key-spec';
import { Keyring } from '../../engine/crypto/keyring';
import { PersonalNumbers } from '../../engine/identity/personal-numbers';
import type { Channel, Channels, OutgoingMessage } from '../../engine/messages/channels';
import { hashInvitationToken } from '../../engine/modules/election/commands/assignments/invitation-link';
import { composeParticipantMessage, type ComposedMessage } from '../../engine/modules/election/messages/compose';
import { ELECTION_MERGE_FIELDS } from '../../engine/modules/election/messages/merge-fields';
import { sendParticipantMessage } from '../../engine/modules/election/messages/send';
import { createTestTenant, suiteDatabase, type TestTenant } from '../helpers/factories';
import { electionFixture, insertParticipants, insertSlots, one, q, type ElectionFixture } from './assignment-fixtures';

const db = suiteDatabase();
const keyring = new Keyring(db, parseKeySpec(process.env.DATA_MASTER_KEYS!));
const CPR = '0101801234';

let dk: TestTenant;
let f: ElectionFixture;
let participantId: string;
let invitedSlot: string; // valgstyrer at Skolen, invited
let overriddenSlot: string; // morgenvagt (its task type overrides the invitation template), invited
let acceptedSlot: string; // valgstyrer at Hallen, accepted

class FakeChannel implements Channel {
  readonly sent: OutgoingMessage[] = [];
  constructor(readonly name: Channel['name']) {}
  async send(m: OutgoingMessage) {
    this.sent.push(m);
    return { messageId: `${this.name}-${this.sent.length}`, awaitsReceipt: false };
  }
}

const compose = (input: { slotId?: string; event: 'invitation' | 'registrationConfirmed' | 'taskReminder' }, issueLink = true) =>
  db.withTenant(dk.id, (tx) => composeParticipantMessage(db, tx, keyring, { tenantId: dk.id, participantId, electionId: f.electionId, ...input }, { issueLink, publicOrigin: (host) => `http://${host}:1234`, now: new Date('2030-05-20T10:00:00Z') }));
const composed = async (...args: Parameters<typeof compose>): Promise<ComposedMessage> => {
  const c = await compose(...args);
  if ('skipped' in c) throw new Error('skipped');
  return c;
};
const tokenHash = async (slotId: string) => (await one<{ h: string | null }>('SELECT invitation_token_hash AS h FROM task_slots WHERE id = $1', [slotId])).h;

beforeAll(async () => {
  dk = await createTestTenant({ country: 'DK', builtinForms: true });
  f = await electionFixture(dk.id);
  [participantId] = (await insertParticipants(dk.id, [{ givenName: 'Agnete', familyName: 'Sørensen' }])) as [string];
  // A real sealed personal number (Digital Post's address) and the person's e-mail and phone.
  const sealed = await db.withTenant(dk.id, (tx) => new PersonalNumbers(keyring).protect(tx, dk.id, parseCpr(CPR)!));
  await q('UPDATE participants SET personal_number_sealed = $2, email = $3, phone = $4 WHERE id = $1', [participantId, sealed.ciphertext, 'agnete@example.dk', '+4512345678']);
  await q("UPDATE work_locations SET address = 'Skolevej 7', postal_code = '4000', city = 'Korsbæk' WHERE id = $1", [f.workLocations[0]]);
  await q("UPDATE task_types SET description = 'Du leder valget på stedet.', payment = 1234.5 WHERE id = $1", [f.taskTypes.valgstyrer]);
  // The election names the built-in template for every event but the task reminder; morgenvagt overrides the invitation.
  const ctx = { tenantId: dk.id, actor: provisioningActor(dk.id) };
  await saveTemplate(db, ctx, 'morning-invite', { subject: { da: 'Morgenvagt: {{election}}' }, body: { da: 'Hej {{name}}, kom kl. {{start}}: {{invitationLink}}' }, sms: { da: 'Morgenvagt {{date}}' }, channels: ['sms', 'email'] });
  const events = ['registrationConfirmed', 'cancellationConfirmed', 'invitation', 'invitationReminder', 'invitationRetracted', 'removedFromTask', 'removedByValidation'];
  await q('UPDATE elections SET templates = $2::jsonb WHERE id = $1', [f.electionId, JSON.stringify(Object.fromEntries(events.map((e) => [e, `election-${e}`])))]);
  await q('UPDATE task_types SET templates = $2::jsonb WHERE id = $1', [f.taskTypes.morgenvagt, JSON.stringify({ invitation: 'morning-invite' })]);
  [invitedSlot] = (await insertSlots(f, 1)) as [string];
  [overriddenSlot] = (await insertSlots(f, 1, f.taskTypes.morgenvagt)) as [string];
  [acceptedSlot] = (await insertSlots(f, 1, f.taskTypes.valgstyrer, f.workLocations[1], '2030-05-31')) as [string];
  await q("UPDATE task_slots SET participant_id = $2, state = 'invited', invited_at = now() WHERE id = ANY($1::uuid[])", [[invitedSlot, overriddenSlot], participantId]);
  await q("UPDATE task_slots SET participant_id = $2, state = 'accepted', invited_at = now(), answered_at = now() WHERE id = $1", [acceptedSlot, participantId]);
});

describe('composing a participant message', () => {
  it('fills every merge field of the seed list from the real rows', async () => {
    const c = await composed({ slotId: invitedSlot, event: 'invitation' });
    expect(c.templateKey).toBe('election-invitation');
    expect(c.locale).toBe('da');
    // The built-in template's channel order for a Danish municipality, and the person's three addresses.
    expect(c.channels).toEqual(['digitalPost', 'email', 'sms']);
    expect(c.recipient).toEqual({ email: 'agnete@example.dk', phone: '+4512345678', personalNumber: CPR });
    expect(c.fields).toMatchObject({
      name: 'Agnete Sørensen',
      municipality: dk.name,
      election: 'Folketingsvalg 2030',
      workLocation: 'Skolen',
      workLocationAddress: 'Skolevej 7, 4000 Korsbæk',
      taskType: 'Valgstyrer',
      taskDescription: 'Du leder valget på stedet.',
      date: '1. juni 2030',
      start: '07:00',
      end: '20:00',
      daysLeft: '12',
      contact: `kontakt@${dk.slug}.example, +45 11 22 33 44`,
    });
    expect(c.fields.payment).toMatch(/^1\.234,50\s?kr\.$/);
    for (const name of ['name', 'municipality', 'date', ...ELECTION_MERGE_FIELDS]) expect([name, c.fields[name]]).toEqual([name, expect.stringMatching(/\S/)]);
    expect(c.message.subject).toBe('Invitation: Valgstyrer ved Folketingsvalg 2030');
    expect(c.message.body).toContain('Sted: Skolen, Skolevej 7, 4000 Korsbæk');
    expect(c.message.body).toContain(c.fields.invitationLink);
    expect(c.message.sms).toContain(c.fields.invitationLink);
  });

  it('makes a fresh invitation link whose token is the slot’s, replacing the old one', async () => {
    const first = await composed({ slotId: invitedSlot, event: 'invitation' });
    const second = await composed({ slotId: invitedSlot, event: 'invitation' });
    const token = (link: string) => link.split('/').pop()!;
    expect(first.fields.invitationLink).toMatch(new RegExp(`^http://${dk.publicHost.replace(/\./g, '\\.')}:1234/.+/[A-Za-z0-9_-]{43}$`));
    expect(token(second.fields.invitationLink!)).not.toBe(token(first.fields.invitationLink!));
    // Only the newest link's token opens the invitation.
    expect(await tokenHash(invitedSlot)).toBe(hashInvitationToken(token(second.fields.invitationLink!)));
    expect(await tokenHash(invitedSlot)).not.toBe(hashInvitationToken(token(first.fields.invitationLink!)));
  });

  it('takes the task type’s template for the event over the election’s', async () => {
    const c = await composed({ slotId: overriddenSlot, event: 'invitation' });
    expect(c.templateKey).toBe('morning-invite');
    expect(c.channels).toEqual(['sms', 'email']);
    expect(c.message.subject).toBe('Morgenvagt: Folketingsvalg 2030');
    expect(c.message.body).toMatch(/^Hej Agnete Sørensen, kom kl\. 06:00: http:\/\/.+\/[A-Za-z0-9_-]{43}$/);
    expect(c.recipient.personalNumber).toBeNull(); // no Digital Post in its order: the number is not opened
    // The valgstyrer slot of the same election still gets the election's.
    expect((await composed({ slotId: acceptedSlot, event: 'registrationConfirmed' })).templateKey).toBe('election-registrationConfirmed');
  });

  it('skips an event without a template', async () => {
    expect(await compose({ slotId: acceptedSlot, event: 'taskReminder' })).toEqual({ skipped: 'noTemplate' });
  });

  it('issues no link for a preview', async () => {
    const before = await tokenHash(invitedSlot);
    const preview = await composed({ slotId: invitedSlot, event: 'invitation' }, false);
    expect(preview.fields.invitationLink).toBe('');
    expect(await tokenHash(invitedSlot)).toBe(before);
  });
});

describe('sending a participant message', () => {
  it('delivers by the template’s first channel, once per key, keeping the link it sent', async () => {
    const channels = { digitalPost: new FakeChannel('digitalPost'), email: new FakeChannel('email'), sms: new FakeChannel('sms') };
    const deps = { db, keyring, channels: channels as Channels, publicOrigin: (host: string) => `http://${host}:1234` };
    const input = { tenantId: dk.id, participantId, electionId: f.electionId, slotId: invitedSlot, event: 'invitation' as const, idempotencyKey: `test/${invitedSlot}/invitation` };
    const result = await sendParticipantMessage(deps, input);
    if ('skipped' in result) throw new Error('skipped');
    expect(result.channel).toBe('digitalPost');
    expect(['sent', 'delivered']).toContain(result.status);
    expect(channels.digitalPost.sent).toHaveLength(1);
    expect(channels.digitalPost.sent[0]!.to).toBe(CPR);
    expect(channels.email.sent).toHaveLength(0);
    const sentToken = channels.digitalPost.sent[0]!.body.match(/\/([A-Za-z0-9_-]{43})\n/)![1]!;
    expect(await tokenHash(invitedSlot)).toBe(hashInvitationToken(sentToken));
    // The log: ids only, with the refs to filter by.
    const [log] = await db.withTenant(dk.id, (tx) => db.sequelize.query<{ recipient: string; template_key: string; refs: Record<string, string> }>('SELECT recipient, template_key, refs FROM communication_log WHERE idempotency_key = $1', { bind: [input.idempotencyKey], type: QueryTypes.SELECT, transaction: tx }));
    expect(log).toEqual({ recipient: `subject:electionParticipant/${participantId}`, template_key: 'election-invitation', refs: { electionId: f.electionId, participantId, slotId: invitedSlot, event: 'invitation' } });
    // A retried send: nothing sent again, and the link the person has still works.
    const again = await sendParticipantMessage(deps, input);
    expect('skipped' in again ? null : again.logId).toBe(result.logId);
    expect(channels.digitalPost.sent).toHaveLength(1);
    expect(await tokenHash(invitedSlot)).toBe(hashInvitationToken(sentToken));
  });

  it('answers skipped for an event without a template, sending nothing', async () => {
    const channels = { email: new FakeChannel('email') };
    const r = await sendParticipantMessage({ db, keyring, channels: channels as Channels }, { tenantId: dk.id, participantId, electionId: f.electionId, slotId: acceptedSlot, event: 'taskReminder', idempotencyKey: `test/${acceptedSlot}/taskReminder` });
    expect(r).toEqual({ skipped: 'noTemplate' });
    expect(channels.email.sent).toHaveLength(0);
  });

  it('sends a free text with the same merge fields on the channels asked for', async () => {
    const channels = { email: new FakeChannel('email'), sms: new FakeChannel('sms') };
    const r = await sendParticipantMessage(
      { db, keyring, channels: channels as Channels },
      { tenantId: dk.id, participantId, electionId: f.electionId, slotId: acceptedSlot, free: { subject: 'Nyt om {{election}}', body: 'Hej {{name}}, mød op på {{workLocation}} kl. {{start}}.', sms: 'Mød op {{date}} kl. {{start}}' }, channels: ['sms', 'email'], idempotencyKey: `test/free/${acceptedSlot}` },
    );
    if ('skipped' in r) throw new Error('skipped');
    expect(r.channel).toBe('sms');
    expect(channels.sms.sent[0]!.to).toBe('+4512345678');
    expect(channels.sms.sent[0]!.sms ?? channels.sms.sent[0]!.body).toBe('Mød op 31. maj 2030 kl. 07:00');
  });
});

describe('the template editor’s preview with a real participant and slot', () => {
  const admin = () => ({ ...provisioningActor(dk.id) });
  it('renders the template with the rows, the SMS in segments, without issuing a link', async () => {
    const before = await tokenHash(invitedSlot);
    const p = await previewTemplate(db, admin(), 'election-invitation', { locale: 'da', module: 'election', subjectId: participantId, detailId: invitedSlot });
    expect(p.subject).toBe('Invitation: Valgstyrer ved Folketingsvalg 2030');
    expect(p.body).toContain('Sted: Skolen, Skolevej 7, 4000 Korsbæk');
    expect(p.channels).toEqual(['digitalPost', 'email', 'sms']);
    expect(p.smsSegments.segments).toBeGreaterThanOrEqual(1);
    expect(p.smsSegments.length).toBe(p.sms.length); // the built-in Danish SMS is GSM-7 (æøå are in it)
    expect(await tokenHash(invitedSlot)).toBe(before);
    // With sample data, the module's fields have their samples.
    const sample = await previewTemplate(db, admin(), 'election-invitation', { locale: 'sv' });
    expect(sample.subject).toBe('Inbjudan: Röstmottagare vid Riksdagsval 2026');
    // Another person's slot is not theirs: 404.
    const [other] = (await insertParticipants(dk.id, [{ givenName: 'Bo', familyName: 'Bosen' }])) as [string];
    await expect(previewTemplate(db, admin(), 'election-invitation', { locale: 'da', module: 'election', subjectId: other, detailId: invitedSlot })).rejects.toThrow();
    const choices = await templatePreviewChoices(db, admin(), 'election', 'agnete');
    expect(choices.choices.map((c) => c.id)).toEqual([participantId]);
    expect(choices.choices[0]!.details.map((d) => d.id).sort()).toEqual([invitedSlot, overriddenSlot, acceptedSlot].sort());
  });
});
