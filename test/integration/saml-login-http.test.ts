// The whole SAML login over HTTP, as a browser would do it (redirect → test IdP page → auto-post → ACS).
import { QueryTypes } from 'sequelize';
import type { SiteInfo } from '../../schemas/types/api-site-info';
import { cookieName } from '../../engine/http/session-cookie';
import { csrfTokenFor } from '../../engine/identity/sessions';
import { closeOwnerDb, createTestTenant, ownerDb, type TestTenant } from '../helpers/factories';
import { request, type TestResponse } from '../helpers/http';
import { startTestPlatform } from '../helpers/platform';
import { createTestCa } from '../helpers/ca';
import { open } from '../../engine/crypto/aead';
import { NAME_ID_PURPOSE } from '../../engine/identity/login';
import type { ValidationError } from '../../engine/errors';
import { RSA_SHA1 } from '../../engine/identity/saml/constants';
import type { TestSubject } from '../../engine/identity/saml/test-idp';

let platform: Awaited<ReturnType<typeof startTestPlatform>>;
let dk: TestTenant;
let se: TestTenant;

beforeAll(async () => {
  [dk, se] = await Promise.all([createTestTenant(), createTestTenant({ country: 'SE' })]);
  platform = await startTestPlatform([], { TEST_IDP: 'on' });
});
afterAll(async () => {
  await platform.stop();
  await closeOwnerDb();
});

const go = (url: string, method = 'GET', body?: string, headers: Record<string, string> = {}): Promise<TestResponse> => {
  const u = new URL(url);
  return request(platform.port, u.hostname, method, u.pathname + u.search, { ...(body ? { body, headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers } } : { headers }) });
};
const field = (html: string, name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1];

/** Walks the login: returns the ACS answer. */
async function login(host: string, person: string, assurance = 'substantial', returnTo = '/audit-log') {
  const start = await go(`http://${host}:${platform.port}/saml/login?returnTo=${encodeURIComponent(returnTo)}`);
  expect(start.status).toBe(302);
  const idpUrl = String(start.headers.location);
  expect(idpUrl).toMatch(/^http:\/\/idp\.localhost:\d+\/(municipal-sso|nemlogin|sweden-connect)\/sso\?SAMLRequest=.+&SigAlg=.+&Signature=/);
  const loginPage = await go(idpUrl);
  expect(loginPage.status).toBe(200);
  const profile = new URL(idpUrl).pathname.split('/')[1];
  const form = new URLSearchParams({ pending: field(loginPage.text, 'pending')!, person, assurance });
  const answer = await go(`http://idp.localhost:${platform.port}/${profile}/sso/respond`, 'POST', form.toString());
  expect(answer.status).toBe(200);
  const acs = /action="([^"]+)"/.exec(answer.text)![1]!;
  const samlResponse = field(answer.text, 'SAMLResponse')!;
  const result = await go(acs, 'POST', new URLSearchParams({ SAMLResponse: samlResponse }).toString());
  return { result, samlResponse, acs, loginPage };
}

const sessionCookie = (res: TestResponse, site: 'admin' | 'public') => {
  const set = ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith(`${cookieName(site)}=`));
  return set ? set.split(';')[0]! : undefined;
};

it('logs an administrator into the admin site through municipal SSO, audited, with a safe cookie', async () => {
  const { result, loginPage } = await login(dk.adminHost, 'korsbaek-admin');
  expect(loginPage.text).toContain('Lauritz Jensen');
  expect(result.status).toBe(303);
  expect(result.headers.location).toBe('/audit-log');
  const setCookie = String(result.headers['set-cookie']);
  expect(setCookie).toMatch(/HttpOnly/);
  expect(setCookie).toMatch(/SameSite=Lax/);
  const cookie = sessionCookie(result, 'admin')!;
  const info = (await request(platform.port, dk.adminHost, 'GET', '/api/site', { headers: { cookie } })).json<SiteInfo>();
  expect(info.actor).toEqual({ kind: 'user', displayName: 'Lauritz Jensen', roles: ['administrator'] });
  expect((await request(platform.port, dk.adminHost, 'GET', '/api/audit-log', { headers: { cookie } })).status).toBe(200);
  const audit = await ownerDb().query<{ summary: Record<string, unknown> }>("SELECT summary FROM audit_log WHERE tenant_id = $1 AND action = 'session.loggedIn'", { bind: [dk.id], type: QueryTypes.SELECT });
  expect(audit.map((a) => a.summary)).toEqual([{ site: 'admin', kind: 'employee', assurance: 'substantial', roles: ['administrator'] }]);
  expect(JSON.stringify(audit)).not.toContain('Lauritz');
  // The audit page shows the user's current name, and the actor filter finds them by it.
  const page = (await request(platform.port, dk.adminHost, 'GET', '/api/audit-log?actor=lauritz', { headers: { cookie } })).json<{ entries: { actor: string; action: string }[] }>();
  expect(page.entries.map((e) => [e.actor, e.action])).toEqual([['Lauritz Jensen', 'session.loggedIn']]);
});

