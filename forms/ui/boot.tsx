// Starts a site: loads its tenant and actor, sets up i18n in the tenant's language, renders the app with the
// app's QueryClient (server data goes through TanStack Query and the one API client in ./api).
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { StrictMode, type ComponentType } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { rememberCsrfToken } from './api';
import { initI18n } from './i18n';
import { siteResources, type UiModule } from './modules';
import { fetchSiteInfo, SiteContext } from './site';

type Translations = Record<string, unknown>;

export async function bootSite(App: ComponentType, locales: { da: Translations; sv: Translations; en: Translations }, queryClient: QueryClient, modules: readonly UiModule[] = []): Promise<void> {
  const site = await fetchSiteInfo();
  rememberCsrfToken(site.csrfToken);
  await initI18n(siteResources(locales, modules), site.tenant.defaultLocale);
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <SiteContext.Provider value={site}>
          <BrowserRouter>
            <App />
          </BrowserRouter>
        </SiteContext.Provider>
      </QueryClientProvider>
    </StrictMode>,
  );
}
