// A readable address per published form (/forms/<slug>), unique within its tenant. The application sets it
// when a form is first published (engine/commands/forms.ts); forms published before this change get theirs
// here, from their newest version's title in the tenant's language. RLS is the table's, unchanged.
import { QueryTypes } from 'sequelize';
import { slugify, titleFor, uniqueSlug } from '../../forms/slug';
import type { MigrationFn } from '../migrator';

export const up: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    ALTER TABLE form_definitions ADD COLUMN slug text CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 80);
    CREATE UNIQUE INDEX form_definitions_tenant_slug ON form_definitions (tenant_id, slug);`);
  const published = await sequelize.query<{ id: string; tenant_id: string; locale: string; title: Record<string, string> }>(
    `SELECT d.id, d.tenant_id, t.default_locale AS locale, v.definition->'title' AS title
       FROM form_definitions d JOIN tenants t ON t.id = d.tenant_id
       JOIN form_versions v ON v.definition_id = d.id AND v.version = d.latest_version
      WHERE d.latest_version > 0 ORDER BY d.created_at, d.id`,
    { type: QueryTypes.SELECT },
  );
  const taken = new Map<string, Set<string>>();
  for (const form of published) {
    const tenantSlugs = taken.get(form.tenant_id) ?? new Set<string>();
    taken.set(form.tenant_id, tenantSlugs);
    const slug = uniqueSlug(slugify(titleFor(form.title, form.locale), form.locale), tenantSlugs);
    tenantSlugs.add(slug);
    await sequelize.query('UPDATE form_definitions SET slug = $2 WHERE id = $1', { bind: [form.id, slug] });
  }
};

export const down: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query('ALTER TABLE form_definitions DROP COLUMN slug');
};
