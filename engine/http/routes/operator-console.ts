// Operators and the Temporal Web UI, on the admin site of their tenant:
// - /temporal/* is the Web UI (started with --ui-public-path /temporal), reverse-proxied for an operator's
//   session only. Read-only: writes are refused here and hidden in the UI's settings. Lists are narrowed to
//   the tenant's workflows (TenantId search attribute), and a workflow of another tenant is not found.
// - /codec/decode and /codec/encode are the UI's remote codec (--ui-codec-endpoint /codec). Being on the same
//   origin as the proxied UI, the browser sends the operator's session cookie with them; a payload decodes
//   only for an operator of the tenant it is bound to, and every decode is audited.
import { Router, json, type Request, type RequestHandler } from 'express';
import { createProxyMiddleware } from 'http-proxy-middleware';
import type { Payload } from '@temporalio/common';
import type { CodecPayloads } from '../../../schemas/types/api-codec-payloads';
import { decodePayloads, encodePayloads } from '../../commands/decode-payloads';
import type { Database } from '../../db/database';
import { ForbiddenError, NotFoundError, UnsupportedMediaTypeError } from '../../errors';
import { authorize } from '../../policies';
import type { AesGcmPayloadCodec } from '../../temporal/codec';
import { tenantOfWorkflowId } from '../../temporal/ids';
import { validate } from '../../validation';

export const TEMPORAL_UI_PATH = '/temporal';
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
  const id = match ? decodeURIComponent(match[1]!) : undefined;
  return tenantOfWorkflowId(id) === tenantId ? id : undefined;
}

function codecRoutes(deps: OperatorConsoleDeps): Router {
  const router = Router();
  router.use(json({ limit: CODEC_BODY_LIMIT }));
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

/** Narrows the UI's API calls to the session's tenant; undefined means "not found". */
export function scopeUiApiPath(url: URL, tenantId: string): string | undefined {
  const api = /^\/temporal\/api\/v1\/namespaces\/[^/]+\/workflows(?:\/([^/]+))?(\/.*)?$/.exec(url.pathname);
  if (!api) return url.pathname.startsWith(`${TEMPORAL_UI_PATH}/api/`) && !/\/(schedules|batch-operations|activities|nexus)/.test(url.pathname) ? url.pathname + url.search : undefined;
  const [, id] = api;
  if (id && id !== 'count') return tenantOfWorkflowId(decodeURIComponent(id)) === tenantId ? url.pathname + url.search : undefined;
  const given = url.searchParams.get('query')?.trim();
  url.searchParams.set('query', `TenantId = "${tenantId}"${given ? ` AND (${given})` : ''}`);
  return url.pathname + url.search;
}

function webUiRoutes(deps: OperatorConsoleDeps & { temporalUiUrl: string }): RequestHandler {
  const proxy = createProxyMiddleware({ target: deps.temporalUiUrl, changeOrigin: true, xfwd: false });
  return async (req, res, next) => {
    const tenantId = req.tenant!.id;
    if (req.actor!.kind === 'anonymous') {
      res.redirect(302, `/saml/login?returnTo=${encodeURIComponent(req.originalUrl)}`);
      return;
    }
    authorize(req.actor!, 'workflows.view', { tenantId });
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new ForbiddenError('The Web UI is read-only here.');
    const url = new URL(req.originalUrl, 'http://ui.invalid');
    if (url.pathname === `${TEMPORAL_UI_PATH}/api/v1/settings`) {
      // The UI hides what this proxy refuses anyway.
      const upstream = (await (await fetch(new URL(url.pathname, deps.temporalUiUrl))).json()) as Record<string, unknown>;
      res.json({ ...upstream, DisableWriteActions: true, BatchActionsDisabled: true, StartWorkflowDisabled: true });
      return;
    }
    if (url.pathname.startsWith(`${TEMPORAL_UI_PATH}/api/`)) {
      const scoped = scopeUiApiPath(url, tenantId);
      if (!scoped) throw new NotFoundError();
      req.url = scoped;
    } else {
      req.url = req.originalUrl;
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
