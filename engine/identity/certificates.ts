// Self-signed X.509 certificates with RSA-2048 keys, made in-process with @peculiar/x509 on Node's WebCrypto
// (no openssl binary needed): what a tenant's SAML service provider and the local test IdP sign and
// encrypt with. Real municipalities may configure certificates issued by their CA instead.
// @peculiar/x509 resolves its parts through tsyringe, which needs the Reflect metadata polyfill loaded first.
import 'reflect-metadata';
import { X509Certificate, createPrivateKey, randomBytes, webcrypto, type KeyObject } from 'node:crypto';
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

export interface KeyPairWithCertificate {
  privateKeyPem: string;
  certificatePem: string;
}

const ALGORITHM = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', publicExponent: new Uint8Array([1, 0, 1]), modulusLength: 2048 };

function pem(label: string, der: ArrayBuffer): string {
  const b64 = Buffer.from(der).toString('base64').replace(/(.{64})/g, '$1\n').trimEnd();
  return `-----BEGIN ${label}-----\n${b64}\n-----END ${label}-----\n`;
}

export async function selfSignedCertificate(commonName: string, opts: { years?: number; now?: Date } = {}): Promise<KeyPairWithCertificate> {
  const keys = (await webcrypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify'])) as unknown as CryptoKeyPair;
  const notBefore = opts.now ?? new Date();
  const notAfter = new Date(notBefore);
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + (opts.years ?? 3));
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: randomBytes(16).toString('hex').replace(/^[89a-f]/, '7'),
    name: `CN=${commonName.replace(/[,=+<>#;"\\]/g, ' ')}`,
    notBefore,
    notAfter,
    signingAlgorithm: ALGORITHM,
    keys,
    extensions: [new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment, true)],
  });
  const pkcs8 = await webcrypto.subtle.exportKey('pkcs8', keys.privateKey as unknown as webcrypto.CryptoKey);
  return { privateKeyPem: pem('PRIVATE KEY', pkcs8), certificatePem: cert.toString('pem') + '\n' };
}

/**
 * Checks a certificate and private key a municipality brings (e.g. issued by its CA, as OIOSAML requires):
 * PEM that parses, an RSA key of at least 2048 bits that belongs to the certificate, valid now and for a
 * while yet. Returns what was wrong, as readable sentences; empty when the pair can be used.
 */
export function keyPairProblems(certificatePem: string, privateKeyPem: string, now = new Date()): string[] {
  let cert: X509Certificate;
  let key: KeyObject;
  try {
    cert = new X509Certificate(certificatePem);
  } catch {
    return ['the certificate is not a PEM X.509 certificate'];
  }
  try {
    key = createPrivateKey(privateKeyPem);
  } catch {
    return ['the private key is not a PEM private key (PKCS#8 or PKCS#1, unencrypted)'];
  }
  const problems: string[] = [];
  if (key.asymmetricKeyType !== 'rsa') problems.push('the key must be RSA (SAML metadata and xmlenc key transport use RSA)');
  else if ((key.asymmetricKeyDetails?.modulusLength ?? 0) < 2048) problems.push('the RSA key must have at least 2048 bits');
  if (!cert.checkPrivateKey(key)) problems.push('the private key does not belong to the certificate');
  if (new Date(cert.validFrom) > now) problems.push(`the certificate is not valid before ${new Date(cert.validFrom).toISOString()}`);
  if (new Date(cert.validTo) <= now) problems.push(`the certificate expired ${new Date(cert.validTo).toISOString()}`);
  return problems;
}
