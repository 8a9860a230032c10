// One row per running or ended flow instance: which version it runs, what it is about (subject type and id, never the subject's data) and its status as the workflow last reported it.
import type { MigrationFn } from '../migrator';
import { APP_ROLE } from '../roles';

export const up: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    CREATE TABLE flow_instances (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL,
      definition_id uuid NOT NULL,
      version integer NOT NULL,
      subject_type text NOT NULL,
      subject_id uuid NOT NULL,
      status text NOT NULL,
      started_at timestamptz NOT NULL DEFAULT now(),
      ended_at timestamptz,
      migrated_from integer,
      UNIQUE (tenant_id, id),
      FOREIGN KEY (tenant_id, definition_id, version) REFERENCES flow_versions (tenant_id, definition_id, version)
    );
    CREATE INDEX flow_instances_by_flow ON flow_instances (tenant_id, definition_id, version, status, started_at DESC);
    CREATE INDEX flow_instances_by_subject ON flow_instances (tenant_id, subject_type, subject_id);
    ALTER TABLE flow_instances ENABLE ROW LEVEL SECURITY;
    CREATE POLICY tenant_isolation ON flow_instances USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
    GRANT SELECT, INSERT, UPDATE (version, status, ended_at, migrated_from) ON flow_instances TO ${APP_ROLE};`);
};

export const down: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query('DROP TABLE flow_instances');
};
