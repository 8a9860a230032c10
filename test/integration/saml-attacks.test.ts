// The SAML attack suite: every bad response is built for real (signed with real keys, then tampered
// where needed) by the local test IdP, and the service provider must reject it with a stated reason.
import { randomUUID } from 'node:crypto';
import * as samlify from 'samlify';
import { parseKeySpec } from '../../engine/crypto/key-spec';
import { Keyring } from '../../engine/crypto/keyring';
import { selfSignedCertificate } from '../../engine/identity/certificates';
import { SamlReplayGuard } from '../../engine/identity/saml-replay';
import { AES128_CBC, AES128_GCM, AES256_CBC, MAX_SAML_RESPONSE_BYTES, RSA_1_5, RSA_PSS_SHA256, RSA_SHA1, RSA_SHA256, RSA_SHA512, SHA1, TRIPLEDES_CBC } from '../../engine/identity/saml/constants';
import {
  createLoginRedirect,
  createLogoutRedirect,
  SamlRejectedError,
  serviceProviderEntity,
  verifyLoginResponse,
  verifyLogoutRequest,
  verifyLogoutResponse,
  type LoginChecks,
} from '../../engine/identity/saml/service-provider';
import { TestIdentityProvider, type IdpAlgorithms, type TestSubject } from '../../engine/identity/saml/test-idp';
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

async function respond(overrides: Record<string, string | null> = {}, subject: TestSubject = admin, assurance: 'low' | 'substantial' | 'high' = 'substantial', algorithms: Partial<IdpAlgorithms> = {}) {
  const { request, spMetadata } = await startLogin();
  return (await idp.respond(spMetadata, request, subject, assurance, overrides, algorithms)).SAMLResponse;
}
const respondWith = (algorithms: Partial<IdpAlgorithms>) => respond({}, admin, 'substantial', algorithms);

async function rejectedBy<T>(verification: Promise<T>, reason: RegExp): Promise<void> {
  const error = await verification.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SamlRejectedError);
  expect((error as SamlRejectedError).reason).toMatch(reason);
}

const rejected = (samlResponse: unknown, reason: RegExp, config = sp, t = tenant, now?: Date) => rejectedBy(verifyLoginResponse(config, 'municipal-sso', samlResponse, checksFor(t, now)), reason);

