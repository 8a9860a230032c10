// The tenant's team and work-location responsibilities, as administrators see them: who, what kind, about
// which team or work location, since when. Only the module's own kinds (other modules may grant others).
import type { CommandContext } from '../../../audit/record';
import type { ElectionResponsibilityGrant } from '../../../../schemas/types/election-responsibility-grant-record';
import { select, type ElectionDeps } from '../db';
import { authorize } from '../policies';

export type ElectionGrantKind = ElectionResponsibilityGrant['kind'];

/** The grant kinds of election staffing and the table each one's scopeId names a row of. */
export const GRANT_SCOPES: Record<ElectionGrantKind, 'teams' | 'work_locations'> = {
  teamResponsible: 'teams',
  workLocationResponsible: 'work_locations',
};

export const ELECTION_GRANT_KINDS = Object.keys(GRANT_SCOPES) as ElectionGrantKind[];

export interface GrantRow {
  id: string;
  user_id: string;
  kind: ElectionGrantKind;
  scope_id: string;
  granted_at: Date;
}

export const GRANT_COLUMNS = 'id, user_id, kind, scope_id, granted_at';

export const presentGrant = (row: GrantRow): ElectionResponsibilityGrant => ({
  id: row.id,
  userId: row.user_id,
  kind: row.kind,
  scopeId: row.scope_id,
  grantedAt: new Date(row.granted_at).toISOString(),
});

export async function listResponsibilities(deps: ElectionDeps, ctx: CommandContext): Promise<ElectionResponsibilityGrant[]> {
  authorize(ctx.actor, 'election.responsibilities.manage', { tenantId: ctx.tenantId });
  const rows = await deps.db.withTenant(ctx.tenantId, (tx) =>
    select<GrantRow>(deps.db, tx, `SELECT ${GRANT_COLUMNS} FROM responsibility_grants WHERE kind = ANY($1::text[]) ORDER BY granted_at, id`, [ELECTION_GRANT_KINDS]),
  );
  return rows.map(presentGrant);
}
