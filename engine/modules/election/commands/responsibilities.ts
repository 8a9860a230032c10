// Administrators make a participant responsible for a team or a work location, and take it back. The grant is
// data (the platform's responsibility_grants, of a kind this module declares: module.ts grantKinds), read with
// every request of the person's session, so it counts — and stops counting — at their next click. Its scope is
// checked: a team's responsibility names a team of this tenant, a work location's a work location.
// The person is a participant on the public site: a citizen user of the tenant.
import { recordAudit, type CommandContext } from '../../../audit/record';
import { NotFoundError, ValidationError } from '../../../errors';
import { foundUuid } from '../../../ids';
import { validate } from '../../../validation';
import type { ElectionResponsibilityGrantInput } from '../../../../schemas/types/election-responsibility-grant';
import type { ElectionResponsibilityGrant } from '../../../../schemas/types/election-responsibility-grant-record';
import { select, type ElectionDeps } from '../db';
import { electionInvalid } from '../errors';
import { authorize } from '../policies';
import { ELECTION_GRANT_KINDS, GRANT_COLUMNS, GRANT_SCOPES, presentGrant, type GrantRow } from '../queries/responsibilities';

export async function grantResponsibility(deps: ElectionDeps, ctx: CommandContext, input: unknown): Promise<ElectionResponsibilityGrant> {
  authorize(ctx.actor, 'election.responsibilities.manage', { tenantId: ctx.tenantId });
  const grant = validate<ElectionResponsibilityGrantInput>('election/responsibility-grant.schema.json', input);
  const { db } = deps;
  return db.withTenant(ctx.tenantId, async (tx) => {
    // Under RLS a user, team or work location of another tenant is simply not there: the answer for a missing one.
    const [user] = await select<{ kind: string }>(db, tx, 'SELECT kind FROM users WHERE id = $1', [grant.userId]);
    if (!user) throw new ValidationError([{ field: '/userId', message: 'no such participant' }]);
    if (user.kind !== 'citizen') throw new ValidationError([{ field: '/userId', message: 'responsibilities are for participants on the public site' }]);
    const table = GRANT_SCOPES[grant.kind];
    const [scope] = await select(db, tx, `SELECT 1 FROM ${table} WHERE id = $1`, [grant.scopeId]);
    if (!scope) throw electionInvalid('/scopeId', 'election.unknownScope', grant.kind === 'teamResponsible' ? 'no such team' : 'no such work location', { kind: grant.kind });
    // Granting twice is granting once: the existing grant is returned (and the request still audited).
    const bind = [ctx.tenantId, grant.userId, grant.kind, grant.scopeId];
    const [inserted] = await select<GrantRow>(
      db,
      tx,
      `INSERT INTO responsibility_grants (tenant_id, user_id, kind, scope_id) VALUES ($1, $2, $3, $4)
       ON CONFLICT (tenant_id, user_id, kind, scope_id) DO NOTHING RETURNING ${GRANT_COLUMNS}`,
      bind,
    );
    const [row] = inserted ? [inserted] : await select<GrantRow>(db, tx, `SELECT ${GRANT_COLUMNS} FROM responsibility_grants WHERE tenant_id = $1 AND user_id = $2 AND kind = $3 AND scope_id = $4`, bind);
    await recordAudit(db, tx, ctx, { action: 'election.responsibilityGranted', entityType: 'user', entityId: grant.userId, summary: { kind: grant.kind, scopeId: grant.scopeId } });
    return presentGrant(row!);
  });
}

export async function revokeResponsibility(deps: ElectionDeps, ctx: CommandContext, grantId: string): Promise<void> {
  authorize(ctx.actor, 'election.responsibilities.manage', { tenantId: ctx.tenantId });
  foundUuid(grantId);
  const { db } = deps;
  await db.withTenant(ctx.tenantId, async (tx) => {
    const [row] = await select<GrantRow>(db, tx, `DELETE FROM responsibility_grants WHERE id = $1 AND kind = ANY($2::text[]) RETURNING ${GRANT_COLUMNS}`, [grantId, ELECTION_GRANT_KINDS]);
    if (!row) throw new NotFoundError();
    await recordAudit(db, tx, ctx, { action: 'election.responsibilityRevoked', entityType: 'user', entityId: row.user_id, summary: { kind: row.kind, scopeId: row.scope_id } });
  });
}
