// Message templates as named commands: list, save (merge fields and channel order checked), preview with sample
// data or with a module's real row (Module.templatePreview), and the rows a module offers to preview with.
import { QueryTypes } from 'sequelize';
import type { MessageTemplateInput } from '../../schemas/types/api-message-template';
import type { MessagePreview } from '../../schemas/types/api-message-preview';
import type { TemplatePreviewChoices } from '../../schemas/types/api-template-preview-choices';
import { smsSegments } from '../../schemas/messages/sms-segments';
import type { FieldError } from '../../forms/validation';
import { recordAudit, type CommandContext } from '../audit/record';
import type { Database } from '../db/database';
import { NotFoundError, ValidationError } from '../errors';
import { channelOrderProblems, channelsOf, knownMergeFields, renderTemplate, sampleMergeFields, unknownMergeFields, type ChannelName, type Locale, type MessageTemplate } from '../messages/templates';
import type { Actor } from '../actors';
import { MODULES } from '../modules';
import type { Module } from '../modules/module';
import { authorize } from '../policies';
import { validate } from '../validation';

const KEY = /^[a-z][A-Za-z0-9-]{0,39}$/;
const COLUMNS = 'key, subject, body, sms, channels';

/** The merge fields the platform and the installed modules provide. */
const moduleFields = (modules: readonly Module[]) => modules.flatMap((m) => (m.messageFields ? [m.messageFields] : []));

export async function listTemplates(db: Database, actor: Actor): Promise<Required<MessageTemplate>[]> {
  authorize(actor, 'messages.manage', { tenantId: actor.tenantId });
  return db.withTenant(actor.tenantId, (tx) => db.sequelize.query<Required<MessageTemplate>>(`SELECT ${COLUMNS} FROM message_templates ORDER BY key`, { type: QueryTypes.SELECT, transaction: tx }));
}

export async function saveTemplate(db: Database, ctx: CommandContext, key: string, input: unknown, modules: readonly Module[] = MODULES): Promise<Required<MessageTemplate>> {
  authorize(ctx.actor, 'messages.manage', { tenantId: ctx.tenantId });
  if (!KEY.test(key)) throw new NotFoundError();
  const t = validate<MessageTemplateInput>('api/message-template.schema.json', input);
  const known = knownMergeFields(moduleFields(modules));
  const problems: FieldError[] = [];
  for (const part of ['subject', 'body', 'sms'] as const) {
    for (const [locale, text] of Object.entries(t[part] ?? {})) {
      let unknown: string[];
      try {
        unknown = unknownMergeFields(text!, known);
      } catch (err) {
        problems.push({ field: `/${part}/${locale}`, message: `cannot be read: ${err instanceof Error ? err.message : String(err)}` });
        continue;
      }
      if (unknown.length) problems.push({ field: `/${part}/${locale}`, message: `unknown merge fields ${unknown.map((u) => `{{${u}}}`).join(', ')}; known: ${known.map((m) => `{{${m}}}`).join(', ')}` });
    }
  }
  // The schema bounds the list; a channel named twice is refused here too (uniqueItems is the schema's, this says why).
  const channels = (t.channels ?? ['email']) as ChannelName[];
  for (const message of channelOrderProblems(channels)) problems.push({ field: '/channels', message });
  if (problems.length) throw new ValidationError(problems);
  const sms = t.sms ?? {};
  return db.withTenant(ctx.tenantId, async (tx) => {
    await db.sequelize.query(
      `INSERT INTO message_templates (tenant_id, key, subject, body, sms, channels) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (tenant_id, key) DO UPDATE SET subject = EXCLUDED.subject, body = EXCLUDED.body, sms = EXCLUDED.sms, channels = EXCLUDED.channels, updated_at = now()`,
      { bind: [ctx.tenantId, key, JSON.stringify(t.subject), JSON.stringify(t.body), JSON.stringify(sms), channels], transaction: tx },
    );
    await recordAudit(db, tx, ctx, { action: 'messageTemplate.saved', entityType: 'messageTemplate', entityId: key, summary: { locales: Object.keys(t.body), smsLocales: Object.keys(sms), channels } });
    return { key, subject: t.subject, body: t.body, sms, channels };
  });
}

export interface PreviewQuery {
  locale: Locale;
  /** Preview with a real row of this module instead of the sample data. */
  module?: string;
  subjectId?: string;
  detailId?: string;
}

export async function previewTemplate(db: Database, actor: Actor, key: string, query: Locale | PreviewQuery, modules: readonly Module[] = MODULES): Promise<MessagePreview> {
  authorize(actor, 'messages.manage', { tenantId: actor.tenantId });
  const q: PreviewQuery = typeof query === 'string' ? { locale: query } : query;
  if (q.module && !q.subjectId) throw new ValidationError([{ field: '/subjectId', message: 'a row to preview with is needed with module' }]);
  if ((q.subjectId || q.detailId) && !q.module) throw new ValidationError([{ field: '/module', message: 'the module of the row to preview with is needed' }]);
  const mod = q.module ? modules.find((m) => m.name === q.module && m.templatePreview) : undefined;
  if (q.module && !mod) throw new ValidationError([{ field: '/module', message: `no module ${q.module} previews templates` }]);
  return db.withTenant(actor.tenantId, async (tx) => {
    const [t] = await db.sequelize.query<Required<MessageTemplate>>(`SELECT ${COLUMNS} FROM message_templates WHERE key = $1`, { bind: [key], type: QueryTypes.SELECT, transaction: tx });
    if (!t) throw new NotFoundError();
    // Sample values for every field first, so a field the real row lacks still shows something readable.
    let fields = sampleMergeFields(q.locale, moduleFields(modules));
    if (mod) {
      const real = await mod.templatePreview!({ db }, tx, actor.tenantId, { subjectId: q.subjectId!, locale: q.locale, ...(q.detailId ? { detailId: q.detailId } : {}) });
      if (!real) throw new NotFoundError();
      fields = { ...fields, ...real };
    }
    const rendered = renderTemplate(t, q.locale, fields);
    return { ...rendered, smsSegments: smsSegments(rendered.sms), channels: channelsOf(t) };
  });
}

/** The rows a module offers the template editor to preview with (up to 20 matching the search). */
export async function templatePreviewChoices(db: Database, actor: Actor, moduleName: string, search: string, modules: readonly Module[] = MODULES): Promise<TemplatePreviewChoices> {
  authorize(actor, 'messages.manage', { tenantId: actor.tenantId });
  const mod = modules.find((m) => m.name === moduleName && m.templatePreviewChoices);
  if (!mod) throw new NotFoundError();
  const choices = await db.withTenant(actor.tenantId, (tx) => mod.templatePreviewChoices!({ db }, tx, actor.tenantId, search.trim()));
  return { choices: choices.slice(0, 20) };
}

/** The merge fields there are, for the editor's hint: the platform's and the installed modules'. */
export const mergeFieldNames = (modules: readonly Module[] = MODULES): string[] => knownMergeFields(moduleFields(modules));

/** The modules whose real rows a template may be previewed with. */
export const previewModuleNames = (modules: readonly Module[] = MODULES): string[] => modules.filter((m) => m.templatePreview && m.templatePreviewChoices).map((m) => m.name);
