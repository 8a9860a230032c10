// The tenant a site shows (its name, contact details, front page), read for whoever the site serves —
// the anonymous visitor included (site.view). The route's presenter adds the actor and the CSRF token.
import { QueryTypes } from 'sequelize';
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

/**
 * The tenant's public host (the first, by name), so the admin site can show where citizens find a form. Only its
 * own tenant's hosts are visible (row-level security); undefined when the tenant has no public host.
 */
export async function loadPublicHost(db: Database, tenantId: string): Promise<string | undefined> {
  const [row] = await db.withTenant(tenantId, (tx) =>
    db.sequelize.query<{ host: string }>("SELECT host FROM tenant_hosts WHERE site = 'public' ORDER BY host LIMIT 1", { type: QueryTypes.SELECT, transaction: tx }),
  );
  return row?.host;
}

/**
 * The public site's origin as seen from this request: the public host with the scheme and port the admin site
 * was reached on (both sites are served by the same server, behind the same proxy).
 */
export function publicOriginFor(publicHost: string, protocol: string, requestHost: string | undefined): string {
  const port = /:(\d+)$/.exec(requestHost ?? '')?.[1];
  return `${protocol}://${publicHost}${port ? `:${port}` : ''}`;
}
