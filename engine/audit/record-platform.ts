// An audit row written by the platform itself with the owner role (tenant creation, built-in content, host
// names), inside the caller's transaction; the database chains it (seq, prev_hash, hash) like any other.
import type { Sequelize, Transaction } from 'sequelize';
import type { AuditEvent } from './record';

export async function recordPlatformAudit(owner: Sequelize, transaction: Transaction, tenantId: string, event: AuditEvent): Promise<void> {
  await owner.query(
    `INSERT INTO audit_log (tenant_id, actor_type, actor_id, action, entity_type, entity_id, summary, prev_hash, hash)
     VALUES ($1::uuid, 'system', 'platform', $2, $3, $4, $5, '', '')`,
    { bind: [tenantId, event.action, event.entityType, event.entityId ?? null, JSON.stringify(event.summary ?? {})], transaction },
  );
}