it('refuses a replayed response, an employee without privilege and a too-low level, with no session', async () => {
  const first = await login(dk.adminHost, 'korsbaek-admin');
  const replay = await go(first.acs, 'POST', new URLSearchParams({ SAMLResponse: first.samlResponse }).toString());
  expect(replay.status).toBe(403);
  expect(replay.text).toMatch(/Login failed/);
  expect(sessionCookie(replay, 'admin')).toBeUndefined();
  const clerk = await login(dk.adminHost, 'korsbaek-clerk');
  expect([clerk.result.status, sessionCookie(clerk.result, 'admin')]).toEqual([403, undefined]);
  const low = await login(dk.adminHost, 'korsbaek-admin', 'low');
  expect([low.result.status, sessionCookie(low.result, 'admin')]).toEqual([403, undefined]);
});

it('sends RelayState only to a path on the same site', async () => {
  const { result } = await login(dk.adminHost, 'korsbaek-admin', 'substantial', '//evil.example/phish');
  expect(result.headers.location).toBe('/');
});

it('logs citizens in with MitID (Denmark) and Swedish e-ID (Sweden) on the public site', async () => {
  const danish = await login(dk.publicHost, 'dk-agnes', 'substantial', '/profile');
  expect(danish.result.headers.location).toBe('/profile');
  const dkInfo = (await request(platform.port, dk.publicHost, 'GET', '/api/site', { headers: { cookie: sessionCookie(danish.result, 'public')! } })).json<SiteInfo>();
  expect(dkInfo.actor).toEqual({ kind: 'user', displayName: 'Agnes Jensen', roles: ['participant'] });
  const swedish = await login(se.publicHost, 'se-anna', 'high', '/profile');
  expect(swedish.loginPage.text).toContain('Anna Lindqvist');
  const seInfo = (await request(platform.port, se.publicHost, 'GET', '/api/site', { headers: { cookie: sessionCookie(swedish.result, 'public')! } })).json<SiteInfo>();
  expect(seInfo.actor.displayName).toBe('Anna Lindqvist');
  // The login recorded its level of assurance and asked the registry whether the person lives in the municipality.
  const sessions = await ownerDb().query<{ tenant_id: string; assurance: string; resident: boolean }>(
    "SELECT tenant_id, assurance, resident FROM sessions WHERE site = 'public' AND tenant_id IN ($1, $2) ORDER BY created_at",
    { bind: [dk.id, se.id], type: QueryTypes.SELECT },
  );
  expect(sessions).toEqual([
    { tenant_id: dk.id, assurance: 'substantial', resident: true },
    { tenant_id: se.id, assurance: 'high', resident: true },
  ]);
  const maude = await login(dk.publicHost, 'dk-maude', 'substantial', '/profile');
  expect(maude.result.status).toBe(303);
  const [lives] = await ownerDb().query<{ resident: boolean }>("SELECT resident FROM sessions WHERE site = 'public' AND tenant_id = $1 ORDER BY created_at DESC LIMIT 1", { bind: [dk.id], type: QueryTypes.SELECT });
  expect(lives!.resident).toBe(false); // Maude lives in another municipality
  const lookups = await ownerDb().query<{ purpose: string }>("SELECT summary->>'purpose' AS purpose FROM audit_log WHERE tenant_id = $1 AND action = 'civilRegistry.lookedUp'", { bind: [dk.id], type: QueryTypes.SELECT });
  expect(lookups).toEqual([{ purpose: 'session.residency' }, { purpose: 'session.residency' }]);
  // A citizen session opens nothing on the admin site.
  expect((await request(platform.port, dk.adminHost, 'GET', '/api/audit-log', { headers: { cookie: sessionCookie(danish.result, 'public')!.replace(cookieName('public'), cookieName('admin')) } })).status).toBe(401);
});

it('publishes each site’s SP metadata at a stable URL', async () => {
  const res = await request(platform.port, dk.adminHost, 'GET', '/saml/metadata');
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toMatch(/samlmetadata\+xml/);
  expect(res.text).toContain(`entityID="http://${dk.adminHost}:${platform.port}/saml/metadata"`);
  expect(res.text).toMatch(/AuthnRequestsSigned="true"/);
  expect((res.text.match(/use="(signing|encryption)"/g) ?? []).length).toBe(2);
  expect((await request(platform.port, dk.adminHost, 'GET', '/saml/metadata')).text).toBe(res.text);
});

