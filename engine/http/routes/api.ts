// The JSON API, mounted under /api on every tenant host. Each route is a thin chain:
// actor (resolved earlier) → validate → command or query (its own transaction) → presenter.
import { Router, type Request } from 'express';
import type { AuditLogQuery } from '../../../schemas/types/api-audit-log-query';
import type { CommandContext } from '../../audit/record';
import { verifyAuditChain } from '../../audit/verify';
import { listMyConsents, withdrawConsent } from '../../commands/consents';
import { logout } from '../../commands/logout';
import { grantResponsibility, listResponsibilities, revokeResponsibility } from '../../commands/responsibilities';
import { updateContactInfo } from '../../commands/update-contact-info';
import type { Database } from '../../db/database';
import { UnsupportedMediaTypeError } from '../../errors';
import type { Identity } from '../../identity';
import { createLogoutRedirect } from '../../identity/saml/service-provider';
import { csrfTokenFor } from '../../identity/sessions';
import { authorize } from '../../policies';
import { presentAuditLogPage } from '../../presenters/audit-log';
import { presentSiteInfo } from '../../presenters/site-info';
import { listAuditLog } from '../../queries/audit-log';
import { loadMe } from '../../queries/me';
import { loadTenant } from '../../queries/tenant';
import { validateQuery } from '../../validation';
import { clearSessionCookie } from '../session-cookie';
import { formsRouter } from './forms';
import { flowsApi } from './flows';
import type { FlowTemporal } from '../../flows/workflows';
import type { DevOutbox } from '../../dev/smtp-outbox';
import { spConfigFor } from './saml';

function contextOf(req: Request): CommandContext {
  return { actor: req.actor!, tenantId: req.tenant!.id, requestId: String(req.id) };
}

export function apiRouter(db: Database, identity: Identity, secureCookies: boolean, deps: { flows: FlowTemporal; outbox?: DevOutbox; namespace: string }): Router {
  const api = Router();

  // Only JSON bodies are accepted; a cross-site form post cannot send application/json without a preflight.
  api.use((req, _res, next) => {
    // An empty body (a DELETE, a POST that only names an action) needs no type; any other body must be JSON.
    const empty = req.get('content-length') === '0' || req.is('application/json') === null;
    if (['POST', 'PUT', 'PATCH', 'DELETE'].includes(req.method) && !empty && !req.is('application/json')) throw new UnsupportedMediaTypeError();
    next();
  });

  api.get('/site', async (req, res) => {
    const { actor, tenantId } = contextOf(req);
    authorize(actor, 'site.view', { tenantId });
    const csrfToken = req.session ? csrfTokenFor(req.session.token) : undefined;
    res.json(presentSiteInfo(await loadTenant(db, tenantId), req.tenant!.site, actor, csrfToken));
  });

  // Ends the session here, then — where the IdP offers single logout — hands back where to end it there.
  api.post('/session/logout', async (req, res) => {
    let redirectTo: string | undefined;
    if (req.session) {
      const idp = await logout(identity, contextOf(req), req.session.sessionId);
      if (idp) redirectTo = createLogoutRedirect((await spConfigFor(identity, req)).sp, idp.nameId, idp.sessionIndex ?? undefined);
    }
    clearSessionCookie(res, req.tenant!.site, secureCookies);
    if (redirectTo) res.json({ redirectTo });
    else res.status(204).end();
  });

  api.get('/me', async (req, res) => {
    res.json(await loadMe(db, req.actor!));
  });

  api.get('/me/consents', async (req, res) => {
    res.json({ consents: await listMyConsents(db, req.actor!) });
  });

  api.post('/me/consents/:id/withdraw', async (req, res) => {
    await withdrawConsent(db, contextOf(req), String(req.params.id));
    res.status(204).end();
  });

  api.put('/settings/contact', async (req, res) => {
    res.json(await updateContactInfo(db, contextOf(req), req.body));
  });

  api.get('/audit-log', async (req, res) => {
    const ctx = contextOf(req);
    const query = validateQuery<AuditLogQuery>('api/audit-log-query.schema.json', req.query as Record<string, unknown>);
    const { rows, total, actorNames } = await listAuditLog(db, ctx.actor, ctx.tenantId, query);
    res.json(presentAuditLogPage(rows, total, query.page, query.pageSize, actorNames));
  });

  api.get('/audit-log/verification', async (req, res) => {
    const ctx = contextOf(req);
    authorize(ctx.actor, 'auditLog.read', { tenantId: ctx.tenantId });
    res.json(await db.withTenant(ctx.tenantId, (tx) => verifyAuditChain(db.sequelize, ctx.tenantId, tx)));
  });

  api.use(flowsApi({ db, contextOf, ...deps }));
  api.use('/forms', formsRouter(db, identity, contextOf, deps.flows));

  api.get('/responsibility-grants', async (req, res) => {
    res.json({ grants: await listResponsibilities(db, contextOf(req)) });
  });

  api.post('/responsibility-grants', async (req, res) => {
    res.status(201).json(await grantResponsibility(db, contextOf(req), req.body));
  });

  api.delete('/responsibility-grants/:id', async (req, res) => {
    await revokeResponsibility(db, contextOf(req), req.params.id);
    res.status(204).end();
  });

  return api;
}
