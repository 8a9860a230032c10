import { createPrivateKey, createPublicKey, createSign, createVerify, X509Certificate } from 'node:crypto';
import { selfSignedCertificate } from '../../engine/identity/certificates';

it('makes an RSA-2048 key and a self-signed certificate that Node reads and verifies', async () => {
  const { privateKeyPem, certificatePem } = await selfSignedCertificate('korsbaek.localhost SAML signing', { years: 3, now: new Date('2026-11-22T00:00:00Z') });
  const cert = new X509Certificate(certificatePem);
  expect(cert.subject).toBe('CN=korsbaek.localhost SAML signing');
  expect(cert.verify(cert.publicKey)).toBe(true);
  expect(new Date(cert.validTo).getUTCFullYear()).toBe(2029);
  const key = createPrivateKey(privateKeyPem);
  expect(key.asymmetricKeyDetails?.modulusLength).toBe(2048);
  const signature = createSign('sha256').update('hello').sign(key);
  expect(createVerify('sha256').update('hello').verify(createPublicKey(certificatePem), signature)).toBe(true);
});
