// One SAML service provider per tenant and site (the admin site talks to the municipality's employee SSO,
// the public site to citizen e-ID), each with its own entity id, signing and encryption key pair (private
// keys sealed with the tenant's key), and the metadata of the IdP it trusts.
import type { MigrationFn } from '../migrator';
import { APP_ROLE } from '../roles';

export const up: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    CREATE TABLE saml_service_providers (
      tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
      site text NOT NULL CHECK (site IN ('public', 'admin')),
      entity_id text NOT NULL UNIQUE CHECK (length(entity_id) <= 500),
      signing_certificate text NOT NULL,
      signing_key_sealed bytea NOT NULL,
      encryption_certificate text NOT NULL,
      encryption_key_sealed bytea NOT NULL,
      idp_metadata text CHECK (length(idp_metadata) <= 200000),
      min_assurance text NOT NULL DEFAULT 'substantial' CHECK (min_assurance IN ('low', 'substantial', 'high')),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, site)
    );
    ALTER TABLE saml_service_providers ENABLE ROW LEVEL SECURITY;
    CREATE POLICY tenant_isolation ON saml_service_providers USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
    GRANT SELECT, INSERT, UPDATE ON saml_service_providers TO ${APP_ROLE};`);
};

export const down: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query('DROP TABLE saml_service_providers');
};
