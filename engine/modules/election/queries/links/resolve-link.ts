// What a task link offers on the public site, by its token, to anyone (the token is the permission): the
// election, the team of a team link, and the vacant slots it offers grouped by work location, task type, team
// and date with how many of each (a task link: its one slot, while vacant). Trusted task types are never offered
// by a tasks or team link. A token that is unknown, revoked, expired, of an inactive election or of another
// tenant is answered the same: 404. Nothing about any participant is read.
import type { ElectionLinkFilters } from '../../../../../schemas/types/election-link-filters';
import { NotFoundError } from '../../../../errors';
import { zoneOf } from '../../../../flows/tenant-rules';
import { COLLATION, select, tenantFacts, type ElectionDeps } from '../../db';
import { linkTokenHash } from '../../commands/links/link-tokens';
import { OFFER_FROM, offeredSlotsWhere, type LinkKind } from './offered-slots';

/** At most this many groups are offered (a tasks link of a whole large municipality still answers quickly). */
export const OFFER_GROUPS = 2000;

export interface OfferedTask {
  slotId?: string;
  /** The group's ids, which a sign-up names as its choice (with the date). */
  group: { workLocationId: string; taskTypeId: string; teamId: string };
  date: string;
  workLocation: { name: string; address: string; areaName: string };
  taskType: { title: string; description: string; start: string; end: string; payment: number };
  team: { name: string };
  vacant: number;
}

export interface LinkOffer {
  kind: LinkKind;
  election: { title: string; electionDay: string };
  team?: { name: string; description: string };
  tasks: OfferedTask[];
}

interface LinkRow {
  kind: LinkKind;
  election_id: string;
  slot_id: string | null;
  team_id: string | null;
  filters: ElectionLinkFilters;
  title: string;
  election_day: string;
}

interface GroupRow {
  slot_id: string;
  wl_id: string;
  tt_id: string;
  team_id: string;
  date: string;
  wl_name: string;
  address: string;
  postal_code: string;
  city: string;
  area_name: string;
  tt_title: string;
  tt_description: string;
  start: string;
  end: string;
  payment: string;
  team_name: string;
  vacant: number;
}

export async function resolveLink(deps: ElectionDeps, tenantId: string, token: unknown): Promise<LinkOffer> {
  const hash = linkTokenHash(token);
  const { db } = deps;
  return db.withTenant(tenantId, async (tx) => {
    const [link] = await select<LinkRow>(
      db,
      tx,
      `SELECT l.kind, l.election_id, l.slot_id, l.team_id, l.filters, e.title, e.election_day::text AS election_day
         FROM task_links l JOIN elections e ON e.id = l.election_id
        WHERE l.token_hash = $1 AND l.revoked_at IS NULL AND l.expires_at > now() AND e.active`,
      [hash],
    );
    if (!link) throw new NotFoundError();
    const { country } = await tenantFacts(db, tx, tenantId);
    const collate = COLLATION[country];
    const { where, bind } = offeredSlotsWhere(link, zoneOf(country));
    const groups = await select<GroupRow>(
      db,
      tx,
      `SELECT min(s.id::text) AS slot_id, wl.id AS wl_id, tt.id AS tt_id, t.id AS team_id, s.task_date::text AS date, wl.name AS wl_name, wl.address, wl.postal_code, wl.city, a.name AS area_name,
              tt.title AS tt_title, tt.description AS tt_description, to_char(tt.start_time, 'HH24:MI') AS start, to_char(tt.end_time, 'HH24:MI') AS "end",
              tt.payment::text AS payment, t.name AS team_name, count(*)::integer AS vacant
         FROM ${OFFER_FROM} JOIN election_areas a ON a.id = wl.area_id JOIN teams t ON t.id = s.team_id
        WHERE ${where}
        GROUP BY s.task_date, wl.id, a.name, tt.id, t.id
        ORDER BY s.task_date, a.name COLLATE ${collate}, wl.name COLLATE ${collate}, tt.start_time, tt.title COLLATE ${collate}, t.name COLLATE ${collate}
        LIMIT ${OFFER_GROUPS}`,
      bind,
    );
    let team: LinkOffer['team'];
    if (link.kind === 'team') {
      const [row] = await select<{ name: string; description: string }>(db, tx, 'SELECT name, description FROM teams WHERE id = $1', [link.team_id]);
      if (row) team = { name: row.name, description: row.description };
    }
    return {
      kind: link.kind,
      election: { title: link.title, electionDay: link.election_day },
      ...(team ? { team } : {}),
      tasks: groups.map((g) => ({
        ...(link.kind === 'task' ? { slotId: g.slot_id } : {}),
        group: { workLocationId: g.wl_id, taskTypeId: g.tt_id, teamId: g.team_id },
        date: g.date,
        workLocation: { name: g.wl_name, address: [g.address, [g.postal_code, g.city].filter(Boolean).join(' ')].filter(Boolean).join(', '), areaName: g.area_name },
        taskType: { title: g.tt_title, description: g.tt_description, start: g.start, end: g.end, payment: Number(g.payment) },
        team: { name: g.team_name },
        vacant: g.vacant,
      })),
    };
  });
}
