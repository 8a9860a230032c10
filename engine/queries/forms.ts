// Reading forms: the admin's list and detail (draft and versions), a published version (public), and a
// form's submissions opened with the tenant key (administrators).
import { QueryTypes } from 'sequelize';
import type { FormDefinitionDraft } from '../../schemas/types/forms-form-definition-draft';
import type { Actor } from '../actors';
import type { Keyring } from '../crypto/keyring';
import type { Database } from '../db/database';
import { NotFoundError } from '../errors';
import { authorize } from '../policies';
import { openAnswers, SUBMISSION_KEY_PURPOSE } from '../forms/sealed-answers';
import { foundUuid } from '../ids';


export interface FormSummary {
  id: string;
  kind: string;
  name: string;
  builtin: string | null;
  latestVersion: number;
  updatedAt: string;
  /** The flow each new submission starts, if one is attached. */
  flowId?: string | null;
}

export interface FormVersionSummary {
  version: number;
  contentHash: string;
  publishedAt: string;
}

export async function listForms(db: Database, actor: Actor): Promise<FormSummary[]> {
  authorize(actor, 'forms.manage', { tenantId: actor.tenantId });
  const rows = await db.withTenant(actor.tenantId, (tx) =>
    db.sequelize.query<{ id: string; kind: string; name: string; builtin: string | null; latest_version: number; updated_at: Date; flow_definition_id: string | null }>(
      'SELECT id, kind, name, builtin, latest_version, updated_at, flow_definition_id FROM form_definitions ORDER BY name, id',
      { type: QueryTypes.SELECT, transaction: tx },
    ),
  );
  return rows.map((r) => ({ id: r.id, kind: r.kind, name: r.name, builtin: r.builtin, latestVersion: r.latest_version, updatedAt: new Date(r.updated_at).toISOString(), flowId: r.flow_definition_id }));
}

/** `slug`: the form's readable address on the public site, given when it is first published (null before). */
export async function loadForm(db: Database, actor: Actor, id: string): Promise<FormSummary & { slug: string | null; draft: FormDefinitionDraft; versions: FormVersionSummary[] }> {
  authorize(actor, 'forms.manage', { tenantId: actor.tenantId });
  foundUuid(id);
  return db.withTenant(actor.tenantId, async (tx) => {
    const [row] = await db.sequelize.query<{ id: string; kind: string; name: string; builtin: string | null; latest_version: number; updated_at: Date; slug: string | null; draft: FormDefinitionDraft }>(
      'SELECT id, kind, name, builtin, latest_version, updated_at, slug, draft FROM form_definitions WHERE id = $1',
      { bind: [id], type: QueryTypes.SELECT, transaction: tx },
    );
    if (!row) throw new NotFoundError();
    const versions = await db.sequelize.query<{ version: number; content_hash: string; published_at: Date }>('SELECT version, content_hash, published_at FROM form_versions WHERE definition_id = $1 ORDER BY version DESC', {
      bind: [id],
      type: QueryTypes.SELECT,
      transaction: tx,
    });
    return {
      id: row.id,
      kind: row.kind,
      name: row.name,
      builtin: row.builtin,
      latestVersion: row.latest_version,
      updatedAt: new Date(row.updated_at).toISOString(),
      slug: row.slug,
      draft: row.draft,
      versions: versions.map((v) => ({ version: v.version, contentHash: v.content_hash, publishedAt: new Date(v.published_at).toISOString() })),
    };
  });
}

/** A published version, for anyone who may see the site (the public renderer fetches it). `latest` = newest. */
export async function loadFormVersion(db: Database, actor: Actor, id: string, version: number | 'latest'): Promise<{ id: string; version: number; contentHash: string; definition: FormDefinitionDraft }> {
  authorize(actor, 'site.view', { tenantId: actor.tenantId });
  foundUuid(id);
  const [row] = await db.withTenant(actor.tenantId, (tx) =>
    db.sequelize.query<{ version: number; content_hash: string; definition: FormDefinitionDraft }>(
      version === 'latest'
        ? 'SELECT version, content_hash, definition FROM form_versions WHERE definition_id = $1 ORDER BY version DESC LIMIT 1'
        : 'SELECT version, content_hash, definition FROM form_versions WHERE definition_id = $1 AND version = $2',
      { bind: version === 'latest' ? [id] : [id, version], type: QueryTypes.SELECT, transaction: tx },
    ),
  );
  if (!row) throw new NotFoundError();
  return { id, version: row.version, contentHash: row.content_hash, definition: row.definition };
}

/** The newest published version of the form with this readable address (the public site's /forms/<slug>). */
export async function loadFormVersionBySlug(db: Database, actor: Actor, slug: string): Promise<{ id: string; version: number; contentHash: string; definition: FormDefinitionDraft }> {
  authorize(actor, 'site.view', { tenantId: actor.tenantId });
  const [form] = await db.withTenant(actor.tenantId, (tx) =>
    db.sequelize.query<{ id: string }>('SELECT id FROM form_definitions WHERE slug = $1 AND latest_version > 0', { bind: [slug], type: QueryTypes.SELECT, transaction: tx }),
  );
  if (!form) throw new NotFoundError();
  return loadFormVersion(db, actor, form.id, 'latest');
}

export interface SubmissionView {
  id: string;
  version: number;
  submittedAt: string;
  /** null once erased (see erasedAt). */
  answers: Record<string, unknown> | null;
  erasedAt: string | null;
}

export async function listSubmissions(deps: { db: Database; keyring: Keyring }, actor: Actor, id: string, filter: { version?: number; limit: number; offset: number }): Promise<{ total: number; submissions: SubmissionView[] }> {
  authorize(actor, 'submissions.read', { tenantId: actor.tenantId });
  foundUuid(id);
  const { db, keyring } = deps;
  return db.withTenant(actor.tenantId, async (tx) => {
    // A form that does not exist (or is another tenant's) is not found, like on every other form route.
    const [form] = await db.sequelize.query('SELECT 1 FROM form_definitions WHERE id = $1', { bind: [id], type: QueryTypes.SELECT, transaction: tx });
    if (!form) throw new NotFoundError();
    const bind = [id, filter.version ?? null];
    const where = 'definition_id = $1 AND ($2::int IS NULL OR version = $2)';
    const [count] = await db.sequelize.query<{ n: string }>(`SELECT count(*) AS n FROM form_submissions WHERE ${where}`, { bind, type: QueryTypes.SELECT, transaction: tx });
    const rows = await db.sequelize.query<{ id: string; version: number; submitted_at: Date; answers_sealed: Buffer | null; erased_at: Date | null }>(
      `SELECT id, version, submitted_at, answers_sealed, erased_at FROM form_submissions WHERE ${where} ORDER BY submitted_at, id LIMIT $3 OFFSET $4`,
      { bind: [...bind, filter.limit, filter.offset], type: QueryTypes.SELECT, transaction: tx },
    );
    const key = await keyring.dataKey(tx, actor.tenantId, SUBMISSION_KEY_PURPOSE);
    return {
      total: Number(count!.n),
      submissions: rows.map((r) => ({
        id: r.id,
        version: r.version,
        submittedAt: new Date(r.submitted_at).toISOString(),
        // A flow's retention rule erases the answers and keeps the row (receipt, flow and audit refer to it).
        answers: r.answers_sealed ? openAnswers(key, actor.tenantId, { id: r.id, answers_sealed: r.answers_sealed }) : null,
        erasedAt: r.erased_at ? new Date(r.erased_at).toISOString() : null,
      })),
    };
  });
}
