// The teams a work location uses.
import type { MigrationFn } from '../../../db/migrator';
import { APP_ROLE } from '../../../db/roles';

export const up: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    CREATE TABLE work_location_teams (
      tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
      work_location_id uuid NOT NULL,
      team_id uuid NOT NULL,
      PRIMARY KEY (tenant_id, work_location_id, team_id),
      FOREIGN KEY (tenant_id, work_location_id) REFERENCES work_locations (tenant_id, id) ON DELETE CASCADE,
      FOREIGN KEY (tenant_id, team_id) REFERENCES teams (tenant_id, id) ON DELETE CASCADE
    );
    ALTER TABLE work_location_teams ENABLE ROW LEVEL SECURITY;
    CREATE POLICY tenant_isolation ON work_location_teams USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
    GRANT SELECT, INSERT, UPDATE, DELETE ON work_location_teams TO ${APP_ROLE};`);
};

export const down: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query('DROP TABLE work_location_teams');
};
