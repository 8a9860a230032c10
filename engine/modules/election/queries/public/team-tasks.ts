// "Team tasks" on the public site: the open (vacant) tasks of the teams the logged-in person is a member of, in
// the active elections, from today on in the tenant's time zone, grouped by date, work location, task type and team
// with how many are open; filtered by date and work location. Trusted task types are never offered (as by a team
// link). A citizen who is no participant yet, or in no team, sees no teams and no tasks. Nothing about any other
// participant is read.
import type { Actor } from '../../../../actors';
import { zoneOf } from '../../../../flows/tenant-rules';
import { linkPagePath, linkTokenKey, openLinkToken } from '../../commands/links/link-tokens';
import { COLLATION, select, tenantFacts, type ElectionDeps } from '../../db';
import { authorize } from '../../policies';
import { findMyParticipantId } from '../../public/me';

/** At most this many groups are listed (filters narrow a large team's list). */
export const TEAM_TASK_GROUPS = 1000;

export interface TeamTasksFilter {
  date?: string;
  workLocationId?: string;
}

export interface TeamTasks {
  /** `linkPath`: the page of the team's newest working team link (English path), where a member signs up. */
  teams: { id: string; name: string; linkPath?: string }[];
  tasks: {
    electionTitle: string;
    date: string;
    workLocation: { id: string; name: string; address: string; areaName: string };
    taskType: { id: string; title: string; description: string; start: string; end: string; payment: number };
    team: { id: string; name: string };
    vacant: number;
  }[];
  dates: string[];
  workLocations: { id: string; name: string }[];
}

interface GroupRow {
  election_title: string;
  date: string;
  wl_id: string;
  wl_name: string;
  address: string;
  postal_code: string;
  city: string;
  area_name: string;
  tt_id: string;
  tt_title: string;
  tt_description: string;
  start: string;
  end: string;
  payment: string;
  team_id: string;
  team_name: string;
  vacant: number;
}

const OPEN = `task_slots s JOIN elections e ON e.id = s.election_id JOIN work_locations wl ON wl.id = s.work_location_id
  JOIN task_types tt ON tt.id = s.task_type_id JOIN teams t ON t.id = s.team_id
 WHERE e.active AND s.state = 'vacant' AND NOT tt.trusted AND s.task_date >= (now() AT TIME ZONE $1)::date AND s.team_id = ANY($2::uuid[])`;

export async function teamTasks(deps: ElectionDeps, actor: Actor, tenantId: string, filter: TeamTasksFilter): Promise<TeamTasks> {
  authorize(actor, 'election.self.manage', { tenantId });
  const { db } = deps;
  return db.withTenant(tenantId, async (tx) => {
    const empty: TeamTasks = { teams: [], tasks: [], dates: [], workLocations: [] };
    const me = await findMyParticipantId(db, tx, actor);
    if (!me) return empty;
    const { country } = await tenantFacts(db, tx, tenantId);
    const collate = COLLATION[country];
    const teams = await select<{ id: string; name: string }>(db, tx, `SELECT t.id, t.name FROM team_members m JOIN teams t ON t.id = m.team_id WHERE m.participant_id = $1 ORDER BY t.name COLLATE ${collate}`, [me]);
    if (!teams.length) return empty;
    // Each team's newest working team link (an active election's, not revoked or expired): its page offers the
    // same tasks with the way to sign up for one.
    const links = await select<{ id: string; team_id: string; token_sealed: Buffer }>(
      db,
      tx,
      `SELECT DISTINCT ON (l.team_id) l.id, l.team_id, l.token_sealed FROM task_links l JOIN elections e ON e.id = l.election_id
        WHERE l.kind = 'team' AND l.team_id = ANY($1::uuid[]) AND l.revoked_at IS NULL AND l.expires_at > now() AND e.active
        ORDER BY l.team_id, l.created_at DESC`,
      [teams.map((t) => t.id)],
    );
    const key = links.length ? await linkTokenKey(deps.keyring, tx, tenantId) : undefined;
    const linkOf = new Map(links.map((l) => [l.team_id, linkPagePath(openLinkToken(key!, tenantId, l.id, l.token_sealed))]));
    const base = [zoneOf(country), teams.map((t) => t.id)];
    const bind = [...base];
    let where = '';
    if (filter.date) {
      bind.push(filter.date);
      where += ` AND s.task_date = $${bind.length}::date`;
    }
    if (filter.workLocationId) {
      bind.push(filter.workLocationId);
      where += ` AND s.work_location_id = $${bind.length}::uuid`;
    }
    const groups = await select<GroupRow>(
      db,
      tx,
      `SELECT e.title AS election_title, s.task_date::text AS date, wl.id AS wl_id, wl.name AS wl_name, wl.address, wl.postal_code, wl.city, a.name AS area_name,
              tt.id AS tt_id, tt.title AS tt_title, tt.description AS tt_description, to_char(tt.start_time, 'HH24:MI') AS start, to_char(tt.end_time, 'HH24:MI') AS "end",
              tt.payment::text AS payment, t.id AS team_id, t.name AS team_name, count(*)::integer AS vacant
         FROM ${OPEN.replace('JOIN teams t', 'JOIN election_areas a ON a.id = wl.area_id JOIN teams t')}${where}
        GROUP BY e.id, s.task_date, wl.id, a.name, tt.id, t.id
        ORDER BY s.task_date, a.name COLLATE ${collate}, wl.name COLLATE ${collate}, tt.start_time, tt.title COLLATE ${collate}, t.name COLLATE ${collate}
        LIMIT ${TEAM_TASK_GROUPS}`,
      bind,
    );
    // What the filters can choose: every open task's date and work location, whatever is chosen now.
    const dates = await select<{ date: string }>(db, tx, `SELECT DISTINCT s.task_date::text AS date FROM ${OPEN} ORDER BY 1`, base);
    const workLocations = await select<{ id: string; name: string }>(db, tx, `SELECT wl.id, wl.name FROM ${OPEN} GROUP BY wl.id, wl.name ORDER BY wl.name COLLATE ${collate}`, base);
    return {
      teams: teams.map((t) => ({ ...t, ...(linkOf.has(t.id) ? { linkPath: linkOf.get(t.id)! } : {}) })),
      tasks: groups.map((g) => ({
        electionTitle: g.election_title,
        date: g.date,
        workLocation: { id: g.wl_id, name: g.wl_name, address: [g.address, [g.postal_code, g.city].filter(Boolean).join(' ')].filter(Boolean).join(', '), areaName: g.area_name },
        taskType: { id: g.tt_id, title: g.tt_title, description: g.tt_description, start: g.start, end: g.end, payment: Number(g.payment) },
        team: { id: g.team_id, name: g.team_name },
        vacant: g.vacant,
      })),
      dates: dates.map((d) => d.date),
      workLocations,
    };
  });
}
