// The site's tenant and actor (GET /api/site), loaded once before the app renders.
import { createContext, useContext } from 'react';
import type { SiteInfo } from '../../schemas/types/api-site-info';
import { apiGet } from './api';

export type { SiteInfo };

export async function fetchSiteInfo(): Promise<SiteInfo> {
  return apiGet<SiteInfo>('/api/site');
}

export const SiteContext = createContext<SiteInfo | undefined>(undefined);

export function useSite(): SiteInfo {
  const site = useContext(SiteContext);
  if (!site) throw new Error('useSite outside SiteContext');
  return site;
}
