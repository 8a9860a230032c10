// Task types: title, short name, description, the hours, the payment (0: none, and then not shown), whether
// it is trusted (never offered on public links), whether it has reminders, the form of its extra fields (kind
// taskTypeFields) and its overrides of the election's message templates.
import type { MigrationFn } from '../../../db/migrator';
import { APP_ROLE } from '../../../db/roles';

export const up: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    CREATE TABLE task_types (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
      title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
      short_name text NOT NULL CHECK (length(short_name) BETWEEN 1 AND 20),
      description text NOT NULL DEFAULT '' CHECK (length(description) <= 4000),
      start_time time NOT NULL,
      end_time time NOT NULL,
      payment numeric(10, 2) NOT NULL DEFAULT 0 CHECK (payment >= 0),
      trusted boolean NOT NULL DEFAULT false,
      reminders boolean NOT NULL DEFAULT true,
      fields_form_id uuid,
      templates jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(templates) = 'object' AND octet_length(templates::text) <= 4000),
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (tenant_id, id),
      CHECK (start_time < end_time),
      FOREIGN KEY (tenant_id, fields_form_id) REFERENCES form_definitions (tenant_id, id)
    );
    ALTER TABLE task_types ENABLE ROW LEVEL SECURITY;
    CREATE POLICY tenant_isolation ON task_types USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
    GRANT SELECT, INSERT, UPDATE, DELETE ON task_types TO ${APP_ROLE};`);
};

export const down: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query('DROP TABLE task_types');
};
