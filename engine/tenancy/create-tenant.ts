// Creating a tenant is a platform operation, run with the owner role (the application role may not insert
// tenants). It writes the tenant, its host names and the first audit row in one transaction. What the tenant
// starts from (built-in forms, flows, templates) comes after, by the commands themselves (provision.ts).
import { QueryTypes, type Sequelize } from 'sequelize';
import type { TenantSettings } from '../../schemas/types/tenant-settings';
import type { Country, Locale } from '../db/models';
import { validate } from '../validation';
import { recordPlatformAudit } from '../audit/record-platform';

export interface TenantSpec {
  slug: string;
  name: string;
  country: Country;
  defaultLocale: Locale;
  publicHosts: string[];
  adminHosts: string[];
  settings: TenantSettings;
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
