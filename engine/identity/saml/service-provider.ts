// The tenant's SAML service provider at work: the signed AuthnRequest it sends, and every check it makes on
// the Response before anybody is logged in. samlify verifies the signature, decrypts, matches the Issuer
// and checks the Conditions window and the session expiry; everything else is checked here, on the values
// inside the signed assertion (the outer Response is not signed): exactly one assertion, Audience,
// Destination and Recipient, bearer confirmation, InResponseTo of a request we sent and have not seen
// answered, a never-seen assertion id, the level of assurance, no DOCTYPE, a bounded size. Before samlify
// sees a message, the algorithms it names are checked against algorithm-policy.ts (no SHA-1, no RSA
// PKCS#1 v1.5, no 3DES or CBC): in the Response and, decrypted, in the assertion; in logout messages their
// SigAlg and XML.
import { inflateRawSync } from 'node:zlib';
import * as samlify from 'samlify';
import type { ServiceProviderConfig } from '../service-providers';
import { sigAlgProblem, xmlAlgorithmProblem } from './algorithm-policy';
import { BEARER, MAX_SAML_RESPONSE_BYTES, MAX_SKEW_MS, NAMEID_PERSISTENT, RSA_SHA256 } from './constants';
import { atLeast, readIdentity, type IdpProfile, type VerifiedIdentity } from './profiles';
import { installSamlSchemaValidator } from './schema-validator';

export class SamlRejectedError extends Error {
  override name = 'SamlRejectedError';
  /** A stable, loggable reason (no personal data). */
  constructor(readonly reason: string) {
    super(`SAML response rejected: ${reason}`);
  }
}

type SpEntity = ReturnType<typeof samlify.ServiceProvider>;
type IdpEntity = ReturnType<typeof samlify.IdentityProvider>;

export function serviceProviderEntity(config: ServiceProviderConfig): SpEntity {
  installSamlSchemaValidator();
  return samlify.ServiceProvider({
    entityID: config.entityId,
    authnRequestsSigned: true,
    wantAssertionsSigned: true,
    wantMessageSigned: false,
    wantLogoutResponseSigned: true,
    wantLogoutRequestSigned: true,
    signingCert: config.signingCertificate,
    privateKey: config.signingKey,
    encryptCert: config.encryptionCertificate,
    encPrivateKey: config.encryptionKey,
    requestSignatureAlgorithm: RSA_SHA256,
    nameIDFormat: [NAMEID_PERSISTENT],
    assertionConsumerService: [{ Binding: samlify.Constants.namespace.binding.post, Location: config.acsUrl }],
    singleLogoutService: [{ Binding: samlify.Constants.namespace.binding.redirect, Location: config.sloUrl }],
    clockDrifts: [-MAX_SKEW_MS, MAX_SKEW_MS],
  });
}

export function trustedIdentityProvider(config: ServiceProviderConfig): IdpEntity {
  if (!config.idpMetadata) throw new SamlRejectedError('no IdP is configured for this site');
  // isAssertionEncrypted here is what makes samlify refuse a plaintext assertion.
  // wantLogoutRequestSigned / wantLogoutResponseSigned make samlify sign our LogoutRequest and LogoutResponse to it.
  return samlify.IdentityProvider({ metadata: config.idpMetadata, isAssertionEncrypted: true, wantLogoutRequestSigned: true, wantLogoutResponseSigned: true, requestSignatureAlgorithm: RSA_SHA256 });
}

/** A signed AuthnRequest as an HTTP-Redirect URL to the IdP. */
export function createLoginRedirect(config: ServiceProviderConfig): { requestId: string; url: string } {
  const request = serviceProviderEntity(config).createLoginRequest(trustedIdentityProvider(config), 'redirect') as { id: string; context: string };
  return { requestId: request.id, url: request.context };
}

export interface LoginChecks {
  now: Date;
  /** Marks the AuthnRequest answered; a problem when it is unknown, used, expired or of the other site. */
  consumeRequest(requestId: string): Promise<{ ok: true; relayState: string | null } | { ok: false; problem: string }>;
  /** false when this assertion id was seen before. */
  firstSighting(issuer: string, assertionId: string, keepUntil: Date): Promise<boolean>;
}

