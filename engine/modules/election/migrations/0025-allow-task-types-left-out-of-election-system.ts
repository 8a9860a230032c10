// A task type can be left out of the national election system's file on purpose (fine counters, postal-vote
// receivers: nobody needs the election-day system for those tasks), which is not the same as not mapped yet: a
// row with no role name says "left out", no row still says "not mapped" (and the export refuses while one is).
import type { MigrationFn } from '../../../db/migrator';

export const up: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query('ALTER TABLE election_system_roles ALTER COLUMN role_name DROP NOT NULL');
};

export const down: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query('DELETE FROM election_system_roles WHERE role_name IS NULL; ALTER TABLE election_system_roles ALTER COLUMN role_name SET NOT NULL');
};
