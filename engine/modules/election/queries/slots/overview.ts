// The overview of an election's staffing (the admin site's start page of the selected election): every area and
// polling station of the election with how many of its task slots are accepted, awaiting an answer (invited) and
// vacant, and the totals; filtered by teams, task types and dates (any of each). One aggregate over the slots,
// grouped by work location, on the index of migration 0019; the stations and areas joined to it.
import type { Actor } from '../../../../actors';
import { select, type ElectionDeps } from '../../db';
import { authorize } from '../../policies';
import { collateOf, slotElection } from './shared';

export interface SlotFilter {
  teamIds?: string[];
  taskTypeIds?: string[];
  /** ISO dates. */
  dates?: string[];
}

/** One of the election's stations (in area order) with its slots' counts; vacant = slots − accepted − invited. */
export interface OverviewRow {
  area_id: string;
  area_name: string;
  id: string;
  name: string;
  district_number: string;
  slots: number;
  accepted: number;
  invited: number;
}

/** The slot conditions of a filter (alias `s`), with their parameters numbered from `next`. */
export function filterSql(filter: SlotFilter, next: number): { where: string; bind: unknown[] } {
  const where: string[] = [];
  const bind: unknown[] = [];
  const add = (column: string, values: string[] | undefined, type: string) => {
    if (!values?.length) return;
    bind.push(values);
    where.push(`s.${column} = ANY($${next + bind.length - 1}::${type}[])`);
  };
  add('team_id', filter.teamIds, 'uuid');
  add('task_type_id', filter.taskTypeIds, 'uuid');
  add('task_date', filter.dates, 'date');
  return { where: where.map((w) => ` AND ${w}`).join(''), bind };
}

export async function slotOverview(deps: ElectionDeps, actor: Actor, electionId: string, filter: SlotFilter = {}): Promise<OverviewRow[]> {
  authorize(actor, 'election.slots.view', { tenantId: actor.tenantId });
  const { db } = deps;
  return db.withTenant(actor.tenantId, async (tx) => {
    await slotElection(db, tx, electionId);
    const collate = await collateOf(db, tx, actor.tenantId);
    const f = filterSql(filter, 2);
    return select<OverviewRow>(
      db,
      tx,
      `SELECT a.id AS area_id, a.name AS area_name, w.id, w.name, w.district_number,
              coalesce(s.slots, 0)::integer AS slots, coalesce(s.accepted, 0)::integer AS accepted, coalesce(s.invited, 0)::integer AS invited
         FROM election_work_locations ew
         JOIN work_locations w ON w.tenant_id = ew.tenant_id AND w.id = ew.work_location_id
         JOIN election_areas a ON a.tenant_id = w.tenant_id AND a.id = w.area_id
         LEFT JOIN (SELECT s.work_location_id, count(*) AS slots, count(*) FILTER (WHERE s.state = 'accepted') AS accepted, count(*) FILTER (WHERE s.state = 'invited') AS invited
                      FROM task_slots s
                     WHERE s.election_id = $1${f.where}
                     GROUP BY s.work_location_id) s ON s.work_location_id = w.id
        WHERE ew.election_id = $1
        ORDER BY a.name ${collate}, a.id, w.name ${collate}, w.id`,
      [electionId, ...f.bind],
    );
  });
}
