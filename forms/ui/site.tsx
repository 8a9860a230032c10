// The site's tenant and actor (GET /api/site), loaded once before the app renders.
import { createContext, useContext } from 'react';
import type { SiteInfo } from '../../schemas/types/api-site-info';

export type { SiteInfo };

export async function fetchSiteInfo(): Promise<SiteInfo> {
  const res = await fetch('/api/site', { headers: { accept: 'application/json' } });
  if (!res.ok) throw new Error(`GET /api/site answered ${res.status}`);
  return (await res.json()) as SiteInfo;
}

export const SiteContext = createContext<SiteInfo | undefined>(undefined);

export function useSite(): SiteInfo {
  const site = useContext(SiteContext);
  if (!site) throw new Error('useSite outside SiteContext');
  return site;
}
