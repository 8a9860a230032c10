// People who log in: citizens (public site, e-ID) and municipal employees (admin site, SSO). A citizen is
// found by the keyed hash of their personal number, never by the number itself, which is stored sealed.
import type { MigrationFn } from '../migrator';
import { APP_ROLE } from '../roles';

export const up: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    CREATE TABLE users (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('citizen', 'employee')),
      -- citizens: HMAC of the personal number (tenant key); employees: HMAC of the IdP's subject
      subject_hash text NOT NULL,
      display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
      roles text[] NOT NULL DEFAULT '{}',
      personal_number_country text CHECK (personal_number_country IN ('DK', 'SE')),
      personal_number_sealed bytea,
      personal_number_masked text,
      created_at timestamptz NOT NULL DEFAULT now(),
      last_login_at timestamptz,
      UNIQUE (tenant_id, kind, subject_hash)
    );
    ALTER TABLE users ENABLE ROW LEVEL SECURITY;
    CREATE POLICY tenant_isolation ON users USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
    GRANT SELECT, INSERT, UPDATE, DELETE ON users TO ${APP_ROLE};`);
};

export const down: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query('DROP TABLE users');
};
