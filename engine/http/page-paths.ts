// A public page's paths (Module.publicPages): its English one and those in a language's own words, and the address
// of a page for a tenant of a language. Apart from the list of the site's pages (public-site-pages.ts), so a
// module's own code can use it without loading the module list.
import { compile, match } from 'path-to-regexp';
import type { PublicPagePath } from '../modules/module';

/** Every path a page answers on: its English one and those in a language's own words. */
export function pagePatterns(page: PublicPagePath): string[] {
  return typeof page === 'string' ? [page] : [page.path, ...Object.values(page.paths).filter((p): p is string => typeof p === 'string')];
}

/**
 * A page's address for a tenant of `locale`: `path` (a page's English path with its parameters filled in, e.g.
 * `/x/tasks/abc`) in that language's own words when the page has them (`/y/opgaver/abc`), otherwise unchanged.
 */
export function localizedPagePath(pages: readonly PublicPagePath[], path: string, locale: 'da' | 'sv' | 'en'): string {
  for (const page of pages) {
    if (typeof page === 'string' || locale === 'en') continue;
    const own = page.paths[locale];
    const found = own ? match(page.path)(path) : false;
    if (own && found) return compile(own)(found.params as Record<string, string>);
  }
  return path;
}
