// Form definitions as named commands: create, save the draft, publish (freeze the draft as the next numbered
// version), re-publish an old version. Administrators only; every change audited in its own transaction.
import { formKinds } from '../modules/builtins';
import { createHash } from 'node:crypto';
import { QueryTypes, type Transaction } from 'sequelize';
import type { FormCreateInput } from '../../schemas/types/api-form-create';
import type { FormDefinitionDraft } from '../../schemas/types/forms-form-definition-draft';
import { recordAudit, type CommandContext } from '../audit/record';
import type { Database } from '../db/database';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { assertPublishable } from '../forms/publishable';
import { slugify, titleFor, uniqueSlug } from '../forms/slug';
import { authorize } from '../policies';
import { validate } from '../validation';
import { foundUuid } from '../ids';


/** Keys sorted, so the same definition always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

export const contentHash = (definition: unknown): string => createHash('sha256').update(canonicalJson(definition)).digest('hex');

async function lockDefinition(db: Database, tx: Transaction, id: string): Promise<{ draft: FormDefinitionDraft; latest_version: number; kind: string }> {
  foundUuid(id);
  const [row] = await db.sequelize.query<{ draft: FormDefinitionDraft; latest_version: number; kind: string }>('SELECT draft, latest_version, kind FROM form_definitions WHERE id = $1 FOR UPDATE', {
    bind: [id],
    type: QueryTypes.SELECT,
    transaction: tx,
  });
  if (!row) throw new NotFoundError();
  return row;
}

function actorLabel(ctx: CommandContext): string {
  return ctx.actor.kind === 'anonymous' ? 'anonymous' : ctx.actor.id;
}

export async function createForm(db: Database, ctx: CommandContext, input: unknown, builtin?: string): Promise<{ id: string }> {
  authorize(ctx.actor, 'forms.manage', { tenantId: ctx.tenantId });
  const { name, draft } = validate<FormCreateInput>('api/form-create.schema.json', input);
  // Kinds come from the platform and the installed modules, so the schema can only say what a kind looks like.
  if (!formKinds().includes(draft.kind)) throw new ValidationError([{ field: '/draft/kind', message: `must be one of ${formKinds().join(', ')}` }]);
  return db.withTenant(ctx.tenantId, async (tx) => {
    const [row] = await db.sequelize.query<{ id: string }>('INSERT INTO form_definitions (tenant_id, kind, name, builtin, draft) VALUES ($1, $2, $3, $4, $5) RETURNING id', {
      bind: [ctx.tenantId, draft.kind, name, builtin ?? null, JSON.stringify(draft)],
      type: QueryTypes.SELECT,
      transaction: tx,
    });
    await recordAudit(db, tx, ctx, { action: 'form.created', entityType: 'form', entityId: row!.id, summary: { kind: draft.kind, ...(builtin ? { builtin } : {}) } });
    return { id: row!.id };
  });
}

export async function saveFormDraft(db: Database, ctx: CommandContext, id: string, input: unknown): Promise<FormDefinitionDraft> {
  authorize(ctx.actor, 'forms.manage', { tenantId: ctx.tenantId });
  const draft = validate<FormDefinitionDraft>('forms/form-definition-draft.schema.json', input);
  return db.withTenant(ctx.tenantId, async (tx) => {
    const current = await lockDefinition(db, tx, id);
    if (current.kind !== draft.kind) draft.kind = current.kind as FormDefinitionDraft['kind']; // the kind is fixed at creation
    await db.sequelize.query('UPDATE form_definitions SET draft = $2, updated_at = now() WHERE id = $1', { bind: [id, JSON.stringify(draft)], transaction: tx });
    await recordAudit(db, tx, ctx, { action: 'form.draftSaved', entityType: 'form', entityId: id, summary: { fields: Object.keys((draft.schema as { properties?: object } | undefined)?.properties ?? {}).length } });
    return draft;
  });
}

async function insertVersion(db: Database, tx: Transaction, ctx: CommandContext, id: string, version: number, definition: FormDefinitionDraft): Promise<{ version: number; contentHash: string }> {
  const hash = contentHash(definition);
  await db.sequelize.query('INSERT INTO form_versions (tenant_id, definition_id, version, definition, content_hash, published_by) VALUES ($1, $2, $3, $4, $5, $6)', {
    bind: [ctx.tenantId, id, version, JSON.stringify(definition), hash, actorLabel(ctx)],
    transaction: tx,
  });
  await db.sequelize.query('UPDATE form_definitions SET latest_version = $2, updated_at = now() WHERE id = $1', { bind: [id, version], transaction: tx });
  await giveSlugOnce(db, tx, ctx, id, definition);
  return { version, contentHash: hash };
}

/**
 * The form's readable address, made when it is first published and kept after (a link someone saved keeps
 * working when the title changes): its title in the tenant's language, numbered if the tenant has it already.
 */