/** The Algorithm of every element with this local name. */
const algorithmsOf = (xml: string, element: string) => Array.from(xml.matchAll(new RegExp(`<(?:\\w+:)?${element}\\b[^>]*Algorithm="([^"]+)"`, 'g')), (m) => m[1]);

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

  it('20. an assertion signed with RSA-SHA1 over SHA-1 digests', async () => {
    const response = await respondWith({ signature: RSA_SHA1 });
    const plain = await decrypted(response);
    expect([algorithmsOf(plain, 'SignatureMethod'), algorithmsOf(plain, 'DigestMethod')]).toEqual([[RSA_SHA1], [SHA1]]);
    await rejected(response, /signature algorithm rsa-sha1 not accepted/);
  });

  it('21. an assertion signed with RSA-SHA256 over a SHA-1 digest', async () => {
    const response = await respondWith({ digest: SHA1 });
    const plain = await decrypted(response);
    expect([algorithmsOf(plain, 'SignatureMethod'), algorithmsOf(plain, 'DigestMethod')]).toEqual([[RSA_SHA256], [SHA1]]);
    await rejected(response, /digest algorithm sha1 not accepted/);
  });

  it('22. a Response signed with RSA-SHA1 around a well signed assertion', async () => {
    const response = await respondWith({ responseSignature: RSA_SHA1 });
    expect(algorithmsOf(unb64(response), 'SignatureMethod')).toEqual([RSA_SHA1]);
    await rejected(response, /signature algorithm rsa-sha1 not accepted/);
  });

  describe('weak encryption, refused before anything is decrypted', () => {
    // xml-encryption warns on the console whenever it uses rsa-1_5 or 3DES: encrypting them here does,
    // and the SP must not (it refuses before decrypting).
    let warn: jest.SpyInstance;
    beforeEach(() => (warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined)));
    afterEach(() => warn.mockRestore());

    it('23. the key transported with RSA PKCS#1 v1.5 (rsa-1_5)', async () => {
      const response = await respondWith({ keyTransport: RSA_1_5 });
      expect(algorithmsOf(unb64(response), 'EncryptionMethod')).toContain(RSA_1_5);
      warn.mockClear();
      await rejected(response, /key transport algorithm rsa-1_5 not accepted/);
      expect(warn).not.toHaveBeenCalled();
    });

    it('24. the assertion encrypted with 3DES (tripledes-cbc)', async () => {
      const response = await respondWith({ dataEncryption: TRIPLEDES_CBC });
      expect(algorithmsOf(unb64(response), 'EncryptionMethod')).toContain(TRIPLEDES_CBC);
      warn.mockClear();
      await rejected(response, /data encryption algorithm tripledes-cbc not accepted/);
      expect(warn).not.toHaveBeenCalled();
    });

    it('25. the assertion encrypted with AES-CBC (128 and 256): unauthenticated, only AES-GCM is accepted', async () => {
      await rejected(await respondWith({ dataEncryption: AES128_CBC }), /data encryption algorithm aes128-cbc not accepted/);
      await rejected(await respondWith({ dataEncryption: AES256_CBC }), /data encryption algorithm aes256-cbc not accepted/);
    });
  });

  describe('single logout messages signed with RSA-SHA1 (HTTP-Redirect SigAlg)', () => {
    const queryOf = (url: string) => url.slice(url.indexOf('?') + 1);

    it('26. a LogoutRequest from the IdP', async () => {
      const spMetadata = serviceProviderEntity(sp).getMetadata();
      const good = idp.logoutRequestUrl(spMetadata, 'urn:uuid:someone', '_session');
      await expect(verifyLogoutRequest(sp, queryOf(good))).resolves.toMatchObject({ nameId: 'urn:uuid:someone', sessionIndex: '_session' });
      const sha1 = idp.logoutRequestUrl(spMetadata, 'urn:uuid:someone', '_session', { signature: RSA_SHA1 });
      expect(new URL(sha1).searchParams.get('SigAlg')).toBe(RSA_SHA1);
      await rejectedBy(verifyLogoutRequest(sp, queryOf(sha1)), /signature algorithm rsa-sha1 not accepted \(SigAlg\)/);
    });

    it('27. a LogoutResponse from the IdP', async () => {
      const spMetadata = serviceProviderEntity(sp).getMetadata();
      const answer = async (algorithms: Partial<IdpAlgorithms>) => queryOf(await idp.logout(spMetadata, queryOf(createLogoutRedirect(sp, 'urn:uuid:someone', '_session')!), algorithms));
      await expect(verifyLogoutResponse(sp, await answer({}))).resolves.toBeUndefined();
      const sha1 = await answer({ signature: RSA_SHA1 });
      expect(new URLSearchParams(sha1).get('SigAlg')).toBe(RSA_SHA1);
      await rejectedBy(verifyLogoutResponse(sp, sha1), /signature algorithm rsa-sha1 not accepted \(SigAlg\)/);
    });
  });
});

describe('accepts the other strong algorithms', () => {
  it('RSA-SHA512 and RSA-PSS with SHA-256 signatures, AES-128-GCM, and a Response signed with RSA-SHA256 as well', async () => {
    const variants: Partial<IdpAlgorithms>[] = [{ signature: RSA_SHA512 }, { signature: RSA_PSS_SHA256 }, { dataEncryption: AES128_GCM }, { responseSignature: RSA_SHA256 }];
    for (const algorithms of variants) {
      const login = await verifyLoginResponse(sp, 'municipal-sso', await respondWith(algorithms), checksFor(tenant));
      expect(login.identity.displayName).toBe('Lauritz Jensen');
    }
  });
});
