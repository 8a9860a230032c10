// The number of rows in every table of some databases of one server: what a restore drill compares between the
// source at backup time and the restored server. Unlogged tables are left out: PostgreSQL empties them in any
// recovery, a restore included (Tingvalla has none; a later one would otherwise show as a false difference).
import { QueryTypes } from 'sequelize';
import { createSequelize } from '../db/database';

/** "database.schema.table" → rows. */
export type TableCounts = Map<string, number>;

/** `serverUrl`: any database's owner URL on the server; its path is replaced by each database's name. */
export async function countRows(serverUrl: string, databases: string[]): Promise<TableCounts> {
  const counts: TableCounts = new Map();
  for (const database of databases) {
    const url = new URL(serverUrl);
    url.pathname = `/${database}`;
    const db = createSequelize(url.toString());
    try {
      const tables = await db.query<{ schema: string; name: string }>(
        `SELECT n.nspname AS schema, c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE c.relkind = 'r' AND c.relpersistence = 'p' AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%'
          ORDER BY 1, 2`,
        { type: QueryTypes.SELECT },
      );
      for (const t of tables) {
        const quoted = `"${t.schema.replace(/"/g, '""')}"."${t.name.replace(/"/g, '""')}"`;
        const [row] = await db.query<{ n: string }>(`SELECT count(*) AS n FROM ${quoted}`, { type: QueryTypes.SELECT });
        counts.set(`${database}.${t.schema}.${t.name}`, Number(row!.n));
      }
    } finally {
      await db.close();
    }
  }
  return counts;
}

export interface CountComparison {
  tables: number;
  rows: number;
  /** Tables whose count differs from what it must be, as "table: expected … got …". */
  differences: string[];
}

/**
 * The restored counts against the source's taken just before and just after the backup: a table that did not change
 * meanwhile must have exactly that count; one that did (something wrote during the copy) one between the two.
 */
export function compareCounts(before: TableCounts, after: TableCounts, restored: TableCounts): CountComparison {
  const differences: string[] = [];
  let rows = 0;
  for (const [table, b] of before) {
    const a = after.get(table) ?? b;
    const r = restored.get(table);
    rows += r ?? 0;
    if (r === undefined) differences.push(`${table}: missing in the restored server`);
    else if (r < Math.min(a, b) || r > Math.max(a, b)) differences.push(`${table}: ${a === b ? `expected ${b}` : `expected ${b}–${a} (it changed during the backup)`}, got ${r}`);
  }
  for (const table of restored.keys()) if (!before.has(table)) differences.push(`${table}: only in the restored server`);
  return { tables: before.size, rows, differences };
}