export interface VerifiedLogin {
  identity: VerifiedIdentity;
  issuer: string;
  nameId: string;
  sessionIndex?: string;
  relayState: string | null;
}

type Extracted = Record<string, unknown> & {
  issuer?: string | string[];
  nameID?: string;
  audience?: string | string[];
  conditions?: { notBefore?: string; notOnOrAfter?: string };
  sessionIndex?: { sessionIndex?: string; sessionNotOnOrAfter?: string };
  attributes?: Record<string, string | string[]>;
  response?: { id?: string; destination?: string; inResponseTo?: string };
};

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err)).slice(0, 120);

/** Refuses a message whose XML names an algorithm we do not accept (`where` says which part was read). */
function refuseWeakAlgorithms(xml: string, where: string): void {
  const problem = xmlAlgorithmProblem(xml);
  if (problem) throw new SamlRejectedError(`${where}: ${problem}`);
}

function decodeResponse(samlResponse: unknown): string {
  if (typeof samlResponse !== 'string' || samlResponse.length === 0) throw new SamlRejectedError('no SAMLResponse');
  if (samlResponse.length > MAX_SAML_RESPONSE_BYTES) throw new SamlRejectedError('response too large');
  if (!/^[A-Za-z0-9+/=\r\n]+$/.test(samlResponse)) throw new SamlRejectedError('SAMLResponse is not base64');
  const xml = Buffer.from(samlResponse, 'base64').toString('utf8');
  // No DTDs at all: they are the door to entity expansion and external entity attacks.
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw new SamlRejectedError('DOCTYPE or ENTITY in response');
  return xml;
}

