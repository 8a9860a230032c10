import * as samlify from 'samlify';

export const RSA_SHA256 = samlify.Constants.algorithms.signature.RSA_SHA256;
export const RSA_OAEP_MGF1P = 'http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p';
export const AES256_GCM = 'http://www.w3.org/2009/xmlenc11#aes256-gcm';
export const NAMEID_PERSISTENT = 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent';
export const ATTRNAME_URI = 'urn:oasis:names:tc:SAML:2.0:attrname-format:uri';
export const BEARER = 'urn:oasis:names:tc:SAML:2.0:cm:bearer';
/** Clock skew tolerated on every SAML time (the three minutes). */
export const MAX_SKEW_MS = 3 * 60_000;
/** A SAMLResponse larger than this (base64) is refused before any parsing. */
export const MAX_SAML_RESPONSE_BYTES = 150_000;

/** The samlify option names its typings lack (they work at run time). */
export type WithEncryptionAlgorithms<T> = T & { dataEncryptionAlgorithm?: string; keyEncryptionAlgorithm?: string };
