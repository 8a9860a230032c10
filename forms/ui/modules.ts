// How a module's pages join a site: each app lists its modules in src/modules/index.ts; a module brings its
// pages (route, navigation entry), sections it adds to platform pages (the profile), and its texts in its own
// i18n namespace (the module's name), so no central list of pages or texts has to change when one is added.
import type { Resource } from 'i18next';
import type { ComponentType } from 'react';
import { generatePath, matchPath } from 'react-router';
import type { UiLocale } from './i18n';

type Texts = Record<string, unknown>;

export interface UiPage {
  /** A react-router path, e.g. `/my/submissions/:id`; on the public site the English one, working on every tenant. */
  path: string;
  /**
   * The page's path in a language's own words (public site), e.g. `{ da: '/tjenester/:slug' }`: also a route,
   * and what menus and links use on the tenants of that language (localizedPath). The server's Module.publicPages
   * declares the same.
   */
  paths?: { da?: string; sv?: string };
  /** The page's name in the module's texts (`nav.<key>`), for the navigation and the document title. */
  key: string;
  component: ComponentType;
  /** Listed in the site's navigation (pages reached from another page are not). */
  nav?: boolean;
  /**
   * The navigation group the page joins on the admin site: a platform group (`processes` — forms, flows, running
   * processes, tasks, messages — or `administration` — log and settings), else the module's own group, titled
   * by the module's `nav.group` text.
   */
  group?: string;
}

/** Something a citizen can do on the public site (an e-service, or what another module offers). */
export interface SiteService {
  /** Unique across modules, e.g. `eservices:<form id>`. */
  key: string;
  title: Record<string, string>;
  description?: Record<string, string> | null;
  /** The service's page on the site. */
  path: string;
}

/** Where a module's services come from: its own API route, read as one TanStack query. */
export interface ServiceSource {
  queryKey: readonly unknown[];
  load(signal: AbortSignal): Promise<SiteService[]>;
}

export interface UiModule {
  /** The module's name (as on the server); also its i18n namespace. */
  name: string;
  pages?: UiPage[];
  /** The services the module offers, listed on the public front page and the services page. */
  services?: ServiceSource;
  /** Sections the module adds to the person's profile page (public site). */
  profileSections?: ComponentType[];
  texts: Record<UiLocale, Texts>;
}

/** A module's page with what the site needs to show it: its namespaced title key. */
export interface ModulePage extends UiPage {
  module: string;
  /** i18next key with namespace, e.g. `<module>:nav.list`. */
  titleKey: string;
}

export function modulePages(modules: readonly UiModule[]): ModulePage[] {
  const pages = modules.flatMap((m) => (m.pages ?? []).map((p) => ({ ...p, module: m.name, titleKey: `${m.name}:nav.${p.key}` })));
  const seen = new Set<string>();
  for (const path of pages.flatMap(pagePaths)) {
    if (seen.has(path)) throw new Error(`two modules claim the page ${path}`);
    seen.add(path);
  }
  return pages;
}

/** Every path a page is routed on: its own and those in a language's own words. */
export function pagePaths(page: Pick<UiPage, 'path' | 'paths'>): string[] {
  return [page.path, ...Object.values(page.paths ?? {}).filter((p): p is string => typeof p === 'string')];
}

/**
 * An address on the site for a tenant of `locale`: `path` (a page's English path with its parameters filled in)
 * in that language's own words when the page has them, otherwise unchanged (the platform's pages, other links).
 */
export function localizedPath(pages: readonly Pick<UiPage, 'path' | 'paths'>[], path: string, locale: UiLocale): string {
  if (locale === 'en') return path;
  const [pathname, rest = ''] = splitSuffix(path);
  for (const page of pages) {
    const own = page.paths?.[locale];
    const found = own ? matchPath({ path: page.path, end: true }, pathname) : null;
    if (own && found) return generatePath(own, found.params as Record<string, string>) + rest;
  }
  return path;
}

const splitSuffix = (path: string): [string, string?] => {
  const i = path.search(/[?#]/);
  return i < 0 ? [path] : [path.slice(0, i), path.slice(i)];
};

/** i18next resources: the app's own texts as the default namespace, each module's under its name. */
export function siteResources(app: Record<UiLocale, Texts>, modules: readonly UiModule[]): Resource {
  const forLocale = (locale: UiLocale) => ({ translation: app[locale], ...Object.fromEntries(modules.map((m) => [m.name, m.texts[locale]])) });
  return { da: forLocale('da'), sv: forLocale('sv'), en: forLocale('en') };
}
