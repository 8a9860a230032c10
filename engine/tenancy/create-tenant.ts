// Creating a tenant is a platform operation, run with the owner role (the application role may not insert
// tenants). It writes the tenant, its host names and the first audit row in one transaction.
import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import type { TenantSettings } from '../../schemas/types/tenant-settings';
import type { Country, Locale } from '../db/models';
import { validate } from '../validation';
import { builtinFormsFor } from '../../forms/builtin';
import { contentHash } from '../commands/forms';
import { assertPublishable } from '../forms/publishable';
import { addBuiltinFlows } from './builtin-flows';
import { recordPlatformAudit } from '../audit/record-platform';

export interface TenantSpec {
  slug: string;
  name: string;
  country: Country;
  defaultLocale: Locale;
  publicHosts: string[];
  adminHosts: string[];
  settings: TenantSettings;
  /** Give the tenant the built-in forms, flows and message templates (default). Tests of other things leave them out. */
  builtinForms?: boolean;
}

export async function createTenant(owner: Sequelize, spec: TenantSpec): Promise<string> {
  validate<TenantSettings>('tenant-settings.schema.json', spec.settings);
  return owner.transaction(async (transaction) => {
    const [row] = await owner.query<{ id: string }>(
      `INSERT INTO tenants (slug, name, country, default_locale, settings) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      { bind: [spec.slug, spec.name, spec.country, spec.defaultLocale, JSON.stringify(spec.settings)], type: QueryTypes.SELECT, transaction },
    );
    const id = row!.id;
    const hosts = [...spec.publicHosts.map((h) => [h, 'public']), ...spec.adminHosts.map((h) => [h, 'admin'])];
    for (const [host, site] of hosts) {
      await owner.query('INSERT INTO tenant_hosts (host, tenant_id, site) VALUES ($1, $2, $3)', { bind: [host!.toLowerCase(), id, site], transaction });
    }
    await recordPlatformAudit(owner, transaction, id, { action: 'tenant.created', entityType: 'tenant', entityId: id, summary: { slug: spec.slug, hosts: hosts.length } });
    if (spec.builtinForms !== false) {
      await addBuiltinForms(owner, transaction, id, spec.country);
      await addBuiltinFlows(owner, transaction, id);
    }
    return id;
  });
}

export async function tenantIdBySlug(owner: Sequelize, slug: string): Promise<string | undefined> {
  const [row] = await owner.query<{ id: string }>('SELECT id FROM tenants WHERE slug = $1', { bind: [slug], type: QueryTypes.SELECT });
  return row?.id;
}

export async function allTenantIds(owner: Sequelize): Promise<string[]> {
  const rows = await owner.query<{ id: string }>('SELECT id FROM tenants ORDER BY created_at', { type: QueryTypes.SELECT });
  return rows.map((r) => r.id);
}

/** The built-in form definitions (forms/builtin), each as the tenant's own form, published as version 1. */
/** The built-in forms the tenant does not have yet (by file), each published as version 1. */
export async function addBuiltinForms(owner: Sequelize, transaction: Transaction, tenantId: string, country: Country): Promise<void> {
  const existing = await owner.query<{ builtin: string }>('SELECT builtin FROM form_definitions WHERE tenant_id = $1 AND builtin IS NOT NULL', { bind: [tenantId], type: QueryTypes.SELECT, transaction });
  const have = new Set(existing.map((r) => r.builtin));
  for (const { file, name, definition } of builtinFormsFor(country)) {
    if (have.has(file)) continue;
    assertPublishable(definition);
    const [form] = await owner.query<{ id: string }>(
      'INSERT INTO form_definitions (tenant_id, kind, name, builtin, draft, latest_version) VALUES ($1, $2, $3, $4, $5, 1) RETURNING id',
      { bind: [tenantId, definition.kind, name, file, JSON.stringify(definition)], type: QueryTypes.SELECT, transaction },
    );
    const hash = contentHash(definition);
    await owner.query("INSERT INTO form_versions (tenant_id, definition_id, version, definition, content_hash, published_by) VALUES ($1, $2, 1, $3, $4, 'platform')", {
      bind: [tenantId, form!.id, JSON.stringify(definition), hash],
      transaction,
    });
    await recordPlatformAudit(owner, transaction, tenantId, { action: 'form.published', entityType: 'form', entityId: form!.id, summary: { builtin: file, version: 1, contentHash: hash } });
  }
}

/** For tenants made before forms existed: installs the built-in forms if the tenant has no forms at all. */
export async function ensureBuiltinForms(owner: Sequelize, tenantId: string, country: Country): Promise<boolean> {
  return owner.transaction(async (transaction) => {
    const [row] = await owner.query<{ n: string }>('SELECT count(*) AS n FROM form_definitions WHERE tenant_id = $1', { bind: [tenantId], type: QueryTypes.SELECT, transaction });
    if (Number(row!.n) > 0) return false;
    await addBuiltinForms(owner, transaction, tenantId, country);
    return true;
  });
}
