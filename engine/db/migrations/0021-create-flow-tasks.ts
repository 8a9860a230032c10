// Tasks that createTask opened, for the inbox of everyone with the assignee role; the decision is written by the workflow's activity when the Update has passed its validator.
import type { MigrationFn } from '../migrator';
import { APP_ROLE } from '../roles';

export const up: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    CREATE TABLE flow_tasks (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL,
      instance_id uuid NOT NULL,
      task_key text NOT NULL,
      role text NOT NULL,
      title jsonb NOT NULL,
      decisions jsonb NOT NULL,
      form_id uuid,
      opened_at timestamptz NOT NULL,
      decision text,
      decided_by text,
      decided_at timestamptz,
      idempotency_key text NOT NULL,
      UNIQUE (tenant_id, idempotency_key),
      FOREIGN KEY (tenant_id, instance_id) REFERENCES flow_instances (tenant_id, id) ON DELETE CASCADE
    );
    CREATE INDEX flow_tasks_open ON flow_tasks (tenant_id, role, opened_at) WHERE decision IS NULL;
    ALTER TABLE flow_tasks ENABLE ROW LEVEL SECURITY;
    CREATE POLICY tenant_isolation ON flow_tasks USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
    GRANT SELECT, INSERT, UPDATE (decision, decided_by, decided_at) ON flow_tasks TO ${APP_ROLE};`);
};

export const down: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query('DROP TABLE flow_tasks');
};
