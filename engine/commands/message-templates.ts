// Message templates as named commands: list, save (with the merge fields checked), preview with sample data.
import { QueryTypes } from 'sequelize';
import type { MessageTemplateInput } from '../../schemas/types/api-message-template';
import type { FieldError } from '../../forms/validation';
import { recordAudit, type CommandContext } from '../audit/record';
import type { Database } from '../db/database';
import { NotFoundError, ValidationError } from '../errors';
import { renderTemplate, SAMPLE_MERGE_FIELDS, unknownMergeFields, type Locale, type MessageTemplate, MERGE_FIELDS } from '../messages/templates';
import type { Actor } from '../actors';
import { authorize } from '../policies';
import { validate } from '../validation';

const KEY = /^[a-z][A-Za-z0-9-]{0,39}$/;

export async function listTemplates(db: Database, actor: Actor): Promise<MessageTemplate[]> {
  authorize(actor, 'messages.manage', { tenantId: actor.tenantId });
  return db.withTenant(actor.tenantId, (tx) => db.sequelize.query<MessageTemplate>('SELECT key, subject, body FROM message_templates ORDER BY key', { type: QueryTypes.SELECT, transaction: tx }));
}

export async function saveTemplate(db: Database, ctx: CommandContext, key: string, input: unknown): Promise<MessageTemplate> {
  authorize(ctx.actor, 'messages.manage', { tenantId: ctx.tenantId });
  if (!KEY.test(key)) throw new NotFoundError();
  const t = validate<MessageTemplateInput>('api/message-template.schema.json', input);
  const problems: FieldError[] = [];
  for (const part of ['subject', 'body'] as const) {
    for (const [locale, text] of Object.entries(t[part])) {
      let unknown: string[];
      try {
        unknown = unknownMergeFields(text!);
      } catch (err) {
        problems.push({ field: `/${part}/${locale}`, message: `cannot be read: ${err instanceof Error ? err.message : String(err)}` });
        continue;
      }
      if (unknown.length) problems.push({ field: `/${part}/${locale}`, message: `unknown merge fields ${unknown.map((u) => `{{${u}}}`).join(', ')}; known: ${MERGE_FIELDS.map((m) => `{{${m}}}`).join(', ')}` });
    }
  }
  if (problems.length) throw new ValidationError(problems);
  return db.withTenant(ctx.tenantId, async (tx) => {
    await db.sequelize.query(
      'INSERT INTO message_templates (tenant_id, key, subject, body) VALUES ($1, $2, $3, $4) ON CONFLICT (tenant_id, key) DO UPDATE SET subject = EXCLUDED.subject, body = EXCLUDED.body, updated_at = now()',
      { bind: [ctx.tenantId, key, JSON.stringify(t.subject), JSON.stringify(t.body)], transaction: tx },
    );
    await recordAudit(db, tx, ctx, { action: 'messageTemplate.saved', entityType: 'messageTemplate', entityId: key, summary: { locales: Object.keys(t.body) } });
    return { key, subject: t.subject, body: t.body };
  });
}

export async function previewTemplate(db: Database, actor: Actor, key: string, locale: Locale) {
  authorize(actor, 'messages.manage', { tenantId: actor.tenantId });
  const [t] = await db.withTenant(actor.tenantId, (tx) => db.sequelize.query<MessageTemplate>('SELECT key, subject, body FROM message_templates WHERE key = $1', { bind: [key], type: QueryTypes.SELECT, transaction: tx }));
  if (!t) throw new NotFoundError();
  return renderTemplate(t, locale, SAMPLE_MERGE_FIELDS[locale]);
}
