// Test data made through the real code paths: tenants through createTenant (owner role), like the platform.
import { randomBytes } from 'node:crypto';
import type { Sequelize } from 'sequelize';
import { createSequelize, Database } from '../../engine/db/database';
import type { Country, Locale } from '../../engine/db/models';
import { createTenant } from '../../engine/tenancy/create-tenant';
import { provisionTenant } from '../../engine/tenancy/provision';
import { testServices } from './env';

export interface TestTenant {
  id: string;
  slug: string;
  name: string;
  publicHost: string;
  adminHost: string;
}

let owner: Sequelize | undefined;
let app: Database | undefined;

/** The application role's pool for test set-up (provisioning), closed with the owner pool. */
function appDb(): Database {
  app ??= Database.connect(testServices().appUrl);
  return app;
}

/** The owner role (bypasses RLS): only for making tenants and for tampering in tests, like an attacker with DB access. */
export function ownerDb(): Sequelize {
  owner ??= createSequelize(testServices().ownerUrl);
  return owner;
}

export async function closeOwnerDb(): Promise<void> {
  await owner?.close();
  owner = undefined;
  await app?.close();
  app = undefined;
}

/** A fresh tenant; without the built-in forms unless asked, so suites about other things start from one audit row. */
export async function createTestTenant(opts: { country?: Country; locale?: Locale; name?: string; auditLogMonths?: number; builtinForms?: boolean } = {}): Promise<TestTenant> {
  const country = opts.country ?? 'DK';
  const slug = `t-${randomBytes(5).toString('hex')}`;
  const name = opts.name ?? (country === 'DK' ? `Testrup Kommune ${slug}` : `Testby kommun ${slug}`);
  const publicHost = `${slug}.localhost`;
  const adminHost = `admin.${slug}.localhost`;
  const id = await createTenant(ownerDb(), {
    slug,
    name,
    country,
    defaultLocale: opts.locale ?? (country === 'DK' ? 'da' : 'sv'),
    publicHosts: [publicHost],
    adminHosts: [adminHost],
    settings: {
      contact: { email: `kontakt@${slug}.example`, phone: '+45 11 22 33 44', address: 'Torvet 1, 9999 Testrup' },
      frontPage: { da: { heading: `Velkommen til ${name}`, intro: 'Dansk intro.' }, sv: { heading: `Välkommen till ${name}`, intro: 'Svensk intro.' }, en: { heading: `Welcome to ${name}`, intro: 'English intro.' } },
      retention: { auditLogMonths: opts.auditLogMonths ?? 6 },
    },
  });
  // The built-ins come by the provisioning commands, as for a real tenant (through the application role).
  if (opts.builtinForms) await provisionTenant(appDb(), id, country);
  return { id, slug, name, publicHost, adminHost };
}

/**
 * The application's pool (role tingvalla_app, under RLS) for one suite, closed with the owner pool after it.
 * Sequelize connects lazily, so creating it while the suite file loads costs nothing.
 */
export function suiteDatabase(): Database {
  const db = Database.connect(testServices().appUrl);
  afterAll(async () => {
    await db.close();
    await closeOwnerDb();
  });
  return db;
}