it('logs out locally and then at the IdP with SAML single logout', async () => {
  const { result } = await login(dk.adminHost, 'korsbaek-admin');
  const cookie = sessionCookie(result, 'admin')!;
  const token = cookie.split('=')[1]!;
  const out = await request(platform.port, dk.adminHost, 'POST', '/api/session/logout', { json: {}, headers: { cookie, 'x-csrf-token': csrfTokenFor(token) } });
  expect(out.status).toBe(200);
  const { redirectTo } = out.json<{ redirectTo: string }>();
  expect(redirectTo).toMatch(/^http:\/\/idp\.localhost:\d+\/municipal-sso\/slo\?SAMLRequest=.+&Signature=/);
  // Already ended here, before the IdP answers.
  expect((await request(platform.port, dk.adminHost, 'GET', '/api/audit-log', { headers: { cookie } })).status).toBe(401);
  const atIdp = await go(redirectTo);
  expect(atIdp.status).toBe(302);
  const back = String(atIdp.headers.location);
  expect(back).toMatch(new RegExp(`^http://${dk.adminHost}:\\d+/saml/slo\\?SAMLResponse=`));
  const done = await go(back);
  expect([done.status, done.headers.location]).toEqual([303, '/logged-out']);
  // A forged LogoutResponse is refused.
  const forged = await go(back.replace(/SAMLResponse=[^&]+/, 'SAMLResponse=AAAA'));
  expect(forged.status).toBe(400);
});

describe('a municipality’s own (CA-issued) SP certificates', () => {
  it('publishes them in the SP metadata and logs in with them; refuses a key that does not fit or an expired certificate', async () => {
    const own = await createTestTenant();
    const origin = `http://${own.adminHost}:${platform.port}`;
    const ca = await createTestCa();
    const [signing, encryption] = await Promise.all([ca.issue(`${own.adminHost} signing`), ca.issue(`${own.adminHost} encryption`)]);
    const sps = platform.identity.serviceProviders;
    await platform.db.withTenant(own.id, async (tx) => {
      await sps.get(tx, own.id, 'admin', origin);
      await sps.setKeyPair(tx, own.id, 'admin', 'signing', signing);
      await sps.setKeyPair(tx, own.id, 'admin', 'encryption', encryption);
    });
    const metadata = (await go(`${origin}/saml/metadata`)).text;
    const body = (certPem: string) => certPem.replace(/-----[^-]+-----|\s/g, '');
    expect(metadata).toContain(body(signing.certificatePem));
    expect(metadata).toContain(body(encryption.certificatePem));
    // The test IdP encrypts to the new certificate and checks the AuthnRequest against the new signing one.
    const { result } = await login(own.adminHost, 'korsbaek-admin');
    expect([result.status, sessionCookie(result, 'admin') !== undefined]).toEqual([303, true]);

    const other = await ca.issue('other');
    const expired = await ca.issue('expired', { notBefore: new Date(Date.now() - 2 * 86_400_000), notAfter: new Date(Date.now() - 86_400_000) });
    const problemsOf = (pair: { certificatePem: string; privateKeyPem: string }) =>
      platform.db.withTenant(own.id, (tx) => sps.setKeyPair(tx, own.id, 'admin', 'signing', pair)).then(
        () => [],
        (err: ValidationError) => err.fields!.map((f) => `${f.field}: ${f.message}`),
      );
    expect(await problemsOf({ certificatePem: signing.certificatePem, privateKeyPem: other.privateKeyPem })).toEqual(['/signing: the private key does not belong to the certificate']);
    expect((await problemsOf(expired))[0]).toMatch(/^\/signing: the certificate expired /);
    expect(await problemsOf({ certificatePem: 'nonsense', privateKeyPem: other.privateKeyPem })).toEqual(['/signing: the certificate is not a PEM X.509 certificate']);
  });
});

