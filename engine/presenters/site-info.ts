import type { SiteInfo } from '../../schemas/types/api-site-info';
import { actorRoles, type Actor } from '../actors';
import type { Site } from '../db/database';
import type { TenantRow } from '../db/models';

/** Danish tenants wear the Danish common design system (DKFDS); others a neutral accessible theme. */
export function themeOf(tenant: Pick<TenantRow, 'country'>): SiteInfo['tenant']['theme'] {
  return tenant.country === 'DK' ? 'dkfds' : 'neutral';
}

export function presentSiteInfo(tenant: TenantRow, site: Site, actor: Actor, csrfToken?: string, publicOrigin?: string): SiteInfo {
  return {
    ...(csrfToken ? { csrfToken } : {}),
    // The admin site shows the public addresses of published forms (with a QR code) from it.
    ...(publicOrigin ? { publicOrigin } : {}),
    tenant: {
      slug: tenant.slug,
      name: tenant.name,
      country: tenant.country,
      defaultLocale: tenant.defaultLocale,
      theme: themeOf(tenant),
      contact: tenant.settings.contact,
      frontPage: tenant.settings.frontPage,
      // Every public page's footer links it: an address elsewhere, or its own text at /accessibility.
      ...(tenant.settings.accessibilityStatement ? { accessibilityStatement: tenant.settings.accessibilityStatement } : {}),
    },
    site,
    actor: {
      kind: actor.kind,
      roles: actorRoles(actor),
      ...(actor.kind === 'user' ? { displayName: actor.displayName } : {}),
    },
  };
}
