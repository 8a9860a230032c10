// Published flow versions, immutable (insert and read only): a running instance keeps the exact version it started with. The form versions the flow refers to are pinned with it.
import type { MigrationFn } from '../migrator';
import { APP_ROLE } from '../roles';

export const up: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    CREATE TABLE flow_versions (
      tenant_id uuid NOT NULL,
      definition_id uuid NOT NULL,
      version integer NOT NULL CHECK (version >= 1),
      definition jsonb NOT NULL,
      parameters jsonb NOT NULL,
      pinned_forms jsonb NOT NULL DEFAULT '{}',
      content_hash text NOT NULL,
      published_at timestamptz NOT NULL DEFAULT now(),
      published_by text NOT NULL,
      PRIMARY KEY (tenant_id, definition_id, version),
      FOREIGN KEY (tenant_id, definition_id) REFERENCES flow_definitions (tenant_id, id) ON DELETE CASCADE
    );
    ALTER TABLE flow_versions ENABLE ROW LEVEL SECURITY;
    CREATE POLICY tenant_isolation ON flow_versions USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
    GRANT SELECT, INSERT ON flow_versions TO ${APP_ROLE};`);
};

export const down: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query('DROP TABLE flow_versions');
};