describe('single logout started at the IdP', () => {
  it('ends the site’s session of that person on a signed LogoutRequest and answers with a signed LogoutResponse; refuses an unsigned one', async () => {
    const t = await createTestTenant();
    const { result } = await login(t.adminHost, 'korsbaek-admin');
    const cookie = sessionCookie(result, 'admin')!;
    const token = cookie.split('=')[1]!;
    const live = await platform.identity.sessions.resume(t.id, 'admin', token, new Date());
    expect(live).toBeDefined();
    // What the IdP knows the session by: the NameID and SessionIndex it put in the assertion.
    const idpSession = await platform.db.withTenant(t.id, async (tx) => {
      const s = (await platform.identity.sessions.idpSession(tx, live!.sessionId))!;
      const key = await platform.identity.keyring.dataKey(tx, t.id, NAME_ID_PURPOSE);
      return { nameId: open(key, s.nameIdSealed, t.id).toString(), sessionIndex: s.sessionIndex ?? undefined };
    });
    const origin = `http://${t.adminHost}:${platform.port}`;
    const spMetadata = (await go(`${origin}/saml/metadata`)).text;
    const idp = platform.identity.testIdps!.get('municipal-sso');

    const unsigned = idp.logoutRequestUrl(spMetadata, idpSession.nameId, idpSession.sessionIndex).replace(/&Signature=[^&]+/, '');
    expect((await go(unsigned)).status).toBe(400);
    expect(await platform.identity.sessions.resume(t.id, 'admin', token, new Date())).toBeDefined();

    const answer = await go(idp.logoutRequestUrl(spMetadata, idpSession.nameId, idpSession.sessionIndex), 'GET', undefined, { cookie });
    expect(answer.status).toBe(303);
    const location = new URL(String(answer.headers.location));
    expect(location.pathname).toBe('/municipal-sso/slo');
    expect(location.searchParams.get('SAMLResponse')).toBeTruthy();
    expect(location.searchParams.get('Signature')).toBeTruthy();
    expect(String(answer.headers['set-cookie'])).toMatch(new RegExp(`${cookieName('admin')}=;`));
    expect(await platform.identity.sessions.resume(t.id, 'admin', token, new Date())).toBeUndefined();
    const audit = await ownerDb().query<{ entity_id: string }>("SELECT entity_id FROM audit_log WHERE tenant_id = $1 AND action = 'session.loggedOutByIdp'", { bind: [t.id], type: QueryTypes.SELECT });
    expect(audit).toEqual([{ entity_id: live!.sessionId }]);
  });
});

describe('weak algorithms over HTTP', () => {
  const lauritz: TestSubject = { kind: 'employee', email: 'lauritz@korsbaek.example', givenName: 'Lauritz', familyName: 'Jensen', roles: ['administrator'] };
  const countOf = async (sql: string, tenantId: string) => (await ownerDb().query<{ n: string }>(sql, { bind: [tenantId], type: QueryTypes.SELECT }))[0]!.n;

  it('refuses at the ACS an assertion signed with RSA-SHA1: 403, no cookie, no session, no login audited', async () => {
    const t = await createTestTenant();
    const origin = `http://${t.adminHost}:${platform.port}`;
    const spMetadata = (await go(`${origin}/saml/metadata`)).text;
    const idp = platform.identity.testIdps!.get('municipal-sso');
    const answer = async (algorithms: { signature?: string }) => {
      const start = await go(`${origin}/saml/login?returnTo=/`);
      const request = await idp.parseRequest(spMetadata, String(start.headers.location).split('?')[1]!);
      const { SAMLResponse, acsUrl } = await idp.respond(spMetadata, request, lauritz, 'substantial', {}, algorithms);
      return go(acsUrl, 'POST', new URLSearchParams({ SAMLResponse }).toString());
    };
    const sha1 = await answer({ signature: RSA_SHA1 });
    expect([sha1.status, sessionCookie(sha1, 'admin')]).toEqual([403, undefined]);
    expect(sha1.text).toMatch(/Login failed/);
    expect(await countOf('SELECT count(*) AS n FROM sessions WHERE tenant_id = $1', t.id)).toBe('0');
    expect(await countOf("SELECT count(*) AS n FROM audit_log WHERE tenant_id = $1 AND action = 'session.loggedIn'", t.id)).toBe('0');
    // The same login with RSA-SHA256 goes through.
    const sha256 = await answer({});
    expect([sha256.status, sessionCookie(sha256, 'admin') !== undefined]).toEqual([303, true]);
  });

  it('refuses at /saml/slo a LogoutRequest signed with RSA-SHA1: 400, and the session lives on', async () => {
    const t = await createTestTenant();
    const { result } = await login(t.adminHost, 'korsbaek-admin');
    const token = sessionCookie(result, 'admin')!.split('=')[1]!;
    const live = (await platform.identity.sessions.resume(t.id, 'admin', token, new Date()))!;
    const nameId = await platform.db.withTenant(t.id, async (tx) => {
      const s = (await platform.identity.sessions.idpSession(tx, live.sessionId))!;
      return open(await platform.identity.keyring.dataKey(tx, t.id, NAME_ID_PURPOSE), s.nameIdSealed, t.id).toString();
    });
    const spMetadata = (await go(`http://${t.adminHost}:${platform.port}/saml/metadata`)).text;
    const sha1 = platform.identity.testIdps!.get('municipal-sso').logoutRequestUrl(spMetadata, nameId, undefined, { signature: RSA_SHA1 });
    expect((await go(sha1)).status).toBe(400);
    expect(await platform.identity.sessions.resume(t.id, 'admin', token, new Date())).toBeDefined();
  });
});
