// A route declared as data: method, path, what it accepts and answers (schemas in schemas/), and a handler.
// mountRoutes() puts a list on an Express router, checking path parameters, query and body against their
// schemas before the handler runs; engine/http/openapi.ts turns the same list into the API document, so
// what is documented is what is checked. The handler calls one command or query (which authorizes on the
// row it loaded) and hands back what a presenter made of it. Independent of any module: modules declare
// their routes as RouteSpec lists too.
import type { Request, Response, Router } from 'express';
import type { Actor } from '../actors';
import type { CommandContext } from '../audit/record';
import type { Site } from '../db/database';
import { NotFoundError, ValidationError } from '../errors';
import { validate, validateQuery } from '../validation';
import { routeDispatcher, type HttpMethod } from './route-dispatch';

/** A response the handler writes itself (a CSV stream, a JavaScript module): its content type and what it is. */
export interface RawResponse {
  raw: string;
  description: string;
}

/**
 * What a status answers: a JSON body described by a schema (path under schemas/, e.g.
 * `api/site-info.schema.json`), no body (`'empty'`), or a raw body of a content type.
 */
export type ResponseSpec = string | 'empty' | RawResponse;

/** The types a route's schemas describe (the generated ones in schemas/types/), for its handler. */
export interface RouteTypes {
  params?: object;
  query?: object;
  body?: unknown;
  response?: unknown;
}

export interface RouteInput<T extends RouteTypes> {
  /** Path parameters, checked against the route's `params` schema (numbers as numbers). */
  params: T['params'] extends object ? T['params'] : Record<string, never>;
  /** The query string, checked against the route's `query` schema with defaults filled in. */
  query: T['query'] extends object ? T['query'] : Record<string, never>;
  /** The JSON body, checked against the route's `body` schema. */
  body: T['body'];
  /** Who is asking, for which tenant, in which request: what commands and queries take. */
  ctx: CommandContext & { requestId: string };
  actor: Actor;
  tenantId: string;
  /** For the few routes that need more (the site they are on, the session, a streamed answer). */
  req: Request;
  res: Response;
}

/** An answer with a status other than the route's first success status (e.g. 204 for one outcome, 200 for another). */
export class Reply<B = unknown> {
  constructor(
    readonly status: number,
    readonly body?: B,
  ) {}
}
export const reply = <B>(status: number, body?: B): Reply<B> => new Reply(status, body);

export type HandlerResult<R> = R | Reply<R> | void;

export interface RouteSpec<T extends RouteTypes = RouteTypes> {
  method: HttpMethod;
  /** Express path syntax, relative to the router the list is mounted on, e.g. `/forms/:id/versions/:version`. */
  path: string;
  summary: string;
  description?: string;
  tags: string[];
  /** Schema paths (under schemas/) of the path parameters, the query string and the JSON body. */
  params?: string;
  query?: string;
  body?: string;
  /** Every status the route answers on success, with what it carries. Problems (4xx/5xx) are documented once for all. */
  responses: Record<number, ResponseSpec>;
  // Method syntax on purpose: a RouteSpec<{…}> fits in a RouteSpec[] list (parameters compare bivariantly).
  handler(input: RouteInput<T>): Promise<HandlerResult<T['response']>> | HandlerResult<T['response']>;
}

/** Declares one route with its types; the list it goes in holds plain RouteSpecs. */
export function defineRoute<T extends RouteTypes>(spec: RouteSpec<T>): RouteSpec {
  return spec as unknown as RouteSpec;
}

/** A route of one site answers 404 on the other, like a path that is not there (the API is mounted on both). */
export function onSite(req: Request, site: Site): void {
  if (req.tenant?.site !== site) throw new NotFoundError();
}

/** The status a handler's plain return value is sent with: the route's first success status. */
export function successStatus(spec: Pick<RouteSpec, 'responses'>): number {
  const statuses = Object.keys(spec.responses)
    .map(Number)
    .filter((s) => s >= 200 && s < 300)
    .sort((a, b) => a - b);
  return statuses[0] ?? 200;
}

/**
 * Path parameters are text in the URL; the schema says what they may be (a uuid, a version number). One that
 * does not fit names nothing, so it is answered like a missing row — 404 — before any query runs.
 */
function checkParams(spec: RouteSpec, raw: Record<string, unknown>): object {
  if (!spec.params) return {};
  try {
    return validateQuery<object>(spec.params, raw);
  } catch (err) {
    if (err instanceof ValidationError) throw new NotFoundError();
    throw err;
  }
}

function send(spec: RouteSpec, res: Response, result: unknown): void {
  if (res.headersSent || res.writableEnded) return; // the handler wrote the answer itself (a stream)
  const status = result instanceof Reply ? result.status : successStatus(spec);
  const body = result instanceof Reply ? result.body : result;
  const declared = spec.responses[status];
  if (body === undefined || declared === 'empty') {
    res.status(status).end();
    return;
  }
  if (typeof declared === 'object') res.status(status).type(declared.raw).send(body);
  else res.status(status).json(body);
}

/** The Express handler of one route: check params, query and body, run the handler, send what it returned. */
export function routeHandler(spec: RouteSpec) {
  return async (req: Request, res: Response): Promise<void> => {
    const params = checkParams(spec, req.params as Record<string, unknown>);
    const query = spec.query ? validateQuery<object>(spec.query, req.query as Record<string, unknown>) : {};
    const body: unknown = spec.body ? validate<unknown>(spec.body, req.body) : req.body;
    const actor = req.actor!;
    const tenantId = req.tenant!.id;
    const ctx = { actor, tenantId, requestId: String(req.id) };
    const result = await spec.handler({ params, query, body, ctx, actor, tenantId, req, res } as RouteInput<RouteTypes>);
    send(spec, res, result);
  };
}

/**
 * Mounts every route of the list on the router as one middleware that finds a request's route in a radix tree
 * (route-dispatch.ts) rather than trying the routes in turn; a fixed path still wins over a parameter.
 */
export function mountRoutes(router: Router, routes: readonly RouteSpec[]): Router {
  router.use(routeDispatcher(routes.map((spec) => ({ method: spec.method, path: spec.path, handler: routeHandler(spec) }))));
  return router;
}
