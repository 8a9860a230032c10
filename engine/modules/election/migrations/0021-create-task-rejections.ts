// Rejected invitations, remembered so the same person is not invited to the same kind of task (task type) of the
// same election again (election.rejectedBefore). The slot becomes vacant at once; this row keeps who said no, to
// what (task type, work location, date as they were then — the slot itself may later be moved or removed: its id
// is then set NULL) and when. It goes with the person (deleting a participant) and with the election.
import type { MigrationFn } from '../../../db/migrator';
import { APP_ROLE } from '../../../db/roles';

export const up: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    CREATE TABLE task_rejections (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
      election_id uuid NOT NULL,
      participant_id uuid NOT NULL,
      task_type_id uuid NOT NULL,
      work_location_id uuid NOT NULL,
      task_date date NOT NULL,
      slot_id uuid,
      on_behalf boolean NOT NULL DEFAULT false,
      rejected_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (tenant_id, id),
      FOREIGN KEY (tenant_id, election_id) REFERENCES elections (tenant_id, id) ON DELETE CASCADE,
      FOREIGN KEY (tenant_id, participant_id) REFERENCES participants (tenant_id, id) ON DELETE CASCADE,
      FOREIGN KEY (tenant_id, task_type_id) REFERENCES task_types (tenant_id, id) ON DELETE CASCADE,
      FOREIGN KEY (tenant_id, work_location_id) REFERENCES work_locations (tenant_id, id) ON DELETE CASCADE,
      FOREIGN KEY (tenant_id, slot_id) REFERENCES task_slots (tenant_id, id) ON DELETE SET NULL (slot_id)
    );
    CREATE INDEX task_rejections_person ON task_rejections (tenant_id, election_id, participant_id, task_type_id);
    CREATE INDEX task_rejections_election ON task_rejections (tenant_id, election_id, rejected_at);
    CREATE INDEX task_rejections_slot ON task_rejections (tenant_id, slot_id) WHERE slot_id IS NOT NULL;
    ALTER TABLE task_rejections ENABLE ROW LEVEL SECURITY;
    CREATE POLICY tenant_isolation ON task_rejections USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
    GRANT SELECT, INSERT, UPDATE, DELETE ON task_rejections TO ${APP_ROLE};`);
};

export const down: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query('DROP TABLE task_rejections');
};
