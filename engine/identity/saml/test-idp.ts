// The local test IdP (development and tests only; never in production): a real SAML 2.0 IdP built on
// samlify. It verifies the SP's signed AuthnRequest (HTTP-Redirect) and answers over HTTP-POST with one
// assertion, signed and then encrypted to the SP (rsa-sha256 with sha256 digests, rsa-oaep-mgf1p, aes256-gcm),
// with the attribute names of the real profile. `overrides` lets the attack suite make validly signed but wrong
// responses, and `algorithms` validly signed and encrypted ones with weak algorithms (rsa-sha1, rsa-1_5, 3DES).
import { randomUUID } from 'node:crypto';
import * as samlify from 'samlify';
import type { Role } from '../../actors';
import type { KeyPairWithCertificate } from '../certificates';
import type { Assurance } from '../service-providers';
import { AES256_GCM, ATTRNAME_URI, NAMEID_PERSISTENT, RSA_OAEP_MGF1P, RSA_SHA256, type WithEncryptionAlgorithms } from './constants';
import { NSIS_LOA, OIOSAML3, privilegeUri, SWEDEN_CONNECT, type IdpProfile } from './profiles';
import { installSamlSchemaValidator } from './schema-validator';
import { redirectBinding } from './service-provider';

const attr = (name: string, valueTag: string) => ({ name, valueTag, nameFormat: ATTRNAME_URI, valueXsiType: 'xs:string' });

const ATTRIBUTES: Record<IdpProfile, ReturnType<typeof attr>[]> = {
  nemlogin: [attr(OIOSAML3.specVersion, 'specversion'), attr(OIOSAML3.loa, 'loa'), attr(OIOSAML3.cprNumber, 'cpr'), attr(OIOSAML3.firstName, 'firstname'), attr(OIOSAML3.lastName, 'lastname')],
  'municipal-sso': [attr(OIOSAML3.specVersion, 'specversion'), attr(OIOSAML3.loa, 'loa'), attr(OIOSAML3.firstName, 'firstname'), attr(OIOSAML3.lastName, 'lastname'), attr(OIOSAML3.email, 'email'), attr(OIOSAML3.privileges, 'privileges')],
  'sweden-connect': [attr(SWEDEN_CONNECT.personalIdentityNumber, 'pnr'), attr(SWEDEN_CONNECT.givenName, 'givenname'), attr(SWEDEN_CONNECT.sn, 'sn'), attr(SWEDEN_CONNECT.displayName, 'displayname')],
};

const TEMPLATE =
  '<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ' +
  'ID="{ID}" Version="2.0" IssueInstant="{IssueInstant}" Destination="{Destination}" InResponseTo="{InResponseTo}">' +
  '<saml:Issuer>{Issuer}</saml:Issuer><samlp:Status><samlp:StatusCode Value="{StatusCode}"/></samlp:Status>' +
  '<saml:Assertion xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xs="http://www.w3.org/2001/XMLSchema" ID="{AssertionID}" Version="2.0" IssueInstant="{IssueInstant}">' +
  '<saml:Issuer>{AssertionIssuer}</saml:Issuer>' +
  '<saml:Subject><saml:NameID Format="{NameIDFormat}">{NameID}</saml:NameID>' +
  '<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer">' +
  '<saml:SubjectConfirmationData NotOnOrAfter="{SubjectConfirmationDataNotOnOrAfter}" Recipient="{SubjectRecipient}" InResponseTo="{InResponseTo}"/>' +
  '</saml:SubjectConfirmation></saml:Subject>' +
  '<saml:Conditions NotBefore="{ConditionsNotBefore}" NotOnOrAfter="{ConditionsNotOnOrAfter}">' +
  '<saml:AudienceRestriction><saml:Audience>{Audience}</saml:Audience></saml:AudienceRestriction></saml:Conditions>' +
  '<saml:AuthnStatement AuthnInstant="{AuthnInstant}" SessionIndex="{SessionIndex}" SessionNotOnOrAfter="{SessionNotOnOrAfter}">' +
  '<saml:AuthnContext><saml:AuthnContextClassRef>{AuthnContextClassRef}</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>' +
  '{AttributeStatement}</saml:Assertion></samlp:Response>';

