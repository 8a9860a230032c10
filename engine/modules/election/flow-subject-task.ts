// An election task as its flow's subject (subject type electionTask): one task assignment (task_assignments,
// migration 0029) — one person on one task slot. Its dates are the slot's task date and the election day (the
// tenant's midnight of each, as UTC ISO); its facts are what the invitation flow's conditions read: the slot's
// status as this assignment sees it (invited, accepted, or gone once the person no longer holds it) and whether
// the task type sends task reminders. Ids and fixed words only reach the workflow: the person's address stays in
// the activity (the module's sendParticipantMessage action reads it itself). Once the assignment has ended
// (answered no, retracted, removed, given up) its task date is the moment it ended, so the flow ends at once. Deleting its personal data deletes
// the assignment row, which is all that ties the instance to the person.
import { DateTime } from 'luxon';
import { NotFoundError } from '../../errors';
import { zoneOf } from '../../flows/tenant-rules';
import type { SubjectFacts, SubjectType } from '../module';
import { execute, select } from './db';

export const ELECTION_TASK_SUBJECT = 'electionTask';

/** What the flow's conditions may read of an assignment: slot.status and taskType.reminders. */
export type AssignmentStatus = 'invited' | 'accepted' | 'gone';

interface AssignmentRow {
  id: string;
  election_id: string;
  slot_id: string;
  participant_id: string;
  holder: string | null;
  state: string;
  task_date: string;
  election_day: string;
  reminders: boolean;
  election_title: string;
  task_type: string;
  country: string;
  default_locale: 'da' | 'sv' | 'en';
  email: string | null;
  ended_at: Date | null;
}

const midnight = (date: string, zone: string): string => DateTime.fromISO(date, { zone }).startOf('day').toUTC().toISO()!;

export function assignmentStatus(row: { holder: string | null; participant_id: string; state: string }): AssignmentStatus {
  if (row.holder !== row.participant_id) return 'gone';
  return row.state === 'invited' ? 'invited' : row.state === 'accepted' ? 'accepted' : 'gone';
}

export const electionTaskSubject: SubjectType = {
  // The instance holds ids only; the person is reached through the assignment row, deleted with them.
  personalData: false,

  async load({ db }, tx, _ctx, subjectId, vars): Promise<SubjectFacts> {
    const [row] = await select<AssignmentRow>(
      db,
      tx,
      `SELECT a.id, a.election_id, a.slot_id, a.participant_id, s.participant_id AS holder, s.state, s.task_date::text AS task_date,
              e.election_day::text AS election_day, tt.reminders, e.title AS election_title, tt.title AS task_type,
              t.country, t.default_locale, p.email, a.ended_at
         FROM task_assignments a
         JOIN task_slots s ON s.id = a.slot_id
         JOIN elections e ON e.id = a.election_id
         JOIN task_types tt ON tt.id = s.task_type_id
         JOIN participants p ON p.id = a.participant_id
         JOIN tenants t ON t.id = a.tenant_id
        WHERE a.id = $1`,
      [subjectId],
    );
    if (!row) throw new NotFoundError('no such task assignment');
    const zone = zoneOf(row.country);
    const all: Record<string, unknown> = { slot: { status: assignmentStatus(row) }, taskType: { reminders: row.reminders } };
    const wanted = new Set(vars.map((v) => v.split('.')[0]!));
    const facts = Object.fromEntries(Object.entries(all).filter(([k]) => wanted.has(k)));
    return {
      // An ended assignment's task date is the moment it ended: nothing of it is due any more (its timers are
      // skipped as too late), so the flow ends with the message of its ending.
      dates: { taskDate: row.ended_at ? row.ended_at.toISOString() : midnight(row.task_date, zone), electionDay: midnight(row.election_day, zone) },
      facts,
      ...(row.email ? { email: row.email } : {}),
      mergeFields: { election: row.election_title, taskType: row.task_type, date: row.task_date },
      locale: row.default_locale,
    };
  },

  async deletePersonalData({ db }, tx, _ctx, subjectId) {
    const n = await execute(db, tx, 'DELETE FROM task_assignments WHERE id = $1', [subjectId]);
    return { erased: n > 0 };
  },
};
