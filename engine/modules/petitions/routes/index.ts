// The petitions module's API routes (Module.routes): the public site's (public.ts) and the admin site's
// (admin.ts, and the vote window's: vote-window.ts), in one list; fixed paths before the /petitions/:id that would match them.
import type { ModuleRouteDeps } from '../../module';
import { adminPetitionRoutes } from './admin';
import type { PetitionRouteDeps } from './context';
import { publicPetitionRoutes } from './public';
import { voteWindowRoutes } from './vote-window';
import { DEFAULT_PROPOSAL_LIMITS, ProposalRateLimits, type ProposalLimits } from './rate-limits';
import { VoterResolver } from './voter';
import type { RouteSpec } from '../../../http/route';

export interface PetitionRouteOptions {
  limits?: ProposalLimits;
  /** The voter cache's time to live. */
  voterCacheTtlMs?: number;
}

export function createPetitionRoutes(deps: ModuleRouteDeps, options: PetitionRouteOptions = {}): RouteSpec[] {
  // The keyring is read lazily: the route list is also built without a running platform, for its static parts
  // (the OpenAPI document's tests, test/integration/response-schemas.test.ts). No spreading of these objects.
  const base = {
    db: deps.db,
    get keyring() {
      return deps.identity.keyring;
    },
    ...(deps.registry ? { registry: deps.registry } : {}),
  };
  const routeDeps: PetitionRouteDeps = Object.assign(base, {
    voters: new VoterResolver(base, options.voterCacheTtlMs ? { ttlMs: options.voterCacheTtlMs } : {}),
    limits: new ProposalRateLimits(base, options.limits ?? DEFAULT_PROPOSAL_LIMITS),
  });
  const publicRoutes = publicPetitionRoutes(routeDeps);
  const adminRoutes = [...adminPetitionRoutes(routeDeps), ...voteWindowRoutes({ db: deps.db, flows: deps.flows })];
  // /petitions/moderation (admin) is a fixed path: before the public /petitions/:id.
  const idRoute = publicRoutes.findIndex((r) => r.path === '/petitions/:id');
  return [...publicRoutes.slice(0, idRoute), ...adminRoutes, ...publicRoutes.slice(idRoute)];
}

export const petitionsRoutes = (deps: ModuleRouteDeps): RouteSpec[] => createPetitionRoutes(deps);
