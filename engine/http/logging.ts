// One log line per request (pino-http): id, method, path, status, time, and the tenant (tenantId) the host
// belongs to, so a municipality's lines can be picked out for its SIEM (`npm run logs:export`). Never bodies,
// query strings or cookies, which may carry personal data. Unexpected errors ride on that same line at error level.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Request } from 'express';
import type { Logger } from 'pino';
import { pinoHttp, type HttpLogger } from 'pino-http';

export function httpLogger(logger: Logger, genReqId: (req: IncomingMessage, res: ServerResponse) => string = defaultRequestId): HttpLogger {
  const perRequest = pinoHttp({
    logger,
    genReqId,
    serializers: {
      req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, path: req.url.split('?')[0] }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    // Called again when the response ends, after resolveTenant has run: that is when the line is written.
    customProps: (req) => tenantOf(req),
    customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
    autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/readyz' },
  });
  const middleware = (req: IncomingMessage, res: ServerResponse, next?: () => void) =>
    perRequest(req, res, () => {
      tagHandlerLinesWithTenant(req);
      next?.();
    });
  return Object.assign(middleware, { logger: perRequest.logger });
}

function tenantOf(req: IncomingMessage): { tenantId?: string } {
  const id = (req as Request).tenant?.id;
  return id ? { tenantId: id } : {};
}

/**
 * Handlers' own lines (a refused login, a logout from the IdP) go through req.log, which pino-http made before
 * the tenant was known. Read after resolveTenant, req.log answers a child carrying tenantId as well.
 */
function tagHandlerLinesWithTenant(req: IncomingMessage): void {
  let log = req.log;
  let withTenant: Logger | undefined;
  Object.defineProperty(req, 'log', {
    configurable: true,
    enumerable: true,
    get: () => {
      const tenant = tenantOf(req);
      return tenant.tenantId ? (withTenant ??= log.child(tenant)) : log;
    },
    set: (replacement: Logger) => {
      log = replacement;
      withTenant = undefined;
    },
  });
}

function defaultRequestId(_req: IncomingMessage, res: ServerResponse): string {
  const id = randomUUID();
  res.setHeader('X-Request-Id', id);
  return id;
}
