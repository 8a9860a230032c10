// Task slots' invitations and answers: when the holder was invited and answered, whether an administrator
// registered them directly (no invitation) or answered on their behalf, and the SHA-256 of the invitation link's
// token (32 random bytes, base64url; the token itself is only in the link, commands/assignments/invitation-link.ts).
// invited_at stays when the slot becomes vacant again: a slot once invited is not moved to another team.
// A slot has one holder (participant_id) and is given by a conditional UPDATE … WHERE participant_id IS NULL under
// its row lock; in an election a person holds at most one slot of a task type on a date (same type, same hours:
// they would overlap) — the unique index is the database's backstop behind the overlap check, which is serialized
// by locking the participant row (lock order everywhere: participant, then slot) and also spans elections.
// Whoever makes a slot vacant (unassigning, a rejection, deleting a participant), the trigger clears what belonged
// to its holder — registered directly, answered on their behalf, when answered, the link — so a vacant slot never
// carries a previous holder's link; the CHECKs say the same.
import type { MigrationFn } from '../../../db/migrator';

export const up: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    ALTER TABLE task_slots
      ADD COLUMN invited_at timestamptz,
      ADD COLUMN answered_at timestamptz,
      ADD COLUMN registered_directly boolean NOT NULL DEFAULT false,
      ADD COLUMN answered_on_behalf boolean NOT NULL DEFAULT false,
      ADD COLUMN invitation_token_hash text UNIQUE CHECK (invitation_token_hash ~ '^[0-9a-f]{64}$');

    CREATE FUNCTION task_slots_clear_holder() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.participant_id IS NULL THEN
        NEW.registered_directly := false;
        NEW.answered_on_behalf := false;
        NEW.answered_at := NULL;
      END IF;
      IF NEW.state NOT IN ('invited', 'accepted') THEN
        NEW.invitation_token_hash := NULL;
      END IF;
      RETURN NEW;
    END $$;
    CREATE TRIGGER task_slots_clear_holder BEFORE INSERT OR UPDATE ON task_slots FOR EACH ROW EXECUTE FUNCTION task_slots_clear_holder();

    ALTER TABLE task_slots
      ADD CONSTRAINT task_slots_holder_fields CHECK (participant_id IS NOT NULL OR NOT (registered_directly OR answered_on_behalf OR answered_at IS NOT NULL)),
      ADD CONSTRAINT task_slots_token_held CHECK (invitation_token_hash IS NULL OR state IN ('invited', 'accepted')),
      ADD CONSTRAINT task_slots_direct_accepted CHECK (NOT registered_directly OR state = 'accepted');
    CREATE UNIQUE INDEX task_slots_one_per_type_and_day ON task_slots (tenant_id, election_id, participant_id, task_date, task_type_id) WHERE state IN ('invited', 'accepted');`);
};

export const down: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    DROP INDEX task_slots_one_per_type_and_day;
    DROP TRIGGER task_slots_clear_holder ON task_slots;
    DROP FUNCTION task_slots_clear_holder();
    ALTER TABLE task_slots
      DROP CONSTRAINT task_slots_holder_fields,
      DROP CONSTRAINT task_slots_token_held,
      DROP CONSTRAINT task_slots_direct_accepted,
      DROP COLUMN invitation_token_hash,
      DROP COLUMN answered_on_behalf,
      DROP COLUMN registered_directly,
      DROP COLUMN answered_at,
      DROP COLUMN invited_at;`);
};
