// A published form may have a flow attached: each submission starts an instance of that flow's latest version.
import type { MigrationFn } from '../migrator';
import { APP_ROLE } from '../roles';

export const up: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    ALTER TABLE form_definitions ADD COLUMN flow_definition_id uuid;
    ALTER TABLE form_definitions ADD FOREIGN KEY (tenant_id, flow_definition_id) REFERENCES flow_definitions (tenant_id, id);
    GRANT UPDATE (flow_definition_id) ON form_definitions TO ${APP_ROLE};`);
};

export const down: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query('ALTER TABLE form_definitions DROP COLUMN flow_definition_id');
};
