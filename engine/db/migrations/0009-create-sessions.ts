// Server-side sessions: the cookie holds an opaque token, the table only its SHA-256 (the CSRF token is
// derived from the session token, so it needs no column). Idle and absolute
// expiry per site; ended sessions stay until housekeeping purges them, so a logout cannot be replayed.
import type { MigrationFn } from '../migrator';
import { APP_ROLE } from '../roles';

export const up: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    CREATE TABLE sessions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      site text NOT NULL CHECK (site IN ('public', 'admin')),
      token_hash text NOT NULL UNIQUE,
      created_at timestamptz NOT NULL DEFAULT now(),
      last_seen_at timestamptz NOT NULL DEFAULT now(),
      idle_expires_at timestamptz NOT NULL,
      absolute_expires_at timestamptz NOT NULL,
      ended_at timestamptz,
      -- what single logout at the IdP needs: the NameID and SessionIndex of the assertion
      idp_name_id_sealed bytea,
      idp_session_index text
    );
    CREATE INDEX sessions_expiry ON sessions (tenant_id, absolute_expires_at);
    ALTER TABLE sessions ENABLE ROW LEVEL SECURITY;
    CREATE POLICY tenant_isolation ON sessions USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
    GRANT SELECT, INSERT, UPDATE, DELETE ON sessions TO ${APP_ROLE};`);
};

export const down: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query('DROP TABLE sessions');
};