/** Who the tester picked on the login page. */
export type TestSubject =
  | { kind: 'citizen'; country: 'DK' | 'SE'; personalNumber: string; givenName: string; familyName: string }
  | { kind: 'employee'; email: string; givenName: string; familyName: string; roles: Role[] };

export interface ParsedAuthnRequest {
  requestId: string;
  spEntityId: string;
  acsUrl: string;
  relayState?: string;
  extract: object;
}

type IdpEntity = ReturnType<typeof samlify.IdentityProvider>;
type SpEntity = ReturnType<typeof samlify.ServiceProvider>;
type IdpSettings = WithEncryptionAlgorithms<Parameters<typeof samlify.IdentityProvider>[0]>;

/** What the test IdP signs and encrypts with. The defaults are what a real IdP should use. */
export interface IdpAlgorithms {
  /** ds:SignatureMethod of the assertion, and SigAlg of redirect-binding messages. */
  signature: string;
  /** ds:DigestMethod of the assertion's signature; by default the signature's own (SHA-256 for RSA-SHA256). */
  digest?: string;
  /** When set, the whole Response is signed too, after encryption, with this algorithm (and its own digest). */
  responseSignature?: string;
  /** xenc:EncryptionMethod of the EncryptedKey. */
  keyTransport: string;
  /** xenc:EncryptionMethod of the EncryptedData. */
  dataEncryption: string;
}

export const DEFAULT_IDP_ALGORITHMS: IdpAlgorithms = { signature: RSA_SHA256, keyTransport: RSA_OAEP_MGF1P, dataEncryption: AES256_GCM };

/**
 * samlify takes the digest from its table signature algorithm → digest (RSA-SHA256 → SHA-256). To sign with
 * another digest (the attack suite's SHA-1 digest under RSA-SHA256) the entry is swapped for the call and put
 * back at once: `sign` must sign synchronously (samlify does, before its first await), so no other signing
 * ever sees the swap. The attack suite checks the digest that ends up in the XML.
 */
function withDigest<T>(signatureAlgorithm: string, digest: string | undefined, sign: () => T): T {
  const table = samlify.Constants.algorithms.digest as Record<string, string>;
  const original = table[signatureAlgorithm];
  if (digest === undefined || original === undefined) return sign();
  table[signatureAlgorithm] = digest;
  try {
    return sign();
  } finally {
    table[signatureAlgorithm] = original;
  }
}

export class TestIdentityProvider {
  readonly entity: IdpEntity;
  private readonly settings: IdpSettings;

  constructor(
    readonly profile: IdpProfile,
    /** e.g. `http://idp.localhost:3000/nemlogin`; the entity id is `<baseUrl>/metadata`. */
    readonly baseUrl: string,
    keys: { signing: KeyPairWithCertificate; encryption: KeyPairWithCertificate },
  ) {
    installSamlSchemaValidator();
    this.settings = {
      entityID: `${baseUrl}/metadata`,
      signingCert: keys.signing.certificatePem,
      privateKey: keys.signing.privateKeyPem,
      encryptCert: keys.encryption.certificatePem,
      encPrivateKey: keys.encryption.privateKeyPem,
      wantAuthnRequestsSigned: true,
      wantLogoutRequestSigned: true,
      isAssertionEncrypted: true,
      dataEncryptionAlgorithm: DEFAULT_IDP_ALGORITHMS.dataEncryption,
      keyEncryptionAlgorithm: DEFAULT_IDP_ALGORITHMS.keyTransport,
      requestSignatureAlgorithm: DEFAULT_IDP_ALGORITHMS.signature,
      nameIDFormat: [NAMEID_PERSISTENT],
      singleSignOnService: [{ Binding: samlify.Constants.namespace.binding.redirect, Location: `${baseUrl}/sso` }],
      singleLogoutService: [{ Binding: samlify.Constants.namespace.binding.redirect, Location: `${baseUrl}/slo` }],
      loginResponseTemplate: { context: TEMPLATE, attributes: ATTRIBUTES[profile] },
    };
    this.entity = samlify.IdentityProvider(this.settings);
  }

