// Test data for the assignment suites (assignments-api, slot-contention), written as the owner: an election of a
// Danish tenant under the Folketingsvalg rules on 2030-06-01 with two polling stations, a team and three task
// types — valgstyrer 07:00–20:00, fintæller 19:00–23:00 (overlaps it), morgenvagt 06:00–07:00 (touches it) —,
// participants who may (born 1980, resident, Danish) or may not hold a task, and vacant slots.
import { randomUUID } from 'node:crypto';
import { QueryTypes } from 'sequelize';
import { ownerDb } from '../helpers/factories';

export const TASK_DATE = '2030-06-01';

export const q = <T extends object>(sql: string, bind: unknown[] = []) => ownerDb().query<T>(sql, { bind, type: QueryTypes.SELECT });
export const one = async <T extends object>(sql: string, bind: unknown[] = []): Promise<T> => (await q<T>(sql, bind))[0]!;

export interface ElectionFixture {
  tenantId: string;
  electionId: string;
  teamId: string;
  otherTeamId: string;
  workLocations: string[];
  taskTypes: { valgstyrer: string; fintaeller: string; morgenvagt: string };
}

export async function electionFixture(tenantId: string): Promise<ElectionFixture> {
  const rules = JSON.stringify([{ rule: 'age18' }, { rule: 'resident' }, { rule: 'citizenship', scope: 'national' }, { rule: 'notDisenfranchised' }]);
  const type = await one<{ id: string }>("INSERT INTO election_types (tenant_id, name, rules) VALUES ($1, 'Folketingsvalg', $2::jsonb) RETURNING id", [tenantId, rules]);
  const election = await one<{ id: string }>(
    "INSERT INTO elections (tenant_id, title, election_type_id, election_day, first_task_date, last_task_date) VALUES ($1, 'Folketingsvalg 2030', $2, $3, $3, $3) RETURNING id",
    [tenantId, type.id, TASK_DATE],
  );
  const area = await one<{ id: string }>("INSERT INTO election_areas (tenant_id, name) VALUES ($1, 'Nord') RETURNING id", [tenantId]);
  const locations = await q<{ id: string }>("INSERT INTO work_locations (tenant_id, area_id, name, district_number) VALUES ($1, $2, 'Skolen', '1'), ($1, $2, 'Hallen', '2') RETURNING id", [tenantId, area.id]);
  const types = await q<{ id: string }>(
    `INSERT INTO task_types (tenant_id, title, short_name, start_time, end_time) VALUES
       ($1, 'Valgstyrer', 'VS', '07:00', '20:00'), ($1, 'Fintæller', 'FT', '19:00', '23:00'), ($1, 'Morgenvagt', 'MV', '06:00', '07:00') RETURNING id`,
    [tenantId],
  );
  const teams = await q<{ id: string }>("INSERT INTO teams (tenant_id, name, short_name) VALUES ($1, 'Borgerservice', 'BS'), ($1, 'Frivillige', 'FR') RETURNING id", [tenantId]);
  await q('INSERT INTO election_work_locations (tenant_id, election_id, work_location_id) SELECT $1, $2, unnest($3::uuid[])', [tenantId, election.id, locations.map((l) => l.id)]);
  return {
    tenantId,
    electionId: election.id,
    teamId: teams[0]!.id,
    otherTeamId: teams[1]!.id,
    workLocations: locations.map((l) => l.id),
    taskTypes: { valgstyrer: types[0]!.id, fintaeller: types[1]!.id, morgenvagt: types[2]!.id },
  };
}

export interface PersonSpec {
  givenName?: string;
  familyName?: string;
  birthDate?: string;
  municipalityCode?: string;
  citizenship?: string;
  disenfranchised?: boolean;
  deceased?: boolean;
}

/** Participants with dummy sealed numbers (masked as their birth date shows); answers their ids in order. */
export async function insertParticipants(tenantId: string, specs: PersonSpec[]): Promise<string[]> {
  const ids: string[] = [];
  for (const [i, s] of specs.entries()) {
    const birth = s.birthDate ?? '1980-03-15';
    const masked = `${birth.slice(8, 10)}${birth.slice(5, 7)}${birth.slice(2, 4)}-****`;
    const row = await one<{ id: string }>(
      `INSERT INTO participants (tenant_id, personal_number_country, personal_number_sealed, personal_number_hash, personal_number_masked,
                                 given_name, family_name, birth_date, municipality_code, citizenship, deceased, disenfranchised, registry_checked_at)
       VALUES ($1, 'DK', '\\x00'::bytea, $2, $3, $4, $5, $6::date, $7, $8, $9, $10, now()) RETURNING id`,
      [tenantId, `hash-${randomUUID()}`, masked, s.givenName ?? 'Test', s.familyName ?? `Person${i}`, birth, s.municipalityCode ?? '999', s.citizenship ?? 'DK', s.deceased ?? false, s.disenfranchised ?? false],
    );
    ids.push(row.id);
  }
  return ids;
}

/** `n` vacant slots of a task type at a work location on the task date. */
export async function insertSlots(f: ElectionFixture, n: number, taskTypeId = f.taskTypes.valgstyrer, workLocationId = f.workLocations[0]!, taskDate = TASK_DATE): Promise<string[]> {
  const rows = await q<{ id: string }>(
    `INSERT INTO task_slots (tenant_id, election_id, work_location_id, task_type_id, team_id, task_date)
     SELECT $1, $2, $3, $4, $5, $6::date FROM generate_series(1, $7) RETURNING id`,
    [f.tenantId, f.electionId, workLocationId, taskTypeId, f.teamId, taskDate, n],
  );
  return rows.map((r) => r.id);
}

export const slotRow = (id: string) =>
  one<{ participant_id: string | null; state: string; registered_directly: boolean; answered_on_behalf: boolean; invited_at: Date | null; answered_at: Date | null; invitation_token_hash: string | null }>(
    'SELECT participant_id, state, registered_directly, answered_on_behalf, invited_at, answered_at, invitation_token_hash FROM task_slots WHERE id = $1',
    [id],
  );

export const messagesOf = (slotId: string) => q<{ participant_id: string; event: string; state: string }>('SELECT participant_id, event, state FROM participant_messages WHERE slot_id = $1 ORDER BY created_at, id', [slotId]);
