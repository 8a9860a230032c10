// The JSON API, mounted under /api on every tenant host. Every route is declared as data (engine/http/route.ts):
// its params, query and body are checked against their schemas before the handler runs; the handler calls one
// command or query (which authorizes on what it loaded) and a presenter shapes the answer. The same list
// makes the OpenAPI document (GET /api/openapi.json on admin sites).
import { Router } from 'express';
import type { AuditLogPage } from '../../../schemas/types/api-audit-log-page';
import type { AuditLogQuery } from '../../../schemas/types/api-audit-log-query';
import type { AuditChainReport } from '../../../schemas/types/api-audit-chain-report';
import type { AccessibilityStatement } from '../../../schemas/types/api-accessibility-statement';
import type { ContactInfo } from '../../../schemas/types/api-contact-info';
import type { IdParams } from '../../../schemas/types/api-id-params';
import type { LogoutRedirect } from '../../../schemas/types/api-logout-redirect';
import type { Me } from '../../../schemas/types/api-me';
import type { MyConsents } from '../../../schemas/types/api-my-consents';
import type { SiteInfo } from '../../../schemas/types/api-site-info';
import { listMyConsents, withdrawConsent } from '../../commands/consents';
import { logout } from '../../commands/logout';
import { updateAccessibilityStatement } from '../../commands/update-accessibility-statement';
import { updateContactInfo } from '../../commands/update-contact-info';
import type { Database } from '../../db/database';
import { UnsupportedMediaTypeError } from '../../errors';
import type { Identity } from '../../identity';
import { createLogoutRedirect } from '../../identity/saml/service-provider';
import { csrfTokenFor } from '../../identity/sessions';
import { presentAuditLogPage } from '../../presenters/audit-log';
import { presentSiteInfo } from '../../presenters/site-info';
import { verifyTenantAuditChain } from '../../queries/audit-chain';
import { listAuditLog } from '../../queries/audit-log';
import { loadMe } from '../../queries/me';
import { loadPublicHost, loadSiteTenant, publicOriginFor } from '../../queries/site';
import { apiDocumentRoutes } from '../api-reference';
import { defineRoute, mountRoutes, reply, type RouteSpec } from '../route';
import { clearSessionCookie } from '../session-cookie';
import { formRoutes } from './forms';
import type { AuditedRegistry } from '../../registry/audited';
import { flowRoutes, type FlowRoutesDeps } from './flows';
import type { FlowTemporal } from '../../flows/workflows';
import type { DevOutbox } from '../../dev/smtp-outbox';
import type { SimulatorOutboxes } from '../../queries/dev-outbox';
import { spConfigFor } from './saml';
import { MODULES } from '../../modules';
import type { Module } from '../../modules/module';

export const API_MOUNT_PATH = '/api';

export interface ApiDeps {
  db: Database;
  identity: Identity;
  secureCookies: boolean;
  /** Handed on to the modules' routes. */
  registry?: AuditedRegistry;
}

