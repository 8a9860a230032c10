// The tenant a site shows (its name, contact details, front page), read for whoever the site serves —
// the anonymous visitor included (site.view). The route's presenter adds the actor and the CSRF token.
import type { Actor } from '../actors';
import type { Database } from '../db/database';
import type { TenantRow } from '../db/models';
import { authorize } from '../policies';
import { loadTenant } from './tenant';

export async function loadSiteTenant(db: Database, actor: Actor, tenantId: string): Promise<TenantRow> {
  const tenant = await loadTenant(db, tenantId);
  authorize(actor, 'site.view', { tenantId: tenant.id });
  return tenant;
}
