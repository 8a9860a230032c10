// Work locations (polling stations): create, change, delete. The task types and teams one uses are given as
// sets of ids and replaced whole; an id that is not the tenant's is refused naming it. Deleting is refused while
// an election uses the location, a task slot is at it, or someone is its responsible. Each change audited with
// ids and the names of the changed fields only.
import type { Transaction } from 'sequelize';
import type { ElectionWorkLocationInput } from '../../../../../schemas/types/election-config-work-location';
import { recordAudit, type CommandContext } from '../../../../audit/record';
import type { Database } from '../../../../db/database';
import { execute, select, type ElectionDeps } from '../../db';
import { electionInvalid } from '../../errors';
import { findWorkLocation, type WorkLocationRow } from '../../queries/config/work-locations';
import { assertKnownIds, assertNameFree, assertUnused, changedFields, checked, writeConfig } from './common';

function fields(input: unknown) {
  const body = checked<ElectionWorkLocationInput>('config-work-location', input);
  return {
    area_id: body.areaId,
    name: body.name.trim(),
    address: (body.address ?? '').trim(),
    postal_code: (body.postalCode ?? '').trim(),
    city: (body.city ?? '').trim(),
    district_number: (body.districtNumber ?? '').trim(),
    task_type_ids: [...(body.taskTypeIds ?? [])],
    team_ids: [...(body.teamIds ?? [])],
  };
}
type Fields = ReturnType<typeof fields>;

async function checkReferences(db: Database, tx: Transaction, location: Fields): Promise<void> {
  const [area] = await select(db, tx, 'SELECT 1 FROM election_areas WHERE id = $1 FOR KEY SHARE', [location.area_id]);
  if (!area) throw electionInvalid('/areaId', 'election.unknownId', 'is not one of this municipality’s areas');
  await assertKnownIds(db, tx, 'task_types', location.task_type_ids, '/taskTypeIds');
  await assertKnownIds(db, tx, 'teams', location.team_ids, '/teamIds');
}

/** The location's task types and teams become exactly these. */
async function replaceSets(db: Database, tx: Transaction, tenantId: string, id: string, location: Fields): Promise<void> {
  await execute(db, tx, 'DELETE FROM work_location_task_types WHERE work_location_id = $1', [id]);
  await execute(db, tx, 'DELETE FROM work_location_teams WHERE work_location_id = $1', [id]);
  if (location.task_type_ids.length) await execute(db, tx, 'INSERT INTO work_location_task_types (tenant_id, work_location_id, task_type_id) SELECT $1, $2, unnest($3::uuid[])', [tenantId, id, location.task_type_ids]);
  if (location.team_ids.length) await execute(db, tx, 'INSERT INTO work_location_teams (tenant_id, work_location_id, team_id) SELECT $1, $2, unnest($3::uuid[])', [tenantId, id, location.team_ids]);
}

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));

export async function createWorkLocation(deps: ElectionDeps, ctx: CommandContext, input: unknown): Promise<WorkLocationRow> {
  const location = fields(input);
  return writeConfig(deps, ctx, '/name', async (tx) => {
    await checkReferences(deps.db, tx, location);
    await assertNameFree(deps.db, tx, ctx.tenantId, 'work_locations', 'name', location.name, '/name');
    const [row] = await select<{ id: string }>(
      deps.db,
      tx,
      'INSERT INTO work_locations (tenant_id, area_id, name, address, postal_code, city, district_number) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id',
      [ctx.tenantId, location.area_id, location.name, location.address, location.postal_code, location.city, location.district_number],
    );
    await replaceSets(deps.db, tx, ctx.tenantId, row!.id, location);
    await recordAudit(deps.db, tx, ctx, { action: 'election.workLocationCreated', entityType: 'electionWorkLocation', entityId: row!.id, summary: { areaId: location.area_id, taskTypeIds: location.task_type_ids, teamIds: location.team_ids } });
    return findWorkLocation(deps.db, tx, ctx.tenantId, row!.id);
  });
}

export async function updateWorkLocation(deps: ElectionDeps, ctx: CommandContext, id: string, input: unknown): Promise<WorkLocationRow> {
  const location = fields(input);
  return writeConfig(deps, ctx, '/name', async (tx) => {
    const before = await findWorkLocation(deps.db, tx, ctx.tenantId, id, true);
    await checkReferences(deps.db, tx, location);
    await assertNameFree(deps.db, tx, ctx.tenantId, 'work_locations', 'name', location.name, '/name', before.id);
    await execute(deps.db, tx, 'UPDATE work_locations SET area_id = $2, name = $3, address = $4, postal_code = $5, city = $6, district_number = $7 WHERE id = $1', [
      before.id,
      location.area_id,
      location.name,
      location.address,
      location.postal_code,
      location.city,
      location.district_number,
    ]);
    await replaceSets(deps.db, tx, ctx.tenantId, before.id, location);
    const { task_type_ids, team_ids, ...plain } = location;
    const changed = [...changedFields({ ...before }, plain), ...(sameSet(before.task_type_ids, task_type_ids) ? [] : ['taskTypeIds']), ...(sameSet(before.team_ids, team_ids) ? [] : ['teamIds'])];
    await recordAudit(deps.db, tx, ctx, { action: 'election.workLocationUpdated', entityType: 'electionWorkLocation', entityId: before.id, summary: { changed, areaId: location.area_id, taskTypeIds: task_type_ids, teamIds: team_ids } });
    return findWorkLocation(deps.db, tx, ctx.tenantId, before.id);
  });
}

/** Its own task-type and team choices go with it; refused while an election, a task slot or a responsible refers to it. */
export async function deleteWorkLocation(deps: ElectionDeps, ctx: CommandContext, id: string): Promise<void> {
  await writeConfig(deps, ctx, '/name', async (tx) => {
    const row = await findWorkLocation(deps.db, tx, ctx.tenantId, id, true);
    await assertUnused(deps.db, tx, row.id, {
      elections: 'SELECT 1 FROM election_work_locations WHERE work_location_id = $1 LIMIT 1',
      taskSlots: 'SELECT 1 FROM task_slots WHERE work_location_id = $1 LIMIT 1',
      responsibles: "SELECT 1 FROM responsibility_grants WHERE kind = 'workLocationResponsible' AND scope_id = $1 LIMIT 1",
    });
    await execute(deps.db, tx, 'DELETE FROM work_locations WHERE id = $1', [row.id]);
    await recordAudit(deps.db, tx, ctx, { action: 'election.workLocationDeleted', entityType: 'electionWorkLocation', entityId: row.id });
  });
}
