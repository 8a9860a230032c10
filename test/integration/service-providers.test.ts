import { createPrivateKey, X509Certificate } from 'node:crypto';
import { QueryTypes } from 'sequelize';
import { parseKeySpec } from '../../engine/crypto/key-spec';
import { Keyring } from '../../engine/crypto/keyring';
import { ServiceProviders } from '../../engine/identity/service-providers';
import { createTestTenant, ownerDb, suiteDatabase } from '../helpers/factories';

const db = suiteDatabase();
it('creates each tenant site’s service provider once, with its own keys, private keys sealed', async () => {
  const t = await createTestTenant();
  const sps = new ServiceProviders(db, new Keyring(db, parseKeySpec(process.env.DATA_MASTER_KEYS!)));
  const origin = `http://${t.adminHost}:3000`;
  const first = await db.withTenant(t.id, (tx) => sps.get(tx, t.id, 'admin', origin));
  const again = await db.withTenant(t.id, (tx) => sps.get(tx, t.id, 'admin', origin));
  expect(again.signingCertificate).toBe(first.signingCertificate);
  expect(first).toMatchObject({ entityId: `${origin}/saml/metadata`, acsUrl: `${origin}/saml/acs`, minAssurance: 'substantial', idpMetadata: null });
  expect(new X509Certificate(first.signingCertificate).checkPrivateKey(createPrivateKey(first.signingKey))).toBe(true);
  expect(new X509Certificate(first.encryptionCertificate).checkPrivateKey(createPrivateKey(first.encryptionKey))).toBe(true);
  expect(first.signingCertificate).not.toBe(first.encryptionCertificate);
  const publicSp = await db.withTenant(t.id, (tx) => sps.get(tx, t.id, 'public', `http://${t.publicHost}:3000`));
  expect(publicSp.entityId).not.toBe(first.entityId);
  const [row] = await ownerDb().query<Record<string, unknown>>("SELECT * FROM saml_service_providers WHERE tenant_id = $1 AND site = 'admin'", { bind: [t.id], type: QueryTypes.SELECT });
  expect(JSON.stringify(row)).not.toContain('PRIVATE KEY');
});
