// Task slots: one task on one date at one polling station for one team, vacant or held by a participant who
// is invited, has accepted or has rejected it (issue "Election staffing II" distributes them).
import type { MigrationFn } from '../../../db/migrator';
import { APP_ROLE } from '../../../db/roles';

export const up: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    CREATE TABLE task_slots (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
      election_id uuid NOT NULL,
      work_location_id uuid NOT NULL,
      task_type_id uuid NOT NULL,
      team_id uuid NOT NULL,
      task_date date NOT NULL,
      participant_id uuid,
      state text NOT NULL DEFAULT 'vacant' CHECK (state IN ('vacant', 'invited', 'accepted', 'rejected')),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (tenant_id, id),
      CHECK ((state = 'vacant') = (participant_id IS NULL)),
      FOREIGN KEY (tenant_id, election_id) REFERENCES elections (tenant_id, id) ON DELETE CASCADE,
      FOREIGN KEY (tenant_id, work_location_id) REFERENCES work_locations (tenant_id, id),
      FOREIGN KEY (tenant_id, task_type_id) REFERENCES task_types (tenant_id, id),
      FOREIGN KEY (tenant_id, team_id) REFERENCES teams (tenant_id, id),
      FOREIGN KEY (tenant_id, participant_id) REFERENCES participants (tenant_id, id)
    );
    CREATE INDEX task_slots_election ON task_slots (tenant_id, election_id, work_location_id);
    CREATE INDEX task_slots_participant ON task_slots (tenant_id, participant_id) WHERE participant_id IS NOT NULL;
    ALTER TABLE task_slots ENABLE ROW LEVEL SECURITY;
    CREATE POLICY tenant_isolation ON task_slots USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
    GRANT SELECT, INSERT, UPDATE, DELETE ON task_slots TO ${APP_ROLE};`);
};

export const down: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query('DROP TABLE task_slots');
};
