// A tenant's SAML service provider for one site: created on first use with fresh keys, private keys
// sealed with the tenant's key. Entity id and endpoints derive from the site's first host name.
import { QueryTypes, type Transaction } from 'sequelize';
import { open, seal } from '../crypto/aead';
import type { Keyring } from '../crypto/keyring';
import type { Database, Site } from '../db/database';
import { ValidationError } from '../errors';
import { keyPairProblems, selfSignedCertificate } from './certificates';

const KEY_PURPOSE = 'saml.serviceProvider';

export type Assurance = 'low' | 'substantial' | 'high';

export interface ServiceProviderConfig {
  tenantId: string;
  site: Site;
  entityId: string;
  acsUrl: string;
  sloUrl: string;
  signingCertificate: string;
  signingKey: string;
  encryptionCertificate: string;
  encryptionKey: string;
  idpMetadata: string | null;
  minAssurance: Assurance;
}

interface Row {
  entity_id: string;
  signing_certificate: string;
  signing_key_sealed: Buffer;
  encryption_certificate: string;
  encryption_key_sealed: Buffer;
  idp_metadata: string | null;
  min_assurance: Assurance;
}

/** `origin` is the site's base URL, e.g. `http://admin.korsbaek.localhost:3000`. */
export function serviceProviderUrls(origin: string) {
  return { entityId: `${origin}/saml/metadata`, acsUrl: `${origin}/saml/acs`, sloUrl: `${origin}/saml/slo` };
}

export class ServiceProviders {
  constructor(
    private readonly db: Database,
    private readonly keyring: Keyring,
  ) {}

  async get(tx: Transaction, tenantId: string, site: Site, origin: string): Promise<ServiceProviderConfig> {
    let [row] = await this.select(tx, tenantId, site);
    if (!row) {
      await this.create(tx, tenantId, site, origin);
      [row] = await this.select(tx, tenantId, site);
    }
    const key = await this.keyring.dataKey(tx, tenantId, KEY_PURPOSE);
    const urls = serviceProviderUrls(origin);
    return {
      tenantId,
      site,
      ...urls,
      entityId: row!.entity_id,
      signingCertificate: row!.signing_certificate,
      signingKey: open(key, row!.signing_key_sealed, `${tenantId}:${site}:signing`).toString(),
      encryptionCertificate: row!.encryption_certificate,
      encryptionKey: open(key, row!.encryption_key_sealed, `${tenantId}:${site}:encryption`).toString(),
      idpMetadata: row!.idp_metadata,
      minAssurance: row!.min_assurance,
    };
  }

  async setIdpMetadata(tx: Transaction, tenantId: string, site: Site, metadataXml: string): Promise<void> {
    await this.db.sequelize.query('UPDATE saml_service_providers SET idp_metadata = $3, updated_at = now() WHERE tenant_id = $1 AND site = $2', {
      bind: [tenantId, site, metadataXml],
      transaction: tx,
    });
  }

  /**
   * Replaces the generated signing or encryption key pair with one the municipality brings (its CA's
   * certificate). The IdP must then be given the new SP metadata, which publishes the new certificate.
   */
  async setKeyPair(tx: Transaction, tenantId: string, site: Site, use: 'signing' | 'encryption', pair: { certificatePem: string; privateKeyPem: string }): Promise<void> {
    const problems = keyPairProblems(pair.certificatePem, pair.privateKeyPem);
    if (problems.length > 0) throw new ValidationError(problems.map((message) => ({ field: `/${use}`, message })));
    const key = await this.keyring.dataKey(tx, tenantId, KEY_PURPOSE);
    const sealed = seal(key, Buffer.from(pair.privateKeyPem), `${tenantId}:${site}:${use}`);
    const [, count] = await this.db.sequelize.query(`UPDATE saml_service_providers SET ${use}_certificate = $3, ${use}_key_sealed = $4, updated_at = now() WHERE tenant_id = $1 AND site = $2`, {
      bind: [tenantId, site, pair.certificatePem, sealed],
      type: QueryTypes.UPDATE,
      transaction: tx,
    });
    if (count !== 1) throw new Error(`no service provider for ${site} yet`);
  }

  private select(tx: Transaction, tenantId: string, site: Site): Promise<Row[]> {
    return this.db.sequelize.query<Row>('SELECT * FROM saml_service_providers WHERE tenant_id = $1 AND site = $2', { bind: [tenantId, site], type: QueryTypes.SELECT, transaction: tx });
  }

  private async create(tx: Transaction, tenantId: string, site: Site, origin: string): Promise<void> {
    const host = new URL(origin).hostname;
    const [signing, encryption] = await Promise.all([selfSignedCertificate(`${host} SAML signing`), selfSignedCertificate(`${host} SAML encryption`)]);
    const key = await this.keyring.dataKey(tx, tenantId, KEY_PURPOSE);
    await this.db.sequelize.query(
      `INSERT INTO saml_service_providers (tenant_id, site, entity_id, signing_certificate, signing_key_sealed, encryption_certificate, encryption_key_sealed)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (tenant_id, site) DO NOTHING`,
      {
        bind: [
          tenantId,
          site,
          serviceProviderUrls(origin).entityId,
          signing.certificatePem,
          seal(key, Buffer.from(signing.privateKeyPem), `${tenantId}:${site}:signing`),
          encryption.certificatePem,
          seal(key, Buffer.from(encryption.privateKeyPem), `${tenantId}:${site}:encryption`),
        ],
        transaction: tx,
      },
    );
  }
}
