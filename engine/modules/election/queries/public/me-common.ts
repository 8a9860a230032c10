// What the participant's own pages on the public site share: who the logged-in citizen is in staffing (their
// participant row, found from the e-ID login; none yet answers 404 like a missing row), the lock period of an
// election (lock_days before election day up to and including election day: no changes by the person then), and
// the tasks a person holds with what the pages show of them.
import type { Transaction } from 'sequelize';
import type { Actor } from '../../../../actors';
import type { Database } from '../../../../db/database';
import { NotFoundError } from '../../../../errors';
import { select } from '../../db';
import { authorize } from '../../policies';
import { findMyParticipantId } from '../../public/me';

/** The logged-in citizen's participant id (401 when not logged in, 404 when not a participant). */
export async function requireMe(db: Database, tx: Transaction, actor: Actor): Promise<string> {
  authorize(actor, 'election.self.manage', { tenantId: actor.tenantId });
  const id = await findMyParticipantId(db, tx, actor);
  if (!id) throw new NotFoundError('no participant for this login');
  return id;
}

export interface MyTaskRow {
  id: string;
  state: 'invited' | 'accepted';
  task_date: string;
  election_id: string;
  election_title: string;
  election_day: string;
  /** The first day of the election's lock period (ISO date). */
  lock_starts: string;
  /** Whether today is inside the lock period (from lock_starts through election day). */
  locked: boolean;
  /** Whether the task's date has passed. */
  past: boolean;
  task_type_id: string;
  task_type_title: string;
  description: string;
  start_time: string;
  end_time: string;
  payment: string;
  work_location_name: string;
  address: string;
  postal_code: string;
  city: string;
  team_name: string;
}

const TASK_SQL = `SELECT s.id, s.state, s.task_date::text AS task_date, e.id AS election_id, e.title AS election_title, e.election_day::text AS election_day,
         (e.election_day - e.lock_days)::text AS lock_starts,
         (current_date BETWEEN e.election_day - e.lock_days AND e.election_day) AS locked,
         (s.task_date < current_date) AS past,
         tt.id AS task_type_id, tt.title AS task_type_title, tt.description, to_char(tt.start_time, 'HH24:MI') AS start_time, to_char(tt.end_time, 'HH24:MI') AS end_time,
         tt.payment::text AS payment, w.name AS work_location_name, w.address, w.postal_code, w.city, t.name AS team_name
    FROM task_slots s
    JOIN elections e ON e.tenant_id = s.tenant_id AND e.id = s.election_id
    JOIN task_types tt ON tt.tenant_id = s.tenant_id AND tt.id = s.task_type_id
    JOIN work_locations w ON w.tenant_id = s.tenant_id AND w.id = s.work_location_id
    JOIN teams t ON t.tenant_id = s.tenant_id AND t.id = s.team_id`;

/** The tasks the person holds (invited or accepted), by date and start. */
export function heldTasks(db: Database, tx: Transaction, participantId: string): Promise<MyTaskRow[]> {
  return select<MyTaskRow>(db, tx, `${TASK_SQL} WHERE s.participant_id = $1 AND s.state IN ('invited', 'accepted') ORDER BY s.task_date, tt.start_time, s.id`, [participantId]);
}

/** One slot with what the pages show of it, whoever holds it (the invitation page), or undefined. */
export async function taskOfSlot(db: Database, tx: Transaction, slotId: string): Promise<MyTaskRow | undefined> {
  const [row] = await select<MyTaskRow>(db, tx, `${TASK_SQL} WHERE s.id = $1`, [slotId]);
  return row;
}

export interface TaskFileRow {
  id: string;
  task_type_id: string;
  file_name: string;
  content_type: string;
  size_bytes: number;
}

/** The files of these task types (never the bytes). */
export function taskTypeFiles(db: Database, tx: Transaction, taskTypeIds: string[]): Promise<TaskFileRow[]> {
  if (taskTypeIds.length === 0) return Promise.resolve([]);
  return select<TaskFileRow>(db, tx, 'SELECT id, task_type_id, file_name, content_type, size_bytes FROM task_type_files WHERE task_type_id = ANY($1::uuid[]) ORDER BY file_name, id', [taskTypeIds]);
}

/** The task as the public pages show it (API shape). */
export function presentMyTask(row: MyTaskRow, files: TaskFileRow[]) {
  return {
    slotId: row.id,
    state: row.state,
    date: row.task_date,
    start: row.start_time,
    end: row.end_time,
    election: { id: row.election_id, title: row.election_title, electionDay: row.election_day, lockStarts: row.lock_starts },
    locked: row.locked,
    past: row.past,
    taskType: { title: row.task_type_title, description: row.description, payment: row.payment },
    workLocation: { name: row.work_location_name, address: row.address, postalCode: row.postal_code, city: row.city },
    team: row.team_name,
    files: files.filter((f) => f.task_type_id === row.task_type_id).map((f) => ({ id: f.id, name: f.file_name, contentType: f.content_type, size: f.size_bytes })),
  };
}
