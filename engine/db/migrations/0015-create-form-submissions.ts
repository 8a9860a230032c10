// Filled forms. The answers are sealed with the tenant's key (they hold personal data); the row keeps the
// definition and version they were validated against. Modules attach their meaning (a sign-up, a petition)
// by referring to a submission, never by keeping their own copy.
import type { MigrationFn } from '../migrator';
import { APP_ROLE } from '../roles';

export const up: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    CREATE TABLE form_submissions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL,
      definition_id uuid NOT NULL,
      version integer NOT NULL,
      answers_sealed bytea NOT NULL,
      submitted_by uuid REFERENCES users (id) ON DELETE SET NULL,
      submitted_at timestamptz NOT NULL DEFAULT now(),
      FOREIGN KEY (tenant_id, definition_id, version) REFERENCES form_versions (tenant_id, definition_id, version) ON DELETE CASCADE
    );
    CREATE INDEX form_submissions_definition ON form_submissions (tenant_id, definition_id, version, submitted_at);
    ALTER TABLE form_submissions ENABLE ROW LEVEL SECURITY;
    CREATE POLICY tenant_isolation ON form_submissions USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
    GRANT SELECT, INSERT, DELETE ON form_submissions TO ${APP_ROLE};`);
};

export const down: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query('DROP TABLE form_submissions');
};
