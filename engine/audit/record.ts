// Writes one audit row inside the caller's transaction, so a rolled-back change leaves no audit row and a
// committed change always has one. The database chains the row (seq, prev_hash, hash) by trigger.
import type { Transaction } from 'sequelize';
import type { Actor } from '../actors';
import type { Database } from '../db/database';
import { inOneStatement, type StatementPart } from '../db/one-statement';

export interface CommandContext {
  actor: Actor;
  tenantId: string;
  requestId?: string;
}

export interface AuditEvent {
  /** `entity.pastTenseVerb`, e.g. `tenant.contactUpdated`. */
  action: string;
  entityType: string;
  entityId?: string;
  /** What changed, never the sensitive values themselves (names of fields, counts, ids). */
  summary?: Record<string, unknown>;
}

export function actorColumns(actor: Actor): { actorType: 'user' | 'system' | 'anonymous'; actorId: string } {
  switch (actor.kind) {
    case 'user':
      return { actorType: 'user', actorId: actor.id };
    case 'system':
      return { actorType: 'system', actorId: actor.id };
    case 'anonymous':
      return { actorType: 'anonymous', actorId: 'anonymous' };
  }
}

export async function recordAudit(db: Database, tx: Transaction, ctx: CommandContext, event: AuditEvent): Promise<void> {
  await db.models.AuditEntry.create(
    {
      tenantId: ctx.tenantId,
      ...actorColumns(ctx.actor),
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId ?? null,
      summary: event.summary ?? {},
      requestId: ctx.requestId ?? null,
    },
    { transaction: tx, returning: false },
  );
}

/**
 * Several audit rows, each with its own actor (e.g. the sign-ups of one group commit), in one INSERT in the
 * caller's transaction: the same rows recordAudit writes one by one, chained in this order at commit. Plain SQL
 * over arrays rather than the model's bulkCreate: hundreds of rows at once are a rush's hot path.
 */
export async function recordAudits(db: Database, tx: Transaction, rows: { ctx: CommandContext; event: AuditEvent }[]): Promise<void> {
  if (rows.length === 0) return;
  await inOneStatement(db, tx, [auditRowsPart(rows)]);
}

/** recordAudits as a part of a statement (engine/db/one-statement.ts), beside the writes it audits. */
export function auditRowsPart(rows: { ctx: CommandContext; event: AuditEvent }[]): StatementPart {
  const actors = rows.map(({ ctx }) => actorColumns(ctx.actor));
  const columns: [unknown[], string][] = [
    [rows.map(({ ctx }) => ctx.tenantId), 'uuid'],
    [actors.map((a) => a.actorType), 'text'],
    [actors.map((a) => a.actorId), 'text'],
    [rows.map(({ event }) => event.action), 'text'],
    [rows.map(({ event }) => event.entityType), 'text'],
    [rows.map(({ event }) => event.entityId ?? null), 'text'],
    [rows.map(({ event }) => JSON.stringify(event.summary ?? {})), 'jsonb'],
    [rows.map(({ ctx }) => ctx.requestId ?? null), 'text'],
  ];
  return (p) => `INSERT INTO audit_log (tenant_id, actor_type, actor_id, action, entity_type, entity_id, summary, request_id, prev_hash, hash)
     SELECT x.tenant_id, x.actor_type, x.actor_id, x.action, x.entity_type, x.entity_id, x.summary, x.request_id, '', ''
       FROM unnest(${p.arrays(columns)}) WITH ORDINALITY
         AS x(tenant_id, actor_type, actor_id, action, entity_type, entity_id, summary, request_id, ord)
      ORDER BY x.ord`;
}
