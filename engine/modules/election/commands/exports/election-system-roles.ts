// Replaces the tenant's mapping of task types to the national election system's role names (a PUT: task types
// left out, or given null, are unmapped; `exported: false` leaves one out of the file on purpose). Refused whole, nothing written: a task type of no such id (another
// tenant's answers the same), one named twice, or a role name a spreadsheet would run as a formula. Audited
// with the ids and the count, in the same transaction.
import { recordAudit, type CommandContext } from '../../../../audit/record';
import { execute, select, type ElectionDeps } from '../../db';
import { electionInvalid } from '../../errors';
import { authorize } from '../../policies';

export interface RoleMappingInput {
  items: { taskTypeId: string; roleName: string | null; exported?: boolean }[];
}

/** A value a spreadsheet would take for a formula (=, +, -, @) or one with control characters. */
const FORMULA = /^[=+\-@]/;
const hasControl = (text: string): boolean => [...text].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);

export async function updateElectionSystemRoles(deps: ElectionDeps, ctx: CommandContext, input: RoleMappingInput): Promise<void> {
  // The mapping is configuration (provisioning sets the demo's); reading the file with its personal numbers is not.
  authorize(ctx.actor, 'election.config.manage', { tenantId: ctx.tenantId });
  const seen = new Set<string>();
  const mapped: { taskTypeId: string; roleName: string | null }[] = [];
  input.items.forEach((item, i) => {
    if (seen.has(item.taskTypeId)) throw electionInvalid(`/items/${i}/taskTypeId`, 'election.taskTypeRepeated', 'The task type is named twice.');
    seen.add(item.taskTypeId);
    if (item.exported === false) {
      mapped.push({ taskTypeId: item.taskTypeId, roleName: null });
      return;
    }
    if (item.roleName === null) return;
    const roleName = item.roleName.trim();
    if (!roleName || FORMULA.test(roleName) || hasControl(roleName)) throw electionInvalid(`/items/${i}/roleName`, 'election.roleNameInvalid', 'The role name is empty, starts like a formula or holds control characters.');
    mapped.push({ taskTypeId: item.taskTypeId, roleName });
  });
  const { db } = deps;
  await db.withTenant(ctx.tenantId, async (tx) => {
    const ids = [...seen];
    const known = new Set((await select<{ id: string }>(db, tx, 'SELECT id FROM task_types WHERE id = ANY($1::uuid[])', [ids])).map((r) => r.id));
    const unknown = input.items.findIndex((item) => !known.has(item.taskTypeId));
    if (unknown >= 0) throw electionInvalid(`/items/${unknown}/taskTypeId`, 'election.unknownTaskType', 'No such task type.');
    await execute(db, tx, 'DELETE FROM election_system_roles');
    if (mapped.length) {
      await execute(
        db,
        tx,
        `INSERT INTO election_system_roles (tenant_id, task_type_id, role_name)
         SELECT $1, m.task_type_id, m.role_name FROM unnest($2::uuid[], $3::text[]) AS m (task_type_id, role_name)`,
        [ctx.tenantId, mapped.map((m) => m.taskTypeId), mapped.map((m) => m.roleName)],
      );
    }
    await recordAudit(db, tx, ctx, {
      action: 'election.electionSystemRolesUpdated',
      entityType: 'electionSystemRoles',
      summary: { mapped: mapped.filter((m) => m.roleName !== null).length, leftOut: mapped.filter((m) => m.roleName === null).length, taskTypeIds: mapped.map((m) => m.taskTypeId) },
    });
  });
}
