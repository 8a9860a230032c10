// What the assignment commands share: the rows they lock and read, always in one order — the participant first,
// then the slot — so that two commands about the same person (two assignments to overlapping slots) or the same
// slot (an assignment and a removal, a removal and an answer) wait for each other instead of deadlocking, and each
// re-reads under its locks what it decides on.
import type { Transaction } from 'sequelize';
import type { Database } from '../../../../db/database';
import { NotFoundError } from '../../../../errors';
import { select } from '../../db';
import type { EligibilityPerson } from '../../eligibility';
import type { ElectionTypeRule } from '../../election-type-rules';
import type { TaskTime } from '../../overlap';

/** The slot as the assignment commands decide on it (with its task type's hours). */
export interface SlotRow {
  id: string;
  tenant_id: string;
  election_id: string;
  work_location_id: string;
  task_type_id: string;
  task_date: string;
  participant_id: string | null;
  state: 'vacant' | 'invited' | 'accepted' | 'rejected';
  invited_at: Date | null;
  start_time: string;
  end_time: string;
}

const SLOT_COLUMNS = `s.id, s.tenant_id, s.election_id, s.work_location_id, s.task_type_id, s.task_date::text AS task_date, s.participant_id, s.state, s.invited_at,
  to_char(tt.start_time, 'HH24:MI') AS start_time, to_char(tt.end_time, 'HH24:MI') AS end_time`;

/**
 * The slot of this election (another election's or tenant's slot: 404), locked FOR UPDATE when asked (the task
 * type is only read: `FOR UPDATE OF s`).
 */
export async function findSlot(db: Database, tx: Transaction, electionId: string, slotId: string, opts: { lock?: boolean } = {}): Promise<SlotRow> {
  const [row] = await select<SlotRow>(
    db,
    tx,
    `SELECT ${SLOT_COLUMNS} FROM task_slots s JOIN task_types tt ON tt.tenant_id = s.tenant_id AND tt.id = s.task_type_id
      WHERE s.id = $1 AND s.election_id = $2${opts.lock ? ' FOR UPDATE OF s' : ''}`,
    [slotId, electionId],
  );
  if (!row) throw new NotFoundError();
  return row;
}

/** The slot whose invitation link has this token hash (the participant's own answer), or 404. */
export async function findSlotByTokenHash(db: Database, tx: Transaction, hash: string): Promise<SlotRow> {
  const [row] = await select<SlotRow>(db, tx, `SELECT ${SLOT_COLUMNS} FROM task_slots s JOIN task_types tt ON tt.tenant_id = s.tenant_id AND tt.id = s.task_type_id WHERE s.invitation_token_hash = $1`, [hash]);
  if (!row) throw new NotFoundError();
  return row;
}

/** A legacy 'rejected' row (before rejections made the slot vacant) counts as vacant. */
export const isVacant = (slot: Pick<SlotRow, 'state'>): boolean => slot.state === 'vacant' || slot.state === 'rejected';

/** The participant row as eligibility reads it. */
export interface ParticipantRow {
  id: string;
  personal_number_country: 'DK' | 'SE';
  birth_date: string;
  municipality_code: string;
  citizenship: string;
  deceased: boolean;
  disenfranchised: boolean;
}

const PARTICIPANT_COLUMNS = 'id, personal_number_country, birth_date::text AS birth_date, municipality_code, citizenship, deceased, disenfranchised';

/** The participant locked FOR UPDATE (the first lock every assignment command takes), or undefined. */
export async function lockParticipant(db: Database, tx: Transaction, participantId: string): Promise<ParticipantRow | undefined> {
  const [row] = await select<ParticipantRow>(db, tx, `SELECT ${PARTICIPANT_COLUMNS} FROM participants WHERE id = $1 FOR UPDATE`, [participantId]);
  return row;
}

export const eligibilityPerson = (p: ParticipantRow): EligibilityPerson => ({
  country: p.personal_number_country,
  birthDate: p.birth_date,
  municipalityCode: p.municipality_code,
  citizenship: p.citizenship,
  deceased: p.deceased,
  disenfranchised: p.disenfranchised,
});

