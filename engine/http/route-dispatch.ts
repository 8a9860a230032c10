// Dispatches a route list from one Express middleware through find-my-way (fastify's radix-tree router): a request
// finds its route in one walk down the tree instead of Express trying layer after layer, router after router
// (the router was 10-16% of the API's CPU in the bench:votes and bench:signup profiles). The answers are Express's
// own, as the flat list in order would give them (test/integration/route-dispatch.test.ts):
// - paths match without regard to case and with or without a trailing slash (Express's defaults); parameters keep
//   their case and are percent-decoded; a path whose percent-encoding is broken is a 400, as Express's URIError;
// - a GET route answers HEAD; OPTIONS answers the methods the path has (Express's automatic answer);
// - a fixed segment wins over a parameter at the same place. The lists put fixed paths first anyway, so the order
//   Express would have tried them in gives the same route;
// - a path no route has goes on to the next middleware (the API's 404).
// Only plain `:name` parameters are allowed: the route lists have nothing else, and a wildcard or pattern would
// need a decision about whose semantics it follows.
import FindMyWay, { type HTTPMethod } from 'find-my-way';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { MalformedRequestError } from '../errors';

/** The methods a route may have (HEAD and OPTIONS are answered for them). */
export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export interface DispatchRoute {
  method: HttpMethod;
  /** Express path syntax with plain parameters only, e.g. `/forms/:id/versions/:version`. */
  path: string;
  handler: RequestHandler;
}

/** The middleware, with the routes it answers (engine/http/route-table.ts lists them from here). */
export type RouteDispatcher = RequestHandler & { readonly routes: readonly Pick<DispatchRoute, 'method' | 'path'>[] };

const PLAIN_SEGMENT = /^(?::[A-Za-z_][A-Za-z0-9_]*|[A-Za-z0-9._~-]+)$/;

/** Express's Allow list for OPTIONS: the methods sorted, HEAD wherever GET is. */
function allowOf(router: FindMyWay.Instance<FindMyWay.HTTPVersion.V1>, url: string): string | undefined {
  const methods = HTTP_METHODS.filter((m) => router.find(m, url) !== null);
  if (methods.length === 0) return undefined;
  return [...methods, ...(methods.includes('GET') ? ['HEAD'] : [])].sort().join(', ');
}

function sendAllow(res: Response, allow: string): void {
  res.setHeader('Allow', allow);
  res.setHeader('Content-Length', Buffer.byteLength(allow));
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.end(allow);
}

/** Runs a handler as Express 5 would: a throw or a rejected promise goes to the error handlers. */
function run(handler: RequestHandler, req: Request, res: Response, next: NextFunction): void {
  try {
    const result: unknown = handler(req, res, next);
    if (result && typeof (result as Promise<unknown>).then === 'function') (result as Promise<unknown>).then(undefined, next);
  } catch (err) {
    next(err);
  }
}

export function routeDispatcher(routes: readonly DispatchRoute[]): RouteDispatcher {
  const router = FindMyWay({
    caseSensitive: false,
    ignoreTrailingSlash: true,
    // Express sets no limit; a parameter is checked against its route's schema instead (a long one is a 404 there).
    maxParamLength: 2048,
    // The query string is Express's to parse (req.query), and only when a route asks for it.
    querystringParser: () => ({}),
    onBadUrl: () => undefined,
  });
  for (const route of routes) {
    const segments = route.path === '/' ? [] : route.path.replace(/^\//, '').split('/');
    if (!route.path.startsWith('/') || !segments.every((s) => PLAIN_SEGMENT.test(s))) throw new Error(`route ${route.method} ${route.path}: only fixed segments and plain :parameters are dispatched`);
    const methods: HTTPMethod[] = route.method === 'GET' ? ['GET', 'HEAD'] : [route.method];
    // find-my-way refuses a second route with the same method and path, which Express would silently shadow.
    router.on(methods, route.path, () => undefined, { handler: route.handler });
  }
  const dispatch = (req: Request, res: Response, next: NextFunction): void => {
    const found = router.find(req.method as HTTPMethod, req.url);
    if (found === null) {
      if (req.method === 'OPTIONS') {
        const allow = allowOf(router, req.url);
        if (allow) return sendAllow(res, allow);
      }
      return next();
    }
    const store = found.store as { handler: RequestHandler } | null;
    // Only onBadUrl's answer has no store: the path's percent-encoding is broken (Express: a URIError decoding the parameter, 400).
    if (!store) return next(new MalformedRequestError('The path is not valid percent-encoded UTF-8.'));
    req.params = found.params as Record<string, string>;
    run(store.handler, req, res, next);
  };
  return Object.assign(dispatch, { routes: routes.map(({ method, path }) => ({ method, path })) });
}
