// The deletion after the election, per tenant: how many months after election day the personal data of the
// participants who did not consent to be kept is deleted (default 3, at most 12: the bound the law's "no longer
// than necessary" is read as here), and how long a consent to be kept for the next election lasts (default 48
// months, one election period; at most 60). One row per tenant, absent until an administrator changes a default.
import type { MigrationFn } from '../../../db/migrator';
import { APP_ROLE } from '../../../db/roles';

export const up: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    CREATE TABLE election_retention_settings (
      tenant_id uuid PRIMARY KEY REFERENCES tenants (id) ON DELETE CASCADE,
      months_after_election integer NOT NULL DEFAULT 3 CHECK (months_after_election BETWEEN 1 AND 12),
      consent_months integer NOT NULL DEFAULT 48 CHECK (consent_months BETWEEN 1 AND 60),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    ALTER TABLE election_retention_settings ENABLE ROW LEVEL SECURITY;
    CREATE POLICY tenant_isolation ON election_retention_settings USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
    GRANT SELECT, INSERT, UPDATE ON election_retention_settings TO ${APP_ROLE};`);
};

export const down: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query('DROP TABLE election_retention_settings');
};
