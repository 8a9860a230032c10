// Starts a site: loads its tenant and actor, sets up i18n in the tenant's language, renders the app.
import { StrictMode, type ComponentType } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { initI18n } from './i18n';
import { rememberCsrfToken } from './problem';
import { fetchSiteInfo, SiteContext } from './site';

type Translations = Record<string, unknown>;

export async function bootSite(App: ComponentType, locales: { da: Translations; sv: Translations; en: Translations }): Promise<void> {
  const site = await fetchSiteInfo();
  rememberCsrfToken(site.csrfToken);
  await initI18n({ da: { translation: locales.da }, sv: { translation: locales.sv }, en: { translation: locales.en } }, site.tenant.defaultLocale);
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <SiteContext.Provider value={site}>
        <BrowserRouter>
          <App />
        </BrowserRouter>
      </SiteContext.Provider>
    </StrictMode>,
  );
}
