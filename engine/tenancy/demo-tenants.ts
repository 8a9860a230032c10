// The two demo municipalities, created on first start: Korsbæk Kommune (Denmark) and Småköping kommun (Sweden).
import type { Sequelize } from 'sequelize';
import type { Database } from '../db/database';
import { provisionTenant } from './provision';
import { createTenant, tenantIdBySlug, type TenantSpec } from './create-tenant';

export function demoTenantSpecs(baseDomain: string): TenantSpec[] {
  const hosts = (slug: string) => ({ publicHosts: [`${slug}.${baseDomain}`], adminHosts: [`admin.${slug}.${baseDomain}`] });
  return [
    {
      slug: 'korsbaek',
      name: 'Korsbæk Kommune',
      country: 'DK',
      defaultLocale: 'da',
      ...hosts('korsbaek'),
      settings: {
        contact: { email: 'valg@korsbaek.example', phone: '+45 70 12 34 56', address: 'Rådhuspladsen 1, 4000 Korsbæk', openingHours: 'Man–tors 10–15, fre 10–13' },
        frontPage: {
          da: { heading: 'Velkommen til Korsbæk Kommunes valgportal', intro: 'Her kan du melde dig som valgtilforordnet og følge borgerforslag i kommunen.' },
          en: { heading: 'Welcome to Korsbæk Municipality’s election portal', intro: 'Sign up to help at an election and follow citizens’ proposals in the municipality.' },
        },
        retention: { auditLogMonths: 6 },
      },
    },
    {
      slug: 'smakoping',
      name: 'Småköping kommun',
      country: 'SE',
      defaultLocale: 'sv',
      ...hosts('smakoping'),
      settings: {
        contact: { email: 'e-forslag@smakoping.example', phone: '+46 123 456 78', address: 'Stadshuset, Storgatan 1, 123 45 Småköping', openingHours: 'Mån–fre 8–16' },
        frontPage: {
          sv: { heading: 'Välkommen till Småköpings kommun', intro: 'Lämna e-förslag, rösta på förslag och anmäl dig som röstmottagare.' },
          en: { heading: 'Welcome to Småköping Municipality', intro: 'Propose, vote on proposals and sign up to work at an election.' },
        },
        retention: { auditLogMonths: 6 },
      },
    },
  ];
}

/**
 * Creates the demo tenants that do not exist yet and gives every demo tenant what it lacks of the built-ins
 * (a module added since the last start brings its own); returns the slugs it created.
 */
export async function ensureDemoTenants(owner: Sequelize, db: Database, baseDomain: string): Promise<string[]> {
  const created: string[] = [];
  for (const spec of demoTenantSpecs(baseDomain)) {
    let id = await tenantIdBySlug(owner, spec.slug);
    if (!id) {
      id = await createTenant(owner, spec);
      created.push(spec.slug);
    }
    await provisionTenant(db, id, spec.country);
  }
  return created;
}
