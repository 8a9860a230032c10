// The pages the admin site serves, as path patterns: the platform's (admin-ui/src/page-paths.ts, checked equal
// by test/integration/site-pages.test.ts) and each module's (Module.adminPages). Any other path gets the site's
// not-found page with 404, as on the public site (public-site-pages.ts).
import { MODULES } from '../modules';
import type { Module } from '../modules/module';
import { publicPageMatcher } from './public-site-pages';

export const PLATFORM_ADMIN_PAGES = [
  '/',
  '/forms',
  '/forms/:id',
  '/forms/:id/submissions',
  '/flows',
  '/flows/:id',
  '/flow-instances',
  '/tasks',
  '/messages',
  '/outbox',
  '/audit-log',
  '/settings/contact',
  '/logged-out',
] as const;

export function adminSitePages(modules: readonly Module[] = MODULES): string[] {
  return [...PLATFORM_ADMIN_PAGES, ...modules.flatMap((m) => m.adminPages ?? [])];
}

/** Whether a path is one of the admin site's pages (the same matching as the public site's). */
export const adminPageMatcher = (pages: readonly string[] = adminSitePages()) => publicPageMatcher(pages);
