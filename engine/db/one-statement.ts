// Writes that do not read each other's rows, sent to PostgreSQL as ONE statement: each a data-modifying CTE of
// `WITH w0 AS (…), w1 AS (…) SELECT …`, sharing one list of parameters; and reads that do not depend on each other,
// as one SELECT. Why: under a rush every statement waits a turn of the busy event loop for its answer, so a
// batch's cost grows with its round trips more than with its rows (bench:signup). The writes run on one snapshot,
// so none may read what another writes in the same statement — give rows ids made in JavaScript rather than
// reading them back; foreign keys between them are checked at the statement's end, when all are written. The
// final SELECT sees the rows of the transaction's earlier statements, not those of its own writes.
import { QueryTypes, type Transaction } from 'sequelize';
import type { Database } from './database';

/** One statement's parameters: each part adds its values and writes the placeholders it gets. */
export class Params {
  readonly values: unknown[] = [];
  private readonly written = new Map<object, string>();

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }

  /** Arrays of one length each, as unnest's arguments: `$1::uuid[], $2::text[], …`. */
  arrays(columns: readonly (readonly [values: unknown[], type: string])[]): string {
    return columns.map(([values, type]) => `${this.add(values)}::${type}[]`).join(', ');
  }

  /** What `write` gives, written (and its values added) the first time `key` is asked for: parts that read the same rows bind them once. */
  once(key: object, write: () => string): string {
    let text = this.written.get(key);
    if (text === undefined) this.written.set(key, (text = write()));
    return text;
  }
}

/** A statement (a data-modifying one without a WITH of its own, for a CTE; a SELECT, for the end), its values in `p`. */
export type StatementPart = (p: Params) => string;

/** A statement written with its own $1…$n, and their values. */
export interface NumberedQuery {
  sql: string;
  bind: unknown[];
}

/** The writes as one statement, ending in `final` (a SELECT); answers its rows (none without one). */
export async function inOneStatement<T extends object>(db: Database, tx: Transaction, writes: StatementPart[], final?: StatementPart): Promise<T[]> {
  const p = new Params();
  const ctes = writes.map((write, i) => `w${i} AS (${write(p)})`);
  const tail = final ? final(p) : 'SELECT 1';
  const sql = ctes.length > 0 ? `WITH ${ctes.join(',\n')}\n${tail}` : tail;
  const rows = await db.sequelize.query<T>(sql, { bind: p.values, type: QueryTypes.SELECT, transaction: tx });
  return final ? rows : [];
}

/** A statement written with its own $1…$n and values, as a part: renumbered onto the shared parameters. */
export function numberedPart({ sql, bind }: NumberedQuery): StatementPart {
  return (p) => {
    const placed = new Map<number, string>();
    return sql.replace(/\$(\d+)/g, (_, n: string) => {
      const i = Number(n);
      if (i < 1 || i > bind.length) throw new Error(`numberedPart: $${i} has no value`);
      if (!placed.has(i)) placed.set(i, p.add(bind[i - 1]));
      return placed.get(i)!;
    });
  };
}

/**
 * SELECTs that do not depend on each other as one statement: answers each one's rows. The rows come back through
 * JSON, so each SELECT's columns must be JSON-safe (text, integers, booleans, json, arrays of them — a date or a
 * bigint cast to text or integer): then they arrive as pg would give them.
 */
export async function readsInOneStatement<T extends unknown[][]>(db: Database, tx: Transaction, reads: { [K in keyof T]: StatementPart }): Promise<T> {
  const p = new Params();
  const columns = reads.map((read, i) => `(SELECT coalesce(json_agg(r), '[]'::json) FROM (${read(p)}) r) AS r${i}`);
  const [row] = await db.sequelize.query<Record<string, unknown[]>>(`SELECT ${columns.join(',\n')}`, { bind: p.values, type: QueryTypes.SELECT, transaction: tx });
  return reads.map((_, i) => row![`r${i}`]!) as T;
}
