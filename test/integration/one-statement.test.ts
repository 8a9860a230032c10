// Several statements as one (engine/db/one-statement.ts), against the real PostgreSQL: writes as data-modifying
// CTEs that share one list of parameters, a foreign key between two of them checked when both are written, all or
// nothing when one fails, a final SELECT that sees the transaction's earlier rows; statements written with their
// own $1…$n renumbered onto the shared list; arrays bound once for the parts that share them; independent SELECTs
// read in one statement, each answered apart.
import { randomUUID } from 'node:crypto';
import { QueryTypes, type Transaction } from 'sequelize';
import { inOneStatement, numberedPart, Params, readsInOneStatement } from '../../engine/db/one-statement';
import { createTestTenant, suiteDatabase, type TestTenant } from '../helpers/factories';

const db = suiteDatabase();
let t: TestTenant;

beforeAll(async () => {
  t = await createTestTenant();
});

/** Two tables of this transaction only: a parent and a child with a foreign key to it. */
async function tables(tx: Transaction): Promise<void> {
  await db.sequelize.query('CREATE TEMP TABLE parent (id uuid PRIMARY KEY, label text NOT NULL) ON COMMIT DROP', { transaction: tx });
  await db.sequelize.query('CREATE TEMP TABLE child (id uuid PRIMARY KEY, parent_id uuid NOT NULL REFERENCES parent (id)) ON COMMIT DROP', { transaction: tx });
}

const count = async (tx: Transaction, table: 'parent' | 'child') =>
  Number((await db.sequelize.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`, { type: QueryTypes.SELECT, transaction: tx }))[0]!.n);

describe('inOneStatement', () => {
  it('writes rows that refer to each other in one statement, and its final SELECT sees only what was written before it', async () => {
    await db.withTenant(t.id, async (tx) => {
      await tables(tx);
      await db.sequelize.query("INSERT INTO parent VALUES ($1, 'before')", { bind: [randomUUID()], transaction: tx });
      const parents = [randomUUID(), randomUUID()];
      const rows = await inOneStatement<{ label: string }>(
        db,
        tx,
        [
          (p) => `INSERT INTO child (id, parent_id) SELECT gen_random_uuid(), x FROM unnest(${p.add(parents)}::uuid[]) AS x`,
          (p) => `INSERT INTO parent (id, label) SELECT x, ${p.add('now')} FROM unnest(${p.add(parents)}::uuid[]) AS x`,
        ],
        (p) => `SELECT label FROM parent WHERE label <> ${p.add('nothing')} ORDER BY label`,
      );
      expect(rows.map((r) => r.label)).toEqual(['before']);
      expect(await count(tx, 'parent')).toBe(3);
      expect(await count(tx, 'child')).toBe(2);
    });
  });

  it('writes nothing of any part when one of them fails', async () => {
    await db.withTenant(t.id, async (tx) => {
      await tables(tx);
      const savepoint = await db.sequelize.transaction({ transaction: tx });
      const fails = inOneStatement(db, savepoint, [
        (p) => `INSERT INTO parent (id, label) VALUES (${p.add(randomUUID())}, 'kept?')`,
        (p) => `INSERT INTO child (id, parent_id) VALUES (gen_random_uuid(), ${p.add(randomUUID())})`,
      ]);
      await expect(fails).rejects.toThrow(/foreign key/);
      await savepoint.rollback();
      expect(await count(tx, 'parent')).toBe(0);
      expect(await count(tx, 'child')).toBe(0);
    });
  });
});

describe('numberedPart', () => {
  it('moves a statement’s own $1…$n onto the shared parameters, once per value', () => {
    const p = new Params();
    p.add('earlier');
    const sql = numberedPart({ sql: 'SELECT $1::int + $2::int + $1::int', bind: [1, 2] })(p);
    expect(sql).toBe('SELECT $2::int + $3::int + $2::int');
    expect(p.values).toEqual(['earlier', 1, 2]);
  });

  it('refuses a placeholder without a value', () => {
    expect(() => numberedPart({ sql: 'SELECT $1, $3', bind: ['a', 'b'] })(new Params())).toThrow('$3 has no value');
  });
});

describe('Params', () => {
  it('writes unnest’s arguments, one typed placeholder per array', () => {
    const p = new Params();
    expect(p.arrays([[['a'], 'uuid'], [[true], 'boolean']])).toBe('$1::uuid[], $2::boolean[]');
    expect(p.values).toEqual([['a'], [true]]);
  });

  it('binds what several parts share once', () => {
    const p = new Params();
    const shared: [unknown[], string][] = [[[1, 2], 'int']];
    const rows = () => p.once(shared, () => `unnest(${p.arrays(shared)})`);
    expect([rows(), rows()]).toEqual(['unnest($1::int[])', 'unnest($1::int[])']);
    expect(p.values).toEqual([[1, 2]]);
  });

  it('and the statement runs with it', async () => {
    const sum = await db.withTenant(t.id, async (tx) => {
      await tables(tx);
      const ids = [randomUUID(), randomUUID()];
      const key = {};
      const rows = (p: Params) => p.once(key, () => `unnest(${p.arrays([[ids, 'uuid']])}) AS x`);
      await inOneStatement(db, tx, [(p) => `INSERT INTO parent (id, label) SELECT x, 'p' FROM ${rows(p)}`, (p) => `INSERT INTO child (id, parent_id) SELECT gen_random_uuid(), x FROM ${rows(p)}`]);
      return (await count(tx, 'parent')) + (await count(tx, 'child'));
    });
    expect(sum).toBe(4);
  });
});

describe('readsInOneStatement', () => {
  it('answers each SELECT its own rows, as pg gives them', async () => {
    const [numbers, words, none] = await db.withTenant(t.id, (tx) =>
      readsInOneStatement<[{ n: number; even: boolean }[], { word: string; doc: { k: number[] } }[], unknown[]]>(db, tx, [
        numberedPart({ sql: 'SELECT n, n % 2 = 0 AS even FROM generate_series(1, $1::int) AS n ORDER BY n', bind: [3] }),
        numberedPart({ sql: "SELECT $1::text AS word, jsonb_build_object('k', ARRAY[$2::int, 5]) AS doc", bind: ['hej', 4] }),
        (p) => `SELECT 1 FROM generate_series(1, 0) WHERE ${p.add(true)}::boolean`,
      ]),
    );
    expect(numbers).toEqual([
      { n: 1, even: false },
      { n: 2, even: true },
      { n: 3, even: false },
    ]);
    expect(words).toEqual([{ word: 'hej', doc: { k: [4, 5] } }]);
    expect(none).toEqual([]);
  });
});
