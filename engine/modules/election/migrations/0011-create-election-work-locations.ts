// The polling stations an election uses (its setup's third step).
import type { MigrationFn } from '../../../db/migrator';
import { APP_ROLE } from '../../../db/roles';

export const up: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    CREATE TABLE election_work_locations (
      tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
      election_id uuid NOT NULL,
      work_location_id uuid NOT NULL,
      PRIMARY KEY (tenant_id, election_id, work_location_id),
      FOREIGN KEY (tenant_id, election_id) REFERENCES elections (tenant_id, id) ON DELETE CASCADE,
      FOREIGN KEY (tenant_id, work_location_id) REFERENCES work_locations (tenant_id, id) ON DELETE CASCADE
    );
    ALTER TABLE election_work_locations ENABLE ROW LEVEL SECURITY;
    CREATE POLICY tenant_isolation ON election_work_locations USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
    GRANT SELECT, INSERT, UPDATE, DELETE ON election_work_locations TO ${APP_ROLE};`);
};

export const down: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query('DROP TABLE election_work_locations');
};
