// An election's task links for the admin site, the newest first: what each offers (the slot, the team or the
// filters with their names), its token opened again (for its URL and QR code), whether it still works and how
// many vacant slots it offers now. Another tenant's election is a missing one (404).
import type { ElectionLinkFilters } from '../../../../../schemas/types/election-link-filters';
import type { Actor } from '../../../../actors';
import { NotFoundError } from '../../../../errors';
import { zoneOf } from '../../../../flows/tenant-rules';
import { select, tenantFacts, type ElectionDeps } from '../../db';
import { findElection } from '../../commands/elections/shared';
import { linkTokenKey, openLinkToken } from '../../commands/links/link-tokens';
import { authorize } from '../../policies';
import { OFFER_FROM, offeredSlotsWhere, type LinkKind } from './offered-slots';

export const LINKS_LISTED = 200;

export type LinkStatus = 'active' | 'revoked' | 'expired' | 'electionInactive';

export interface Named {
  id: string;
  name: string;
}

export interface LinkListRow {
  id: string;
  kind: LinkKind;
  electionId: string;
  token: string;
  status: LinkStatus;
  vacant: number;
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  slot?: { id: string; date: string; workLocation: Named; taskType: Named; team: Named; vacant: boolean };
  team?: Named;
  filters?: { teams: Named[]; dates: string[]; areas: Named[]; workLocations: Named[]; taskTypes: Named[] };
}

interface Row {
  id: string;
  tenant_id: string;
  election_id: string;
  kind: LinkKind;
  slot_id: string | null;
  team_id: string | null;
  filters: ElectionLinkFilters;
  token_sealed: Buffer;
  status: LinkStatus;
  created_at: Date;
  expires_at: Date;
  revoked_at: Date | null;
}

interface SlotRow {
  id: string;
  date: string;
  state: string;
  wl_id: string;
  wl_name: string;
  tt_id: string;
  tt_title: string;
  team_id: string;
  team_name: string;
}

export async function listLinks(deps: ElectionDeps, actor: Actor, electionId: string, only?: { linkId: string }): Promise<{ items: LinkListRow[]; total: number }> {
  authorize(actor, 'election.links.manage', { tenantId: actor.tenantId });
  const { db } = deps;
  return db.withTenant(actor.tenantId, async (tx) => {
    const election = await findElection(deps, tx, electionId);
    const zone = zoneOf((await tenantFacts(db, tx, actor.tenantId)).country);
    const [count] = await select<{ n: number }>(db, tx, 'SELECT count(*)::integer AS n FROM task_links WHERE election_id = $1', [election.id]);
    const rows = await select<Row>(
      db,
      tx,
      `SELECT l.id, l.tenant_id, l.election_id, l.kind, l.slot_id, l.team_id, l.filters, l.token_sealed, l.created_at, l.expires_at, l.revoked_at,
              CASE WHEN l.revoked_at IS NOT NULL THEN 'revoked' WHEN l.expires_at <= now() THEN 'expired' WHEN NOT e.active THEN 'electionInactive' ELSE 'active' END AS status
         FROM task_links l JOIN elections e ON e.id = l.election_id
        WHERE l.election_id = $1 AND ($2::uuid IS NULL OR l.id = $2::uuid) ORDER BY l.created_at DESC, l.id LIMIT ${LINKS_LISTED}`,
      [election.id, only?.linkId ?? null],
    );
    if (rows.length === 0) return { items: [], total: count?.n ?? 0 };

    // The names the links refer to, one query per kind of thing.
    const ids = (pick: (r: Row) => (string | null | undefined)[]) => [...new Set(rows.flatMap(pick).filter((x): x is string => !!x))];
    const names = async (sql: string, list: string[]) => new Map((list.length ? await select<Named>(db, tx, sql, [list]) : []).map((r) => [r.id, r.name]));
    const teams = await names('SELECT id, name FROM teams WHERE id = ANY($1::uuid[])', ids((r) => [r.team_id, ...(r.filters.teamIds ?? [])]));
    const areas = await names('SELECT id, name FROM election_areas WHERE id = ANY($1::uuid[])', ids((r) => r.filters.areaIds ?? []));
    const places = await names('SELECT id, name FROM work_locations WHERE id = ANY($1::uuid[])', ids((r) => r.filters.workLocationIds ?? []));
    const types = await names('SELECT id, title AS name FROM task_types WHERE id = ANY($1::uuid[])', ids((r) => r.filters.taskTypeIds ?? []));
    const slotIds = ids((r) => [r.slot_id]);
    const slots = new Map(
      (slotIds.length
        ? await select<SlotRow>(
            db,
            tx,
            `SELECT s.id, s.task_date::text AS date, s.state, wl.id AS wl_id, wl.name AS wl_name, tt.id AS tt_id, tt.title AS tt_title, t.id AS team_id, t.name AS team_name
               FROM task_slots s JOIN work_locations wl ON wl.id = s.work_location_id JOIN task_types tt ON tt.id = s.task_type_id JOIN teams t ON t.id = s.team_id
              WHERE s.id = ANY($1::uuid[])`,
            [slotIds],
          )
        : []
      ).map((s) => [s.id, s]),
    );
    const named = (map: Map<string, string>, list: string[] | undefined): Named[] => (list ?? []).flatMap((id) => (map.has(id) ? [{ id, name: map.get(id)! }] : []));

    const key = await linkTokenKey(deps.keyring, tx, actor.tenantId);
    const items: LinkListRow[] = [];
    for (const r of rows) {
      let vacant = 0;
      if (r.status === 'active') {
        const { where, bind } = offeredSlotsWhere(r, zone);
        vacant = (await select<{ n: number }>(db, tx, `SELECT count(*)::integer AS n FROM ${OFFER_FROM} WHERE ${where}`, bind))[0]?.n ?? 0;
      }
      const item: LinkListRow = { id: r.id, kind: r.kind, electionId: r.election_id, token: openLinkToken(key, r.tenant_id, r.id, r.token_sealed), status: r.status, vacant, createdAt: r.created_at, expiresAt: r.expires_at, revokedAt: r.revoked_at };
      const slot = r.slot_id ? slots.get(r.slot_id) : undefined;
      if (slot) item.slot = { id: slot.id, date: slot.date, workLocation: { id: slot.wl_id, name: slot.wl_name }, taskType: { id: slot.tt_id, name: slot.tt_title }, team: { id: slot.team_id, name: slot.team_name }, vacant: slot.state === 'vacant' };
      if (r.team_id && teams.has(r.team_id)) item.team = { id: r.team_id, name: teams.get(r.team_id)! };
      if (r.kind === 'tasks')
        item.filters = { teams: named(teams, r.filters.teamIds), dates: [...(r.filters.dates ?? [])], areas: named(areas, r.filters.areaIds), workLocations: named(places, r.filters.workLocationIds), taskTypes: named(types, r.filters.taskTypeIds) };
      items.push(item);
    }
    return { items, total: count?.n ?? rows.length };
  });
}

/** One link of the election, as listed (after it was made); 404 when the election has none with this id. */
export async function findLink(deps: ElectionDeps, actor: Actor, electionId: string, linkId: string): Promise<LinkListRow> {
  const [link] = (await listLinks(deps, actor, electionId, { linkId })).items;
  if (!link) throw new NotFoundError();
  return link;
}
