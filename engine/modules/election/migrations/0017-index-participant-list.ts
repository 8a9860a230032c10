// What the participant list and its export sort and filter by, indexed for a tenant of 100,000 participants:
// the name in the tenant's collation (Danish Æ Ø Å, Swedish Å Ä Ö — one index per collation, each tenant's
// queries use its country's), the creation time, the birth date with the id (keyset and paging ties), and the
// task slots a person holds by task type and by work location (the "has a task of this type / at this place"
// filters). Team filters use team_members' primary key (team, participant).
import type { MigrationFn } from '../../../db/migrator';

export const up: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    CREATE INDEX participants_name_da ON participants (tenant_id, family_name COLLATE "da-DK-x-icu", given_name COLLATE "da-DK-x-icu", id);
    CREATE INDEX participants_name_sv ON participants (tenant_id, family_name COLLATE "sv-SE-x-icu", given_name COLLATE "sv-SE-x-icu", id);
    CREATE INDEX participants_created ON participants (tenant_id, created_at, id);
    DROP INDEX participants_birth_date;
    CREATE INDEX participants_birth_date ON participants (tenant_id, birth_date, id);
    CREATE INDEX task_slots_participant_task_type ON task_slots (tenant_id, task_type_id, participant_id) WHERE participant_id IS NOT NULL;
    CREATE INDEX task_slots_participant_work_location ON task_slots (tenant_id, work_location_id, participant_id) WHERE participant_id IS NOT NULL;`);
};

export const down: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    DROP INDEX task_slots_participant_work_location;
    DROP INDEX task_slots_participant_task_type;
    DROP INDEX participants_birth_date;
    CREATE INDEX participants_birth_date ON participants (tenant_id, birth_date);
    DROP INDEX participants_created;
    DROP INDEX participants_name_sv;
    DROP INDEX participants_name_da;`);
};
