import { Op, type WhereOptions } from 'sequelize';
import type { AuditLogQuery } from '../../schemas/types/api-audit-log-query';
import type { Actor } from '../actors';
import type { Database } from '../db/database';
import type { AuditEntryRow } from '../db/models';
import { authorize } from '../policies';

export interface AuditLogResult {
  rows: AuditEntryRow[];
  total: number;
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** One page of the tenant's audit log, newest first, filtered by actor, action, entity and date. */
export async function listAuditLog(db: Database, actor: Actor, tenantId: string, query: AuditLogQuery): Promise<AuditLogResult> {
  authorize(actor, 'auditLog.read', { tenantId });
  const where: WhereOptions<AuditEntryRow>[] = [];
  if (query.actor) where.push({ actorId: { [Op.iLike]: `%${escapeLike(query.actor)}%` } });
  if (query.action) where.push({ action: { [Op.iLike]: `${escapeLike(query.action)}%` } });
  if (query.entity) {
    const [type, id] = query.entity.split(':', 2);
    if (type) where.push({ entityType: type });
    if (id) where.push({ entityId: id });
  }
  if (query.from) where.push({ createdAt: { [Op.gte]: new Date(`${query.from}T00:00:00Z`) } });
  if (query.to) where.push({ createdAt: { [Op.lt]: new Date(new Date(`${query.to}T00:00:00Z`).getTime() + 86_400_000) } });
  return db.withTenant(tenantId, async (tx) => {
    const { rows, count } = await db.models.AuditEntry.findAndCountAll({
      where: { [Op.and]: where },
      order: [['seq', 'DESC']],
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
      transaction: tx,
    });
    return { rows: rows.map((r) => r.get({ plain: true })), total: count };
  });
}
