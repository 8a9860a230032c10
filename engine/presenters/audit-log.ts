import type { AuditLogPage } from '../../schemas/types/api-audit-log-page';
import type { AuditEntryRow } from '../db/models';

export function presentAuditLogPage(rows: AuditEntryRow[], total: number, page: number, pageSize: number, actorNames: Map<string, string> = new Map()): AuditLogPage {
  return {
    entries: rows.map((r) => ({
      seq: Number(r.seq),
      at: new Date(r.createdAt).toISOString(),
      actor: r.actorType === 'user' ? (actorNames.get(r.actorId) ?? r.actorId) : `${r.actorType}:${r.actorId}`,
      action: r.action,
      entityType: r.entityType,
      entityId: r.entityId,
      summary: r.summary,
    })),
    total,
    page,
    pageSize,
  };
}
