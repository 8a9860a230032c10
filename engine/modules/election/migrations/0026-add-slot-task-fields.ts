// The answers to a task type's extra fields (its published form of kind taskTypeFields) that the holder gave when
// signing up on the public site, kept with the slot they belong to: checked against the form's newest version on
// the server (commands/public/task-fields.ts), at most 16384 bytes of JSON text. They belong to the holder, so the
// trigger of 0020 that clears a vacated slot's holder fields now clears them too.
import type { MigrationFn } from '../../../db/migrator';

export const up: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    ALTER TABLE task_slots
      ADD COLUMN task_fields jsonb NOT NULL DEFAULT '{}'
        CONSTRAINT task_slots_task_fields_size CHECK (jsonb_typeof(task_fields) = 'object' AND octet_length(task_fields::text) <= 16384);

    CREATE OR REPLACE FUNCTION task_slots_clear_holder() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.participant_id IS NULL THEN
        NEW.registered_directly := false;
        NEW.answered_on_behalf := false;
        NEW.answered_at := NULL;
        NEW.task_fields := '{}';
      END IF;
      IF NEW.state NOT IN ('invited', 'accepted') THEN
        NEW.invitation_token_hash := NULL;
      END IF;
      RETURN NEW;
    END $$;

    ALTER TABLE task_slots ADD CONSTRAINT task_slots_task_fields_held CHECK (participant_id IS NOT NULL OR task_fields = '{}');`);
};

export const down: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    CREATE OR REPLACE FUNCTION task_slots_clear_holder() RETURNS trigger LANGUAGE plpgsql AS $$
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
    ALTER TABLE task_slots DROP CONSTRAINT task_slots_task_fields_held, DROP COLUMN task_fields;`);
};
