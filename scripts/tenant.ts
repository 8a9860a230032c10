// `npm run tenant -- hosts` lists every tenant's host names;
// `npm run tenant -- add-host <slug> <host> <public|admin>` serves a tenant's site at another host name;
// `npm run tenant -- set-idp <slug> <public|admin> <idp-metadata.xml> <site origin>` connects a real IdP;
// `npm run tenant -- set-sp-key <slug> <public|admin> <signing|encryption> <cert.pem> <key.pem> <site origin>`
// replaces a generated SP key pair with the municipality's own (e.g. CA-issued) one.
import { readFileSync } from 'node:fs';
import { QueryTypes, type Transaction } from 'sequelize';
import { systemActor } from '../engine/actors';
import { recordAudit, type AuditEvent } from '../engine/audit/record';
import { loadConfig } from '../engine/config';
import { loadMasterKeys } from '../engine/crypto/master-keys';
import { Database } from '../engine/db/database';
import { createIdentity, type Identity } from '../engine/identity';
import { checkIdpMetadata } from '../engine/identity/configure-idp';
import { createSequelize } from '../engine/db/database';
import { ownerConnection } from '../engine/dev/owner-connection';
import { AppError, NotFoundError } from '../engine/errors';
import { addTenantHost, listTenantHosts } from '../engine/tenancy/tenant-hosts';

const usage =
  'usage: npm run tenant -- hosts | add-host <slug> <host> <public|admin> | set-idp <slug> <public|admin> <idp-metadata.xml> <site origin, e.g. https://valg.korsbaek.dk> | set-sp-key <slug> <public|admin> <signing|encryption> <cert.pem> <key.pem> <site origin>';

async function main(): Promise<number> {
  const [command, slug, host, site] = process.argv.slice(2);
  const sitesOk = (s: string | undefined): s is 'public' | 'admin' => s === 'public' || s === 'admin';
  if (command === 'set-idp') return setIdp(slug, host, site, process.argv[6]);
  if (command === 'set-sp-key') return setSpKey(slug, host, site, process.argv.slice(6));
  if (command !== 'hosts' && !(command === 'add-host' && slug && host && sitesOk(site))) {
    console.error(usage);
    return 2;
  }
  const conn = await ownerConnection(loadConfig());
  const owner = createSequelize(conn.url);
  try {
    if (command === 'hosts') {
      for (const h of await listTenantHosts(owner)) console.log(`${h.slug.padEnd(20)} ${h.site.padEnd(7)} ${h.host}`);
    } else {
      await addTenantHost(owner, slug!, host!, site as 'public' | 'admin');
      console.log(`${slug}: ${site} site now also at ${host!.toLowerCase()}`);
    }
    return 0;
  } finally {
    await owner.close();
    await conn.stop();
  }
}

/**
 * Runs `change` in one transaction of the tenant `slug`, with the application's identity code, as the owner
 * role (which passes row-level security), and audits it as the platform.
 */
async function inTenant<T>(slug: string, change: (ctx: { tenantId: string; identity: Identity; tx: Transaction; audit: (event: AuditEvent) => Promise<void> }) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const conn = await ownerConnection(config);
  const db = Database.connect(conn.url);
  try {
    const [tenant] = await db.sequelize.query<{ id: string }>('SELECT id FROM tenants WHERE slug = $1', { bind: [slug], type: QueryTypes.SELECT });
    if (!tenant) throw new NotFoundError(`no tenant ${slug}`);
    const identity = createIdentity(db, loadMasterKeys(config));
    return await db.withTenant(tenant.id, (tx) =>
      change({ tenantId: tenant.id, identity, tx, audit: (event) => recordAudit(db, tx, { tenantId: tenant.id, actor: systemActor(tenant.id, 'platform') }, event) }),
    );
  } finally {
    await db.close();
    await conn.stop();
  }
}

const isOrigin = (origin: string | undefined): origin is string => origin !== undefined && /^https?:\/\/[^/]+$/.test(origin);

/** Stores the IdP metadata for a tenant's site (creating its SP keys if the site never had a login yet). */
async function setIdp(slug: string | undefined, site: string | undefined, file: string | undefined, origin: string | undefined): Promise<number> {
  if (!slug || (site !== 'public' && site !== 'admin') || !file || !isOrigin(origin)) {
    console.error(usage);
    return 2;
  }
  const xml = readFileSync(file, 'utf8');
  const { entityId } = checkIdpMetadata(xml);
  const sp = await inTenant(slug, async ({ tenantId, identity, tx, audit }) => {
    const current = await identity.serviceProviders.get(tx, tenantId, site, origin);
    await identity.serviceProviders.setIdpMetadata(tx, tenantId, site, xml);
    await audit({ action: 'tenant.idpConfigured', entityType: 'samlServiceProvider', entityId: site, summary: { idpEntityId: entityId } });
    return current;
  });
  console.log(`${slug} ${site}: now trusts ${entityId}. Give the IdP this SP metadata: ${origin}/saml/metadata (entity id ${sp.entityId}).`);
  return 0;
}

/** Installs the municipality's own certificate and key for the SP's signing or encryption (audited). */
async function setSpKey(slug: string | undefined, site: string | undefined, use: string | undefined, [certFile, keyFile, origin]: string[]): Promise<number> {
  if (!slug || (site !== 'public' && site !== 'admin') || (use !== 'signing' && use !== 'encryption') || !certFile || !keyFile || !isOrigin(origin)) {
    console.error(usage);
    return 2;
  }
  const pair = { certificatePem: readFileSync(certFile, 'utf8'), privateKeyPem: readFileSync(keyFile, 'utf8') };
  await inTenant(slug, async ({ tenantId, identity, tx, audit }) => {
    await identity.serviceProviders.get(tx, tenantId, site, origin);
    await identity.serviceProviders.setKeyPair(tx, tenantId, site, use, pair);
    await audit({ action: 'tenant.spKeyReplaced', entityType: 'samlServiceProvider', entityId: site, summary: { use } });
  });
  console.log(`${slug} ${site}: ${use} key replaced. Give the IdP the new SP metadata: ${origin}/saml/metadata.`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof AppError) console.error(`${err.title}${err.message ? `: ${err.message}` : ''}${err.fields ? ` (${err.fields.map((f) => `${f.field} ${f.message}`).join('; ')})` : ''}`);
    else console.error(err);
    process.exit(1);
  },
);
