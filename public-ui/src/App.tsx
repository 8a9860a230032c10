import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Route, Routes, useLocation } from 'react-router';
import { LanguageSwitch } from '../../forms/ui/LanguageSwitch';
import { loginUrl, logout } from '../../forms/ui/session';
import { useSite } from '../../forms/ui/site';
import { ContactPage } from './pages/ContactPage';
import { FrontPage } from './pages/FrontPage';
import { ProfilePage } from './pages/ProfilePage';
import { NotFoundPage } from './pages/NotFoundPage';

// The form renderer (RJSF, Ajv runtime) loads only on form pages, keeping the other pages light.
const FormPage = lazy(() => import('./pages/FormPage').then((m) => ({ default: m.FormPage })));

const menu = [
  { to: '/', key: 'front' },
  { to: '/contact', key: 'contact' },
] as const;

/** Public site layout in the Danish design system's markup; the neutral theme styles the same classes. */
export function App() {
  const { t } = useTranslation();
  const { tenant, actor } = useSite();
  const { pathname } = useLocation();
  useEffect(() => {
    const page = pathname === '/contact' ? 'contact' : pathname === '/profile' ? 'profile' : pathname.startsWith('/forms/') ? 'form' : 'front';
    document.title = `${t(`pageTitle.${page}`)} – ${tenant.name}`;
  }, [pathname, t, tenant.name]);
  return (
    <>
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
              {menu.map(({ to, key }) => (
                <li key={to} className={pathname === to ? 'active current' : undefined}>
                  <Link to={to} className="nav-link" aria-current={pathname === to ? 'page' : undefined}>
                    <span>{t(`nav.${key}`)}</span>
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
          <Route path="/contact" element={<ContactPage />} />
          <Route path="/profile" element={<ProfilePage />} />
          <Route
            path="/forms/:id"
            element={
              <Suspense fallback={<p>{t('form.loading')}</p>}>
                <FormPage />
              </Suspense>
            }
          />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </main>
      <footer className="footer">
        <div className="container">
          <p>{t('footer', { name: tenant.name })}</p>
        </div>
      </footer>
    </>
  );
}
