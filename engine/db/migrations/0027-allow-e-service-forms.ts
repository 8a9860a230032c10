// A new kind of form: an e-service (a citizen applies for something), which a flow can be attached to.
import type { MigrationFn } from '../migrator';

export const up: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    ALTER TABLE form_definitions DROP CONSTRAINT form_definitions_kind_check;
    ALTER TABLE form_definitions ADD CONSTRAINT form_definitions_kind_check CHECK (kind IN ('signupTemplate', 'consentStatement', 'taskTypeFields', 'petitionForm', 'profile', 'eService'));`);
};

export const down: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    ALTER TABLE form_definitions DROP CONSTRAINT form_definitions_kind_check;
    ALTER TABLE form_definitions ADD CONSTRAINT form_definitions_kind_check CHECK (kind IN ('signupTemplate', 'consentStatement', 'taskTypeFields', 'petitionForm', 'profile'));`);
};
