// deletePersonalData on a form submission erases its answers and keeps the row (the flow and the audit log refer to it).
import type { MigrationFn } from '../migrator';
import { APP_ROLE } from '../roles';

export const up: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    ALTER TABLE form_submissions ALTER COLUMN answers_sealed DROP NOT NULL;
    ALTER TABLE form_submissions ADD COLUMN erased_at timestamptz;
    GRANT UPDATE (answers_sealed, erased_at) ON form_submissions TO ${APP_ROLE};`);
};

export const down: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query('ALTER TABLE form_submissions DROP COLUMN erased_at');
};
