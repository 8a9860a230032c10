// One log line per request: id, method, path, status, time, and the tenant (tenantId) the host belongs to, so a
// municipality's lines can be picked out for its SIEM (`npm run logs:export`). Never bodies, query strings or
// cookies, which may carry personal data. Unexpected errors ride on that same line at error level (res.err).
//
// The line has pino-http's shape (`req`, `res`, `responseTime`, "request completed" / "request errored"), but
// this is not pino-http any more: pino-http makes two or three child loggers per request whether or not anything
// logs through them, and in the vote and sign-up bursts (bench:votes, bench:signup, profiled with --profile)
// that was 8% of the API's CPU per request. Here a request costs one log call when it ends, and a handler's own
// lines (req.log) get their child logger only when a handler writes one. req.log is one getter on Node's request
// prototype reading the request's own state, not a property defined on each request (which slows every later
// property access on it).
import { randomUUID } from 'node:crypto';
import { IncomingMessage, type ServerResponse } from 'node:http';
import type { Request } from 'express';
import type { Logger } from 'pino';

declare module 'node:http' {
  interface IncomingMessage {
    /** The request's id, also sent as X-Request-Id. */
    id: string;
    /** A handler's own lines: with the request's id, method and path, and the tenant once it is known. */
    log: Logger;
  }
  interface ServerResponse {
    /** An unexpected error of this request (problem.ts): the request's line is then at error level and carries it. */
    err?: Error;
  }
}

type Middleware = (req: IncomingMessage, res: ServerResponse, next?: () => void) => void;

const QUIET_PATHS = new Set(['/healthz', '/readyz']);

/** What req.log is made from, kept on the request by httpLogger. */
interface RequestLogState {
  logger: Logger;
  method: string | undefined;
  path: string;
  made?: Logger;
  /** `made` carries the tenant (or was set by hand): no need to make it again. */
  final?: boolean;
}

const STATE = Symbol('tingvalla.requestLog');
type WithState = IncomingMessage & { [STATE]?: RequestLogState };

const pathOf = (url: string | undefined): string => {
  const u = url ?? '';
  const q = u.indexOf('?');
  return q < 0 ? u : u.slice(0, q);
};

function tenantOf(req: IncomingMessage): { tenantId?: string } {
  const id = (req as Request).tenant?.id;
  return id ? { tenantId: id } : {};
}

// req.log, made on first use: a child of the application logger with the request and, once resolveTenant has
// run, the tenant (a line written before that carries no tenant; the next one after it does).
Object.defineProperty(IncomingMessage.prototype, 'log', {
  configurable: true,
  get(this: WithState): Logger | undefined {
    const state = this[STATE];
    if (!state) return undefined;
    if (!state.made || !state.final) {
      const tenant = tenantOf(this);
      if (!state.made || tenant.tenantId) {
        state.made = state.logger.child({ req: { id: this.id, method: state.method, path: state.path }, ...tenant });
        state.final = !!tenant.tenantId;
      }
    }
    return state.made;
  },
  set(this: WithState, replacement: Logger) {
    const state = (this[STATE] ??= { logger: replacement, method: this.method, path: pathOf(this.url) });
    state.made = replacement;
    state.final = true;
  },
});

export function httpLogger(logger: Logger, genReqId: (req: IncomingMessage, res: ServerResponse) => string = defaultRequestId): Middleware & { logger: Logger } {
  const middleware: Middleware = (req, res, next) => {
    req.id = genReqId(req, res);
    // The path as it arrived: routers rewrite req.url on the way down.
    const method = req.method;
    const path = pathOf(req.url);
    (req as WithState)[STATE] = { logger, method, path };
    if (!QUIET_PATHS.has(path)) {
      const started = Date.now();
      // 'close' comes once per response, after it finished or when the connection went away before.
      res.once('close', () => {
        const err = res.err;
        const level = err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info';
        if (!logger.isLevelEnabled(level)) return;
        const fields = { ...tenantOf(req), req: { id: req.id, method, path }, res: { statusCode: res.statusCode }, responseTime: Date.now() - started };
        if (level === 'error') logger.error({ ...fields, err: err ?? new Error(`failed with status code ${res.statusCode}`) }, 'request errored');
        else logger[level](fields, 'request completed');
      });
    }
    next?.();
  };
  return Object.assign(middleware, { logger });
}

function defaultRequestId(_req: IncomingMessage, res: ServerResponse): string {
  const id = randomUUID();
  res.setHeader('X-Request-Id', id);
  return id;
}
