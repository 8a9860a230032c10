// Addresses on the public site in the tenant's language (forms/ui/modules.ts localizedPath): a page with a path
// in the tenant's own words (e.g. Danish) is linked by that path; its English path still works everywhere.
import { localizedPath, modulePages } from '../../forms/ui/modules';
import { useSite } from '../../forms/ui/site';
import { PUBLIC_MODULES } from './modules';

/** The modules' pages (engine and site name none of them: src/modules/index.ts lists the modules). */
export const MODULE_PAGES = modulePages(PUBLIC_MODULES);

/** `(path) => the address to link`: a page's English path (parameters filled in) in the tenant's language. */
export function useSitePath(): (path: string) => string {
  const locale = useSite().tenant.defaultLocale;
  return (path) => localizedPath(MODULE_PAGES, path, locale);
}
