// The SAML attack suite: every bad response is built for real (signed with real keys, then tampered
// where needed) by the local test IdP, and the service provider must reject it with a stated reason.
import { randomUUID } from 'node:crypto';
import * as samlify from 'samlify';
import { parseKeySpec } from '../../engine/crypto/key-spec';
import { Keyring } from '../../engine/crypto/keyring';
import { selfSignedCertificate } from '../../engine/identity/certificates';
import { SamlReplayGuard } from '../../engine/identity/saml-replay';
import { MAX_SAML_RESPONSE_BYTES } from '../../engine/identity/saml/constants';
import { createLoginRedirect, SamlRejectedError, serviceProviderEntity, verifyLoginResponse, type LoginChecks } from '../../engine/identity/saml/service-provider';
import { TestIdentityProvider, type TestSubject } from '../../engine/identity/saml/test-idp';
import { ServiceProviders, type ServiceProviderConfig } from '../../engine/identity/service-providers';
import { createTestTenant, suiteDatabase, type TestTenant } from '../helpers/factories';

const db = suiteDatabase();
let guard: SamlReplayGuard;
let idp: TestIdentityProvider;
let evilIdp: TestIdentityProvider;
let tenant: TestTenant;
let other: TestTenant;
let sp: ServiceProviderConfig;
let otherSp: ServiceProviderConfig;

const admin: TestSubject = { kind: 'employee', email: 'lauritz@korsbaek.example', givenName: 'Lauritz', familyName: 'Jensen', roles: ['administrator'] };
const keys = async () => ({ signing: await selfSignedCertificate('test idp signing'), encryption: await selfSignedCertificate('test idp encryption') });
const b64 = (s: string) => Buffer.from(s).toString('base64');
const unb64 = (s: string) => Buffer.from(s, 'base64').toString('utf8');

beforeAll(async () => {
  guard = new SamlReplayGuard(db);
  const sps = new ServiceProviders(db, new Keyring(db, parseKeySpec(process.env.DATA_MASTER_KEYS!)));
  [tenant, other] = await Promise.all([createTestTenant(), createTestTenant()]);
  idp = new TestIdentityProvider('municipal-sso', 'http://idp.localhost:3000/municipal-sso', await keys());
  // Same entity id, other keys: an attacker's IdP pretending to be the real one.
  evilIdp = new TestIdentityProvider('municipal-sso', 'http://idp.localhost:3000/municipal-sso', await keys());
  const configure = async (t: TestTenant) =>
    db.withTenant(t.id, async (tx) => {
      await sps.get(tx, t.id, 'admin', `http://${t.adminHost}:3000`);
      await sps.setIdpMetadata(tx, t.id, 'admin', idp.metadata());
      return sps.get(tx, t.id, 'admin', `http://${t.adminHost}:3000`);
    });
  [sp, otherSp] = [await configure(tenant), await configure(other)];
});

function checksFor(t: TestTenant, now = new Date()): LoginChecks {
  return {
    now,
    consumeRequest: (requestId) => db.withTenant(t.id, (tx) => guard.consumeRequest(tx, { site: 'admin', requestId, now })),
    firstSighting: (issuer, assertionId, keepUntil) => db.withTenant(t.id, (tx) => guard.firstSighting(tx, { tenantId: t.id, issuer, assertionId, keepUntil })),
  };
}

/** The SP starts a login (as the /saml/login route will), the IdP parses the real redirect. */
async function startLogin(config = sp, t = tenant) {
  const redirect = createLoginRedirect(config);
  await db.withTenant(t.id, (tx) => guard.rememberRequest(tx, { tenantId: t.id, site: 'admin', requestId: redirect.requestId, relayState: '/audit-log', now: new Date() }));
  const spMetadata = serviceProviderEntity(config).getMetadata();
  const request = await idp.parseRequest(spMetadata, redirect.url.slice(redirect.url.indexOf('?') + 1));
  return { request, spMetadata, requestId: redirect.requestId };
}

async function respond(overrides: Record<string, string | null> = {}, subject: TestSubject = admin, assurance: 'low' | 'substantial' | 'high' = 'substantial') {
  const { request, spMetadata } = await startLogin();
  return (await idp.respond(spMetadata, request, subject, assurance, overrides)).SAMLResponse;
}

async function rejected(samlResponse: unknown, reason: RegExp, config = sp, t = tenant, now?: Date): Promise<void> {
  const error = await verifyLoginResponse(config, 'municipal-sso', samlResponse, checksFor(t, now)).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SamlRejectedError);
  expect((error as SamlRejectedError).reason).toMatch(reason);
}

/** Decrypts a response as the SP would, for tampering, and re-encrypts to the SP's public certificate. */
async function decrypted(samlResponse: string): Promise<string> {
  const [xml] = await samlify.SamlLib.decryptAssertion(serviceProviderEntity(sp), unb64(samlResponse));
  return xml;
}
const reEncrypt = (xml: string) => samlify.SamlLib.encryptAssertion(idp.entity, samlify.ServiceProvider({ metadata: serviceProviderEntity(sp).getMetadata() }), xml) as Promise<string>;

it('accepts a correct response: signed, encrypted, answering our request, with the employee’s roles', async () => {
  const login = await verifyLoginResponse(sp, 'municipal-sso', await respond(), checksFor(tenant));
  expect(login.identity).toEqual({ kind: 'employee', displayName: 'Lauritz Jensen', assurance: 'substantial', roles: ['administrator'] });
  expect(login.relayState).toBe('/audit-log');
  expect(unb64(await respond())).not.toContain('Lauritz');
});

