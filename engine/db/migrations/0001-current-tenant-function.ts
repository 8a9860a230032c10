// The tenant of the current transaction, set by Database.withTenant with set_config(..., true).
// Unset means NULL, and NULL matches no row: a query without a tenant sees nothing.
import type { MigrationFn } from '../migrator';
import { APP_ROLE } from '../roles';

export const up: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    CREATE FUNCTION current_tenant_id() RETURNS uuid LANGUAGE sql STABLE
      AS $$ SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid $$;
    GRANT EXECUTE ON FUNCTION current_tenant_id() TO ${APP_ROLE};`);
};

export const down: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query('DROP FUNCTION current_tenant_id()');
};
