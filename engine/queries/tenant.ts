import type { Database } from '../db/database';
import type { TenantRow } from '../db/models';
import { NotFoundError } from '../errors';

export async function loadTenant(db: Database, tenantId: string): Promise<TenantRow> {
  const tenant = await db.withTenant(tenantId, (tx) => db.models.Tenant.findByPk(tenantId, { transaction: tx }));
  if (!tenant) throw new NotFoundError();
  return tenant.get({ plain: true });
}
