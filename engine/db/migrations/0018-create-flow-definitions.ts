// Flow definitions: a draft that administrators edit, and the number of the latest published version.
import type { MigrationFn } from '../migrator';
import { APP_ROLE } from '../roles';

export const up: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    CREATE TABLE flow_definitions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
      key text NOT NULL CHECK (key ~ '^[a-z][A-Za-z0-9-]{0,39}$'),
      module text NOT NULL,
      draft jsonb NOT NULL,
      latest_version integer NOT NULL DEFAULT 0,
      builtin text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (tenant_id, key),
      UNIQUE (tenant_id, id)
    );
    ALTER TABLE flow_definitions ENABLE ROW LEVEL SECURITY;
    CREATE POLICY tenant_isolation ON flow_definitions USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
    GRANT SELECT, INSERT, UPDATE (draft, latest_version, updated_at) ON flow_definitions TO ${APP_ROLE};`);
};

export const down: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query('DROP TABLE flow_definitions');
};
