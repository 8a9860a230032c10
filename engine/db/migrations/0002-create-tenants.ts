import type { MigrationFn } from '../migrator';
import { APP_ROLE } from '../roles';

export const up: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    CREATE TABLE tenants (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{1,39}$'),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      country text NOT NULL CHECK (country IN ('DK', 'SE')),
      default_locale text NOT NULL CHECK (default_locale IN ('da', 'sv', 'en')),
      settings jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    ALTER TABLE tenants ENABLE ROW LEVEL SECURITY;
    CREATE POLICY tenant_isolation ON tenants
      USING (id = current_tenant_id()) WITH CHECK (id = current_tenant_id());
    -- Tenants are created by the platform operator (owner role); the application may only edit its own.
    GRANT SELECT, UPDATE (name, settings, updated_at) ON tenants TO ${APP_ROLE};`);
};

export const down: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query('DROP TABLE tenants');
};
