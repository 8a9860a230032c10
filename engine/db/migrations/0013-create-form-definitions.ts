// Form definitions: one row per form a tenant has (signup template, consent statement, petition form, …),
// holding the draft an administrator edits. Published versions are frozen in form_versions.
import type { MigrationFn } from '../migrator';
import { APP_ROLE } from '../roles';

export const up: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    CREATE TABLE form_definitions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('signupTemplate', 'consentStatement', 'taskTypeFields', 'petitionForm', 'profile')),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      -- Where a built-in definition came from (forms/builtin/<file>), so a tenant's copy can be told apart.
      builtin text,
      draft jsonb NOT NULL CHECK (octet_length(draft::text) <= 262144),
      latest_version integer NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (tenant_id, id)
    );
    ALTER TABLE form_definitions ENABLE ROW LEVEL SECURITY;
    CREATE POLICY tenant_isolation ON form_definitions USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
    GRANT SELECT, INSERT, UPDATE ON form_definitions TO ${APP_ROLE};`);
};

export const down: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query('DROP TABLE form_definitions');
};
