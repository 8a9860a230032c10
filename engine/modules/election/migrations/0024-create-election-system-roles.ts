// The tenant's mapping of its task types to the role names of the national election system (in Denmark Valg
// Central, whose import accepts the roles "Valgsekretær" and "Tilforordnet"): one row per mapped task type,
// editable by administrators. The election-system export refuses while a task type with accepted slots has none.
import type { MigrationFn } from '../../../db/migrator';
import { APP_ROLE } from '../../../db/roles';

export const up: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    CREATE TABLE election_system_roles (
      tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
      task_type_id uuid NOT NULL,
      role_name text NOT NULL CHECK (length(role_name) BETWEEN 1 AND 100 AND role_name = btrim(role_name)),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, task_type_id),
      FOREIGN KEY (tenant_id, task_type_id) REFERENCES task_types (tenant_id, id) ON DELETE CASCADE
    );
    ALTER TABLE election_system_roles ENABLE ROW LEVEL SECURITY;
    CREATE POLICY tenant_isolation ON election_system_roles USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
    GRANT SELECT, INSERT, UPDATE, DELETE ON election_system_roles TO ${APP_ROLE};`);
};

export const down: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query('DROP TABLE election_system_roles');
};