export async function verifyLoginResponse(config: ServiceProviderConfig, profile: IdpProfile, samlResponse: unknown, checks: LoginChecks): Promise<VerifiedLogin> {
  const received = decodeResponse(samlResponse);
  const sp = serviceProviderEntity(config);
  const idp = trustedIdentityProvider(config);
  // The key transport and data encryption, and a signature on the Response, are read before anything is
  // decrypted; the assertion's own signature only after decryption, but before samlify verifies it.
  refuseWeakAlgorithms(received, 'response');
  let xml = received;
  if (/EncryptedAssertion/.test(received)) {
    try {
      [xml] = await samlify.SamlLib.decryptAssertion(sp, received);
    } catch (err) {
      throw new SamlRejectedError(`samlify: ${errorText(err)}`);
    }
    refuseWeakAlgorithms(xml, 'assertion');
  }
  let parsed: { samlContent: string; extract: Extracted };
  try {
    parsed = (await sp.parseLoginResponse(idp, 'post', { body: { SAMLResponse: samlResponse as string } })) as typeof parsed;
  } catch (err) {
    throw new SamlRejectedError(`samlify: ${errorText(err)}`);
  }
  // From here on `xml` (the decrypted document samlify has just verified) is read for our own checks.
  const assertions = (xml.match(/<(\w+:)?Assertion[\s>]/g) ?? []).length;
  const encrypted = (xml.match(/<(\w+:)?EncryptedAssertion[\s>]/g) ?? []).length;
  if (assertions + encrypted !== 1) throw new SamlRejectedError(`expected exactly one assertion, found ${assertions + encrypted}`);
  const [verified, signedAssertion] = samlify.SamlLib.verifySignature(xml, { metadata: idp.entityMeta, signatureAlgorithm: RSA_SHA256 }) as [boolean, string | null];
  if (!verified || !signedAssertion) throw new SamlRejectedError('no signed assertion');
  const inner = samlify.Extractor.extract(signedAssertion, [
    { key: 'assertionId', localPath: ['Assertion'], attributes: ['ID'] },
    { key: 'scd', localPath: ['Assertion', 'Subject', 'SubjectConfirmation', 'SubjectConfirmationData'], attributes: ['NotBefore', 'NotOnOrAfter', 'Recipient', 'InResponseTo'] },
    { key: 'scMethod', localPath: ['Assertion', 'Subject', 'SubjectConfirmation'], attributes: ['Method'] },
    { key: 'audience', localPath: ['Assertion', 'Conditions', 'AudienceRestriction', 'Audience'], attributes: [] },
    { key: 'conditions', localPath: ['Assertion', 'Conditions'], attributes: ['NotBefore', 'NotOnOrAfter'] },
    { key: 'authnContextClassRef', localPath: ['Assertion', 'AuthnStatement', 'AuthnContext', 'AuthnContextClassRef'], attributes: [] },
  ]) as { assertionId?: string; scd?: { notBefore?: string; notOnOrAfter?: string; recipient?: string; inResponseTo?: string }; scMethod?: string; audience?: string | string[]; conditions?: { notBefore?: string; notOnOrAfter?: string }; authnContextClassRef?: string };

  const now = checks.now.getTime();
  const audiences = ([] as string[]).concat(inner.audience ?? []);
  if (!audiences.includes(config.entityId)) throw new SamlRejectedError('audience is not this service provider');
  if (parsed.extract.response?.destination !== config.acsUrl) throw new SamlRejectedError('Destination is not this ACS');
  if (inner.scMethod !== BEARER) throw new SamlRejectedError('subject confirmation is not bearer');
  const scd = inner.scd ?? {};
  if (scd.recipient !== config.acsUrl) throw new SamlRejectedError('Recipient is not this ACS');
  if (!scd.notOnOrAfter || now >= Date.parse(scd.notOnOrAfter) + MAX_SKEW_MS) throw new SamlRejectedError('subject confirmation expired');
  if (scd.notBefore) throw new SamlRejectedError('subject confirmation has NotBefore');
  if (!inner.conditions?.notBefore || !inner.conditions.notOnOrAfter) throw new SamlRejectedError('assertion has no Conditions');
  if (Date.parse(inner.conditions.notBefore) - MAX_SKEW_MS > now) throw new SamlRejectedError('assertion not yet valid');
  if (Date.parse(inner.conditions.notOnOrAfter) + MAX_SKEW_MS <= now) throw new SamlRejectedError('assertion expired');
  const sessionEnd = parsed.extract.sessionIndex?.sessionNotOnOrAfter;
  if (sessionEnd && Date.parse(sessionEnd) + MAX_SKEW_MS <= now) throw new SamlRejectedError('IdP session expired');
  if (!scd.inResponseTo) throw new SamlRejectedError('unsolicited response (no InResponseTo)');
  if (parsed.extract.response?.inResponseTo !== scd.inResponseTo) throw new SamlRejectedError('Response and assertion InResponseTo differ');

  const identity = readIdentity(profile, parsed.extract.attributes ?? {}, inner.authnContextClassRef);
  if (typeof identity === 'string') throw new SamlRejectedError(identity);
  if (!atLeast(identity.assurance, config.minAssurance)) throw new SamlRejectedError(`assurance ${identity.assurance} below ${config.minAssurance}`);

  // Stateful checks last, so a response that fails anything above does not use up its request.
  const request = await checks.consumeRequest(scd.inResponseTo);
  if (!request.ok) throw new SamlRejectedError(`InResponseTo ${request.problem}`);
  const issuer = ([] as string[]).concat(parsed.extract.issuer ?? [])[0] ?? '';
  if (!inner.assertionId || !(await checks.firstSighting(issuer, inner.assertionId, new Date(Date.parse(inner.conditions.notOnOrAfter) + MAX_SKEW_MS)))) {
    throw new SamlRejectedError('assertion replayed');
  }
  return {
    identity,
    issuer,
    nameId: parsed.extract.nameID ?? '',
    ...(parsed.extract.sessionIndex?.sessionIndex ? { sessionIndex: parsed.extract.sessionIndex.sessionIndex } : {}),
    relayState: request.relayState,
  };
}

/**
 * Refuses an HTTP-Redirect message (LogoutRequest, LogoutResponse) signed with an algorithm we do not
 * accept: its SigAlg, which is what samlify verifies the Signature with, and any signature in its XML.
 */
function refuseWeakRedirectAlgorithms(query: Record<string, string>, messageParam: 'SAMLRequest' | 'SAMLResponse', what: string): void {
  const sigAlgRefused = sigAlgProblem(query.SigAlg);
  if (sigAlgRefused) throw new SamlRejectedError(`${what}: ${sigAlgRefused}`);
  let xml: string;
  try {
    // Bounded: a deflated message is small, and a deflate bomb must not get further than this.
    xml = inflateRawSync(Buffer.from(query[messageParam] ?? '', 'base64'), { maxOutputLength: MAX_SAML_RESPONSE_BYTES }).toString('utf8');
  } catch {
    throw new SamlRejectedError(`${what}: ${messageParam} is not a deflated SAML message of at most ${MAX_SAML_RESPONSE_BYTES} bytes`);
  }
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw new SamlRejectedError(`${what}: DOCTYPE or ENTITY in message`);
  refuseWeakAlgorithms(xml, what);
}