  /** This IdP (same entity id, same keys) signing and encrypting with other algorithms. */
  private entityWith(algorithms: Partial<IdpAlgorithms>): IdpEntity {
    if (Object.keys(algorithms).length === 0) return this.entity;
    const chosen = { ...DEFAULT_IDP_ALGORITHMS, ...algorithms };
    return samlify.IdentityProvider({ ...this.settings, requestSignatureAlgorithm: chosen.signature, keyEncryptionAlgorithm: chosen.keyTransport, dataEncryptionAlgorithm: chosen.dataEncryption } as IdpSettings);
  }

  metadata(): string {
    return this.entity.getMetadata();
  }

  private sp(spMetadata: string): SpEntity {
    // Our LogoutResponses and LogoutRequests to the SP are signed.
    return samlify.ServiceProvider({ metadata: spMetadata, wantLogoutResponseSigned: true, wantLogoutRequestSigned: true });
  }

  /** Verifies the signed AuthnRequest of an HTTP-Redirect (`rawQuery`: the query string exactly as received). */
  async parseRequest(spMetadata: string, rawQuery: string): Promise<ParsedAuthnRequest> {
    const { query, octetString } = redirectBinding(rawQuery, 'SAMLRequest');
    const sp = this.sp(spMetadata);
    const info = await this.entity.parseLoginRequest(sp, 'redirect', { query, octetString });
    const request = (info.extract as { request: { id: string; assertionConsumerServiceUrl?: string }; issuer: string }).request;
    const spEntityId = (info.extract as { issuer: string }).issuer;
    const acsUrl = sp.entityMeta.getAssertionConsumerService('post') as string;
    if (spEntityId !== sp.entityMeta.getEntityID()) throw new Error('the AuthnRequest Issuer is not the SP of that metadata');
    if (request.assertionConsumerServiceUrl && request.assertionConsumerServiceUrl !== acsUrl) throw new Error('the AuthnRequest asks for an ACS URL not in the SP metadata');
    return { requestId: request.id, spEntityId, acsUrl, ...(query.RelayState ? { relayState: query.RelayState } : {}), extract: info.extract };
  }

  /** Verifies the SP's signed LogoutRequest and answers with a LogoutResponse URL back to the SP (`algorithms.signature` is its SigAlg). */
  async logout(spMetadata: string, rawQuery: string, algorithms: Pick<Partial<IdpAlgorithms>, 'signature'> = {}): Promise<string> {
    const sp = this.sp(spMetadata);
    const binding = redirectBinding(rawQuery, 'SAMLRequest');
    const info = await this.entity.parseLogoutRequest(sp, 'redirect', binding);
    const response = this.entityWith(algorithms).createLogoutResponse(sp, info as never, 'redirect', binding.query.RelayState ?? '') as { context: string };
    return response.context;
  }

  /** IdP-initiated single logout: the signed LogoutRequest URL (HTTP-Redirect) to the SP's SLO endpoint (`algorithms.signature` is its SigAlg). */
  logoutRequestUrl(spMetadata: string, nameId: string, sessionIndex?: string, algorithms: Pick<Partial<IdpAlgorithms>, 'signature'> = {}): string {
    const request = this.entityWith(algorithms).createLogoutRequest(this.sp(spMetadata), 'redirect', { logoutNameID: nameId, ...(sessionIndex ? { sessionIndex } : {}) }) as { context: string };
    return request.context;
  }

