// The two demo municipalities, created on first start: Korsbæk Kommune (Denmark) and Småköping kommun (Sweden).
import { QueryTypes, type Sequelize } from 'sequelize';
import { provisioningActor } from '../actors';
import { updateAccessibilityStatement } from '../commands/update-accessibility-statement';
import type { Keyring } from '../crypto/keyring';
import type { Database } from '../db/database';
import { MODULES } from '../modules';
import type { Module } from '../modules/module';
import type { AuditedRegistry } from '../registry/audited';
import { provisionTenant } from './provision';
import { createTenant, tenantIdBySlug, type TenantSpec } from './create-tenant';

// Småköping publishes its statement on its own site, laid out as DIGG's model statement is.
const SMAKOPING_ACCESSIBILITY_STATEMENT = `Småköpings kommun står bakom den här webbplatsen. Vi vill att så många som möjligt ska kunna använda den. Här beskriver vi hur webbplatsen uppfyller lagen om tillgänglighet till digital offentlig service, kända tillgänglighetsproblem och hur du kan rapportera brister till oss så att vi kan åtgärda dem.

## Hur tillgänglig är webbplatsen?

Webbplatsen är byggd för att uppfylla WCAG 2.1 nivå AA. Vi testar varje sida automatiskt och med skärmläsare.

## Vad kan du göra om du inte kan använda delar av webbplatsen?

Om du behöver innehåll från webbplatsen i ett annat format kan du kontakta oss på e-forslag@smakoping.example eller 0123-456 78.

## Rapportera brister

Vi strävar hela tiden efter att förbättra tillgängligheten. Om du upptäcker problem som inte är beskrivna här, eller om du anser att vi inte uppfyller lagens krav, meddela oss så att vi får veta att problemet finns.

## Tillsyn

Myndigheten för digital förvaltning (DIGG) har ansvaret för tillsyn av lagen om tillgänglighet till digital offentlig service. Om du inte är nöjd med hur vi hanterar dina synpunkter kan du kontakta DIGG och påtala det.

Redogörelsen uppdaterades senast den 1 december 2026.`;

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
        // Danish statements live on the Agency for Digital Government's statement service (WAS-Tool).
        accessibilityStatement: { url: 'https://www.was.digst.dk/korsbaek-dk' },
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
        accessibilityStatement: { text: { sv: SMAKOPING_ACCESSIBILITY_STATEMENT } },
        retention: { auditLogMonths: 6 },
      },
    },
  ];
}

/**
 * Creates the demo tenants that do not exist yet and gives every demo tenant what it lacks of the built-ins
 * (a module added since the last start brings its own); returns the slugs it created. The civil registry, when
 * given, is where the modules' demo people are looked up.
 */
export async function ensureDemoTenants(owner: Sequelize, db: Database, keyring: Keyring, baseDomain: string, modules: readonly Module[] = MODULES, registry?: AuditedRegistry): Promise<string[]> {
  const created: string[] = [];
  for (const spec of demoTenantSpecs(baseDomain)) {
    let id = await tenantIdBySlug(owner, spec.slug);
    if (!id) {
      id = await createTenant(owner, spec);
      created.push(spec.slug);
    }
    await provisionTenant(db, id, spec.country);
    // Demo tenants made before the setting existed get their statement once, as their provisioning actor (audited).
    const statement = spec.settings.accessibilityStatement;
    const [row] = await owner.query<{ has: boolean }>("SELECT settings ? 'accessibilityStatement' AS has FROM tenants WHERE id = $1", { bind: [id], type: QueryTypes.SELECT });
    if (statement && !row?.has) await updateAccessibilityStatement(db, { tenantId: id, actor: provisioningActor(id) }, statement);
    // What each module shows on first start (Module.demoData); each does nothing the second time.
    for (const m of modules) await m.demoData?.({ db, keyring, ...(registry ? { registry } : {}) }, id, spec.country);
  }
  return created;
}
