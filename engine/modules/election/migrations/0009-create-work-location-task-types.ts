// The task types a work location uses.
import type { MigrationFn } from '../../../db/migrator';
import { APP_ROLE } from '../../../db/roles';

export const up: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    CREATE TABLE work_location_task_types (
      tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
      work_location_id uuid NOT NULL,
      task_type_id uuid NOT NULL,
      PRIMARY KEY (tenant_id, work_location_id, task_type_id),
      FOREIGN KEY (tenant_id, work_location_id) REFERENCES work_locations (tenant_id, id) ON DELETE CASCADE,
      FOREIGN KEY (tenant_id, task_type_id) REFERENCES task_types (tenant_id, id) ON DELETE CASCADE
    );
    ALTER TABLE work_location_task_types ENABLE ROW LEVEL SECURITY;
    CREATE POLICY tenant_isolation ON work_location_task_types USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
    GRANT SELECT, INSERT, UPDATE, DELETE ON work_location_task_types TO ${APP_ROLE};`);
};

export const down: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query('DROP TABLE work_location_task_types');
};
