// Administrators make participants responsible for a team or a work location, and take it back. The grant
// is data (responsibility_grants), read with every session request, so it takes effect at the next click.
import { QueryTypes } from 'sequelize';
import type { ResponsibilityGrantInput } from '../../schemas/types/api-responsibility-grant';
import { recordAudit, type CommandContext } from '../audit/record';
import type { Database } from '../db/database';
import { NotFoundError, ValidationError } from '../errors';
import { authorize } from '../policies';
import { validate } from '../validation';
import { foundUuid } from '../ids';

export interface ResponsibilityGrant extends ResponsibilityGrantInput {
  id: string;
  grantedAt: string;
}

interface GrantRow {
  id: string;
  user_id: string;
  kind: ResponsibilityGrantInput['kind'];
  scope_id: string;
  granted_at: Date;
}

export const presentGrant = (row: GrantRow): ResponsibilityGrant => ({ id: row.id, userId: row.user_id, kind: row.kind, scopeId: row.scope_id, grantedAt: new Date(row.granted_at).toISOString() });

export async function grantResponsibility(db: Database, ctx: CommandContext, input: unknown): Promise<ResponsibilityGrant> {
  authorize(ctx.actor, 'responsibilities.manage', { tenantId: ctx.tenantId });
  const grant = validate<ResponsibilityGrantInput>('api/responsibility-grant.schema.json', input);
  return db.withTenant(ctx.tenantId, async (tx) => {
    // Under RLS a user of another tenant is simply not there: the same answer as a missing one.
    const [user] = await db.sequelize.query<{ kind: string }>('SELECT kind FROM users WHERE id = $1', { bind: [grant.userId], type: QueryTypes.SELECT, transaction: tx });
    if (!user) throw new ValidationError([{ field: '/userId', message: 'no such participant' }]);
    if (user.kind !== 'citizen') throw new ValidationError([{ field: '/userId', message: 'responsibilities are for participants on the public site' }]);
    // Granting twice is granting once: the existing grant is returned (and the request still audited).
    const bind = [ctx.tenantId, grant.userId, grant.kind, grant.scopeId];
    const [inserted] = await db.sequelize.query<GrantRow>(
      `INSERT INTO responsibility_grants (tenant_id, user_id, kind, scope_id) VALUES ($1, $2, $3, $4)
       ON CONFLICT (tenant_id, user_id, kind, scope_id) DO NOTHING RETURNING id, user_id, kind, scope_id, granted_at`,
      { bind, type: QueryTypes.SELECT, transaction: tx },
    );
    const [row] = inserted
      ? [inserted]
      : await db.sequelize.query<GrantRow>('SELECT id, user_id, kind, scope_id, granted_at FROM responsibility_grants WHERE tenant_id = $1 AND user_id = $2 AND kind = $3 AND scope_id = $4', { bind, type: QueryTypes.SELECT, transaction: tx });
    await recordAudit(db, tx, ctx, { action: 'responsibility.granted', entityType: 'user', entityId: grant.userId, summary: { kind: grant.kind, scopeId: grant.scopeId } });
    return presentGrant(row!);
  });
}

export async function revokeResponsibility(db: Database, ctx: CommandContext, grantId: string): Promise<void> {
  authorize(ctx.actor, 'responsibilities.manage', { tenantId: ctx.tenantId });
  foundUuid(grantId);
  await db.withTenant(ctx.tenantId, async (tx) => {
    const [row] = await db.sequelize.query<GrantRow>('DELETE FROM responsibility_grants WHERE id = $1 RETURNING id, user_id, kind, scope_id, granted_at', { bind: [grantId], type: QueryTypes.SELECT, transaction: tx });
    if (!row) throw new NotFoundError();
    await recordAudit(db, tx, ctx, { action: 'responsibility.revoked', entityType: 'user', entityId: row.user_id, summary: { kind: row.kind, scopeId: row.scope_id } });
  });
}

export async function listResponsibilities(db: Database, ctx: CommandContext): Promise<ResponsibilityGrant[]> {
  authorize(ctx.actor, 'responsibilities.manage', { tenantId: ctx.tenantId });
  const rows = await db.withTenant(ctx.tenantId, (tx) =>
    db.sequelize.query<GrantRow>('SELECT id, user_id, kind, scope_id, granted_at FROM responsibility_grants ORDER BY granted_at, id', { type: QueryTypes.SELECT, transaction: tx }),
  );
  return rows.map(presentGrant);
}