describe('rejects', () => {
  it('1. an unsigned assertion (signature stripped, re-encrypted)', async () => {
    const xml = (await decrypted(await respond())).replace(/<ds:Signature[\s\S]*?<\/ds:Signature>/, '');
    await rejected(await reEncrypt(xml), /signature|samlify/i);
  });

  it('2. an assertion signed by another key', async () => {
    const { request, spMetadata } = await startLogin();
    const forged = await evilIdp.respond(spMetadata, request, admin, 'substantial');
    await rejected(forged.SAMLResponse, /samlify/);
  });

  it('3. signature wrapping: a second, unsigned assertion beside the signed one', async () => {
    const xml = unb64(await respond()).replace('</samlp:Response>', `<saml:Assertion ID="_evil" Version="2.0" IssueInstant="${new Date().toISOString()}"><saml:Issuer>${idp.entity.entityMeta.getEntityID()}</saml:Issuer></saml:Assertion></samlp:Response>`);
    await rejected(b64(xml), /exactly one assertion|samlify/);
  });

  it('4. signature wrapping: the signed assertion moved and an evil one in its place', async () => {
    const plain = await decrypted(await respond());
    const signed = /<saml:Assertion[\s\S]*<\/saml:Assertion>/.exec(plain)![0];
    const evil = signed.replace(/<ds:Signature[\s\S]*?<\/ds:Signature>/, '').replace(/ID="[^"]+"/, 'ID="_evil"').replace('Lauritz', 'Mallory');
    const wrapped = plain.replace(signed, `${evil}<samlp:Extensions>${signed}</samlp:Extensions>`);
    await rejected(await reEncrypt(wrapped).catch(() => b64(wrapped)), /exactly one assertion|signature|samlify/i);
  });

  it('5. an attribute altered after signing', async () => {
    const altered = (await decrypted(await respond())).replace(/Lauritz/g, 'Mallory');
    expect(altered).toContain('Mallory');
    await rejected(await reEncrypt(altered), /samlify/);
  });

  it('6. the plaintext assertion (encryption stripped)', async () => {
    await rejected(b64(await decrypted(await respond())), /samlify/);
  });

  it('7. a wrong audience', async () => {
    await rejected(await respond({ Audience: 'https://another-sp.example/saml/metadata' }), /audience/);
  });

  it('8. a wrong Destination', async () => {
    await rejected(await respond({ Destination: 'https://evil.example/saml/acs' }), /Destination/);
  });

  it('9. a wrong Recipient', async () => {
    await rejected(await respond({ SubjectRecipient: 'https://evil.example/saml/acs' }), /Recipient/);
  });

  it('10. a wrong issuer', async () => {
    await rejected(await respond({ AssertionIssuer: 'https://other-idp.example/metadata' }), /samlify/);
  });

  it('11. a replayed response', async () => {
    const response = await respond();
    await verifyLoginResponse(sp, 'municipal-sso', response, checksFor(tenant));
    await rejected(response, /InResponseTo used|replayed/);
  });

  it('12. an unknown InResponseTo, and no InResponseTo at all', async () => {
    await rejected(await respond({ InResponseTo: `_${randomUUID()}` }), /InResponseTo unknown/);
    await rejected(await respond({ InResponseTo: null }), /unsolicited|InResponseTo/);
  });

  it('13. a second response to an already answered request', async () => {
    const { request, spMetadata } = await startLogin();
    await verifyLoginResponse(sp, 'municipal-sso', (await idp.respond(spMetadata, request, admin, 'substantial')).SAMLResponse, checksFor(tenant));
    await rejected((await idp.respond(spMetadata, request, admin, 'substantial')).SAMLResponse, /InResponseTo used/);
  });

  it('14. an expired assertion, and one not yet valid (beyond three minutes of skew)', async () => {
    const iso = (ms: number) => new Date(Date.now() + ms).toISOString();
    await rejected(await respond({ ConditionsNotBefore: iso(-20 * 60_000), ConditionsNotOnOrAfter: iso(-10 * 60_000) }), /expired|samlify/);
    await rejected(await respond({ ConditionsNotBefore: iso(10 * 60_000) }), /not yet valid|samlify/);
    await rejected(await respond({ SessionNotOnOrAfter: iso(-10 * 60_000) }), /session expired|samlify/);
    // Within the skew it is fine.
    await expect(verifyLoginResponse(sp, 'municipal-sso', await respond({ ConditionsNotBefore: iso(2 * 60_000) }), checksFor(tenant))).resolves.toBeDefined();
  });

  it('15. an assurance level below Substantial', async () => {
    await rejected(await respond({}, admin, 'low'), /assurance low below substantial/);
  });

  it('16. a response made for another tenant’s service provider', async () => {
    const { request, spMetadata } = await startLogin(otherSp, other);
    const forOther = await idp.respond(spMetadata, request, admin, 'substantial');
    await rejected(forOther.SAMLResponse, /samlify|audience|Destination/);
  });

  it('17. XML with a DOCTYPE or entity declaration', async () => {
    const xml = unb64(await respond());
    await rejected(b64(`<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x "y">]>${xml}`), /DOCTYPE/);
  });

  it('18. an oversized response, and one that is not base64', async () => {
    await rejected('A'.repeat(MAX_SAML_RESPONSE_BYTES + 4), /too large/);
    await rejected('<xml/>', /not base64/);
    await rejected(undefined, /no SAMLResponse/);
  });

  it('19. a failed status from the IdP', async () => {
    await rejected(await respond({ StatusCode: samlify.Constants.StatusCode.Responder }), /samlify/);
  });
});