/** The site, the session, the logged-in person, settings and the audit log. */
export function platformRoutes({ db, identity, secureCookies }: ApiDeps): RouteSpec[] {
  return [
    defineRoute<{ response: SiteInfo }>({
      method: 'GET',
      path: '/site',
      summary: 'What the site needs to render itself',
      description: 'The tenant the host name belongs to, the current actor and, with a session, the CSRF token for state-changing requests.',
      tags: ['Site'],
      responses: { 200: 'api/site-info.schema.json' },
      handler: async ({ actor, tenantId, req }) => {
        const csrfToken = req.session ? csrfTokenFor(req.session.token) : undefined;
        const site = req.tenant!.site;
        const tenant = await loadSiteTenant(db, actor, tenantId);
        const publicHost = site === 'admin' ? await loadPublicHost(db, tenantId) : undefined;
        return presentSiteInfo(tenant, site, actor, csrfToken, publicHost ? publicOriginFor(publicHost, req.protocol, req.get('host')) : undefined);
      },
    }),
    // Ends the session here, then — where the IdP offers single logout — hands back where to end it there.
    defineRoute<{ response: LogoutRedirect }>({
      method: 'POST',
      path: '/session/logout',
      summary: 'Log out',
      description: 'Ends the session on this site; where the IdP offers single logout, answers where to end it there.',
      tags: ['Session'],
      responses: { 200: 'api/logout-redirect.schema.json', 204: 'empty' },
      handler: async ({ ctx, req, res }) => {
        let redirectTo: string | undefined;
        if (req.session) {
          const idp = await logout(identity, ctx, req.session.sessionId);
          if (idp) redirectTo = createLogoutRedirect((await spConfigFor(identity, req)).sp, idp.nameId, idp.sessionIndex ?? undefined);
        }
        clearSessionCookie(res, req.tenant!.site, secureCookies);
        return redirectTo ? { redirectTo } : reply(204);
      },
    }),
    defineRoute<{ response: Me }>({
      method: 'GET',
      path: '/me',
      summary: 'My profile',
      tags: ['My profile'],
      responses: { 200: 'api/me.schema.json' },
      handler: ({ actor }) => loadMe(db, actor),
    }),
    defineRoute<{ response: MyConsents }>({
      method: 'GET',
      path: '/me/consents',
      summary: 'The consents I have given',
      tags: ['My profile'],
      responses: { 200: 'api/my-consents.schema.json' },
      handler: async ({ actor }) => ({ consents: await listMyConsents(db, actor) }),
    }),
    defineRoute<{ params: IdParams }>({
      method: 'POST',
      path: '/me/consents/:id/withdraw',
      summary: 'Withdraw one of my consents',
      tags: ['My profile'],
      params: 'api/id-params.schema.json',
      responses: { 204: 'empty' },
      handler: ({ ctx, params }) => withdrawConsent(db, ctx, params.id),
    }),
    defineRoute<{ body: ContactInfo; response: ContactInfo }>({
      method: 'PUT',
      path: '/settings/contact',
      summary: 'Change how citizens contact the municipality',
      tags: ['Settings'],
      body: 'api/contact-info.schema.json',
      responses: { 200: 'api/contact-info.schema.json' },
      handler: ({ ctx, body }) => updateContactInfo(db, ctx, body),
    }),
    defineRoute<{ body: AccessibilityStatement; response: AccessibilityStatement }>({
      method: 'PUT',
      path: '/settings/accessibility-statement',
      summary: 'Say where the accessibility statement is: an address elsewhere, or its own text',
      tags: ['Settings'],
      body: 'api/accessibility-statement.schema.json',
      responses: { 200: 'api/accessibility-statement.schema.json' },
      handler: ({ ctx, body }) => updateAccessibilityStatement(db, ctx, body),
    }),
    defineRoute<{ query: AuditLogQuery; response: AuditLogPage }>({
      method: 'GET',
      path: '/audit-log',
      summary: 'One page of the audit log, newest first',
      tags: ['Audit log'],
      query: 'api/audit-log-query.schema.json',
      responses: { 200: 'api/audit-log-page.schema.json' },
      handler: async ({ actor, tenantId, query }) => {
        const { rows, total, actorNames } = await listAuditLog(db, actor, tenantId, query);
        return presentAuditLogPage(rows, total, query.page, query.pageSize, actorNames);
      },
    }),
    defineRoute<{ response: AuditChainReport }>({
      method: 'GET',
      path: '/audit-log/verification',
      summary: 'Check the audit chain',
      tags: ['Audit log'],
      responses: { 200: 'api/audit-chain-report.schema.json' },
      handler: ({ actor, tenantId }) => verifyTenantAuditChain(db, actor, tenantId),
    }),
  ];
}

/** Every route of the JSON API but the document's own, in the order they are mounted (a fixed path before a parameter that would match it). */
/** The platform's routes, then each installed module's. */
export function apiRoutes(deps: ApiDeps & FlowRoutesDeps, modules: readonly Module[] = MODULES): RouteSpec[] {
  return [...platformRoutes(deps), ...formRoutes(deps), ...flowRoutes(deps), ...modules.flatMap((m) => m.routes?.({ db: deps.db, identity: deps.identity, flows: deps.flows, ...(deps.registry ? { registry: deps.registry } : {}) }) ?? [])];
}

export function apiRouter(db: Database, identity: Identity, secureCookies: boolean, deps: { flows: FlowTemporal; outbox?: DevOutbox; simulatorOutboxes?: SimulatorOutboxes; namespace: string; modules?: readonly Module[]; registry?: AuditedRegistry }): Router {
  const api = Router();

  // Only JSON bodies are accepted; a cross-site form post cannot send application/json without a preflight.
  api.use((req, _res, next) => {
    // An empty body (a DELETE, a POST that only names an action) needs no type; any other body must be JSON.
    const empty = req.get('content-length') === '0' || req.is('application/json') === null;
    if (['POST', 'PUT', 'PATCH', 'DELETE'].includes(req.method) && !empty && !req.is('application/json')) throw new UnsupportedMediaTypeError();
    next();
  });

  const routes: RouteSpec[] = [];
  routes.push(...apiRoutes({ db, identity, secureCookies, ...deps }, deps.modules), ...apiDocumentRoutes(() => routes, API_MOUNT_PATH));
  mountRoutes(api, routes);

  return api;
}
