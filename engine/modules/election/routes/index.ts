// The election module's API routes (Module.routes), one file per area: configuration (election types, areas,
// work locations, task types and their files, teams, diets, the public site's pages), elections, participants,
// responsibilities.
import type { RouteSpec } from '../../../http/route';
import type { ModuleRouteDeps } from '../../module';
import { assignmentRoutes } from './assignments';
import { bulkDeletionRoutes } from './bulk-deletions';
import { configRoutes } from './config';
import type { ElectionRouteDeps } from './context';
import { electionRoutes } from './elections';
import { linkRoutes } from './links';
import { exportRoutes } from './exports';
import { groupMessageRoutes } from './group-messages';
import { participantRoutes } from './participants';
import { registryRefreshRoutes } from './registry-refreshes';
import { retentionRoutes } from './retention';
import { publicSignupRoutes } from './public-signup';
import { publicResponsibleRoutes } from './public-responsibles';
import { publicMeRoutes } from './public-me';
import { publicSiteRoutes } from './public-site';
import { responsibilityRoutes } from './responsibilities';
import { slotRoutes } from './slots';

export function electionModuleRoutes(deps: ModuleRouteDeps): RouteSpec[] {
  // The keyring is read lazily: the route list is also built without a running platform (the OpenAPI tests).
  const routeDeps: ElectionRouteDeps = {
    db: deps.db,
    get keyring() {
      return deps.identity.keyring;
    },
    flows: deps.flows,
    ...(deps.registry ? { registry: deps.registry } : {}),
  };
  return [...configRoutes(routeDeps), ...electionRoutes(routeDeps), ...participantRoutes(routeDeps), ...responsibilityRoutes(routeDeps), ...bulkDeletionRoutes(routeDeps), ...exportRoutes(routeDeps), ...slotRoutes(routeDeps), ...assignmentRoutes(routeDeps), ...linkRoutes(routeDeps), ...publicSignupRoutes(routeDeps), ...publicResponsibleRoutes(routeDeps), ...publicMeRoutes(routeDeps), ...publicSiteRoutes(routeDeps), ...groupMessageRoutes(routeDeps), ...registryRefreshRoutes(routeDeps), ...retentionRoutes(routeDeps)];
}
