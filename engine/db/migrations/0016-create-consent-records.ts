// Consents given through a consent statement: per person, with the statement's version and the time, each
// optional consent's answer, and when it was withdrawn. Withdrawing keeps the row (the audit trail of a
// consent is part of the consent).
import type { MigrationFn } from '../migrator';
import { APP_ROLE } from '../roles';

export const up: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    CREATE TABLE consent_records (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL,
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      definition_id uuid NOT NULL,
      version integer NOT NULL,
      submission_id uuid NOT NULL REFERENCES form_submissions (id) ON DELETE CASCADE,
      consents jsonb NOT NULL,
      given_at timestamptz NOT NULL DEFAULT now(),
      withdrawn_at timestamptz,
      FOREIGN KEY (tenant_id, definition_id, version) REFERENCES form_versions (tenant_id, definition_id, version)
    );
    CREATE INDEX consent_records_user ON consent_records (tenant_id, user_id);
    ALTER TABLE consent_records ENABLE ROW LEVEL SECURITY;
    CREATE POLICY tenant_isolation ON consent_records USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
    GRANT SELECT, INSERT ON consent_records TO ${APP_ROLE};
    GRANT UPDATE (withdrawn_at) ON consent_records TO ${APP_ROLE};`);
};

export const down: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query('DROP TABLE consent_records');
};
