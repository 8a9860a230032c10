// Mounts a route list as a tree of routers keyed by literal path segments, so that a request is matched against
// the routes of its own prefix (`/forms/…`) rather than against every route in turn: Express tries each
// layer of a router in order, and with ~250 routes on one router that walk was a measurable part of every API
// request (bench:votes profile). The answer to every request is the same as with the flat list:
// - two routes whose first segments are different literals can never match the same request, so only their
//   relative order changes, which cannot matter;
// - a level where any route's next segment is not a literal (`:id`, `*rest`, `{…}`) is mounted flat, in order,
//   so "a fixed path before a parameter that would match it" still holds there;
// - the prefixes are literal, so a sub-router loses no path parameter.
import { Router, type RequestHandler } from 'express';

const expressMethod = { GET: 'get', POST: 'post', PUT: 'put', PATCH: 'patch', DELETE: 'delete' } as const;

export interface TreeRoute {
  method: keyof typeof expressMethod;
  /** Express path syntax, e.g. `/forms/:id/versions/:version`. */
  path: string;
  handler: RequestHandler;
}

/** Fewer routes than this on a level are simply mounted in order: a sub-router costs a layer of its own. */
export const GROUP_AT_LEAST = 8;

const LITERAL = /^[A-Za-z0-9._~-]+$/;

/** The path's segments after the leading slash; `/` has none. */
const segmentsOf = (path: string): string[] => (path === '/' ? [] : path.replace(/^\//, '').split('/'));

function mountFlat(router: Router, routes: readonly { route: TreeRoute; rest: string[] }[]): void {
  for (const { route, rest } of routes) router[expressMethod[route.method]](`/${rest.join('/')}`, route.handler);
}

function mountLevel(router: Router, routes: readonly { route: TreeRoute; rest: string[] }[]): void {
  const allLiteral = routes.every(({ rest }) => rest.length === 0 || LITERAL.test(rest[0]!));
  if (routes.length < GROUP_AT_LEAST || !allLiteral) {
    mountFlat(router, routes);
    return;
  }
  // In order of each prefix's first route; a route ending here is its own group (key '').
  const groups = new Map<string, { route: TreeRoute; rest: string[] }[]>();
  for (const entry of routes) {
    const key = entry.rest[0] ?? '';
    const group = groups.get(key);
    if (group) group.push(entry);
    else groups.set(key, [entry]);
  }
  for (const [key, members] of groups) {
    if (key === '' || members.length === 1) {
      mountFlat(router, members);
      continue;
    }
    const sub = Router();
    mountLevel(sub, members.map(({ route, rest }) => ({ route, rest: rest.slice(1) })));
    router.use(`/${key}`, sub);
  }
}

/** Mounts the routes on the router as a tree of literal prefixes (see above). */
export function mountRouteTree(router: Router, routes: readonly TreeRoute[]): Router {
  mountLevel(router, routes.map((route) => ({ route, rest: segmentsOf(route.path) })));
  return router;
}
