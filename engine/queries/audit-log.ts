import { literal, Op, QueryTypes, type WhereOptions } from 'sequelize';
import type { AuditLogQuery } from '../../schemas/types/api-audit-log-query';
import type { Actor } from '../actors';
import type { Database } from '../db/database';
import type { AuditEntryRow } from '../db/models';
import { authorize } from '../policies';
import { isUuid } from '../ids';

export interface AuditLogResult {
  rows: AuditEntryRow[];
  total: number;
  /** Current display names of the user actors on this page (audit rows themselves hold ids, never names). */
  actorNames: Map<string, string>;
}


function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** One page of the tenant's audit log, newest first, filtered by actor, action, entity and date. */
export async function listAuditLog(db: Database, actor: Actor, tenantId: string, query: AuditLogQuery): Promise<AuditLogResult> {
  authorize(actor, 'auditLog.read', { tenantId });
  const where: WhereOptions<AuditEntryRow>[] = [];
  if (query.actor) {
    // The filter matches the actor id or the current display name of a user actor.
    const pattern = `%${escapeLike(query.actor)}%`;
    where.push({
      [Op.or]: [{ actorId: { [Op.iLike]: pattern } }, { actorId: { [Op.in]: literal(`(SELECT id::text FROM users WHERE display_name ILIKE ${db.sequelize.escape(pattern)})`) } }],
    } as WhereOptions<AuditEntryRow>);
  }
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
    const plain = rows.map((r) => r.get({ plain: true }));
    const userIds = [...new Set(plain.filter((r) => r.actorType === 'user' && isUuid(r.actorId)).map((r) => r.actorId))];
    const names = userIds.length
      ? await db.sequelize.query<{ id: string; display_name: string }>('SELECT id, display_name FROM users WHERE id = ANY($1::uuid[])', { bind: [userIds], type: QueryTypes.SELECT, transaction: tx })
      : [];
    return { rows: plain, total: count, actorNames: new Map(names.map((n) => [n.id, n.display_name])) };
  });
}
