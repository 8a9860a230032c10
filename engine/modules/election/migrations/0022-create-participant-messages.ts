// The queue of messages to participants: one row per event that tells a person something (invited, registered,
// removed, the invitation retracted…; schemas/election/message-events.ts), written by the command that caused it in
// its own transaction, so a message is queued exactly when the change commits. The processes that send them (the
// election's template for the event, the channels) take rows from here; the row holds ids only — what the message
// says is made from the template when it is sent. It goes with the person, and with the election; a slot that is
// removed leaves the message (its slot id NULL). created_at is the moment of the insert (clock_timestamp(), not the
// transaction's start): commands queue after taking their locks, so a person's messages are in the order their
// changes were made even when a transaction that started first waited for another (removed after accepting).
// The events are written out (schemas/election/message-events.ts as it was): a migration does not change when
// that list does.
import type { MigrationFn } from '../../../db/migrator';
import { APP_ROLE } from '../../../db/roles';

export const up: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    CREATE TABLE participant_messages (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
      participant_id uuid NOT NULL,
      election_id uuid NOT NULL,
      slot_id uuid,
      event text NOT NULL CHECK (event IN ('registrationConfirmed', 'cancellationConfirmed', 'invitation', 'invitationReminder', 'taskReminder', 'invitationRetracted', 'removedFromTask', 'removedByValidation')),
      state text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'sent', 'failed')),
      created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
      UNIQUE (tenant_id, id),
      FOREIGN KEY (tenant_id, participant_id) REFERENCES participants (tenant_id, id) ON DELETE CASCADE,
      FOREIGN KEY (tenant_id, election_id) REFERENCES elections (tenant_id, id) ON DELETE CASCADE,
      FOREIGN KEY (tenant_id, slot_id) REFERENCES task_slots (tenant_id, id) ON DELETE SET NULL (slot_id)
    );
    CREATE INDEX participant_messages_queued ON participant_messages (tenant_id, created_at) WHERE state = 'queued';
    CREATE INDEX participant_messages_participant ON participant_messages (tenant_id, participant_id);
    CREATE INDEX participant_messages_slot ON participant_messages (tenant_id, slot_id) WHERE slot_id IS NOT NULL;
    ALTER TABLE participant_messages ENABLE ROW LEVEL SECURITY;
    CREATE POLICY tenant_isolation ON participant_messages USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
    GRANT SELECT, INSERT, UPDATE, DELETE ON participant_messages TO ${APP_ROLE};`);
};

export const down: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query('DROP TABLE participant_messages');
};
