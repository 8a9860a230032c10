// The pages the public site serves, as path patterns (react-router's and path-to-regexp's `:param` syntax):
// the platform's (public-ui/src/App.tsx) and each module's (Module.publicPages, the same paths as the module's
// pages in public-ui/src/modules/<name>/). Any other path is answered with the site's not-found page and 404.
import { match } from 'path-to-regexp';
import { MODULES } from '../modules';
import type { Module } from '../modules/module';
import { pagePatterns } from './page-paths';

export { localizedPagePath, pagePatterns } from './page-paths';

/** The platform's own pages; a form's page takes its id or its readable address (slug), and `showcase`. */
export const PLATFORM_PUBLIC_PAGES = ['/', '/services', '/contact', '/profile', '/accessibility', '/forms/:idOrSlug'] as const;

export function publicSitePages(modules: readonly Module[] = MODULES): string[] {
  return [...PLATFORM_PUBLIC_PAGES, ...modules.flatMap((m) => (m.publicPages ?? []).flatMap(pagePatterns))];
}

/** Whether a path is one of the site's pages (a trailing slash is allowed, as react-router allows it). */
export function publicPageMatcher(pages: readonly string[] = publicSitePages()): (path: string) => boolean {
  const matchers = pages.map((p) => match(p));
  return (path) => {
    try {
      return matchers.some((m) => m(path) !== false);
    } catch {
      return false; // a path whose percent-encoding does not decode names no page
    }
  };
}
