// A team's task distribution for its responsible on the public site: the team's slots in the active elections,
// per work location and date, how many are accepted, invited and vacant; the team's invite link when one works
// (made by commands/public/team-link.ts) and the working links of the team's single vacant tasks (made by an
// administrator), each as a URL on this public site. Authorized per team (scope.ts).
import type { Actor } from '../../../../actors';
import { NotFoundError } from '../../../../errors';
import type { ElectionPublicTeamDistribution } from '../../../../../schemas/types/election-public-team-distribution';
import { COLLATION, select, tenantFacts, type ElectionDeps } from '../../db';
import { linkPagePath, linkTokenKey, openLinkToken } from '../../commands/links/link-tokens';
import { electionPageUrl } from '../../public-pages';
import { authorizeScope } from './scope';

interface FillRow {
  election_id: string;
  wl_id: string;
  wl_name: string;
  date: string;
  slots: number;
  accepted: number;
  invited: number;
  vacant: number;
}

interface LinkRow {
  id: string;
  kind: 'task' | 'team';
  slot_id: string | null;
  token_sealed: Buffer;
  expires_at: Date;
}

/** `origin`: this public site's origin (scheme, host, port), which the links' URLs start with. */
export async function teamDistribution(deps: ElectionDeps, actor: Actor, tenantId: string, teamId: string, origin: string): Promise<ElectionPublicTeamDistribution> {
  authorizeScope(actor, tenantId, 'election.team.view', teamId);
  const { db } = deps;
  return db.withTenant(tenantId, async (tx) => {
    const [team] = await select<{ id: string; name: string }>(db, tx, 'SELECT id, name FROM teams WHERE id = $1', [teamId]);
    if (!team) throw new NotFoundError();
    const { country, defaultLocale } = await tenantFacts(db, tx, tenantId);
    const rows = await select<FillRow>(
      db,
      tx,
      `SELECT s.election_id, w.id AS wl_id, w.name AS wl_name, to_char(s.task_date, 'YYYY-MM-DD') AS date, count(*)::int AS slots,
              count(*) FILTER (WHERE s.state = 'accepted')::int AS accepted, count(*) FILTER (WHERE s.state = 'invited')::int AS invited,
              count(*) FILTER (WHERE s.state NOT IN ('accepted', 'invited'))::int AS vacant
         FROM task_slots s JOIN elections e ON e.id = s.election_id AND e.active JOIN work_locations w ON w.id = s.work_location_id
        WHERE s.team_id = $1
        GROUP BY s.election_id, w.id, s.task_date
        ORDER BY s.task_date, w.name COLLATE ${COLLATION[country]}, w.id`,
      [teamId],
    );
    const links = await select<LinkRow>(
      db,
      tx,
      `SELECT l.id, l.kind, l.slot_id, l.token_sealed, l.expires_at
         FROM task_links l JOIN elections e ON e.id = l.election_id AND e.active
         LEFT JOIN task_slots s ON s.id = l.slot_id
        WHERE l.revoked_at IS NULL AND l.expires_at > now()
          AND ((l.kind = 'team' AND l.team_id = $1) OR (l.kind = 'task' AND s.team_id = $1 AND s.state = 'vacant'))
        ORDER BY l.created_at DESC, l.id`,
      [teamId],
    );
    const key = links.length ? await linkTokenKey(deps.keyring, tx, tenantId) : undefined;
    const shown = links.map((l) => ({
      id: l.id,
      kind: l.kind,
      url: electionPageUrl(origin, linkPagePath(openLinkToken(key!, tenantId, l.id, l.token_sealed)), defaultLocale),
      expiresAt: new Date(l.expires_at).toISOString(),
      ...(l.slot_id ? { slotId: l.slot_id } : {}),
    }));
    return {
      team: { id: team.id, name: team.name },
      rows: rows.map((r) => ({
        electionId: r.election_id,
        workLocation: { id: r.wl_id, name: r.wl_name },
        date: r.date,
        fill: {
          slots: r.slots,
          accepted: r.accepted,
          invited: r.invited,
          vacant: r.vacant,
        },
      })),
      teamLink: shown.find((l) => l.kind === 'team') ?? null,
      taskLinks: shown.filter((l) => l.kind === 'task'),
    };
  });
}
