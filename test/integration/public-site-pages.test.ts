// The server answers 404 for a path the public site has no page for (engine/http/public-site-pages.ts), so its
// list must hold every page the site routes: the platform's and each module's. A module's pages on the site
// (public-ui/src/modules/<name>/) and its Module.publicPages on the server must agree.
import { MODULES } from '../../engine/modules';
import { localizedPagePath, pagePatterns, PLATFORM_PUBLIC_PAGES, publicPageMatcher, publicSitePages } from '../../engine/http/public-site-pages';

interface SiteModule {
  name: string;
  pages?: { path: string; paths?: { da?: string; sv?: string } }[];
}

// Required at run time (swc compiles the TSX), not imported: the server's type check stays free of the site's code.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { PUBLIC_MODULES } = require('../../public-ui/src/modules') as { PUBLIC_MODULES: readonly SiteModule[] };

it('lists each module’s public pages exactly as the site’s module declares them', () => {
  for (const siteModule of PUBLIC_MODULES) {
    const server = MODULES.find((m) => m.name === siteModule.name);
    // A page's English path and its paths in a language's own words, alike on both sides.
    const serverPages = (server?.publicPages ?? []).map((p) => pagePatterns(p).join(' ')).sort();
    const sitePages = (siteModule.pages ?? []).map((p) => pagePatterns(p.paths ? { path: p.path, paths: p.paths } : p.path).join(' ')).sort();
    expect([siteModule.name, serverPages]).toEqual([siteModule.name, sitePages]);
  }
});

it('matches the platform’s pages and the modules’, with or without a trailing slash, and nothing else', () => {
  const isPage = publicPageMatcher();
  expect(publicSitePages().slice(0, PLATFORM_PUBLIC_PAGES.length)).toEqual([...PLATFORM_PUBLIC_PAGES]);
  for (const path of ['/', '/services', '/contact/', '/profile', '/accessibility', '/forms/showcase', '/forms/tilskud-til-foreningsarrangement', '/forms/0b6f7f5e-2c1d-4d8a-9c57-0f5f0d9f4e11']) expect([path, isPage(path)]).toEqual([path, true]);
  for (const path of ['/nope', '/forms', '/forms/a/b', '/contact/x', '/%E0%A4%A', '/api']) expect([path, isPage(path)]).toEqual([path, false]);
});

it('serves a page on its English path and its paths in a language’s own words; links use the tenant language’s', () => {
  const pages = [{ path: '/m/tasks/:token', paths: { da: '/m-da/opgaver/:token', sv: '/m-sv/uppgifter/:token' } }, '/m/plain/:id'];
  const isPage = publicPageMatcher(pages.flatMap(pagePatterns));
  for (const path of ['/m/tasks/abc', '/m-da/opgaver/abc', '/m-sv/uppgifter/abc/', '/m/plain/1']) expect([path, isPage(path)]).toEqual([path, true]);
  for (const path of ['/m-da/tasks/abc', '/m/opgaver/abc']) expect([path, isPage(path)]).toEqual([path, false]);
  expect(localizedPagePath(pages, '/m/tasks/a-B_9', 'da')).toBe('/m-da/opgaver/a-B_9');
  expect(localizedPagePath(pages, '/m/tasks/a-B_9', 'sv')).toBe('/m-sv/uppgifter/a-B_9');
  expect(localizedPagePath(pages, '/m/tasks/a-B_9', 'en')).toBe('/m/tasks/a-B_9');
  expect(localizedPagePath(pages, '/m/plain/1', 'da')).toBe('/m/plain/1');
  expect(localizedPagePath(pages, '/elsewhere', 'sv')).toBe('/elsewhere');
});

it('the site links a module’s page by the tenant language’s path, as the server does', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { localizedPath, modulePages, pagePaths } = require('../../forms/ui/modules') as typeof import('../../forms/ui/modules');
  const pages = [{ path: '/m/tasks/:token', paths: { da: '/m-da/opgaver/:token' } }, { path: '/m/plain/:id' }];
  expect(localizedPath(pages, '/m/tasks/abc', 'da')).toBe('/m-da/opgaver/abc');
  expect(localizedPath(pages, '/m/tasks/abc?x=1#y', 'da')).toBe('/m-da/opgaver/abc?x=1#y');
  expect(localizedPath(pages, '/m/tasks/abc', 'sv')).toBe('/m/tasks/abc');
  expect(localizedPath(pages, '/m/plain/1', 'da')).toBe('/m/plain/1');
  expect(pagePaths(pages[0]!)).toEqual(['/m/tasks/:token', '/m-da/opgaver/:token']);
  // Two modules may not claim the same path, in any language.
  const component = () => null;
  expect(() => modulePages([{ name: 'a', pages: [{ path: '/a', paths: { da: '/x' }, key: 'a', component }], texts: { da: {}, sv: {}, en: {} } }, { name: 'b', pages: [{ path: '/x', key: 'b', component }], texts: { da: {}, sv: {}, en: {} } }])).toThrow('/x');
});
