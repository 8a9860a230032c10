// Each petition's own vote key: 32 random bytes, sealed with the tenant's key (purpose petitions.voteKeys) and
// bound to the petition. Voters are kept only as HMAC-SHA-256 of their personal number under this key; when the
// vote window closes the key is destroyed (sealed_key set to NULL), so what is left can never be linked to anyone.
import type { MigrationFn } from '../../../db/migrator';
import { APP_ROLE } from '../../../db/roles';

export const up: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    CREATE TABLE petition_keys (
      tenant_id uuid NOT NULL,
      petition_id uuid PRIMARY KEY,
      sealed_key bytea,
      created_at timestamptz NOT NULL DEFAULT now(),
      destroyed_at timestamptz,
      CHECK ((sealed_key IS NULL) = (destroyed_at IS NOT NULL)),
      FOREIGN KEY (tenant_id, petition_id) REFERENCES petitions (tenant_id, id) ON DELETE CASCADE
    );
    ALTER TABLE petition_keys ENABLE ROW LEVEL SECURITY;
    CREATE POLICY tenant_isolation ON petition_keys USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
    GRANT SELECT, INSERT, UPDATE (sealed_key, destroyed_at) ON petition_keys TO ${APP_ROLE};`);
};

export const down: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query('DROP TABLE petition_keys');
};