/** Splits a received HTTP-Redirect query into what samlify verifies: the parsed query and the signed octets. */
export function redirectBinding(rawQuery: string, messageParam: 'SAMLRequest' | 'SAMLResponse'): { query: Record<string, string>; octetString: string } {
  const pairs = rawQuery.split('&');
  // saml-bindings 3.4.4.1: the signature covers the message, RelayState and SigAlg exactly as URL-encoded.
  const octetString = [messageParam, 'RelayState', 'SigAlg']
    .map((name) => pairs.find((p) => p.startsWith(`${name}=`)))
    .filter((p): p is string => p !== undefined)
    .join('&');
  return { query: Object.fromEntries(new URLSearchParams(rawQuery)), octetString };
}

/** Single logout at the IdP, when its metadata offers an HTTP-Redirect endpoint: the signed LogoutRequest URL. */
export function createLogoutRedirect(config: ServiceProviderConfig, nameId: string, sessionIndex: string | undefined): string | undefined {
  if (!config.idpMetadata) return undefined;
  const idp = trustedIdentityProvider(config);
  const slo = idp.entityMeta.getSingleLogoutService('redirect');
  if (typeof slo !== 'string' || !slo) return undefined;
  const request = serviceProviderEntity(config).createLogoutRequest(idp, 'redirect', { logoutNameID: nameId, ...(sessionIndex ? { sessionIndex } : {}) }) as { context: string };
  return request.context;
}

/** Verifies the IdP's LogoutResponse (HTTP-Redirect); throws SamlRejectedError when it is not a success. */
export async function verifyLogoutResponse(config: ServiceProviderConfig, rawQuery: string): Promise<void> {
  const binding = redirectBinding(rawQuery, 'SAMLResponse');
  refuseWeakRedirectAlgorithms(binding.query, 'SAMLResponse', 'logout');
  try {
    await serviceProviderEntity(config).parseLogoutResponse(trustedIdentityProvider(config), 'redirect', binding);
  } catch (err) {
    throw new SamlRejectedError(`logout: ${errorText(err)}`);
  }
}

export interface IdpLogoutRequest {
  nameId: string;
  sessionIndex?: string;
  /** What samlify needs to answer this request (its id, for InResponseTo). */
  info: unknown;
  relayState: string;
}

/** Verifies a LogoutRequest the IdP sends on its own (HTTP-Redirect, signed with the IdP's certificate). */
export async function verifyLogoutRequest(config: ServiceProviderConfig, rawQuery: string): Promise<IdpLogoutRequest> {
  if (!config.idpMetadata) throw new SamlRejectedError('logout request: this site trusts no IdP metadata');
  const binding = redirectBinding(rawQuery, 'SAMLRequest');
  refuseWeakRedirectAlgorithms(binding.query, 'SAMLRequest', 'logout request');
  try {
    const info = await serviceProviderEntity(config).parseLogoutRequest(trustedIdentityProvider(config), 'redirect', binding);
    const extract = info.extract as { nameID?: string; sessionIndex?: string | { sessionIndex?: string } };
    const sessionIndex = typeof extract.sessionIndex === 'string' ? extract.sessionIndex : extract.sessionIndex?.sessionIndex;
    if (!extract.nameID) throw new Error('no NameID');
    return { nameId: extract.nameID, ...(sessionIndex ? { sessionIndex } : {}), info, relayState: binding.query.RelayState ?? '' };
  } catch (err) {
    throw new SamlRejectedError(`logout request: ${errorText(err)}`);
  }
}

/** Our signed LogoutResponse to the IdP's request, as the HTTP-Redirect URL of its SLO endpoint. */
export function createLogoutResponseRedirect(config: ServiceProviderConfig, request: IdpLogoutRequest): string {
  const response = serviceProviderEntity(config).createLogoutResponse(trustedIdentityProvider(config), request.info as never, 'redirect', request.relayState) as { context: string };
  return response.context;
}
