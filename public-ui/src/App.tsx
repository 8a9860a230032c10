import { lazy, Suspense, useLayoutEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, matchPath, Route, Routes, useLocation } from 'react-router';
import { LanguageSwitch } from '../../forms/ui/LanguageSwitch';
import { loginUrl, logout } from '../../forms/ui/session';
import { localizedPath, modulePages, pagePaths } from '../../forms/ui/modules';
import { useSite } from '../../forms/ui/site';
import { PUBLIC_MODULES } from './modules';
import { ContactPage } from './pages/ContactPage';
import { FrontPage } from './pages/FrontPage';
import { ProfilePage } from './pages/ProfilePage';
import { NotFoundPage } from './pages/NotFoundPage';
import { ServicesPage } from './pages/ServicesPage';
import { SitePagesContext } from './site-paths';

// The form renderer (RJSF, Ajv runtime) loads only on form pages, keeping the other pages light.
const FormPage = lazy(() => import('./pages/FormPage').then((m) => ({ default: m.FormPage })));
// Likewise the markdown renderer, only on the accessibility statement's own page.
const AccessibilityPage = lazy(() => import('./pages/AccessibilityPage').then((m) => ({ default: m.AccessibilityPage })));

// The modules' pages (engine and site name none of them: src/modules/index.ts lists the modules).
const MODULE_PAGES = modulePages(PUBLIC_MODULES);

// The profile is in the menu whether or not the visitor is logged in (its page asks them to log in first).
const menu = [
  { to: '/', titleKey: 'nav.front' },
  { to: '/services', titleKey: 'nav.services' },
  ...MODULE_PAGES.filter((p) => p.nav).map((p) => ({ to: p.path, titleKey: p.titleKey })),
  { to: '/contact', titleKey: 'nav.contact' },
  { to: '/profile', titleKey: 'nav.profile' },
];
const PLATFORM_PAGES: Record<string, string> = { '/contact': 'contact', '/profile': 'profile', '/services': 'services', '/accessibility': 'accessibility' };

/** Public site layout in the Danish design system's markup; the neutral theme styles the same classes. */
export function App() {
  const { t } = useTranslation();
  const { tenant, actor } = useSite();
  const { pathname } = useLocation();
  // Set as the page commits, not after paint: a heading is never up under the previous page's title, and a page's
  // own title (set in its effect, which runs after this) still wins.
  useLayoutEffect(() => {
    const modulePage = MODULE_PAGES.find((p) => pagePaths(p).some((path) => matchPath(path, pathname)));
    const page = PLATFORM_PAGES[pathname] ?? (pathname.startsWith('/forms/') ? 'form' : 'front');
    document.title = `${modulePage ? t(modulePage.titleKey) : t(`pageTitle.${page}`)} – ${tenant.name}`;
  }, [pathname, t, tenant.name]);
  return (
    <SitePagesContext.Provider value={MODULE_PAGES}>
      <a className="skipnav" href="#main-content">
        {t('skipToContent')}
      </a>
      <header className="header">
        <div className="solution-info">
          <div className="solution-info-inner container">
            <div className="solution-heading">
              <Link to="/" className="tenant-name">
                {tenant.name}
              </Link>
            </div>
            <div className="additional-info">
              {actor.kind === 'user' ? (
                <>
                  <Link to="/profile" className="user-name">
                    {actor.displayName}
                  </Link>
                  <button type="button" className="button button-secondary" onClick={() => void logout('/')}>
                    {t('logout')}
                  </button>
                </>
              ) : (
                <a className="button button-secondary" href={loginUrl('/profile')}>
                  {t('login')}
                </a>
              )}
              <LanguageSwitch className="language-switch" />
            </div>
          </div>
        </div>
        <nav className="navigation-menu" aria-label={t('nav.label')}>
          <div className="navigation-menu-inner container">
            <ul className="mainmenu">
              {menu.map(({ to: english, titleKey }) => ({ to: localizedPath(MODULE_PAGES, english, tenant.defaultLocale), titleKey })).map(({ to, titleKey }) => (
                <li key={to} className={pathname === to ? 'active current' : undefined}>
                  <Link to={to} className="nav-link" aria-current={pathname === to ? 'page' : undefined}>
                    <span>{t(titleKey)}</span>
                  </Link>
                </li>
              ))}
            </ul>
          </div>
        </nav>
      </header>
      <main id="main-content" className="container page-container">
        <Routes>
          <Route path="/" element={<FrontPage />} />
          <Route path="/services" element={<ServicesPage />} />
          <Route path="/contact" element={<ContactPage />} />
          <Route path="/profile" element={<ProfilePage />} />
          <Route
            path="/accessibility"
            element={
              <Suspense fallback={<p>{t('loading')}</p>}>
                <AccessibilityPage />
              </Suspense>
            }
          />
          <Route
            path="/forms/:id"
            element={
              <Suspense fallback={<p>{t('form.loading')}</p>}>
                <FormPage />
              </Suspense>
            }
          />
          {MODULE_PAGES.flatMap((page) => pagePaths(page).map((path) => ({ path, Page: page.component }))).map(({ path, Page }) => (
            <Route key={path} path={path} element={<Page />} />
          ))}
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </main>
      <footer className="footer">
        <div className="container">
          <p>{t('footer', { name: tenant.name })}</p>
          <AccessibilityStatementLink />
        </div>
      </footer>
    </SitePagesContext.Provider>
  );
}

/** The accessibility statement, required on every public page by Danish and Swedish law: elsewhere or its own page. */
function AccessibilityStatementLink() {
  const { t } = useTranslation();
  const statement = useSite().tenant.accessibilityStatement;
  if (!statement) return null;
  return <p>{'url' in statement ? <a href={statement.url}>{t('accessibility.link')}</a> : <Link to="/accessibility">{t('accessibility.link')}</Link>}</p>;
}
