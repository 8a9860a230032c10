// A task assignment: one person on one task slot, from the invitation (or direct registration, or sign-up) until
// the task is held, answered no, retracted or given up. It is the subject of the slot's invitation flow (subject
// type electionTask, subject id = this row's id): the flow keeps knowing whom it is about after the slot is
// vacated, so "removed from the task" still reaches the person who was removed. The row holds ids only.
// started_at is when its flow was started; NULL while the election is inactive (activation starts them, in the
// order they were made). ended_at is set when the assignment ends before its flow was started, so activation
// leaves it. It goes with the person, the slot and the election.
import type { MigrationFn } from '../../../db/migrator';
import { APP_ROLE } from '../../../db/roles';

export const up: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    CREATE TABLE task_assignments (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
      election_id uuid NOT NULL,
      slot_id uuid NOT NULL,
      participant_id uuid NOT NULL,
      created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
      started_at timestamptz,
      ended_at timestamptz,
      UNIQUE (tenant_id, id),
      FOREIGN KEY (tenant_id, election_id) REFERENCES elections (tenant_id, id) ON DELETE CASCADE,
      FOREIGN KEY (tenant_id, slot_id) REFERENCES task_slots (tenant_id, id) ON DELETE CASCADE,
      FOREIGN KEY (tenant_id, participant_id) REFERENCES participants (tenant_id, id) ON DELETE CASCADE
    );
    CREATE INDEX task_assignments_slot ON task_assignments (tenant_id, slot_id, created_at DESC);
    CREATE INDEX task_assignments_participant ON task_assignments (tenant_id, participant_id);
    CREATE INDEX task_assignments_unstarted ON task_assignments (tenant_id, election_id, created_at) WHERE started_at IS NULL AND ended_at IS NULL;
    ALTER TABLE task_assignments ENABLE ROW LEVEL SECURITY;
    CREATE POLICY tenant_isolation ON task_assignments USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
    GRANT SELECT, INSERT, UPDATE, DELETE ON task_assignments TO ${APP_ROLE};`);
};

export const down: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query('DROP TABLE task_assignments');
};
