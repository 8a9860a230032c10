// The server answers 404 for a path the public site has no page for (engine/http/public-site-pages.ts), so its
// list must hold every page the site routes: the platform's and each module's. A module's pages on the site
// (public-ui/src/modules/<name>/) and its Module.publicPages on the server must agree.
import { MODULES } from '../../engine/modules';
import { PLATFORM_PUBLIC_PAGES, publicPageMatcher, publicSitePages } from '../../engine/http/public-site-pages';

interface SiteModule {
  name: string;
  pages?: { path: string }[];
}

// Required at run time (swc compiles the TSX), not imported: the server's type check stays free of the site's code.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { PUBLIC_MODULES } = require('../../public-ui/src/modules') as { PUBLIC_MODULES: readonly SiteModule[] };

it('lists each module’s public pages exactly as the site’s module declares them', () => {
  for (const siteModule of PUBLIC_MODULES) {
    const server = MODULES.find((m) => m.name === siteModule.name);
    expect([siteModule.name, [...(server?.publicPages ?? [])].sort()]).toEqual([siteModule.name, (siteModule.pages ?? []).map((p) => p.path).sort()]);
  }
});

it('matches the platform’s pages and the modules’, with or without a trailing slash, and nothing else', () => {
  const isPage = publicPageMatcher();
  expect(publicSitePages().slice(0, PLATFORM_PUBLIC_PAGES.length)).toEqual([...PLATFORM_PUBLIC_PAGES]);
  for (const path of ['/', '/services', '/contact/', '/profile', '/accessibility', '/forms/showcase', '/forms/tilskud-til-foreningsarrangement', '/forms/0b6f7f5e-2c1d-4d8a-9c57-0f5f0d9f4e11']) expect([path, isPage(path)]).toEqual([path, true]);
  for (const path of ['/nope', '/forms', '/forms/a/b', '/contact/x', '/%E0%A4%A', '/api']) expect([path, isPage(path)]).toEqual([path, false]);
});
