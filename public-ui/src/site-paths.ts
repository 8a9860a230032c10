// Addresses on the public site in the tenant's language (forms/ui/modules.ts localizedPath): a page with a path
// in the tenant's own words (e.g. Danish) is linked by that path; its English path still works everywhere. The
// modules' pages come from App.tsx through a context, so a module's page can link without importing the list
// of modules it is itself on.
import { createContext, useContext } from 'react';
import { localizedPath, type UiPage } from '../../forms/ui/modules';
import { useSite } from '../../forms/ui/site';

export const SitePagesContext = createContext<readonly Pick<UiPage, 'path' | 'paths'>[]>([]);

/** `(path) => the address to link`: a page's English path (parameters filled in) in the tenant's language. */
export function useSitePath(): (path: string) => string {
  const locale = useSite().tenant.defaultLocale;
  const pages = useContext(SitePagesContext);
  return (path) => localizedPath(pages, path, locale);
}
