// A change to one part of a tenant's settings, inside the caller's transaction: the tenant row is locked, so
// two administrators saving different parts at once never overwrite each other's part.
import type { Transaction } from 'sequelize';
import type { TenantSettings } from '../../schemas/types/tenant-settings';
import type { Database } from '../db/database';
import { NotFoundError } from '../errors';

/** Writes `change(settings)` over the current settings and returns the settings as they were before. */
export async function updateTenantSettings(db: Database, tx: Transaction, tenantId: string, change: (settings: TenantSettings) => Partial<TenantSettings>): Promise<TenantSettings> {
  const tenant = await db.models.Tenant.findByPk(tenantId, { transaction: tx, lock: tx.LOCK.UPDATE });
  if (!tenant) throw new NotFoundError();
  const { settings } = tenant.get({ plain: true });
  await tenant.update({ settings: { ...settings, ...change(settings) }, updatedAt: new Date() }, { transaction: tx });
  return settings;
}