async function giveSlugOnce(db: Database, tx: Transaction, ctx: CommandContext, id: string, definition: FormDefinitionDraft): Promise<void> {
  const [form] = await db.sequelize.query<{ slug: string | null; locale: string }>('SELECT d.slug, t.default_locale AS locale FROM form_definitions d JOIN tenants t ON t.id = d.tenant_id WHERE d.id = $1', {
    bind: [id],
    type: QueryTypes.SELECT,
    transaction: tx,
  });
  if (!form || form.slug) return;
  const base = slugify(titleFor(definition.title, form.locale), form.locale);
  const taken = await db.sequelize.query<{ slug: string }>("SELECT slug FROM form_definitions WHERE tenant_id = $1 AND (slug = $2 OR slug LIKE $2 || '-%')", {
    bind: [ctx.tenantId, base],
    type: QueryTypes.SELECT,
    transaction: tx,
  });
  const slug = uniqueSlug(base, new Set(taken.map((r) => r.slug)));
  await db.sequelize.query('UPDATE form_definitions SET slug = $2 WHERE id = $1', { bind: [id, slug], transaction: tx });
}

/** Freezes the draft as the next version, if it passes the publishable checks; the draft stays editable. */
export async function publishForm(db: Database, ctx: CommandContext, id: string): Promise<{ version: number; contentHash: string }> {
  authorize(ctx.actor, 'forms.manage', { tenantId: ctx.tenantId });
  return db.withTenant(ctx.tenantId, async (tx) => {
    const current = await lockDefinition(db, tx, id);
    const definition = assertPublishable(current.draft);
    const published = await insertVersion(db, tx, ctx, id, current.latest_version + 1, definition);
    await recordAudit(db, tx, ctx, { action: 'form.published', entityType: 'form', entityId: id, summary: published });
    return published;
  });
}

/** Publishes an old version again, as the newest version (old versions themselves never change). */
export async function republishFormVersion(db: Database, ctx: CommandContext, id: string, version: number): Promise<{ version: number; contentHash: string }> {
  authorize(ctx.actor, 'forms.manage', { tenantId: ctx.tenantId });
  return db.withTenant(ctx.tenantId, async (tx) => {
    const current = await lockDefinition(db, tx, id);
    const [old] = await db.sequelize.query<{ definition: FormDefinitionDraft }>('SELECT definition FROM form_versions WHERE definition_id = $1 AND version = $2', { bind: [id, version], type: QueryTypes.SELECT, transaction: tx });
    if (!old) throw new NotFoundError();
    const published = await insertVersion(db, tx, ctx, id, current.latest_version + 1, old.definition);
    await recordAudit(db, tx, ctx, { action: 'form.republished', entityType: 'form', entityId: id, summary: { ...published, from: version } });
    return published;
  });
}

/** Deletes a form that was never published; a published one is kept, since answers refer to its versions. */
export async function deleteForm(db: Database, ctx: CommandContext, id: string): Promise<void> {
  authorize(ctx.actor, 'forms.manage', { tenantId: ctx.tenantId });
  await db.withTenant(ctx.tenantId, async (tx) => {
    const current = await lockDefinition(db, tx, id);
    if (current.latest_version > 0) throw new ConflictError('A published form cannot be deleted; its answers refer to its versions.');
    await db.sequelize.query('DELETE FROM form_definitions WHERE id = $1', { bind: [id], transaction: tx });
    await recordAudit(db, tx, ctx, { action: 'form.deleted', entityType: 'form', entityId: id, summary: { kind: current.kind } });
  });
}
