// Invitation links that no longer open their slot, so the public site can say why instead of "unknown link": the
// invitation was retracted (the administrator took the person off the invited slot), or it was answered (accepted
// and later taken off, or rejected). The trigger writes a row whenever a slot's token hash goes away or is
// replaced — whoever makes the change — keeping only the hash (the token itself is nowhere), the slot, the person
// and when they were invited, so the answer can be told apart from a retraction by task_rejections. The rows go
// with the person and with the slot. A replaced link (a fresh one issued) is kept too, and answered like a retracted
// one: that link no longer answers anything.
import type { MigrationFn } from '../../../db/migrator';
import { APP_ROLE } from '../../../db/roles';

export const up: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    CREATE TABLE ended_invitations (
      tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
      token_hash text NOT NULL CHECK (token_hash ~ '^[0-9a-f]{64}$'),
      slot_id uuid NOT NULL,
      participant_id uuid NOT NULL,
      invited_at timestamptz,
      was_accepted boolean NOT NULL,
      ended_at timestamptz NOT NULL DEFAULT clock_timestamp(),
      PRIMARY KEY (tenant_id, token_hash),
      FOREIGN KEY (tenant_id, slot_id) REFERENCES task_slots (tenant_id, id) ON DELETE CASCADE,
      FOREIGN KEY (tenant_id, participant_id) REFERENCES participants (tenant_id, id) ON DELETE CASCADE
    );
    CREATE INDEX ended_invitations_participant ON ended_invitations (tenant_id, participant_id);
    CREATE INDEX ended_invitations_slot ON ended_invitations (tenant_id, slot_id);
    ALTER TABLE ended_invitations ENABLE ROW LEVEL SECURITY;
    CREATE POLICY tenant_isolation ON ended_invitations USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
    GRANT SELECT, INSERT, DELETE ON ended_invitations TO ${APP_ROLE};

    CREATE FUNCTION task_slots_remember_ended_invitation() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF OLD.invitation_token_hash IS NOT NULL AND OLD.participant_id IS NOT NULL
         AND NEW.invitation_token_hash IS DISTINCT FROM OLD.invitation_token_hash THEN
        INSERT INTO ended_invitations (tenant_id, token_hash, slot_id, participant_id, invited_at, was_accepted)
          VALUES (OLD.tenant_id, OLD.invitation_token_hash, OLD.id, OLD.participant_id, OLD.invited_at, OLD.state = 'accepted')
          ON CONFLICT DO NOTHING;
      END IF;
      RETURN NULL;
    END $$;
    CREATE TRIGGER task_slots_remember_ended_invitation AFTER UPDATE OF invitation_token_hash, participant_id, state ON task_slots
      FOR EACH ROW EXECUTE FUNCTION task_slots_remember_ended_invitation();`);
};

export const down: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    DROP TRIGGER task_slots_remember_ended_invitation ON task_slots;
    DROP FUNCTION task_slots_remember_ended_invitation();
    DROP TABLE ended_invitations;`);
};
