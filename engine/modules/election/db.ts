// What the election module's commands and queries share: their dependencies and two small SQL helpers.
import { QueryTypes, type Transaction } from 'sequelize';
import type { Keyring } from '../../crypto/keyring';
import type { Database } from '../../db/database';
import type { AuditedRegistry } from '../../registry/audited';

export interface ElectionDeps {
  db: Database;
  keyring: Keyring;
  /** The tenant's civil registry (CPR or Navet), every lookup audited; absent when none is configured. */
  registry?: AuditedRegistry;
}

export function select<T extends object>(db: Database, tx: Transaction, sql: string, bind: unknown[] = []): Promise<T[]> {
  return db.sequelize.query<T>(sql, { bind, type: QueryTypes.SELECT, transaction: tx });
}

/** Runs a statement; answers how many rows it touched. */
export async function execute(db: Database, tx: Transaction, sql: string, bind: unknown[] = []): Promise<number> {
  const [, meta] = await db.sequelize.query(sql, { bind, transaction: tx });
  // Sequelize answers an INSERT's count as a plain number, other statements' as the driver's result.
  return typeof meta === 'number' ? meta : ((meta as { rowCount?: number } | undefined)?.rowCount ?? 0);
}
