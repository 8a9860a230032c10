// The retention epoch (migration 0035: elections before the day the automatic deletion came are left to the manual
// bulk deletion) holds no tenant's data, but every table is under row-level security: with no policy, the
// application role sees none of it; only election_retentions_to_run(), running as the owner, reads it.
import type { MigrationFn } from '../../../db/migrator';

export const up: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query('ALTER TABLE election_retention_epoch ENABLE ROW LEVEL SECURITY');
};

export const down: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query('ALTER TABLE election_retention_epoch DISABLE ROW LEVEL SECURITY');
};
