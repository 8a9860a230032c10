import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { initI18n } from '../../forms/ui/i18n';
import { fetchSiteInfo, SiteContext } from '../../forms/ui/site';
import { App } from './App';
import da from './locales/da.json';
import en from './locales/en.json';
import sv from './locales/sv.json';
import './neutral.css';

async function boot(): Promise<void> {
  const site = await fetchSiteInfo();
  await initI18n({ da: { translation: da }, sv: { translation: sv }, en: { translation: en } }, site.tenant.defaultLocale);
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

void boot();