  /** Builds the POST-binding Response; `overrides` replaces template values, `algorithms` the algorithms (attack suite). */
  async respond(spMetadata: string, request: Pick<ParsedAuthnRequest, 'requestId' | 'extract'>, subject: TestSubject, assurance: Assurance, overrides: Record<string, string | null> = {}, algorithms: Partial<IdpAlgorithms> = {}): Promise<{ SAMLResponse: string; acsUrl: string }> {
    const sp = this.sp(spMetadata);
    const now = Date.now();
    const iso = (ms: number) => new Date(ms).toISOString();
    const acsUrl = sp.entityMeta.getAssertionConsumerService('post') as string;
    const values: Record<string, string | null> = {
      ID: `_${randomUUID()}`,
      AssertionID: `_${randomUUID()}`,
      IssueInstant: iso(now),
      Destination: acsUrl,
      InResponseTo: request.requestId,
      Issuer: this.entity.entityMeta.getEntityID(),
      AssertionIssuer: this.entity.entityMeta.getEntityID(),
      StatusCode: samlify.Constants.StatusCode.Success,
      NameIDFormat: NAMEID_PERSISTENT,
      NameID: `urn:uuid:${randomUUID()}`,
      SubjectConfirmationDataNotOnOrAfter: iso(now + 5 * 60_000),
      SubjectRecipient: acsUrl,
      ConditionsNotBefore: iso(now),
      ConditionsNotOnOrAfter: iso(now + 5 * 60_000),
      Audience: sp.entityMeta.getEntityID(),
      AuthnInstant: iso(now),
      SessionIndex: `_${randomUUID()}`,
      SessionNotOnOrAfter: iso(now + 60 * 60_000),
      ...this.subjectValues(subject, assurance),
      ...overrides,
    };
    const signer = this.entityWith(algorithms);
    const signature = algorithms.signature ?? DEFAULT_IDP_ALGORITHMS.signature;
    const result = (await withDigest(signature, algorithms.digest, () =>
      signer.createLoginResponse(sp, { extract: request.extract } as never, 'post', { email: '' }, {
        customTagReplacement: (template: string) => ({ id: String(values.ID), context: samlify.SamlLib.replaceTagsByValue(template, values as Record<string, string>) }),
      }),
    )) as { context: string };
    const SAMLResponse = algorithms.responseSignature ? this.signResponse(result.context, algorithms.responseSignature) : result.context;
    return { SAMLResponse, acsUrl };
  }

  /** Signs the whole (already encrypted) Response, encrypt-then-sign, the signature right after its Issuer. */
  private signResponse(base64Response: string, signatureAlgorithm: string): string {
    return samlify.SamlLib.constructSAMLSignature({
      rawSamlMessage: Buffer.from(base64Response, 'base64').toString('utf8'),
      isMessageSigned: true,
      privateKey: String(this.settings.privateKey),
      signingCert: this.entity.entityMeta.getX509Certificate('signing') as string,
      signatureAlgorithm,
      signatureConfig: { prefix: 'ds', location: { reference: "/*[local-name(.)='Response']/*[local-name(.)='Issuer']", action: 'after' } },
    });
  }

  private subjectValues(subject: TestSubject, assurance: Assurance): Record<string, string> {
    if (this.profile === 'sweden-connect') {
      if (subject.kind !== 'citizen') throw new Error('Sweden Connect logs in citizens only');
      return {
        AuthnContextClassRef: SWEDEN_CONNECT.loa[assurance],
        attrPnr: subject.personalNumber,
        attrGivenname: subject.givenName,
        attrSn: subject.familyName,
        attrDisplayname: `${subject.givenName} ${subject.familyName}`,
      };
    }
    const common = { AuthnContextClassRef: `https://data.gov.dk/concept/core/nsis/loa/${NSIS_LOA[assurance]}`, attrSpecversion: 'OIO-SAML-3.0', attrLoa: NSIS_LOA[assurance], attrFirstname: subject.givenName, attrLastname: subject.familyName };
    if (this.profile === 'nemlogin') {
      if (subject.kind !== 'citizen') throw new Error('NemLog-in logs in citizens only here');
      return { ...common, attrCpr: subject.personalNumber };
    }
    if (subject.kind !== 'employee') throw new Error('municipal SSO logs in employees only');
    const privileges = `<bpp:PrivilegeList xmlns:bpp="http://digst.dk/oiosaml/basic_privilege_profile"><PrivilegeGroup Scope="urn:dk:gov:saml:cvrNumberIdentifier:29189919">${subject.roles.map((r) => `<Privilege>${privilegeUri(r)}</Privilege>`).join('')}</PrivilegeGroup></bpp:PrivilegeList>`;
    return { ...common, attrEmail: subject.email, attrPrivileges: Buffer.from(privileges).toString('base64') };
  }
}
