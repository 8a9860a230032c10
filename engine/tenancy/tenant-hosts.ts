// Host names are per tenant and per site, kept in tenant_hosts; a host belongs to one tenant only.
// Changing them is a platform operation (owner role), audited in the tenant's own chain.
import { QueryTypes, type Sequelize } from 'sequelize';
import type { Site } from '../db/database';
import { NotFoundError, ValidationError } from '../errors';
import { recordPlatformAudit } from '../audit/record-platform';

const HOST = /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;

export async function addTenantHost(owner: Sequelize, slug: string, hostInput: string, site: Site): Promise<void> {
  const host = hostInput.trim().toLowerCase();
  if (!HOST.test(host)) throw new ValidationError([{ field: '/host', message: 'must be a host name (letters, digits, hyphens and dots)' }]);
  await owner.transaction(async (transaction) => {
    const [tenant] = await owner.query<{ id: string }>('SELECT id FROM tenants WHERE slug = $1', { bind: [slug], type: QueryTypes.SELECT, transaction });
    if (!tenant) throw new NotFoundError(`no tenant ${slug}`);
    const [taken] = await owner.query<{ tenant_id: string }>('SELECT tenant_id FROM tenant_hosts WHERE host = $1', { bind: [host], type: QueryTypes.SELECT, transaction });
    if (taken) throw new ValidationError([{ field: '/host', message: taken.tenant_id === tenant.id ? 'is already this tenant’s' : 'belongs to another tenant' }]);
    await owner.query('INSERT INTO tenant_hosts (host, tenant_id, site) VALUES ($1, $2, $3)', { bind: [host, tenant.id, site], transaction });
    await recordPlatformAudit(owner, transaction, tenant.id, { action: 'tenant.hostAdded', entityType: 'tenant', entityId: tenant.id, summary: { host, site } });
  });
}

export async function listTenantHosts(owner: Sequelize): Promise<{ slug: string; host: string; site: Site }[]> {
  return owner.query('SELECT t.slug, h.host, h.site FROM tenant_hosts h JOIN tenants t ON t.id = h.tenant_id ORDER BY t.slug, h.site, h.host', { type: QueryTypes.SELECT });
}
