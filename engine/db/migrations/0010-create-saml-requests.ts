// The SAML AuthnRequests this service provider sent, so a Response's InResponseTo can be matched to one
// that exists, is not used yet and has not expired; and the assertion ids already accepted, so no
// assertion logs anybody in twice. Both live in PostgreSQL so the checks hold across restarts and processes.
import type { MigrationFn } from '../migrator';
import { APP_ROLE } from '../roles';

export const up: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    CREATE TABLE saml_requests (
      request_id text PRIMARY KEY CHECK (length(request_id) BETWEEN 16 AND 200),
      tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
      site text NOT NULL CHECK (site IN ('public', 'admin')),
      relay_state text CHECK (length(relay_state) <= 500),
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      used_at timestamptz
    );
    CREATE INDEX saml_requests_expiry ON saml_requests (tenant_id, expires_at);
    ALTER TABLE saml_requests ENABLE ROW LEVEL SECURITY;
    CREATE POLICY tenant_isolation ON saml_requests USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
    GRANT SELECT, INSERT, UPDATE (used_at), DELETE ON saml_requests TO ${APP_ROLE};

    CREATE TABLE saml_assertions_seen (
      tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
      assertion_id text NOT NULL CHECK (length(assertion_id) BETWEEN 1 AND 200),
      issuer text NOT NULL,
      seen_at timestamptz NOT NULL DEFAULT now(),
      keep_until timestamptz NOT NULL,
      PRIMARY KEY (tenant_id, issuer, assertion_id)
    );
    ALTER TABLE saml_assertions_seen ENABLE ROW LEVEL SECURITY;
    CREATE POLICY tenant_isolation ON saml_assertions_seen USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
    GRANT SELECT, INSERT, DELETE ON saml_assertions_seen TO ${APP_ROLE};`);
};

export const down: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query('DROP TABLE saml_assertions_seen; DROP TABLE saml_requests;');
};
