// Operators and the Temporal Web UI, on the admin site of their tenant:
// - /temporal/* is the Web UI (started with --ui-public-path /temporal), reverse-proxied for an operator's
//   session only. Read-only: writes are refused here and hidden in the UI's settings. Only a fixed list of
//   the UI's API routes passes (engine/http/operator-console/): lists and counts are narrowed to the tenant by
//   a parsed visibility query, and a workflow is answered only when its id and its TenantId search attribute
//   are both the tenant's — another tenant's is not found.
// - /codec/decode and /codec/encode are the UI's remote codec (--ui-codec-endpoint /codec). Being on the same
//   origin as the proxied UI, the browser sends the operator's session cookie with them; a payload decodes
//   only for an operator of the tenant it is bound to, and every decode is audited.
import type { ClientRequest, IncomingMessage } from 'node:http';
import { Router, type Request, type RequestHandler } from 'express';
import { createProxyMiddleware, fixRequestBody } from 'http-proxy-middleware';
import type { Payload } from '@temporalio/common';
import type { CodecPayloads } from '../../../schemas/types/api-codec-payloads';
import { decodePayloads, encodePayloads } from '../../commands/decode-payloads';
import type { Database } from '../../db/database';
import { ForbiddenError, NotFoundError, UnsupportedMediaTypeError } from '../../errors';
import { authorize } from '../../policies';
import type { AesGcmPayloadCodec } from '../../temporal/codec';
import { tenantOfWorkflowId } from '../../temporal/ids';
import { validate } from '../../validation';
import { jsonBody } from '../json-body';
import { handleUiApi } from '../operator-console/ui-api';
import { matchUiApiRoute } from '../operator-console/ui-api-routes';
import { readUiPath, TEMPORAL_UI_PATH } from '../operator-console/ui-path';
import { withoutSessionCookies } from '../operator-console/ui-upstream';

export { TEMPORAL_UI_PATH };
export const CODEC_PATH = '/codec';
/** The Web UI batches a page's payloads; Temporal's own limit is 2 MB per payload. */
const CODEC_BODY_LIMIT = '4mb';

export interface OperatorConsoleDeps {
  db: Database;
  codec: AesGcmPayloadCodec;
  /** The Web UI's origin (the dev server's, or TEMPORAL_UI_URL); without it /temporal answers 404. */
  temporalUiUrl?: string;
  /** Resolves req.actor from the session, CSRF checked by origin (the UI cannot send our token). */
  actor: RequestHandler;
}

const toPayload = (p: CodecPayloads['payloads'][number]): Payload => ({
  metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v, 'base64')])),
  data: Buffer.from(p.data ?? '', 'base64'),
});

const fromPayload = (p: Payload): CodecPayloads['payloads'][number] => ({
  metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v ?? []).toString('base64')])),
  data: Buffer.from(p.data ?? []).toString('base64'),
});

