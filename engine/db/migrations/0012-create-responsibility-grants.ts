// Responsibilities on the public site that are data, not IdP privileges: a participant can be made
// responsible for a team or a work location (what OS2valghalla calls team and work-location responsible).
// The scope is the team's or work location's id; those tables arrive with the election module, so there is
// no foreign key yet. Revoking deletes the row (the audit log keeps the history).
import type { MigrationFn } from '../migrator';
import { APP_ROLE } from '../roles';

export const up: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    CREATE TABLE responsibility_grants (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('teamResponsible', 'workLocationResponsible')),
      scope_id uuid NOT NULL,
      granted_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (tenant_id, user_id, kind, scope_id)
    );
    CREATE INDEX responsibility_grants_user ON responsibility_grants (tenant_id, user_id);
    ALTER TABLE responsibility_grants ENABLE ROW LEVEL SECURITY;
    CREATE POLICY tenant_isolation ON responsibility_grants USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
    GRANT SELECT, INSERT, DELETE ON responsibility_grants TO ${APP_ROLE};`);
};

export const down: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query('DROP TABLE responsibility_grants');
};
