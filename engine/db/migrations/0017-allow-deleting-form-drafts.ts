// Administrators may delete a form that was never published (a draft they gave up on). Published forms
// stay: submissions refer to their versions. The command checks that; the grant only makes it possible.
import type { MigrationFn } from '../migrator';
import { APP_ROLE } from '../roles';

export const up: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query(`GRANT DELETE ON form_definitions TO ${APP_ROLE}`);
};

export const down: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query(`REVOKE DELETE ON form_definitions FROM ${APP_ROLE}`);
};
