// Host names per tenant and site. A host belongs to one tenant only (primary key); the application
// resolves a request's host through tenant_for_host(), the one read that happens before a tenant is known.
import type { MigrationFn } from '../migrator';
import { APP_ROLE } from '../roles';

export const up: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    CREATE TABLE tenant_hosts (
      host text PRIMARY KEY CHECK (host = lower(host) AND host ~ '^[a-z0-9.-]{1,253}$'),
      tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
      site text NOT NULL CHECK (site IN ('public', 'admin'))
    );
    CREATE INDEX tenant_hosts_tenant ON tenant_hosts (tenant_id);
    ALTER TABLE tenant_hosts ENABLE ROW LEVEL SECURITY;
    CREATE POLICY tenant_isolation ON tenant_hosts USING (tenant_id = current_tenant_id());
    GRANT SELECT ON tenant_hosts TO ${APP_ROLE};

    CREATE FUNCTION tenant_for_host(p_host text) RETURNS TABLE (tenant_id uuid, site text)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
      AS $$ SELECT tenant_id, site FROM tenant_hosts WHERE host = lower(p_host) $$;
    REVOKE ALL ON FUNCTION tenant_for_host(text) FROM PUBLIC;
    GRANT EXECUTE ON FUNCTION tenant_for_host(text) TO ${APP_ROLE};`);
};

export const down: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query('DROP FUNCTION tenant_for_host(text); DROP TABLE tenant_hosts;');
};
