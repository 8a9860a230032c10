// The election module's responsibilities routes (admin site; administrators, policies.ts): who is responsible
// for which team or work location, making a participant responsible and taking it back. The grant is carried by
// the participant's session from their next request on (the platform reads grants with every request).
import type { IdParams } from '../../../../schemas/types/api-id-params';
import type { ElectionResponsibilityGrantInput } from '../../../../schemas/types/election-responsibility-grant';
import type { ElectionResponsibilityGrant } from '../../../../schemas/types/election-responsibility-grant-record';
import type { ElectionResponsibilityGrantList } from '../../../../schemas/types/election-responsibility-grant-list';
import { defineRoute, type RouteSpec } from '../../../http/route';
import { grantResponsibility, revokeResponsibility } from '../commands/responsibilities';
import { listResponsibilities } from '../queries/responsibilities';
import { onSite, type ElectionRouteDeps } from './context';

const TAGS = ['Election: responsibilities'];

export function responsibilityRoutes(deps: ElectionRouteDeps): RouteSpec[] {
  return [
    defineRoute<{ response: ElectionResponsibilityGrantList }>({
      method: 'GET',
      path: '/election/responsibility-grants',
      summary: 'Team and work-location responsibilities given to participants',
      tags: TAGS,
      responses: { 200: 'election/responsibility-grant-list.schema.json' },
      handler: async ({ ctx, req }) => {
        onSite(req, 'admin');
        return { grants: await listResponsibilities(deps, ctx) };
      },
    }),
    defineRoute<{ body: ElectionResponsibilityGrantInput; response: ElectionResponsibilityGrant }>({
      method: 'POST',
      path: '/election/responsibility-grants',
      summary: 'Make a participant responsible for a team or a work location',
      description: 'The team or work location must be the tenant’s own (else 400 naming /scopeId); granting what is already granted answers the existing grant.',
      tags: TAGS,
      body: 'election/responsibility-grant.schema.json',
      responses: { 201: 'election/responsibility-grant-record.schema.json' },
      handler: ({ ctx, body, req }) => {
        onSite(req, 'admin');
        return grantResponsibility(deps, ctx, body);
      },
    }),
    defineRoute<{ params: IdParams }>({
      method: 'DELETE',
      path: '/election/responsibility-grants/:id',
      summary: 'Take a responsibility back',
      tags: TAGS,
      params: 'api/id-params.schema.json',
      responses: { 204: 'empty' },
      handler: ({ ctx, params, req }) => {
        onSite(req, 'admin');
        return revokeResponsibility(deps, ctx, params.id);
      },
    }),
  ];
}
