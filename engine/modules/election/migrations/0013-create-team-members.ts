// Team membership. For a team that is a political party this is special-category data (political opinion).
import type { MigrationFn } from '../../../db/migrator';
import { APP_ROLE } from '../../../db/roles';

export const up: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    CREATE TABLE team_members (
      tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
      team_id uuid NOT NULL,
      participant_id uuid NOT NULL,
      joined_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, team_id, participant_id),
      FOREIGN KEY (tenant_id, team_id) REFERENCES teams (tenant_id, id) ON DELETE CASCADE,
      FOREIGN KEY (tenant_id, participant_id) REFERENCES participants (tenant_id, id) ON DELETE CASCADE
    );
    CREATE INDEX team_members_participant ON team_members (tenant_id, participant_id);
    ALTER TABLE team_members ENABLE ROW LEVEL SECURITY;
    CREATE POLICY tenant_isolation ON team_members USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
    GRANT SELECT, INSERT, UPDATE, DELETE ON team_members TO ${APP_ROLE};`);
};

export const down: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query('DROP TABLE team_members');
};
