// The proposal rate limits (routes/rate-limits.ts, rate-limiter-flexible's RateLimiterPostgres): one row per
// limited key, its points and when they expire (epoch ms). The first three columns are the library's, in its
// order (it inserts `VALUES (key, points, expire)`); the tenant comes from the transaction, as everywhere, and
// the key is a keyed hash of the client address or e-mail (never the address itself) prefixed by the tenant.
// Rows are short-lived: the limiter deletes the ones that expired an hour ago.
import type { MigrationFn } from '../../../db/migrator';
import { APP_ROLE } from '../../../db/roles';

export const up: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    CREATE TABLE petition_rate_limits (
      key varchar(255) PRIMARY KEY,
      points integer NOT NULL DEFAULT 0,
      expire bigint,
      tenant_id uuid NOT NULL DEFAULT current_tenant_id() REFERENCES tenants (id) ON DELETE CASCADE,
      CHECK (starts_with(key, tenant_id::text || ':'))
    );
    CREATE INDEX petition_rate_limits_expire ON petition_rate_limits (tenant_id, expire);
    ALTER TABLE petition_rate_limits ENABLE ROW LEVEL SECURITY;
    CREATE POLICY tenant_isolation ON petition_rate_limits USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
    GRANT SELECT, INSERT, DELETE ON petition_rate_limits TO ${APP_ROLE};
    GRANT UPDATE (points, expire) ON petition_rate_limits TO ${APP_ROLE};`);
};

export const down: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query('DROP TABLE petition_rate_limits');
};
