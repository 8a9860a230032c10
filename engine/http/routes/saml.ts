// SAML service provider endpoints on every tenant host: metadata, login (signed AuthnRequest by redirect),
// and the assertion consumer service that checks the response and starts a session.
import express, { Router, type Request } from 'express';
import type { Identity } from '../../identity';
import { completeLogin, NoPrivilegeError } from '../../identity/login';
import { checkResidency } from '../../identity/residency';
import type { AuditedRegistry } from '../../registry/audited';
import { createLoginRedirect, createLogoutResponseRedirect, SamlRejectedError, serviceProviderEntity, verifyLoginResponse, verifyLogoutRequest, verifyLogoutResponse } from '../../identity/saml/service-provider';
import { logoutByIdp } from '../../commands/logout-by-idp';
import { profileFor } from '../../identity/saml/test-idps';
import type { ServiceProviderConfig } from '../../identity/service-providers';
import { loadTenant } from '../../queries/tenant';
import { LoginUnavailableError } from '../../errors';
import { clearSessionCookie, setSessionCookie } from '../session-cookie';

/** RelayState only ever names a path on this same site. */
export function safeReturnPath(value: unknown): string {
  return typeof value === 'string' && value.length <= 300 && /^\/(?![/\\])[\x21-\x7e]*$/.test(value) ? value : '/';
}

const loginFailedPage = (lang: string) =>
  `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>Login failed</title></head><body><main><h1>Login failed</h1>` +
  '<p lang="da">Login mislykkedes.</p><p lang="sv">Inloggningen misslyckades.</p><p lang="en">The login did not succeed.</p>' +
  '<p><a href="/saml/login">Try again</a></p></main></body></html>';

const origin = (req: Request) => `${req.protocol}://${req.get('host')}`;

/** The service provider of the request's tenant and site, with the IdP it trusts. */
export async function spConfigFor(identity: Identity, req: Request): Promise<{ sp: ServiceProviderConfig; profile: ReturnType<typeof profileFor>; lang: string }> {
  const { id, site } = req.tenant!;
  const tenant = await loadTenant(identity.db, id);
  const profile = profileFor(site, tenant.country);
  const sp = await identity.db.withTenant(id, (tx) => identity.serviceProviders.get(tx, id, site, origin(req)));
  // Development and tests: a tenant without an IdP of its own trusts the local test IdP.
  const idpMetadata = sp.idpMetadata ?? identity.testIdps?.get(profile).metadata() ?? null;
  return { sp: { ...sp, idpMetadata }, profile, lang: tenant.defaultLocale };
}

export function samlRouter(identity: Identity, secureCookies: boolean, registry?: AuditedRegistry): Router {
  const router = Router();
  const spConfig = (req: Request) => spConfigFor(identity, req);

  router.get('/saml/metadata', async (req, res) => {
    const { sp } = await spConfig(req);
    res.type('application/samlmetadata+xml').send(serviceProviderEntity(sp).getMetadata());
  });

  router.get('/saml/login', async (req, res) => {
    const { sp } = await spConfig(req);
    if (!sp.idpMetadata) throw new LoginUnavailableError();
    const { requestId, url } = createLoginRedirect(sp);
    const { id, site } = req.tenant!;
    await identity.db.withTenant(id, (tx) => identity.replayGuard.rememberRequest(tx, { tenantId: id, site, requestId, relayState: safeReturnPath(req.query.returnTo), now: new Date() }));
    res.redirect(302, url);
  });

  router.post('/saml/acs', express.urlencoded({ extended: false, limit: '200kb', parameterLimit: 5 }), async (req, res) => {
    const { sp, profile, lang } = await spConfig(req);
    const { id, site } = req.tenant!;
    const now = new Date();
    try {
      const login = await verifyLoginResponse(sp, profile, (req.body as Record<string, unknown> | undefined)?.SAMLResponse, {
        now,
        consumeRequest: (requestId) => identity.db.withTenant(id, (tx) => identity.replayGuard.consumeRequest(tx, { site, requestId, now })),
        firstSighting: (issuer, assertionId, keepUntil) => identity.db.withTenant(id, (tx) => identity.replayGuard.firstSighting(tx, { tenantId: id, issuer, assertionId, keepUntil })),
      });
      const session = await identity.db.withTenant(id, (tx) => completeLogin(identity, tx, { tenantId: id, site, login, now, requestId: String(req.id) }));
      const who = login.identity;
      if (who.kind === 'citizen' && who.personalNumber && registry) {
        // Asked at every citizen login, so that no later step has to (residency.ts); an unanswered registry leaves it unknown.
        const actor = { kind: 'user' as const, tenantId: id, id: session.userId, displayName: who.displayName, roles: ['participant' as const] };
        await checkResidency({ db: identity.db, registry }, actor, session.sessionId, who.personalNumber.canonical).catch((err: unknown) => req.log.warn({ err: err instanceof Error ? err.name : 'error' }, 'residency not checked at login'));
      }
      setSessionCookie(res, site, session.token, session.absoluteExpiresAt, secureCookies);
      res.redirect(303, safeReturnPath(login.relayState));
    } catch (err) {
      if (!(err instanceof SamlRejectedError || err instanceof NoPrivilegeError)) throw err;
      // The reason is logged (never the response itself, which holds personal data); the person sees a plain page.
      req.log.warn({ samlRejected: err instanceof SamlRejectedError ? err.reason : err.message }, 'login refused');
      res.status(403).type('html').send(loginFailedPage(lang));
    }
  });

  // Single logout over HTTP-Redirect. A SAMLResponse is the IdP's answer to our request (the local session
  // ended before we asked); a SAMLRequest is the IdP telling us the person logged out elsewhere.
  router.get('/saml/slo', async (req, res) => {
    const { sp, lang } = await spConfig(req);
    const rawQuery = req.originalUrl.split('?')[1] ?? '';
    const site = req.tenant!.site;
    try {
      if (typeof req.query.SAMLRequest === 'string') {
        const request = await verifyLogoutRequest(sp, rawQuery);
        const ended = await logoutByIdp(identity, { tenantId: req.tenant!.id, site, nameId: request.nameId, ...(request.sessionIndex ? { sessionIndex: request.sessionIndex } : {}), requestId: String(req.id) });
        req.log.info({ sessionsEnded: ended }, 'logout requested by the IdP');
        clearSessionCookie(res, site, secureCookies);
        return void res.redirect(303, createLogoutResponseRedirect(sp, request));
      }
      await verifyLogoutResponse(sp, rawQuery);
    } catch (err) {
      if (!(err instanceof SamlRejectedError)) throw err;
      req.log.warn({ samlRejected: err.reason }, 'single logout message refused');
      return void res.status(400).type('html').send(loginFailedPage(lang).replace(/Login failed/g, 'Logout not confirmed'));
    }
    res.redirect(303, site === 'admin' ? '/logged-out' : '/');
  });

  return router;
}
