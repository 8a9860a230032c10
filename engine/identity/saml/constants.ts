import * as samlify from 'samlify';

// XML Signature and XML Encryption algorithm URIs, the strong and the weak (the attack suite signs and
// encrypts with the weak ones). Which of them a response may use is decided in algorithm-policy.ts.
export const RSA_SHA1 = samlify.Constants.algorithms.signature.RSA_SHA1;
export const RSA_SHA256 = samlify.Constants.algorithms.signature.RSA_SHA256;
export const RSA_SHA512 = samlify.Constants.algorithms.signature.RSA_SHA512;
export const RSA_PSS_SHA256 = samlify.Constants.algorithms.signature.RSA_SHA256_MGF1;
export const SHA1 = 'http://www.w3.org/2000/09/xmldsig#sha1';
export const SHA256 = 'http://www.w3.org/2001/04/xmlenc#sha256';
export const SHA512 = 'http://www.w3.org/2001/04/xmlenc#sha512';
export const RSA_OAEP_MGF1P = 'http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p';
export const RSA_OAEP = 'http://www.w3.org/2009/xmlenc11#rsa-oaep';
export const RSA_1_5 = 'http://www.w3.org/2001/04/xmlenc#rsa-1_5';
export const AES128_GCM = 'http://www.w3.org/2009/xmlenc11#aes128-gcm';
export const AES256_GCM = 'http://www.w3.org/2009/xmlenc11#aes256-gcm';
export const AES128_CBC = 'http://www.w3.org/2001/04/xmlenc#aes128-cbc';
export const AES256_CBC = 'http://www.w3.org/2001/04/xmlenc#aes256-cbc';
export const TRIPLEDES_CBC = 'http://www.w3.org/2001/04/xmlenc#tripledes-cbc';
export const NAMEID_PERSISTENT = 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent';
export const ATTRNAME_URI = 'urn:oasis:names:tc:SAML:2.0:attrname-format:uri';
export const BEARER = 'urn:oasis:names:tc:SAML:2.0:cm:bearer';
/** Clock skew tolerated on every SAML time (the three minutes). */
export const MAX_SKEW_MS = 3 * 60_000;
/** A SAMLResponse larger than this (base64) is refused before any parsing. */
export const MAX_SAML_RESPONSE_BYTES = 150_000;

/** The samlify option names its typings lack (they work at run time). */
export type WithEncryptionAlgorithms<T> = T & { dataEncryptionAlgorithm?: string; keyEncryptionAlgorithm?: string };