/** The election type's eligibility rules of an election of this tenant, or 404. */
export async function electionRules(db: Database, tx: Transaction, electionId: string): Promise<ElectionTypeRule[]> {
  const [row] = await select<{ rules: ElectionTypeRule[] }>(db, tx, 'SELECT et.rules FROM elections e JOIN election_types et ON et.tenant_id = e.tenant_id AND et.id = e.election_type_id WHERE e.id = $1', [electionId]);
  if (!row) throw new NotFoundError();
  return row.rules;
}

export interface HeldTask extends TaskTime {
  slotId: string;
}

/** The tasks a person holds (invited or accepted, in any election) on a date, but the given slot. */
export async function heldTasksOn(db: Database, tx: Transaction, participantIds: string[], date: string, exceptSlotId: string): Promise<(HeldTask & { participantId: string })[]> {
  if (participantIds.length === 0) return [];
  return select<HeldTask & { participantId: string }>(
    db,
    tx,
    `SELECT s.id AS "slotId", s.participant_id AS "participantId", s.task_date::text AS date, to_char(tt.start_time, 'HH24:MI') AS start, to_char(tt.end_time, 'HH24:MI') AS "end"
       FROM task_slots s JOIN task_types tt ON tt.tenant_id = s.tenant_id AND tt.id = s.task_type_id
      WHERE s.participant_id = ANY($1::uuid[]) AND s.state IN ('invited', 'accepted') AND s.task_date = $2::date AND s.id <> $3
      ORDER BY tt.start_time, s.id`,
    [participantIds, date, exceptSlotId],
  );
}

/** The participants of the list who rejected a task of this type in this election. */
export async function rejectedBefore(db: Database, tx: Transaction, electionId: string, taskTypeId: string, participantIds: string[]): Promise<Set<string>> {
  if (participantIds.length === 0) return new Set();
  const rows = await select<{ participant_id: string }>(
    db,
    tx,
    'SELECT DISTINCT participant_id FROM task_rejections WHERE election_id = $1 AND task_type_id = $2 AND participant_id = ANY($3::uuid[])',
    [electionId, taskTypeId, participantIds],
  );
  return new Set(rows.map((r) => r.participant_id));
}

/** A slot as the work location's task list shows it (presenters/assignments.ts shapes it). */
export interface SlotViewRow {
  id: string;
  task_date: string;
  state: SlotRow['state'];
  participant_id: string | null;
  registered_directly: boolean;
  answered_on_behalf: boolean;
  invited_at: Date | null;
  answered_at: Date | null;
  ever_invited: boolean;
  task_type_id: string;
  task_type_title: string;
  task_type_short_name: string;
  start_time: string;
  end_time: string;
  trusted: boolean;
  team_id: string;
  team_name: string;
  given_name: string | null;
  family_name: string | null;
  personal_number_masked: string | null;
}

/** The slot's view, read in the caller's transaction (after its change). */
export async function loadSlotView(db: Database, tx: Transaction, slotId: string): Promise<SlotViewRow> {
  const [row] = await select<SlotViewRow>(
    db,
    tx,
    `SELECT s.id, s.task_date::text AS task_date, s.state, s.participant_id, s.registered_directly, s.answered_on_behalf, s.invited_at, s.answered_at,
            (s.invited_at IS NOT NULL OR EXISTS (SELECT 1 FROM task_rejections r WHERE r.tenant_id = s.tenant_id AND r.slot_id = s.id)) AS ever_invited,
            tt.id AS task_type_id, tt.title AS task_type_title, tt.short_name AS task_type_short_name,
            to_char(tt.start_time, 'HH24:MI') AS start_time, to_char(tt.end_time, 'HH24:MI') AS end_time, tt.trusted,
            t.id AS team_id, t.name AS team_name, p.given_name, p.family_name, p.personal_number_masked
       FROM task_slots s
       JOIN task_types tt ON tt.tenant_id = s.tenant_id AND tt.id = s.task_type_id
       JOIN teams t ON t.tenant_id = s.tenant_id AND t.id = s.team_id
       LEFT JOIN participants p ON p.tenant_id = s.tenant_id AND p.id = s.participant_id
      WHERE s.id = $1`,
    [slotId],
  );
  if (!row) throw new NotFoundError();
  return row;
}
