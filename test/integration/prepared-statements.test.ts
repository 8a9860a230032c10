// Repeated statements planned once per connection (engine/db/prepared-statements.ts): a parameterised statement
// is named on its second use and PostgreSQL then holds it prepared on the connection; a one-off text, a statement
// without parameters and the texts past the bound stay unnamed; and a prepared statement's plan, generic or not,
// still sees only the tenant of the transaction it runs in (row-level security reads the tenant at execution).
import { QueryTypes, type Transaction } from 'sequelize';
import { MAX_NAMED, StatementNames } from '../../engine/db/prepared-statements';
import { createTestTenant, suiteDatabase, type TestTenant } from '../helpers/factories';

const db = suiteDatabase();
let a: TestTenant;
let b: TestTenant;

beforeAll(async () => {
  [a, b] = await Promise.all([createTestTenant({ name: 'Prepared A Kommune' }), createTestTenant({ name: 'Prepared B Kommune' })]);
});

/** The statements prepared on this transaction's connection whose text contains `marker`. */
const preparedOn = async (tx: Transaction, marker: string) =>
  db.sequelize.query<{ name: string }>('SELECT name FROM pg_prepared_statements WHERE statement LIKE $1 ORDER BY name', { bind: [`%${marker}%`], type: QueryTypes.SELECT, transaction: tx });

const nameOf = (tx: Transaction, marker: string, arg: number) =>
  db.sequelize.query<{ name: string }>(`SELECT name, $1::integer AS arg /* ${marker} */ FROM tenants`, { bind: [arg], type: QueryTypes.SELECT, transaction: tx });

describe('StatementNames', () => {
  it('names a text on its second use, keeps the name, and gives different texts different names', () => {
    const names = new StatementNames();
    expect(names.nameFor('SELECT $1')).toBeUndefined();
    const first = names.nameFor('SELECT $1');
    expect(first).toMatch(/^tingvalla_\d+$/);
    expect(names.nameFor('SELECT $1')).toBe(first);
    expect(names.nameFor('SELECT $2')).toBeUndefined();
    const second = names.nameFor('SELECT $2');
    expect(second).not.toBe(first);
    expect(names.named).toBe(2);
  });

  it(`names at most ${MAX_NAMED} texts; the rest go unnamed however often they come`, () => {
    const names = new StatementNames();
    for (let i = 0; i < MAX_NAMED + 5; i++) {
      names.nameFor(`SELECT ${i}, $1`);
      names.nameFor(`SELECT ${i}, $1`);
    }
    expect(names.named).toBe(MAX_NAMED);
    expect(names.nameFor(`SELECT ${MAX_NAMED + 1}, $1`)).toBeUndefined();
    expect(names.nameFor('SELECT 0, $1')).toBe('tingvalla_1');
  });
});

describe('the application pool', () => {
  it('prepares a repeated parameterised statement on the connection, and not a one-off or one without parameters', async () => {
    const marker = `repeated-${Date.now()}`;
    await db.withTenant(a.id, async (tx) => {
      await nameOf(tx, marker, 1);
      expect(await preparedOn(tx, marker)).toEqual([]);
      const rows = await nameOf(tx, marker, 2);
      expect(rows).toEqual([{ name: 'Prepared A Kommune', arg: 2 }]);
      const prepared = await preparedOn(tx, marker);
      expect(prepared).toHaveLength(1);
      expect(prepared[0]!.name).toMatch(/^tingvalla_\d+$/);
      expect(await nameOf(tx, marker, 3)).toEqual([{ name: 'Prepared A Kommune', arg: 3 }]);
      expect(await preparedOn(tx, marker)).toEqual(prepared);

      const once = `one-off-${Date.now()}`;
      await nameOf(tx, once, 1);
      expect(await preparedOn(tx, once)).toEqual([]);
      const plain = `plain-${Date.now()}`;
      for (let i = 0; i < 3; i++) await db.sequelize.query(`SELECT 1 /* ${plain} */`, { type: QueryTypes.SELECT, transaction: tx });
      expect(await preparedOn(tx, plain)).toEqual([]);
    });
  });

  it('keeps each tenant to its own rows when the same prepared statement runs with a generic plan for two tenants', async () => {
    const marker = `tenants-${Date.now()}`;
    const seen: string[] = [];
    for (let i = 0; i < 8; i++) {
      for (const tenant of [a, b]) {
        await db.withTenant(tenant.id, async (tx) => {
          // A generic plan is one made without the parameters' values; forced here, PostgreSQL's own choice after five runs.
          await db.sequelize.query('SET LOCAL plan_cache_mode = force_generic_plan', { transaction: tx });
          const rows = await nameOf(tx, marker, i);
          expect(rows).toEqual([{ name: tenant.name, arg: i }]);
          seen.push(...(await preparedOn(tx, marker)).map((r) => r.name));
        });
      }
    }
    expect(seen.length).toBeGreaterThan(0);
    expect(new Set(seen).size).toBe(1);
  });
});
