// Published form versions, immutable: the application may insert and read, never change or delete one, so
// every submission keeps the exact form it was filled against.
import type { MigrationFn } from '../migrator';
import { APP_ROLE } from '../roles';

export const up: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    CREATE TABLE form_versions (
      tenant_id uuid NOT NULL,
      definition_id uuid NOT NULL,
      version integer NOT NULL CHECK (version >= 1),
      definition jsonb NOT NULL,
      content_hash text NOT NULL,
      published_at timestamptz NOT NULL DEFAULT now(),
      published_by text NOT NULL,
      PRIMARY KEY (tenant_id, definition_id, version),
      FOREIGN KEY (tenant_id, definition_id) REFERENCES form_definitions (tenant_id, id) ON DELETE CASCADE
    );
    ALTER TABLE form_versions ENABLE ROW LEVEL SECURITY;
    CREATE POLICY tenant_isolation ON form_versions USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
    GRANT SELECT, INSERT ON form_versions TO ${APP_ROLE};`);
};

export const down: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query('DROP TABLE form_versions');
};
