// One polling station's distribution of an election's task slots (the distribute grid): its dates (the
// election's task dates), its teams and task types (those the station uses, and any other that has slots there),
// and per team × task type × date that has slots: how many, and how many of them are filled — held (invited,
// accepted) or once offered to someone (their history stays) — the least the count may become.
import type { Transaction } from 'sequelize';
import type { Actor } from '../../../../actors';
import type { Database } from '../../../../db/database';
import { select, type ElectionDeps } from '../../db';
import { authorize } from '../../policies';
import { collateOf, electionWorkLocation, REMOVABLE, slotElection, taskDates } from './shared';

export interface DistributionCellRow {
  team_id: string;
  task_type_id: string;
  /** ISO date. */
  date: string;
  count: number;
  filled: number;
}

export interface DistributionRow {
  dates: string[];
  teams: { id: string; name: string }[];
  task_types: { id: string; title: string; short_name: string; trusted: boolean }[];
  cells: DistributionCellRow[];
}

/** The cells of a station's slots: one per team × task type × date that has any. */
export function distributionCells(db: Database, tx: Transaction, electionId: string, workLocationId: string): Promise<DistributionCellRow[]> {
  return select<DistributionCellRow>(
    db,
    tx,
    `SELECT s.team_id, s.task_type_id, s.task_date::text AS date, count(*)::integer AS count, count(*) FILTER (WHERE NOT ${REMOVABLE()})::integer AS filled
       FROM task_slots s
      WHERE s.election_id = $1 AND s.work_location_id = $2
      GROUP BY s.team_id, s.task_type_id, s.task_date
      ORDER BY s.task_date, s.team_id, s.task_type_id`,
    [electionId, workLocationId],
  );
}

/** The station's distribution, read inside the caller's transaction (the election and station already found). */
export async function distributionIn(db: Database, tx: Transaction, tenantId: string, election: { id: string; first_task_date: string | null; last_task_date: string | null; election_day: string }, workLocationId: string): Promise<DistributionRow> {
  const collate = await collateOf(db, tx, tenantId);
  const teams = await select<{ id: string; name: string }>(
    db,
    tx,
    `SELECT t.id, t.name FROM teams t
      WHERE t.id IN (SELECT team_id FROM work_location_teams WHERE work_location_id = $2 UNION SELECT team_id FROM task_slots WHERE election_id = $1 AND work_location_id = $2)
      ORDER BY t.name ${collate}, t.id`,
    [election.id, workLocationId],
  );
  const taskTypes = await select<{ id: string; title: string; short_name: string; trusted: boolean }>(
    db,
    tx,
    `SELECT t.id, t.title, t.short_name, t.trusted FROM task_types t
      WHERE t.id IN (SELECT task_type_id FROM work_location_task_types WHERE work_location_id = $2 UNION SELECT task_type_id FROM task_slots WHERE election_id = $1 AND work_location_id = $2)
      ORDER BY t.start_time, t.title ${collate}, t.id`,
    [election.id, workLocationId],
  );
  return { dates: taskDates(election), teams, task_types: taskTypes, cells: await distributionCells(db, tx, election.id, workLocationId) };
}

export async function slotDistribution(deps: ElectionDeps, actor: Actor, electionId: string, workLocationId: string): Promise<DistributionRow> {
  authorize(actor, 'election.slots.view', { tenantId: actor.tenantId });
  const { db } = deps;
  return db.withTenant(actor.tenantId, async (tx) => {
    const election = await slotElection(db, tx, electionId);
    await electionWorkLocation(db, tx, electionId, workLocationId);
    return distributionIn(db, tx, actor.tenantId, election, workLocationId);
  });
}
