// The tenant's work locations (polling stations), of one area when asked, in its language's alphabetical order,
// each with its area's name and the ids of the task types and teams it uses (those in their own alphabetical
// order). Who is responsible for one is a responsibility grant, not shown here.
import type { Transaction } from 'sequelize';
import type { Actor } from '../../../../actors';
import type { Database } from '../../../../db/database';
import { select, type ElectionDeps } from '../../db';
import { oneRow, readConfig, tenantCollation } from './common';

export interface WorkLocationRow {
  id: string;
  area_id: string;
  area_name: string;
  name: string;
  address: string;
  postal_code: string;
  city: string;
  district_number: string;
  task_type_ids: string[];
  team_ids: string[];
}

const columns = (collate: string) => `w.id, w.area_id, a.name AS area_name, w.name, w.address, w.postal_code, w.city, w.district_number,
  ARRAY(SELECT t.id FROM work_location_task_types x JOIN task_types t ON t.id = x.task_type_id WHERE x.work_location_id = w.id ORDER BY t.title ${collate}, t.id)::text[] AS task_type_ids,
  ARRAY(SELECT t.id FROM work_location_teams x JOIN teams t ON t.id = x.team_id WHERE x.work_location_id = w.id ORDER BY t.name ${collate}, t.id)::text[] AS team_ids
  FROM work_locations w JOIN election_areas a ON a.id = w.area_id`;

export async function listWorkLocations(deps: ElectionDeps, actor: Actor, filter: { areaId?: string } = {}): Promise<WorkLocationRow[]> {
  return readConfig(deps, actor, async (tx) => {
    const collate = await tenantCollation(deps.db, tx, actor.tenantId);
    const where = filter.areaId ? 'WHERE w.area_id = $1' : '';
    return select<WorkLocationRow>(deps.db, tx, `SELECT ${columns(collate)} ${where} ORDER BY w.name ${collate}, w.id`, filter.areaId ? [filter.areaId] : []);
  });
}

export async function findWorkLocation(db: Database, tx: Transaction, tenantId: string, id: string, lock = false): Promise<WorkLocationRow> {
  const collate = await tenantCollation(db, tx, tenantId);
  return oneRow<WorkLocationRow>(db, tx, `SELECT ${columns(collate)} WHERE w.id = $1${lock ? ' FOR UPDATE OF w' : ''}`, id);
}

export async function getWorkLocation(deps: ElectionDeps, actor: Actor, id: string): Promise<WorkLocationRow> {
  return readConfig(deps, actor, (tx) => findWorkLocation(deps.db, tx, actor.tenantId, id));
}
