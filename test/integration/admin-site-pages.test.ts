// The server answers 404 for a path the admin site has no page for (engine/http/admin-site-pages.ts), so its
// list must hold every page the site routes: the platform's (admin-ui/src/page-paths.ts, which App.tsx routes)
// and each module's (Module.adminPages, the same paths as the module's pages in admin-ui/src/modules/<name>/).
import { MODULES } from '../../engine/modules';
import { adminPageMatcher, PLATFORM_ADMIN_PAGES } from '../../engine/http/admin-site-pages';

interface SiteModule {
  name: string;
  pages?: { path: string }[];
}

// Required at run time (swc compiles the TSX), not imported: the server's type check stays free of the site's code.
/* eslint-disable @typescript-eslint/no-require-imports */
const { ADMIN_MODULES } = require('../../admin-ui/src/modules') as { ADMIN_MODULES: readonly SiteModule[] };
const { ADMIN_PAGE_PATHS } = require('../../admin-ui/src/page-paths') as { ADMIN_PAGE_PATHS: Record<string, string> };
/* eslint-enable @typescript-eslint/no-require-imports */

it('lists exactly the platform pages the admin app routes', () => {
  expect([...PLATFORM_ADMIN_PAGES].sort()).toEqual(Object.values(ADMIN_PAGE_PATHS).sort());
});

it('lists each module’s admin pages exactly as the site’s module declares them', () => {
  for (const siteModule of ADMIN_MODULES) {
    const server = MODULES.find((m) => m.name === siteModule.name);
    expect([siteModule.name, [...(server?.adminPages ?? [])].sort()]).toEqual([siteModule.name, (siteModule.pages ?? []).map((p) => p.path).sort()]);
  }
});

it('matches the pages, with or without a trailing slash, and nothing else', () => {
  const isPage = adminPageMatcher();
  for (const path of ['/', '/forms', '/forms/3f1c0e55-0000-4000-8000-000000000000/submissions', '/flows/x/', '/audit-log', '/settings/contact', '/logged-out']) expect([path, isPage(path)]).toEqual([path, true]);
  for (const path of ['/nope', '/forms/a/b/c', '/settings', '/audit', '/%E0%A4%A']) expect([path, isPage(path)]).toEqual([path, false]);
});
