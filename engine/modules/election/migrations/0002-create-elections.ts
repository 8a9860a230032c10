// Elections: title, type, election day, the first and last task date, the lock period (days before the first
// task date in which no one unregisters or deletes their profile), the message template of each event (overridable
// per task type), whether it is active, and how far its setup in steps has come.
import type { MigrationFn } from '../../../db/migrator';
import { APP_ROLE } from '../../../db/roles';

export const up: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    CREATE TABLE elections (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
      title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
      election_type_id uuid NOT NULL,
      election_day date NOT NULL,
      first_task_date date,
      last_task_date date,
      lock_days integer NOT NULL DEFAULT 0 CHECK (lock_days BETWEEN 0 AND 365),
      templates jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(templates) = 'object' AND octet_length(templates::text) <= 4000),
      active boolean NOT NULL DEFAULT false,
      setup_step text NOT NULL DEFAULT 'dates' CHECK (setup_step IN ('dates', 'workLocations', 'messages', 'done')),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (tenant_id, id),
      CHECK (first_task_date IS NULL OR last_task_date IS NULL OR first_task_date <= last_task_date),
      FOREIGN KEY (tenant_id, election_type_id) REFERENCES election_types (tenant_id, id)
    );
    ALTER TABLE elections ENABLE ROW LEVEL SECURITY;
    CREATE POLICY tenant_isolation ON elections USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
    GRANT SELECT, INSERT, UPDATE, DELETE ON elections TO ${APP_ROLE};`);
};

export const down: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query('DROP TABLE elections');
};
