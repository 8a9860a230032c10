// The election's pages on the public site (answered 404 on the admin site): its front page, FAQ, privacy
// statement and contact details for anyone, and the open tasks of a logged-in person's teams.
import type { ElectionPublicSite } from '../../../../schemas/types/election-public-site';
import type { ElectionPublicTeamTasks } from '../../../../schemas/types/election-public-team-tasks';
import type { ElectionPublicTeamTasksQuery } from '../../../../schemas/types/election-public-team-tasks-query';
import { defineRoute, type RouteSpec } from '../../../http/route';
import { publicSite } from '../queries/public/site';
import { teamTasks } from '../queries/public/team-tasks';
import { onSite, type ElectionRouteDeps } from './context';

const TAGS = ['Election staffing: public site'];

export function publicSiteRoutes(deps: ElectionRouteDeps): RouteSpec[] {
  return [
    defineRoute<{ response: ElectionPublicSite }>({
      method: 'GET',
      path: '/election/public/site',
      summary: 'The election’s public pages: front page, FAQ, privacy statement, contact (public site, no login)',
      description: 'The front page’s text only while an election is active (null: the site says there is none); the FAQ only when switched on (null otherwise); the privacy statement is the newest published version of the chosen consent-statement form.',
      tags: TAGS,
      responses: { 200: 'election/public-site.schema.json' },
      handler: async ({ actor, tenantId, req }) => {
        onSite(req, 'public');
        return publicSite(deps, actor, tenantId);
      },
    }),
    defineRoute<{ query: ElectionPublicTeamTasksQuery; response: ElectionPublicTeamTasks }>({
      method: 'GET',
      path: '/election/public/team-tasks',
      summary: 'The open tasks of the teams the logged-in person is a member of (public site, e-ID login)',
      description: 'Vacant slots of the active elections from today on, grouped by date, work location, task type and team; trusted task types are never offered. Filters: date, workLocationId. 401 without login; a citizen in no team gets empty lists.',
      tags: TAGS,
      query: 'election/public-team-tasks-query.schema.json',
      responses: { 200: 'election/public-team-tasks.schema.json' },
      handler: async ({ query, actor, tenantId, req }) => {
        onSite(req, 'public');
        return teamTasks(deps, actor, tenantId, query);
      },
    }),
  ];
}
