// The tenant's areas, in its language's alphabetical order, each with how many work locations it has.
import type { Transaction } from 'sequelize';
import type { Actor } from '../../../../actors';
import type { Database } from '../../../../db/database';
import { select, type ElectionDeps } from '../../db';
import { oneRow, readConfig, tenantCollation } from './common';

export interface AreaRow {
  id: string;
  name: string;
  work_locations: number;
}

const COLUMNS = 'a.id, a.name, (SELECT count(*)::integer FROM work_locations w WHERE w.area_id = a.id) AS work_locations';

export async function listAreas(deps: ElectionDeps, actor: Actor): Promise<AreaRow[]> {
  return readConfig(deps, actor, async (tx) => select<AreaRow>(deps.db, tx, `SELECT ${COLUMNS} FROM election_areas a ORDER BY a.name ${await tenantCollation(deps.db, tx, actor.tenantId)}, a.id`));
}

/** One area inside the caller's transaction (404 when it is not the tenant's). */
export const findArea = (db: Database, tx: Transaction, id: string, lock = false): Promise<AreaRow> =>
  oneRow<AreaRow>(db, tx, `SELECT ${COLUMNS} FROM election_areas a WHERE a.id = $1${lock ? ' FOR UPDATE OF a' : ''}`, id);

export async function getArea(deps: ElectionDeps, actor: Actor, id: string): Promise<AreaRow> {
  return readConfig(deps, actor, (tx) => findArea(deps.db, tx, id));
}
