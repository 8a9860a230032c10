// Each tenant's data keys (one per purpose), stored only wrapped by a master key from configuration.
// Destroying a key (wrapped_key set to NULL) makes everything sealed or hashed with it unreadable for
// good: the cryptographic erasure the petitions module relies on.
import type { MigrationFn } from '../migrator';
import { APP_ROLE } from '../roles';

export const up: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    CREATE TABLE tenant_keys (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
      purpose text NOT NULL CHECK (purpose ~ '^[a-zA-Z][a-zA-Z0-9.:-]{0,119}$'),
      master_key_id text NOT NULL,
      wrapped_key bytea,
      created_at timestamptz NOT NULL DEFAULT now(),
      destroyed_at timestamptz,
      UNIQUE (tenant_id, purpose),
      CHECK ((wrapped_key IS NULL) = (destroyed_at IS NOT NULL))
    );
    ALTER TABLE tenant_keys ENABLE ROW LEVEL SECURITY;
    CREATE POLICY tenant_isolation ON tenant_keys
      USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
    GRANT SELECT, INSERT, UPDATE (master_key_id, wrapped_key, destroyed_at) ON tenant_keys TO ${APP_ROLE};`);
};

export const down: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query('DROP TABLE tenant_keys');
};
