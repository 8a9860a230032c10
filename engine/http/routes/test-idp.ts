// The local test IdP's pages (development and tests only, on TEST_IDP_HOST): metadata, the login page that
// lists synthetic people and lets the tester pick the level of assurance, and the auto-posting answer.
// Every Tingvalla tenant counts as a registered SP: its metadata is read in-process from the tenant the
// AuthnRequest's Issuer URL belongs to.
import { randomUUID } from 'node:crypto';
import { inflateRawSync } from 'node:zlib';
import express, { Router } from 'express';
import type { Identity } from '../../identity';
import { serviceProviderEntity } from '../../identity/saml/service-provider';
import type { ParsedAuthnRequest, TestSubject } from '../../identity/saml/test-idp';
import { PROFILES, type TestIdps } from '../../identity/saml/test-idps';
import type { IdpProfile } from '../../identity/saml/profiles';
import type { Assurance } from '../../identity/service-providers';
import { testPeople } from '../../simulators/test-people';
import { loadTenant } from '../../queries/tenant';
import { escapeHtml } from '../escape-html';

const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title>` +
  '<style>body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}fieldset{border:1px solid #767676;margin:1rem 0}label{display:block;margin:.35rem 0}button{font:inherit;padding:.5rem 1.2rem;background:#1b4f8a;color:#fff;border:0;border-radius:3px}.note{background:#fff4ce;padding:.5rem 1rem;border-left:4px solid #8a6d00}</style>' +
  `</head><body><main>${body}</main></body></html>`;

interface Pending {
  profile: IdpProfile;
  spMetadata: string;
  request: ParsedAuthnRequest;
  tenantSlug: string;
  at: number;
}

function peopleFor(profile: IdpProfile, tenantSlug: string): { id: string; label: string; subject: TestSubject }[] {
  if (profile === 'municipal-sso') {
    return testPeople.employees
      .filter((e) => e.tenant === tenantSlug || !testPeople.employees.some((x) => x.tenant === tenantSlug))
      .map((e) => ({ id: e.id, label: `${e.givenName} ${e.familyName} — ${e.about}`, subject: { kind: 'employee', email: e.email, givenName: e.givenName, familyName: e.familyName, roles: e.roles } }));
  }
  const country = profile === 'nemlogin' ? 'DK' : 'SE';
  return testPeople.citizens
    .filter((c) => c.country === country)
    .map((c) => ({ id: c.id, label: `${c.givenName} ${c.familyName} (${c.birthDate}) — ${c.about}`, subject: { kind: 'citizen', country, personalNumber: c.personalNumber, givenName: c.givenName, familyName: c.familyName } }));
}

export function testIdpRouter(identity: Identity): Router {
  const router = Router();
  // The IdP's answer is a form that posts to the tenant's ACS on another host.
  router.use((_req, res, next) => {
    res.setHeader('Content-Security-Policy', "default-src 'self'; style-src 'self' 'unsafe-inline'; form-action 'self' http: https:; frame-ancestors 'none'");
    next();
  });
  const idpsOrFail = (): TestIdps => {
    if (!identity.testIdps) throw new Error('the test IdP is not started');
    return identity.testIdps;
  };
  const pending = new Map<string, Pending>();
  const isProfile = (p: string): p is IdpProfile => (PROFILES as string[]).includes(p);

  router.get('/assets/autosubmit.js', (_req, res) => {
    res.type('text/javascript').send("document.getElementById('saml-post').submit();\n");
  });

  router.get('/:profile/metadata', (req, res) => {
    if (!isProfile(req.params.profile)) return void res.status(404).send('unknown profile');
    res.type('application/samlmetadata+xml').send(idpsOrFail().get(req.params.profile).metadata());
  });

  /** The SP behind a redirect-binding message, found from its Issuer URL's host (every tenant is a registered SP). */
  async function spOfRequest(samlRequest: string): Promise<{ spMetadata: string; tenantId: string; site: 'public' | 'admin' } | undefined> {
    try {
      const xml = inflateRawSync(Buffer.from(samlRequest, 'base64')).toString('utf8');
      const issuer = new URL(/<(?:\w+:)?Issuer[^>]*>([^<]+)<\//.exec(xml)?.[1] ?? '');
      const sp = await identity.db.resolveHost(issuer.hostname);
      if (!sp) return undefined;
      const config = await identity.db.withTenant(sp.tenantId, (tx) => identity.serviceProviders.get(tx, sp.tenantId, sp.site, issuer.origin));
      return { spMetadata: serviceProviderEntity(config).getMetadata(), tenantId: sp.tenantId, site: sp.site };
    } catch {
      return undefined;
    }
  }

  router.get('/:profile/sso', async (req, res) => {
    const profile = req.params.profile;
    if (!isProfile(profile)) return void res.status(404).send('unknown profile');
    const rawQuery = req.originalUrl.split('?')[1] ?? '';
    const sp = await spOfRequest(typeof req.query.SAMLRequest === 'string' ? req.query.SAMLRequest : '');
    if (!sp) return void res.status(400).type('html').send(page('Bad request', '<h1>Bad request</h1><p>No readable AuthnRequest of a known service provider.</p>'));
    const tenant = await loadTenant(identity.db, sp.tenantId);
    const { spMetadata } = sp;
    let request: ParsedAuthnRequest;
    try {
      request = await idpsOrFail().get(profile).parseRequest(spMetadata, rawQuery);
    } catch (err) {
      return void res.status(400).type('html').send(page('Bad request', `<h1>AuthnRequest refused</h1><p>${escapeHtml(err instanceof Error ? err.message : String(err))}</p>`));
    }
    const key = randomUUID();
    for (const [k, v] of pending) if (Date.now() - v.at > 15 * 60_000 || pending.size > 1000) pending.delete(k);
    pending.set(key, { profile, spMetadata, request, tenantSlug: tenant.slug, at: Date.now() });
    const people = peopleFor(profile, tenant.slug);
    res.type('html').send(
      page(
        `Test IdP (${profile}) — log in`,
        `<h1>Test IdP: ${escapeHtml(profile)}</h1><p class="note">Development only. This is not a real login: pick a synthetic person.</p>` +
          `<p>Logging in to <strong>${escapeHtml(tenant.name)}</strong> (${escapeHtml(sp.site)} site).</p>` +
          `<form method="post" action="/${profile}/sso/respond"><input type="hidden" name="pending" value="${key}">` +
          `<fieldset><legend>Person</legend>${people.map((p, i) => `<label><input type="radio" name="person" value="${escapeHtml(p.id)}"${i === 0 ? ' checked' : ''}> ${escapeHtml(p.label)}</label>`).join('')}</fieldset>` +
          '<label for="assurance">Level of assurance</label><select id="assurance" name="assurance"><option value="low">Low</option><option value="substantial" selected>Substantial</option><option value="high">High</option></select>' +
          '<p><button type="submit">Log in</button></p></form>',
      ),
    );
  });

  // Single logout: verify the SP's signed LogoutRequest and send the browser back with a LogoutResponse.
  router.get('/:profile/slo', async (req, res) => {
    const profile = req.params.profile;
    if (!isProfile(profile)) return void res.status(404).send('unknown profile');
    const rawQuery = req.originalUrl.split('?')[1] ?? '';
    const found = await spOfRequest(typeof req.query.SAMLRequest === 'string' ? req.query.SAMLRequest : '');
    if (!found) return void res.status(400).type('html').send(page('Bad request', '<h1>Unknown service provider</h1>'));
    try {
      res.redirect(302, await idpsOrFail().get(profile).logout(found.spMetadata, rawQuery));
    } catch (err) {
      res.status(400).type('html').send(page('Bad request', `<h1>LogoutRequest refused</h1><p>${escapeHtml(err instanceof Error ? err.message : String(err))}</p>`));
    }
  });

  router.post('/:profile/sso/respond', express.urlencoded({ extended: false, limit: '4kb', parameterLimit: 5 }), async (req, res) => {
    const body = req.body as Record<string, string | undefined>;
    const entry = pending.get(body.pending ?? '');
    const profile = req.params.profile;
    if (!entry || entry.profile !== profile) return void res.status(400).type('html').send(page('Expired', '<h1>This login has expired</h1><p>Start again from the site.</p>'));
    pending.delete(body.pending!);
    const person = peopleFor(entry.profile, entry.tenantSlug).find((p) => p.id === body.person);
    const assurance = (['low', 'substantial', 'high'] as Assurance[]).find((a) => a === body.assurance);
    if (!person || !assurance) return void res.status(400).type('html').send(page('Bad request', '<h1>Pick a person and a level</h1>'));
    const { SAMLResponse, acsUrl } = await idpsOrFail().get(entry.profile).respond(entry.spMetadata, entry.request, person.subject, assurance);
    res.type('html').send(
      page(
        'Returning to the site',
        `<h1>Returning to the site…</h1><form id="saml-post" method="post" action="${escapeHtml(acsUrl)}"><input type="hidden" name="SAMLResponse" value="${SAMLResponse}">` +
          `${entry.request.relayState ? `<input type="hidden" name="RelayState" value="${escapeHtml(entry.request.relayState)}">` : ''}<noscript><button type="submit">Continue</button></noscript></form>` +
          '<script src="/assets/autosubmit.js"></script>',
      ),
    );
  });

  return router;
}
