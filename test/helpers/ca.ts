// A certificate authority for tests: issues RSA-2048 certificates the way a municipality's CA would, so
// the SP's "bring your own certificate" path is tested with certificates that are not self-signed.
import 'reflect-metadata';
import { randomBytes, webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';

const ALGORITHM = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', publicExponent: new Uint8Array([1, 0, 1]), modulusLength: 2048 };
const serial = () => randomBytes(16).toString('hex').replace(/^[89a-f]/, '7');
const pem = (der: ArrayBuffer) => `-----BEGIN PRIVATE KEY-----\n${Buffer.from(der).toString('base64').replace(/(.{64})/g, '$1\n').trimEnd()}\n-----END PRIVATE KEY-----\n`;
const generate = async () => (await webcrypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify'])) as unknown as CryptoKeyPair;

export interface TestCa {
  /** The CA's own certificate (what a TLS peer trusts). */
  certificatePem: string;
  /**
   * A certificate under the CA and its key. `use` makes it a TLS server certificate (serverAuth, the common name as
   * its DNS name) or a TLS client certificate (clientAuth); without it, a signing certificate as for SAML.
   */
  issue(commonName: string, validity?: { notBefore: Date; notAfter: Date }, use?: 'server' | 'client'): Promise<{ certificatePem: string; privateKeyPem: string }>;
}

export async function createTestCa(name = 'Testrup Kommune Test CA'): Promise<TestCa> {
  const caKeys = await generate();
  const now = Date.now();
  const caCert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial(),
    name: `CN=${name}`,
    notBefore: new Date(now - 86_400_000),
    notAfter: new Date(now + 5 * 365 * 86_400_000),
    signingAlgorithm: ALGORITHM,
    keys: caKeys,
    extensions: [new x509.BasicConstraintsExtension(true, undefined, true)],
  });
  return {
    certificatePem: caCert.toString('pem') + '\n',
    async issue(commonName, validity = { notBefore: new Date(now - 3_600_000), notAfter: new Date(now + 365 * 86_400_000) }, use) {
      const keys = await generate();
      const cert = await x509.X509CertificateGenerator.create({
        serialNumber: serial(),
        subject: `CN=${commonName}`,
        issuer: caCert.subject,
        ...validity,
        signingAlgorithm: ALGORITHM,
        publicKey: keys.publicKey,
        signingKey: caKeys.privateKey,
        extensions: [
          new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment, true),
          ...(use ? [new x509.ExtendedKeyUsageExtension([use === 'server' ? x509.ExtendedKeyUsage.serverAuth : x509.ExtendedKeyUsage.clientAuth])] : []),
          ...(use === 'server' ? [new x509.SubjectAlternativeNameExtension([{ type: 'dns', value: commonName }])] : []),
        ],
      });
      const pkcs8 = await webcrypto.subtle.exportKey('pkcs8', keys.privateKey as unknown as webcrypto.CryptoKey);
      return { certificatePem: cert.toString('pem') + '\n', privateKeyPem: pem(pkcs8) };
    },
  };
}
