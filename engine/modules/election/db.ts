// What the election module's commands and queries share: their dependencies, two small SQL helpers, and the
// tenant's country and language with the alphabetical order that follows from them.
import { QueryTypes, type Transaction } from 'sequelize';
import type { Keyring } from '../../crypto/keyring';
import type { Database } from '../../db/database';
import type { Country, Locale } from '../../db/models';
import { NotFoundError } from '../../errors';
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

export interface TenantFacts {
  country: Country;
  defaultLocale: Locale;
}

export async function tenantFacts(db: Database, tx: Transaction, tenantId: string): Promise<TenantFacts> {
  const [tenant] = await select<{ country: Country; default_locale: Locale }>(db, tx, 'SELECT country, default_locale FROM tenants WHERE id = $1', [tenantId]);
  if (!tenant) throw new NotFoundError();
  return { country: tenant.country, defaultLocale: tenant.default_locale };
}

/** Danish sorts Æ Ø Å after Z (and AA as Å), Swedish Å Ä Ö: PostgreSQL's predefined ICU collations (indexed in 0017). */
export const COLLATION: Record<Country, string> = { DK: '"da-DK-x-icu"', SE: '"sv-SE-x-icu"' };
