// What a citizen's login established, kept on their session: the e-ID's level of assurance, and whether the
// civil registry has them living in the municipality — checked once at login (engine/identity/residency.ts),
// for whatever the site's services need it for, so a later step (a vote) does not have to ask the registry
// and leave an audit row that would tell when, and so for what, the person asked. NULL: not known.
import type { MigrationFn } from '../migrator';
import { APP_ROLE } from '../roles';

export const up: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    ALTER TABLE sessions
      ADD COLUMN assurance text CHECK (assurance IN ('low', 'substantial', 'high')),
      ADD COLUMN resident boolean;
    GRANT UPDATE (resident) ON sessions TO ${APP_ROLE};`);
};

export const down: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query('ALTER TABLE sessions DROP COLUMN assurance, DROP COLUMN resident');
};
