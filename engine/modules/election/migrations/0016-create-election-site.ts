// The public site's election pages, one row per tenant: the front page's text per language, the FAQ (on or off,
// with its entries), the privacy statement and consent (the tenant's consent forms) and contact information.
import type { MigrationFn } from '../../../db/migrator';
import { APP_ROLE } from '../../../db/roles';

export const up: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    CREATE TABLE election_site (
      tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
      front_page jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(front_page) = 'object' AND octet_length(front_page::text) <= 32768),
      faq_enabled boolean NOT NULL DEFAULT false,
      faq jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(faq) = 'array' AND octet_length(faq::text) <= 65536),
      privacy_form_id uuid,
      consent_enabled boolean NOT NULL DEFAULT true,
      contact jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(contact) = 'object' AND octet_length(contact::text) <= 4000),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id),
      FOREIGN KEY (tenant_id, privacy_form_id) REFERENCES form_definitions (tenant_id, id)
    );
    ALTER TABLE election_site ENABLE ROW LEVEL SECURITY;
    CREATE POLICY tenant_isolation ON election_site USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
    GRANT SELECT, INSERT, UPDATE, DELETE ON election_site TO ${APP_ROLE};`);
};

export const down: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query('DROP TABLE election_site');
};
