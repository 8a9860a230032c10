// notify: a message from one of the tenant's templates to the subject's person or the caseworkers, on each
// channel the rule names. Read everything in one transaction, then send outside it (a slow SMTP server must
// not hold a connection); each channel's send is logged once per idempotency key in the communication log.
import { QueryTypes } from 'sequelize';
import { DateTime } from 'luxon';
import { fieldError } from '../../../forms/validation';
import type { FlowAction } from '../../modules/module';
import { recordAudit } from '../../audit/record';
import { renderTemplate, type MessageTemplate } from '../../messages/templates';
import type { ChannelName } from '../../messages/channels';
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
    const to = c.recipient === 'subject' ? subject.email : row.settings.contact?.email;
    return { template, locale, fields, to, recipient: c.recipient === 'subject' ? `subject:${row.subject_type}/${row.subject_id}` : 'caseworkers' };
  });
  const sent: NonNullable<ActionResult['sent']> = [];
  for (const channelName of c.channels) {
    const logKey = `${input.key}/${channelName}`;
    const status = await db.withTenant(input.tenantId, async (tx) => {
      const [existing] = await db.sequelize.query<{ status: string }>('SELECT status FROM communication_log WHERE idempotency_key = $1', { bind: [logKey], type: QueryTypes.SELECT, transaction: tx });
      if (existing) return existing.status;
      const initial = !prepared.template ? 'failed' : !prepared.to ? 'noAddress' : 'queued';
      await db.sequelize.query('INSERT INTO communication_log (tenant_id, instance_id, template_key, channel, recipient, locale, status, error, idempotency_key) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)', {
        bind: [input.tenantId, input.instanceId, c.template, channelName, prepared.recipient, prepared.locale, initial, prepared.template ? null : 'no such template', logKey],
        transaction: tx,
      });
      await recordAudit(db, tx, flowCtx(input.tenantId), { action: 'message.queued', entityType: 'flowInstance', entityId: input.instanceId, summary: { template: c.template, channel: channelName, recipient: c.recipient, status: initial } });
      return initial;
    });
    if (status !== 'queued' && status !== 'failed') {
      sent.push({ channel: channelName, status });
      continue;
    }
    if (!prepared.template || !prepared.to) {
      sent.push({ channel: channelName, status });
      continue;
    }
    const channel = deps.channels?.[channelName];
    const rendered = renderTemplate(prepared.template, prepared.locale, prepared.fields);
    let result: { status: string; error: string | null; messageId: string | null };
    try {
      if (!channel) throw new Error(`channel ${channelName} is not configured`);
      const { messageId } = await channel.send({ tenantId: input.tenantId, to: prepared.to, subject: rendered.subject, body: rendered.body, reference: logKey });
      result = { status: 'sent', error: null, messageId };
    } catch (err) {
      result = { status: 'failed', error: err instanceof Error ? err.message.slice(0, 500) : 'send failed', messageId: null };
    }
    await db.withTenant(input.tenantId, async (tx) => {
      await db.sequelize.query("UPDATE communication_log SET status = $2, error = $3, message_id = $4, sent_at = CASE WHEN $2 = 'sent' THEN now() END WHERE idempotency_key = $1", { bind: [logKey, result.status, result.error, result.messageId], transaction: tx });
      await recordAudit(db, tx, flowCtx(input.tenantId), { action: result.status === 'sent' ? 'message.sent' : 'message.failed', entityType: 'flowInstance', entityId: input.instanceId, summary: { template: c.template, channel: channelName } });
    });
    // A failed send is retried by the activity's retry policy; the log row says why meanwhile.
    if (result.status === 'failed') throw new Error(`sending ${c.template} by ${channelName} failed: ${result.error}`);
    sent.push({ channel: channelName, status: 'sent' });
  }
  return { done: true, sent };
}
