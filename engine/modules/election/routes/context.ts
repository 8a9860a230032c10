// What the election module's route files share.
import type { Database } from '../../../db/database';
import type { FlowTemporal } from '../../../flows/workflows';
import { loadTenant } from '../../../queries/tenant';
import type { ElectionDeps } from '../db';

export interface ElectionRouteDeps extends ElectionDeps {
  /** Temporal, to start and follow the module's own workflows (the bulk deletion). */
  flows: FlowTemporal;
}

/** The tenant's language, for the addresses of its public pages (public-pages.ts electionPageUrl). */
export async function tenantLocale(db: Database, tenantId: string): Promise<'da' | 'sv' | 'en'> {
  const locale = (await loadTenant(db, tenantId)).defaultLocale;
  return locale === 'da' || locale === 'sv' ? locale : 'en';
}

/** The platform's site check (engine/http/route.ts), where the route files of the module find it. */
export { onSite } from '../../../http/route';
