// The tenant's election types and their eligibility rules, in its language's alphabetical order.
import type { Transaction } from 'sequelize';
import type { Actor } from '../../../../actors';
import type { Database } from '../../../../db/database';
import { select, type ElectionDeps } from '../../db';
import type { ElectionTypeRule } from '../../election-type-rules';
import { oneRow, readConfig, tenantCollation } from './common';

export interface ElectionTypeRow {
  id: string;
  name: string;
  rules: ElectionTypeRule[];
}

export async function listElectionTypes(deps: ElectionDeps, actor: Actor): Promise<ElectionTypeRow[]> {
  return readConfig(deps, actor, async (tx) => select<ElectionTypeRow>(deps.db, tx, `SELECT id, name, rules FROM election_types ORDER BY name ${await tenantCollation(deps.db, tx, actor.tenantId)}, id`));
}

export const findElectionType = (db: Database, tx: Transaction, id: string, lock = false): Promise<ElectionTypeRow> =>
  oneRow<ElectionTypeRow>(db, tx, `SELECT id, name, rules FROM election_types WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, id);

export async function getElectionType(deps: ElectionDeps, actor: Actor, id: string): Promise<ElectionTypeRow> {
  return readConfig(deps, actor, (tx) => findElectionType(deps.db, tx, id));
}
