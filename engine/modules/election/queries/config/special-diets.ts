// The tenant's special diets, in its language's alphabetical order.
import type { Transaction } from 'sequelize';
import type { Actor } from '../../../../actors';
import type { Database } from '../../../../db/database';
import { select, type ElectionDeps } from '../../db';
import { oneRow, readConfig, tenantCollation } from './common';

export interface SpecialDietRow {
  id: string;
  name: string;
}

export async function listSpecialDiets(deps: ElectionDeps, actor: Actor): Promise<SpecialDietRow[]> {
  return readConfig(deps, actor, async (tx) => select<SpecialDietRow>(deps.db, tx, `SELECT id, name FROM special_diets ORDER BY name ${await tenantCollation(deps.db, tx, actor.tenantId)}, id`));
}

export const findSpecialDiet = (db: Database, tx: Transaction, id: string, lock = false): Promise<SpecialDietRow> =>
  oneRow<SpecialDietRow>(db, tx, `SELECT id, name FROM special_diets WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, id);

export async function getSpecialDiet(deps: ElectionDeps, actor: Actor, id: string): Promise<SpecialDietRow> {
  return readConfig(deps, actor, (tx) => findSpecialDiet(deps.db, tx, id));
}
