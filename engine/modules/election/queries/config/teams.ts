// The tenant's teams (their own fields: nothing of their members or responsible), in its language's
// alphabetical order.
import type { Transaction } from 'sequelize';
import type { Actor } from '../../../../actors';
import type { Database } from '../../../../db/database';
import { select, type ElectionDeps } from '../../db';
import { oneRow, readConfig, tenantCollation } from './common';

export interface TeamRow {
  id: string;
  name: string;
  short_name: string;
  description: string;
  political_party: boolean;
}

const COLUMNS = 'id, name, short_name, description, political_party';

export async function listTeams(deps: ElectionDeps, actor: Actor): Promise<TeamRow[]> {
  return readConfig(deps, actor, async (tx) => select<TeamRow>(deps.db, tx, `SELECT ${COLUMNS} FROM teams ORDER BY name ${await tenantCollation(deps.db, tx, actor.tenantId)}, id`));
}

export const findTeam = (db: Database, tx: Transaction, id: string, lock = false): Promise<TeamRow> =>
  oneRow<TeamRow>(db, tx, `SELECT ${COLUMNS} FROM teams WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, id);

export async function getTeam(deps: ElectionDeps, actor: Actor, id: string): Promise<TeamRow> {
  return readConfig(deps, actor, (tx) => findTeam(deps.db, tx, id));
}
