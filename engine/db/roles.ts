// The application connects as `tingvalla_app`: not a superuser, not the owner of any table, so
// PostgreSQL's row-level security applies to every query it makes. The owner (migrator) creates it.
import type { Sequelize } from 'sequelize';

export const APP_ROLE = 'tingvalla_app';

export async function ensureAppRole(owner: Sequelize, password: string): Promise<void> {
  // Roles are cluster-wide and CREATE ROLE takes no bind parameters: quote the password as a literal.
  const literal = owner.escape(password);
  await owner.query(`
    DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN
        CREATE ROLE ${APP_ROLE} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD ${literal};
      ELSE
        ALTER ROLE ${APP_ROLE} LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD ${literal};
      END IF;
    END $$;`);
}

/** The app role's URL on the same server and database as the owner's. */
export function appUrlFromOwnerUrl(ownerUrl: string, password: string): string {
  const url = new URL(ownerUrl);
  url.username = APP_ROLE;
  url.password = password;
  return url.toString();
}
