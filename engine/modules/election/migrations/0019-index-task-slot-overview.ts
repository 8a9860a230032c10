// What the slot overview and the distribute grid read, indexed for a large municipality (25,000 slots, 400
// polling stations): an election's slots by work location, then team, task type and date — the overview's one
// aggregate (grouped by work location, filtered by team, task type and date) and the grid's cells (a work
// location's slots locked and counted per team × task type × date) — with the state included, so both can be
// answered from the index alone. It replaces task_slots_election (0015), a prefix of it.
import type { MigrationFn } from '../../../db/migrator';

export const up: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    CREATE INDEX task_slots_overview ON task_slots (tenant_id, election_id, work_location_id, team_id, task_type_id, task_date) INCLUDE (state);
    DROP INDEX task_slots_election;`);
};

export const down: MigrationFn = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    CREATE INDEX task_slots_election ON task_slots (tenant_id, election_id, work_location_id);
    DROP INDEX task_slots_overview;`);
};
