// An administrator's check of the tenant's audit chain (engine/audit/verify.ts), in the tenant's transaction.
import type { Actor } from '../actors';
import { verifyAuditChain, type ChainReport } from '../audit/verify';
import type { Database } from '../db/database';
import { authorize } from '../policies';

export async function verifyTenantAuditChain(db: Database, actor: Actor, tenantId: string): Promise<ChainReport> {
  authorize(actor, 'auditLog.read', { tenantId });
  return db.withTenant(tenantId, (tx) => verifyAuditChain(db.sequelize, tenantId, tx));
}
