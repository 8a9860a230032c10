// notify: a message from one of the tenant's templates to the subject's person or the caseworkers. The rule's
// channels are the order of engine/messages/delivery.ts: the first the person can receive on is used, the next
// when one refuses or a receipt says it failed. Read everything in one transaction, then deliver outside it (a
// slow channel must not hold a connection); the action's key is the message's idempotency key, so a retried
// activity never sends twice, and the communication log has one row per message with every attempt.
import { QueryTypes } from 'sequelize';
import { DateTime } from 'luxon';
import { fieldError } from '../../../forms/validation';
import type { FlowAction } from '../../modules/module';
import { renderTemplate, type MessageTemplate } from '../../messages/templates';
import type { ChannelName } from '../../messages/channels';
import { deliver, type Recipient } from '../../messages/delivery';
import type { ActionInput, ActionResult } from '../action-types';
import { flowCtx, instanceRow } from '../instance-store';
import { zoneOf } from '../tenant-rules';

export const notify: FlowAction = {
  configSchema: 'flows/actions/notify.schema.json',
  check: (c, { refs }) => (refs.templates.has(String(c.template)) ? [] : [fieldError('/template', 'flow.templateUnknown', { template: String(c.template) }, `there is no message template "${String(c.template)}"`)]),
  run: (deps, input) => send(deps, input),
};

async function send(deps: Parameters<FlowAction['run']>[0], input: ActionInput): Promise<ActionResult> {
  const { db } = deps;
  const c = input.config as { template: string; recipient: 'subject' | 'caseworkers'; channels: ChannelName[] };
  // Read everything in one transaction, then send outside it: a slow SMTP server must not hold a connection.
  const prepared = await db.withTenant(input.tenantId, async (tx) => {
    const row = await instanceRow(db, tx, input.instanceId);
    const [template] = await db.sequelize.query<MessageTemplate>('SELECT key, subject, body FROM message_templates WHERE key = $1', { bind: [c.template], type: QueryTypes.SELECT, transaction: tx });
    const subject = await deps.subjects(row.subject_type).load({ db, keyring: deps.keyring, ...(deps.publicOrigin ? { publicOrigin: deps.publicOrigin } : {}) }, tx, flowCtx(input.tenantId), row.subject_id, []);
    const locale = subject.locale ?? row.default_locale;
    const statusLabel = row.definition.statuses?.find((s) => s.key === row.status)?.label?.[locale] ?? row.status;
    const fields = {
      municipality: row.tenant_name,
      flowName: row.definition.name?.[locale] ?? row.key,
      status: statusLabel,
      date: DateTime.fromISO(subject.dates.submittedAt ?? input.at, { zone: zoneOf(row.country) }).setLocale(locale).toLocaleString(DateTime.DATE_FULL),
      ...subject.mergeFields,
    };
    const address: Recipient = c.recipient === 'subject' ? { email: subject.email ?? null, phone: subject.phone ?? null, personalNumber: subject.personalNumber ?? null } : { email: row.settings.contact?.email ?? null };
    return { template, locale, fields, address, recipient: c.recipient === 'subject' ? `subject:${row.subject_type}/${row.subject_id}` : 'caseworkers' };
  });
  // One message, one log row: the rule's channels are its order, the next used when the person cannot receive on one.
  const rendered = prepared.template ? renderTemplate(prepared.template, prepared.locale, prepared.fields) : null;
  if (!rendered) {
    await db.withTenant(input.tenantId, async (tx) => {
      await db.sequelize.query(
        `INSERT INTO communication_log (tenant_id, instance_id, template_key, channel, channels, recipient, locale, status, error, idempotency_key)
         VALUES ($1, $2, $3, NULL, $4::text[], $5, $6, 'failed', 'no such template', $7) ON CONFLICT (tenant_id, idempotency_key) DO NOTHING`,
        { bind: [input.tenantId, input.instanceId, c.template, c.channels, prepared.recipient, prepared.locale, input.key], transaction: tx },
      );
    });
    return { done: true, sent: [{ channel: c.channels[0]!, status: 'failed' }] };
  }
  const result = await deliver(
    { db, channels: deps.channels ?? {}, keyring: deps.keyring },
    {
      tenantId: input.tenantId,
      idempotencyKey: input.key,
      templateKey: c.template,
      locale: rendered.locale,
      recipientLabel: prepared.recipient,
      instanceId: input.instanceId,
      channels: c.channels,
      recipient: prepared.address,
      message: { subject: rendered.subject, body: rendered.body },
    },
  );
  const sent: NonNullable<ActionResult['sent']> = result.attempts.map((a) => ({ channel: a.channel, status: a.status }));
  return { done: true, sent };
}
