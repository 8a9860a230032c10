// The registry refresh on the admin site (each answers 404 on the public site): run it now, list the latest runs,
// follow one's progress. The refresh runs as a workflow (workflows/election/registry-refresh/); the weekly one
// comes by itself.
import type { IdParams } from '../../../../schemas/types/api-id-params';
import type { ElectionRegistryRefresh } from '../../../../schemas/types/election-registry-refresh';
import type { ElectionRegistryRefreshList } from '../../../../schemas/types/election-registry-refresh-list';
import { defineRoute, reply, type RouteSpec } from '../../../http/route';
import { registryRefresh, registryRefreshes, runRegistryRefreshNow } from '../registry-refresh/admin';
import { onSite, type ElectionRouteDeps } from './context';

const TAGS = ['Election staffing: registry refresh'];

export function registryRefreshRoutes(deps: ElectionRouteDeps): RouteSpec[] {
  return [
    defineRoute<{ body: unknown; response: ElectionRegistryRefresh }>({
      method: 'POST',
      path: '/election/registry-refreshes',
      summary: 'Run the registry refresh now',
      description:
        'Re-reads from the civil registry every participant holding a task of the election (electionId) or of every active election: name, address and municipality are updated, those who no longer qualify are taken off their tasks with the "removed by validation" message. 201 with the new run; 200 with the run of the same scope that is still running. An electionId that is not this tenant’s: 400 election.unknownId naming /electionId.',
      tags: TAGS,
      body: 'election/registry-refresh-start.schema.json',
      responses: { 201: 'election/registry-refresh.schema.json', 200: 'election/registry-refresh.schema.json' },
      handler: async ({ body, ctx, req }) => {
        onSite(req, 'admin');
        const { refresh, created } = await runRegistryRefreshNow(deps, ctx, body);
        return created ? refresh : reply(200, refresh);
      },
    }),
    defineRoute<{ response: ElectionRegistryRefreshList }>({
      method: 'GET',
      path: '/election/registry-refreshes',
      summary: 'The latest registry refreshes',
      tags: TAGS,
      responses: { 200: 'election/registry-refresh-list.schema.json' },
      handler: async ({ actor, req }) => {
        onSite(req, 'admin');
        return registryRefreshes(deps, actor);
      },
    }),
    defineRoute<{ params: IdParams; response: ElectionRegistryRefresh }>({
      method: 'GET',
      path: '/election/registry-refreshes/:id',
      summary: 'A registry refresh’s progress and outcome',
      tags: TAGS,
      params: 'api/id-params.schema.json',
      responses: { 200: 'election/registry-refresh.schema.json' },
      handler: async ({ params, actor, req }) => {
        onSite(req, 'admin');
        return registryRefresh(deps, actor, params.id);
      },
    }),
  ];
}
