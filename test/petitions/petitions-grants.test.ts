// The application role holds exactly the privileges the petitions need: a vote is inserted or deleted, never
// updated; a vote key is destroyed by update, never deleted (its row records when); the votes per day, the
// timeline and the crossings are written once. Checked in the catalog and by trying.
import { QueryTypes } from 'sequelize';
import { suiteDatabase } from '../helpers/factories';

const db = suiteDatabase();

const privileges = async (table: string) => {
  const [row] = await db.sequelize.query<Record<string, boolean>>(
    `SELECT has_table_privilege(current_user, $1, 'SELECT') AS "select", has_table_privilege(current_user, $1, 'INSERT') AS "insert",
            has_table_privilege(current_user, $1, 'UPDATE') AS "update", has_table_privilege(current_user, $1, 'DELETE') AS "delete",
            has_table_privilege(current_user, $1, 'TRUNCATE') AS "truncate"`,
    { bind: [table], type: QueryTypes.SELECT },
  );
  return Object.entries(row!).filter(([, has]) => has).map(([p]) => p);
};

const updatable = async (table: string) =>
  (
    await db.sequelize.query<{ column_name: string }>(
      "SELECT column_name FROM information_schema.columns WHERE table_name = $1 AND has_column_privilege(current_user, $1, column_name, 'UPDATE') ORDER BY column_name",
      { bind: [table], type: QueryTypes.SELECT },
    )
  ).map((c) => c.column_name);

it('grants each table only what the commands do', async () => {
  expect(await privileges('petition_votes')).toEqual(['select', 'insert', 'delete']);
  expect(await privileges('petition_keys')).toEqual(['select', 'insert']);
  expect(await updatable('petition_keys')).toEqual(['destroyed_at', 'sealed_key']);
  expect(await privileges('petition_vote_counts')).toEqual(['select', 'insert', 'delete']);
  expect(await updatable('petition_vote_counts')).toEqual(['votes']);
  expect(await privileges('petition_vote_days')).toEqual(['select', 'insert']);
  expect(await updatable('petition_vote_days')).toEqual([]);
  expect(await privileges('petition_events')).toEqual(['select', 'insert']);
  expect(await updatable('petition_events')).toEqual([]);
  expect(await privileges('petition_threshold_crossings')).toEqual(['select', 'insert']);
  expect(await updatable('petition_threshold_crossings')).toEqual(['signalled_at']);
  expect(await privileges('petitions')).toEqual(['select', 'insert', 'delete']);
  const columns = await updatable('petitions');
  for (const fixed of ['id', 'tenant_id', 'form_definition_id', 'form_version', 'created_at', 'search']) expect(columns).not.toContain(fixed);
});

it('refuses a change the grants leave out, even inside the tenant', async () => {
  const tenant = '00000000-0000-4000-8000-000000000001';
  const tryAs = (sql: string) => db.withTenant(tenant, (tx) => db.sequelize.query(sql, { transaction: tx }));
  await expect(tryAs("UPDATE petition_votes SET voter_hash = 'x'")).rejects.toThrow(/permission denied/);
  await expect(tryAs('DELETE FROM petition_keys')).rejects.toThrow(/permission denied/);
  await expect(tryAs('UPDATE petition_keys SET petition_id = petition_id')).rejects.toThrow(/permission denied/);
  await expect(tryAs('DELETE FROM petition_events')).rejects.toThrow(/permission denied/);
  await expect(tryAs('UPDATE petition_vote_days SET votes = 1')).rejects.toThrow(/permission denied/);
  await expect(tryAs('DELETE FROM petition_threshold_crossings')).rejects.toThrow(/permission denied/);
  await expect(tryAs('UPDATE petitions SET tenant_id = tenant_id')).rejects.toThrow(/permission denied/);
});
