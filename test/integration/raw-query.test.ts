// Database.rawQuery: one statement through pg on the pool's connections (the hot group commits use it). It
// answers the rows with the pool's type parsers, sees what RLS lets it see, fails with PostgreSQL's own error,
// and gives its connection back whether the statement succeeds or fails.
import { Sequelize } from 'sequelize';
import { Database } from '../../engine/db/database';
import { testServices } from '../helpers/env';
import { closeOwnerDb, createTestTenant } from '../helpers/factories';

let db: Database;

beforeAll(() => {
  // A pool of two: a connection kept after a failure would block the third statement below.
  db = new Database(new Sequelize(testServices().appUrl, { dialect: 'postgres', logging: false, pool: { max: 2, min: 0 } }));
});

afterAll(async () => {
  await db.close();
  await closeOwnerDb();
});

it('answers the rows, with bigints as strings, arrays as arrays and timestamps as dates', async () => {
  const rows = await db.rawQuery<{ n: string; a: number[]; t: Date }>('SELECT $1::bigint + 1 AS n, $2::integer[] AS a, $3::timestamptz AS t', ['41', [1, 2], new Date('2026-12-03T10:00:00Z')]);
  expect(rows).toEqual([{ n: '42', a: [1, 2], t: new Date('2026-12-03T10:00:00Z') }]);
});

it('runs under the application role, so row-level security hides a tenant’s rows from a statement that sets no tenant', async () => {
  const tenant = await createTestTenant();
  const rows = await db.rawQuery<{ id: string }>('SELECT id FROM tenants WHERE id = $1', [tenant.id]);
  expect(rows).toEqual([]);
});

it('fails with PostgreSQL’s error and gives the connection back', async () => {
  for (let i = 0; i < 3; i++) {
    await expect(db.rawQuery('SELECT 1 / $1::integer', [0])).rejects.toMatchObject({ code: '22012' }); // division_by_zero
  }
  await expect(db.rawQuery<{ ok: number }>('SELECT 1 AS ok', [])).resolves.toEqual([{ ok: 1 }]);
});
