// Per-tenant message templates: a subject and a body per language, with {{merge fields}}.
import type { MigrationFn } from '../migrator';
import { APP_ROLE } from '../roles';

export const up: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    CREATE TABLE message_templates (
      tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
      key text NOT NULL CHECK (key ~ '^[a-z][A-Za-z0-9-]{0,39}$'),
      subject jsonb NOT NULL,
      body jsonb NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, key)
    );
    ALTER TABLE message_templates ENABLE ROW LEVEL SECURITY;
    CREATE POLICY tenant_isolation ON message_templates USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
    GRANT SELECT, INSERT, UPDATE (subject, body, updated_at) ON message_templates TO ${APP_ROLE};`);
};

export const down: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query('DROP TABLE message_templates');
};
