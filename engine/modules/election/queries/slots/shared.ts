// What the task-slot queries and commands share: the election and one of its polling stations read inside the
// tenant's transaction (another tenant's id answers like a missing one: 404), the dates an election's slots may
// have, and the SQL of "vacant" and "removable".
import type { Transaction } from 'sequelize';
import type { Database } from '../../../../db/database';
import { NotFoundError } from '../../../../errors';
import { COLLATION, select, tenantFacts } from '../../db';

export interface SlotElectionRow {
  id: string;
  /** ISO dates, read as text. */
  election_day: string;
  first_task_date: string | null;
  last_task_date: string | null;
}

/**
 * The election; 404 when the tenant has none with this id. `share` holds it (FOR SHARE) until commit, so its
 * task dates cannot change under a distribution (setting the dates locks it FOR UPDATE).
 */
export async function slotElection(db: Database, tx: Transaction, id: string, opts: { share?: boolean } = {}): Promise<SlotElectionRow> {
  const [row] = await select<SlotElectionRow>(
    db,
    tx,
    `SELECT id, election_day::text AS election_day, first_task_date::text AS first_task_date, last_task_date::text AS last_task_date FROM elections WHERE id = $1${opts.share ? ' FOR SHARE' : ''}`,
    [id],
  );
  if (!row) throw new NotFoundError();
  return row;
}

export interface SlotWorkLocationRow {
  id: string;
  name: string;
  area_name: string;
}

/**
 * One of the election's polling stations; 404 when the election does not use it (or the tenant has none with
 * this id). `lock` locks the election's row of it (FOR UPDATE): distributions of one station take turns there,
 * even when it has no slots yet to lock.
 */
export async function electionWorkLocation(db: Database, tx: Transaction, electionId: string, workLocationId: string, opts: { lock?: boolean } = {}): Promise<SlotWorkLocationRow> {
  const [row] = await select<SlotWorkLocationRow>(
    db,
    tx,
    `SELECT w.id, w.name, a.name AS area_name
       FROM election_work_locations ew
       JOIN work_locations w ON w.tenant_id = ew.tenant_id AND w.id = ew.work_location_id
       JOIN election_areas a ON a.tenant_id = w.tenant_id AND a.id = w.area_id
      WHERE ew.election_id = $1 AND ew.work_location_id = $2${opts.lock ? ' FOR UPDATE OF ew' : ''}`,
    [electionId, workLocationId],
  );
  if (!row) throw new NotFoundError();
  return row;
}

/** Every date from the first task date to the last (none while the election's dates are not set). */
export function taskDates(e: SlotElectionRow): string[] {
  if (!e.first_task_date || !e.last_task_date) return [];
  const dates: string[] = [];
  for (let t = Date.parse(`${e.first_task_date}T00:00:00Z`), end = Date.parse(`${e.last_task_date}T00:00:00Z`); t <= end; t += 86_400_000) dates.push(new Date(t).toISOString().slice(0, 10));
  return dates;
}

/** The tenant's alphabetical order, as a COLLATE clause. */
export async function collateOf(db: Database, tx: Transaction, tenantId: string): Promise<string> {
  return `COLLATE ${COLLATION[(await tenantFacts(db, tx, tenantId)).country]}`;
}

/**
 * A slot of alias `s` is vacant: no holder. A rejection makes the slot vacant again (the rejection is kept in
 * task_rejections); a row still in the old state 'rejected' counts as vacant too.
 */
export const VACANT = (s = 's') => `${s}.state IN ('vacant', 'rejected')`;

/** A slot of alias `s` was offered to someone once: invited (invited_at stays when it becomes vacant again) or rejected. */
export const EVER_INVITED = (s = 's') =>
  `(${s}.invited_at IS NOT NULL OR ${s}.state = 'rejected' OR EXISTS (SELECT 1 FROM task_rejections r WHERE r.tenant_id = ${s}.tenant_id AND r.slot_id = ${s}.id))`;

/** A slot of alias `s` may be removed or moved to another team: vacant and never offered to anyone. */
export const REMOVABLE = (s = 's') => `(${s}.state = 'vacant' AND NOT ${EVER_INVITED(s)})`;
