// The election module's task links. Admin site: an election's links (list, create, revoke), each with its URL on
// the tenant's public site and a QR code. Public site, no login: what a link offers, by its token (404 for an
// unknown, revoked or expired token or an inactive election, all alike). The platform's rate limits apply.
import type { IdParams } from '../../../../schemas/types/api-id-params';
import type { ElectionLink } from '../../../../schemas/types/election-link-record';
import type { ElectionLinkList } from '../../../../schemas/types/election-link-list';
import type { ElectionLinkOffer } from '../../../../schemas/types/election-link-offer';
import type { ElectionLinkParams } from '../../../../schemas/types/election-link-params';
import type { ElectionLinkTokenParams } from '../../../../schemas/types/election-link-token-params';
import type { Request } from 'express';
import { defineRoute, type RouteSpec } from '../../../http/route';
import { loadPublicHost, publicOriginFor } from '../../../queries/site';
import { createLink } from '../commands/links/create-link';
import { revokeLink } from '../commands/links/revoke-link';
import { presentLink } from '../presenters/links';
import { findLink, listLinks } from '../queries/links/list-links';
import { resolveLink } from '../queries/links/resolve-link';
import { onSite, tenantLocale, type ElectionRouteDeps } from './context';

const TAGS = ['Election staffing: task links'];
const RECORD = 'election/link-record.schema.json';

export function linkRoutes(deps: ElectionRouteDeps): RouteSpec[] {
  /** The public site's origin as seen from this admin request; undefined when the tenant has no public host. */
  const publicOrigin = async (req: Request, tenantId: string): Promise<string | undefined> => {
    const host = await loadPublicHost(deps.db, tenantId);
    return host ? publicOriginFor(host, req.protocol, req.get('host')) : undefined;
  };
  return [
    defineRoute<{ params: IdParams; response: ElectionLinkList }>({
      method: 'GET',
      path: '/election/elections/:id/links',
      summary: 'The election’s task links, the newest first, each with its URL and QR code',
      description: 'The token is kept sealed, so a link and its QR code can be shown again (for a poster). `vacant`: how many vacant slots it offers now.',
      tags: TAGS,
      params: 'api/id-params.schema.json',
      responses: { 200: 'election/link-list.schema.json' },
      handler: async ({ params, actor, tenantId, req }) => {
        onSite(req, 'admin');
        const { items, total } = await listLinks(deps, actor, params.id);
        const origin = await publicOrigin(req, tenantId);
        const locale = await tenantLocale(deps.db, tenantId);
        return { items: await Promise.all(items.map((l) => presentLink(l, origin, locale))), total };
      },
    }),
    defineRoute<{ params: IdParams; body: unknown; response: ElectionLink }>({
      method: 'POST',
      path: '/election/elections/:id/links',
      summary: 'Create a task link: one slot (task), filtered vacant slots (tasks) or a team’s vacant slots (team)',
      description:
        'Names only the tenant’s rows (400 naming the field otherwise); a task link’s slot must be vacant (409 election.linkSlotNotVacant). Expires at the end of the day after election day; an election past that gets none (409 election.linkElectionOver). Trusted task types are never offered by a tasks or team link. Audited election.linkCreated.',
      tags: TAGS,
      params: 'api/id-params.schema.json',
      body: 'election/link-create.schema.json',
      responses: { 201: RECORD },
      handler: async ({ params, body, ctx, actor, tenantId, req }) => {
        onSite(req, 'admin');
        const { id } = await createLink(deps, ctx, params.id, body);
        return presentLink(await findLink(deps, actor, params.id, id), await publicOrigin(req, tenantId), await tenantLocale(deps.db, tenantId));
      },
    }),
    defineRoute<{ params: ElectionLinkParams }>({
      method: 'DELETE',
      path: '/election/elections/:id/links/:linkId',
      summary: 'Revoke a task link',
      description: 'From then on the public site answers it 404. Revoking a revoked link changes nothing. Audited election.linkRevoked.',
      tags: TAGS,
      params: 'election/link-params.schema.json',
      responses: { 204: 'empty' },
      handler: async ({ params, ctx, req }) => {
        onSite(req, 'admin');
        await revokeLink(deps, ctx, params.id, params.linkId);
      },
    }),
    defineRoute<{ params: ElectionLinkTokenParams; response: ElectionLinkOffer }>({
      method: 'GET',
      path: '/election/links/:token',
      summary: 'What a task link offers (public site, no login)',
      description: 'The election, the team (team link) and the vacant tasks grouped by work location, task type, team and date with how many are vacant. Unknown, revoked, expired and inactive-election links all answer 404 alike.',
      tags: TAGS,
      params: 'election/link-token-params.schema.json',
      responses: { 200: 'election/link-offer.schema.json' },
      handler: async ({ params, tenantId, req }) => {
        onSite(req, 'public');
        return resolveLink(deps, tenantId, params.token);
      },
    }),
  ];
}
