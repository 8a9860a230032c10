// Grants belong to the modules: a module declares the kinds its policies read (Module.grantKinds), so the
// table no longer lists them. The check that named two kinds becomes one on their form (a name of letters),
// and a module adding a kind needs no migration. Undoing it restores the two-kind check.
import type { MigrationFn } from '../migrator';

export const up: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    ALTER TABLE responsibility_grants DROP CONSTRAINT responsibility_grants_kind_check;
    ALTER TABLE responsibility_grants ADD CONSTRAINT responsibility_grants_kind_check CHECK (kind ~ '^[a-z][A-Za-z]{1,40}$');`);
};

export const down: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    ALTER TABLE responsibility_grants DROP CONSTRAINT responsibility_grants_kind_check;
    ALTER TABLE responsibility_grants ADD CONSTRAINT responsibility_grants_kind_check CHECK (kind IN ('teamResponsible', 'workLocationResponsible'));`);
};
