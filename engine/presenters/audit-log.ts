import type { AuditLogPage } from '../../schemas/types/api-audit-log-page';
import type { AuditEntryRow } from '../db/models';

export function presentAuditLogPage(rows: AuditEntryRow[], total: number, page: number, pageSize: number, actorNames: Map<string, string> = new Map()): AuditLogPage {
  return {
    entries: rows.map((r) => ({
      seq: Number(r.seq),
      at: new Date(r.createdAt).toISOString(),
      actorKind: r.actorType,
      // A person by name; the system by the part of it that acted, which the admin site names in words.
      actor: r.actorType === 'user' ? (actorNames.get(r.actorId) ?? r.actorId) : r.actorId,
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
