// The tenant's task types with the national election system's role each is exported as (null: not mapped yet,
// or left out of the file on purpose when `left_out`),
// by title in the tenant's language's alphabetical order.
import type { Actor } from '../../../../actors';
import { COLLATION, select, tenantFacts, type ElectionDeps } from '../../db';
import { authorize } from '../../policies';

export interface ElectionSystemRoleRow {
  task_type_id: string;
  title: string;
  short_name: string;
  role_name: string | null;
  left_out: boolean;
}

export async function listElectionSystemRoles(deps: ElectionDeps, actor: Actor, tenantId: string): Promise<ElectionSystemRoleRow[]> {
  authorize(actor, 'election.export.electionSystem', { tenantId });
  return deps.db.withTenant(tenantId, async (tx) => {
    const { country } = await tenantFacts(deps.db, tx, tenantId);
    return select<ElectionSystemRoleRow>(
      deps.db,
      tx,
      `SELECT t.id AS task_type_id, t.title, t.short_name, r.role_name, (r.task_type_id IS NOT NULL AND r.role_name IS NULL) AS left_out
         FROM task_types t LEFT JOIN election_system_roles r ON r.tenant_id = t.tenant_id AND r.task_type_id = t.id
        ORDER BY t.title COLLATE ${COLLATION[country]}, t.id`,
    );
  });
}
