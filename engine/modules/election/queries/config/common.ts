// What the configuration's queries and commands share: the tenant's alphabetical order (its country's language:
// Danish sorts Æ Ø Å after Z, Swedish Å Ä Ö), the read access check, and loading one row or answering 404 (a
// row of another tenant is not seen inside withTenant: RLS answers it exactly like a missing one).
import type { Transaction } from 'sequelize';
import type { Actor } from '../../../../actors';
import type { Database } from '../../../../db/database';
import { NotFoundError } from '../../../../errors';
import { foundUuid } from '../../../../ids';
import { COLLATION, select, tenantFacts, type ElectionDeps } from '../../db';
import { authorize } from '../../policies';

/** `COLLATE "…"` of the tenant's language, to put after a name in ORDER BY (chosen from a fixed list, never input). */
export async function tenantCollation(db: Database, tx: Transaction, tenantId: string): Promise<string> {
  return `COLLATE ${COLLATION[(await tenantFacts(db, tx, tenantId)).country]}`;
}

/** A configuration query: an administrator of the tenant reads inside its transaction. */
export function readConfig<T>(deps: ElectionDeps, actor: Actor, fn: (tx: Transaction) => Promise<T>): Promise<T> {
  authorize(actor, 'election.config.view', { tenantId: actor.tenantId });
  return deps.db.withTenant(actor.tenantId, fn);
}

/** The one row `sql` finds for `id` (bound as $1), or 404. */
export async function oneRow<T extends object>(db: Database, tx: Transaction, sql: string, id: string, bind: unknown[] = []): Promise<T> {
  const [row] = await select<T>(db, tx, sql, [foundUuid(id), ...bind]);
  if (!row) throw new NotFoundError();
  return row;
}

/** "HH:MM" of a PostgreSQL time ("07:30:00"). */
export const hhmm = (time: string): string => String(time).slice(0, 5);
