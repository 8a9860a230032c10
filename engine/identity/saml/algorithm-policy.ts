// Which XML Signature and XML Encryption algorithms a SAML message may use. samlify and its libraries
// (xml-crypto, xml-encryption) verify and decrypt whatever the message names, RSA-SHA1 and RSA PKCS#1 v1.5
// included, so the algorithms are read from the XML itself and refused before either library touches it.
import { DOMParser } from '@xmldom/xmldom';
import { AES128_GCM, AES256_GCM, RSA_OAEP, RSA_OAEP_MGF1P, RSA_PSS_SHA256, RSA_SHA256, RSA_SHA512, SHA1, SHA256, SHA512 } from './constants';

/** ds:SignatureMethod, and SigAlg of the HTTP-Redirect binding: RSA with SHA-256 or stronger. */
export const ACCEPTED_SIGNATURE_ALGORITHMS: readonly string[] = [RSA_SHA256, RSA_SHA512, RSA_PSS_SHA256];

/** ds:DigestMethod of a signature's references: SHA-256 or stronger. */
export const ACCEPTED_DIGEST_ALGORITHMS: readonly string[] = [SHA256, SHA512];

/**
 * xenc:EncryptionMethod of an EncryptedKey: RSA-OAEP only. RSA PKCS#1 v1.5 (rsa-1_5) is refused: its padding
 * errors are a Bleichenbacher oracle that recovers the session key. xmlenc11#rsa-oaep is RSA-OAEP too (with
 * its default parameters it is rsa-oaep-mgf1p under another name) and passes here, but xml-encryption
 * (2.0.x) does not implement it yet, so such a message is still refused, at decryption.
 */
export const ACCEPTED_KEY_TRANSPORT_ALGORITHMS: readonly string[] = [RSA_OAEP_MGF1P, RSA_OAEP];

/**
 * xenc:EncryptionMethod of an EncryptedData: AES-GCM only. 3DES (tripledes-cbc) is refused: a 64-bit block
 * and deprecated by NIST. AES-CBC is refused too: XML Encryption's CBC is unauthenticated, and the
 * Jager–Somorovsky attack (CCS 2011) decrypts it through the answers of a receiver that decrypts before it
 * verifies — as a SAML SP must, since the signature is inside the encryption. Merely accepting CBC also
 * endangers GCM (Jager, Paterson, Somorovsky, NDSS 2013): the attacker pairs a GCM message's EncryptedKey
 * with a CBC EncryptedData of their own and uses the same oracle on that key. OIOSAML 3 (NemLog-in) and the
 * Swedish eID framework both offer AES-GCM.
 */
export const ACCEPTED_DATA_ENCRYPTION_ALGORITHMS: readonly string[] = [AES128_GCM, AES256_GCM];

/**
 * The hash inside RSA-OAEP's own EncryptionMethod (a ds:DigestMethod child). OAEP needs no collision
 * resistance from it, and SHA-1 is rsa-oaep-mgf1p's defined default, so SHA-1 is fine here and only here.
 */
const ACCEPTED_OAEP_DIGESTS: readonly string[] = [SHA1, SHA256, SHA512];

const shortName = (uri: string) => uri.replace(/^.*[#/]/, '') || uri;

/** Why the SigAlg of an HTTP-Redirect message is refused; undefined when it is accepted. */
export function sigAlgProblem(sigAlg: string | undefined): string | undefined {
  if (!sigAlg) return 'no SigAlg';
  return ACCEPTED_SIGNATURE_ALGORITHMS.includes(sigAlg) ? undefined : `signature algorithm ${shortName(sigAlg)} not accepted (SigAlg)`;
}

/** Why one algorithm-naming element is refused; undefined when it is accepted. */
function elementProblem(element: Element): string | undefined {
  const algorithm = element.getAttribute('Algorithm') ?? '';
  const parent = (element.parentNode as Element | null)?.localName ?? '';
  const refused = (what: string) => `${what} ${shortName(algorithm) || '(none)'} not accepted (${parent}/${element.localName})`;
  switch (element.localName) {
    case 'SignatureMethod':
      return ACCEPTED_SIGNATURE_ALGORITHMS.includes(algorithm) ? undefined : refused('signature algorithm');
    case 'DigestMethod':
      if (parent === 'EncryptionMethod') return ACCEPTED_OAEP_DIGESTS.includes(algorithm) ? undefined : refused('RSA-OAEP digest');
      return ACCEPTED_DIGEST_ALGORITHMS.includes(algorithm) ? undefined : refused('digest algorithm');
    case 'EncryptionMethod':
      if (parent === 'EncryptedKey') return ACCEPTED_KEY_TRANSPORT_ALGORITHMS.includes(algorithm) ? undefined : refused('key transport algorithm');
      if (parent === 'EncryptedData') return ACCEPTED_DATA_ENCRYPTION_ALGORITHMS.includes(algorithm) ? undefined : refused('data encryption algorithm');
      return refused('encryption method');
    default:
      return undefined;
  }
}

/**
 * Why a SAML message's XML is refused for the algorithms it names; undefined when every one is accepted.
 * Elements are matched by local name in any namespace, wherever they stand: xml-encryption looks its
 * algorithms up by local name alone, so a check that trusted namespaces or positions could be shown one
 * EncryptionMethod while the library used another.
 */
export function xmlAlgorithmProblem(xml: string): string | undefined {
  let malformed = false;
  const doc = new DOMParser({ errorHandler: { warning: () => undefined, error: () => void (malformed = true), fatalError: () => void (malformed = true) } }).parseFromString(xml, 'text/xml');
  if (malformed || !doc.documentElement) return 'not well-formed XML';
  for (const name of ['SignatureMethod', 'DigestMethod', 'EncryptionMethod']) {
    for (const element of Array.from(doc.getElementsByTagNameNS('*', name))) {
      const problem = elementProblem(element);
      if (problem) return problem;
    }
  }
  return undefined;
}
