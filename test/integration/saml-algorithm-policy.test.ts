// The algorithm policy on hand-written XML: the corners the test IdP cannot produce (xmlenc11#rsa-oaep,
// odd namespaces and prefixes, OAEP's own digest). The attack suite covers real signed and encrypted messages.
import { RSA_1_5, RSA_OAEP, RSA_OAEP_MGF1P, RSA_SHA1, RSA_SHA256, SHA1, SHA256, AES256_GCM, TRIPLEDES_CBC } from '../../engine/identity/saml/constants';
import { sigAlgProblem, xmlAlgorithmProblem } from '../../engine/identity/saml/algorithm-policy';

const DS = 'http://www.w3.org/2000/09/xmldsig#';
const XENC = 'http://www.w3.org/2001/04/xmlenc#';

const signature = (signatureMethod: string, digestMethod: string, prefix = 'ds', ns = DS) =>
  `<${prefix}:Signature xmlns:${prefix}="${ns}"><${prefix}:SignedInfo><${prefix}:SignatureMethod Algorithm="${signatureMethod}"/>` +
  `<${prefix}:Reference URI="#a"><${prefix}:DigestMethod Algorithm="${digestMethod}"/></${prefix}:Reference></${prefix}:SignedInfo></${prefix}:Signature>`;

const encrypted = (keyTransport: string, dataEncryption: string, oaepDigest?: string) =>
  `<xenc:EncryptedData xmlns:xenc="${XENC}" xmlns:ds="${DS}"><xenc:EncryptionMethod Algorithm="${dataEncryption}"/>` +
  `<ds:KeyInfo><xenc:EncryptedKey><xenc:EncryptionMethod Algorithm="${keyTransport}">${oaepDigest ? `<ds:DigestMethod Algorithm="${oaepDigest}"/>` : ''}</xenc:EncryptionMethod></xenc:EncryptedKey></ds:KeyInfo></xenc:EncryptedData>`;

const response = (inner: string) => `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol">${inner}</samlp:Response>`;

it('accepts RSA-SHA256 over SHA-256, and RSA-OAEP (both URIs, OAEP digest SHA-1 or SHA-256) with AES-GCM', () => {
  expect(xmlAlgorithmProblem(response(signature(RSA_SHA256, SHA256)))).toBeUndefined();
  expect(xmlAlgorithmProblem(response(encrypted(RSA_OAEP_MGF1P, AES256_GCM)))).toBeUndefined();
  expect(xmlAlgorithmProblem(response(encrypted(RSA_OAEP, AES256_GCM, SHA256)))).toBeUndefined();
  expect(xmlAlgorithmProblem(response(encrypted(RSA_OAEP_MGF1P, AES256_GCM, SHA1)))).toBeUndefined();
});

it('refuses SHA-1 signatures and digests, rsa-1_5 and 3DES, each with its reason', () => {
  expect(xmlAlgorithmProblem(response(signature(RSA_SHA1, SHA256)))).toBe('signature algorithm rsa-sha1 not accepted (SignedInfo/SignatureMethod)');
  expect(xmlAlgorithmProblem(response(signature(RSA_SHA256, SHA1)))).toBe('digest algorithm sha1 not accepted (Reference/DigestMethod)');
  expect(xmlAlgorithmProblem(response(encrypted(RSA_1_5, AES256_GCM)))).toBe('key transport algorithm rsa-1_5 not accepted (EncryptedKey/EncryptionMethod)');
  expect(xmlAlgorithmProblem(response(encrypted(RSA_OAEP_MGF1P, TRIPLEDES_CBC)))).toBe('data encryption algorithm tripledes-cbc not accepted (EncryptedData/EncryptionMethod)');
});

it('finds the algorithms under any prefix, in any namespace and anywhere in the document', () => {
  // xml-encryption and xml-crypto look elements up by local name: a foreign namespace hides nothing.
  expect(xmlAlgorithmProblem(response(signature(RSA_SHA1, SHA256, 'x', 'urn:not-dsig')))).toMatch(/rsa-sha1/);
  expect(xmlAlgorithmProblem(response(`<Extensions>${signature(RSA_SHA256, SHA256)}${signature(RSA_SHA256, SHA1, 'sig')}</Extensions>`))).toMatch(/digest algorithm sha1/);
  expect(xmlAlgorithmProblem(response(`<SignatureMethod xmlns="${DS}"/>`))).toMatch(/signature algorithm \(none\)/);
  expect(xmlAlgorithmProblem(response(`<xenc:EncryptionMethod xmlns:xenc="${XENC}" Algorithm="${AES256_GCM}"/>`))).toMatch(/encryption method .* \(Response\/EncryptionMethod\)/);
});

it('refuses what the XML parser reports as an error (schema validation, later, catches the rest)', () => {
  expect(xmlAlgorithmProblem('not xml')).toBe('not well-formed XML');
  expect(xmlAlgorithmProblem('<Response ID="a" ID="b"/>')).toBe('not well-formed XML');
});

it('checks the SigAlg of the HTTP-Redirect binding', () => {
  expect(sigAlgProblem(RSA_SHA256)).toBeUndefined();
  expect(sigAlgProblem(RSA_SHA1)).toBe('signature algorithm rsa-sha1 not accepted (SigAlg)');
  expect(sigAlgProblem(undefined)).toBe('no SigAlg');
});
