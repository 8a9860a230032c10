// A team responsible's invite link for their team (public site, my team): the team link that works now — of the
// active election, not revoked, not expired — or, when there is none, a new one, made as an administrator's would
// be (commands/links/create-link.ts: expires at the end of the day after election day, token sealed, audited
// election.linkCreated with ids only). The team row is locked first, so two clicks at once make one link.
// No active election: 409 election.teamLinkNoElection.
import { randomUUID } from 'node:crypto';
import type { ElectionPublicTeamLink } from '../../../../../schemas/types/election-public-team-link';
import { actorColumns, recordAudit, type CommandContext } from '../../../../audit/record';
import { NotFoundError } from '../../../../errors';
import { zoneOf } from '../../../../flows/tenant-rules';
import { execute, select, tenantFacts, type ElectionDeps } from '../../db';
import { electionConflict } from '../../errors';
import { qrSvg } from '../../presenters/links';
import { electionPageUrl } from '../../public-pages';
import { authorizeScope } from '../../queries/public/scope';
import { hashLinkToken, linkPagePath, linkTokenKey, newLinkToken, openLinkToken, sealLinkToken } from '../links/link-tokens';

/** `origin`: this public site's origin, which the link's URL starts with (its path in the tenant's language). */
export async function teamInviteLink(deps: ElectionDeps, ctx: CommandContext, teamId: string, origin: string): Promise<ElectionPublicTeamLink> {
  authorizeScope(ctx.actor, ctx.tenantId, 'election.team.view', teamId);
  const { db } = deps;
  const { tenantId } = ctx;
  return db.withTenant(tenantId, async (tx) => {
    const [team] = await select(db, tx, 'SELECT 1 FROM teams WHERE id = $1 FOR UPDATE', [teamId]);
    if (!team) throw new NotFoundError();
    const key = await linkTokenKey(deps.keyring, tx, tenantId);
    const { country, defaultLocale } = await tenantFacts(db, tx, tenantId);
    const [existing] = await select<{
      id: string;
      token_sealed: Buffer;
      expires_at: Date;
    }>(
      db,
      tx,
      `SELECT l.id, l.token_sealed, l.expires_at FROM task_links l JOIN elections e ON e.id = l.election_id AND e.active
        WHERE l.kind = 'team' AND l.team_id = $1 AND l.revoked_at IS NULL AND l.expires_at > now()
        ORDER BY l.created_at DESC, l.id LIMIT 1`,
      [teamId],
    );
    let id: string;
    let token: string;
    let expiresAt: Date;
    if (existing) {
      id = existing.id;
      token = openLinkToken(key, tenantId, id, existing.token_sealed);
      expiresAt = new Date(existing.expires_at);
    } else {
      // The active election whose links still work (the latest election day first).
      const [election] = await select<{ id: string; expires_at: Date }>(
        db,
        tx,
        `SELECT id, x AS expires_at FROM (SELECT id, election_day, ((election_day + 2)::timestamp AT TIME ZONE $1) AS x FROM elections WHERE active) e
          WHERE x > now() ORDER BY election_day DESC, id LIMIT 1`,
        [zoneOf(country)],
      );
      if (!election) throw electionConflict('election.teamLinkNoElection', 'there is no active election to invite to', {});
      id = randomUUID();
      token = newLinkToken();
      expiresAt = new Date(election.expires_at);
      await execute(
        db,
        tx,
        `INSERT INTO task_links (id, tenant_id, election_id, kind, team_id, filters, token_hash, token_sealed, expires_at, created_by)
         VALUES ($1, $2, $3, 'team', $4, '{}', $5, $6, $7, $8)`,
        [id, tenantId, election.id, teamId, hashLinkToken(token), sealLinkToken(key, tenantId, id, token), expiresAt, actorColumns(ctx.actor).actorId],
      );
      await recordAudit(db, tx, ctx, {
        action: 'election.linkCreated',
        entityType: 'electionTaskLink',
        entityId: id,
        summary: { electionId: election.id, kind: 'team', teamId },
      });
    }
    const url = electionPageUrl(origin, linkPagePath(token), defaultLocale);
    return {
      id,
      kind: 'team',
      url,
      qrSvg: await qrSvg(url),
      expiresAt: expiresAt.toISOString(),
    };
  });
}