/** The workflow page the UI asked from (Referer, same origin), if it is one of this tenant's: for the audit row. */
function workflowOfReferer(req: Request, tenantId: string): string | undefined {
  const match = /\/workflows\/([^/?#]+)/.exec(req.get('referer') ?? '');
  let id: string | undefined;
  try {
    id = match ? decodeURIComponent(match[1]!) : undefined;
  } catch {
    return undefined; // a Referer with broken percent-encoding names no workflow
  }
  return tenantOfWorkflowId(id) === tenantId ? id : undefined;
}

function codecRoutes(deps: OperatorConsoleDeps): Router {
  const router = Router();
  router.use(jsonBody(CODEC_BODY_LIMIT));
  router.post('/decode', async (req, res) => {
    if (!req.is('application/json')) throw new UnsupportedMediaTypeError();
    const tenantId = req.tenant!.id;
    const body = validate<CodecPayloads>('api/codec-payloads.schema.json', req.body);
    const ctx = { actor: req.actor!, tenantId, requestId: String(req.id) };
    const decoded = await decodePayloads(deps.db, deps.codec, ctx, body.payloads.map(toPayload), workflowOfReferer(req, tenantId));
    res.json({ payloads: decoded.map(fromPayload) });
  });
  router.post('/encode', (req, res) => {
    if (!req.is('application/json')) throw new UnsupportedMediaTypeError();
    const body = validate<CodecPayloads>('api/codec-payloads.schema.json', req.body);
    const ctx = { actor: req.actor!, tenantId: req.tenant!.id, requestId: String(req.id) };
    res.json({ payloads: encodePayloads(deps.codec, ctx, body.payloads.map(toPayload)).map(fromPayload) });
  });
  return router;
}

const isRead = (method: string) => method === 'GET' || method === 'HEAD';

/** Our own session cookies stay here; a body the proxy rebuilt is sent in place of the one that was read. */
function prepareUpstreamRequest(proxyReq: ClientRequest, req: IncomingMessage): void {
  const cookie = withoutSessionCookies(req.headers.cookie);
  if (cookie) proxyReq.setHeader('cookie', cookie);
  else proxyReq.removeHeader('cookie');
  if ((req as Request).body !== undefined) {
    // The rebuilt body goes with its own Content-Length and nothing that would frame it differently.
    proxyReq.removeHeader('transfer-encoding');
    proxyReq.setHeader('content-type', 'application/json');
    fixRequestBody(proxyReq, req as Request);
  }
}

/**
 * The Web UI for an operator of the tenant. Paths are normalised first (ui-path.ts); pages and assets pass, API
 * calls only when they are on the fixed list (ui-api-routes.ts), narrowed to the tenant or checked to be about
 * one of its workflows (ui-api.ts). Everything else: 404, or 403 for a write.
 */
function webUiRoutes(deps: OperatorConsoleDeps & { temporalUiUrl: string }): RequestHandler {
  const proxy = createProxyMiddleware({ target: deps.temporalUiUrl, changeOrigin: true, xfwd: false, on: { proxyReq: prepareUpstreamRequest } });
  return async (req, res, next) => {
    const tenantId = req.tenant!.id;
    if (req.actor!.kind === 'anonymous') {
      res.redirect(302, `/saml/login?returnTo=${encodeURIComponent(req.originalUrl)}`);
      return;
    }
    authorize(req.actor!, 'workflows.view', { tenantId });
    const queryAt = req.originalUrl.indexOf('?');
    const rawPath = queryAt < 0 ? req.originalUrl : req.originalUrl.slice(0, queryAt);
    const path = readUiPath(rawPath);
    if (path.kind === 'page') {
      if (!isRead(req.method)) throw new ForbiddenError('The Web UI is read-only here.');
      req.url = req.originalUrl;
    } else {
      const route = matchUiApiRoute(req.method, path.segments, new URLSearchParams(queryAt < 0 ? '' : req.originalUrl.slice(queryAt + 1)));
      if (!route) throw isRead(req.method) ? new NotFoundError() : new ForbiddenError('The Web UI is read-only here.');
      const passThrough = await handleUiApi(route, path.segments, { uiUrl: deps.temporalUiUrl, tenantId, req, res });
      if (!passThrough) return;
      req.url = passThrough.path;
      if (passThrough.body) req.body = passThrough.body;
    }
    // The UI's own pages carry inline boot scripts; its headers apply instead of the platform's CSP.
    res.removeHeader('Content-Security-Policy');
    // Same-origin referrers let the codec endpoint name the workflow in its audit row.
    res.setHeader('Referrer-Policy', 'same-origin');
    await proxy(req, res, next);
  };
}

export function operatorConsoleRouter(deps: OperatorConsoleDeps): Router {
  const router = Router();
  const adminOnly: RequestHandler = (req, _res, next) => next(req.tenant!.site === 'admin' ? undefined : new NotFoundError());
  router.use(CODEC_PATH, adminOnly, deps.actor, codecRoutes(deps));
  if (deps.temporalUiUrl) router.use(TEMPORAL_UI_PATH, adminOnly, deps.actor, webUiRoutes({ ...deps, temporalUiUrl: deps.temporalUiUrl }));
  return router;
}
