import { useEffect, useLayoutEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { matchPath, Route, Routes, useLocation } from 'react-router';
import { LanguageSwitch } from '../../forms/ui/LanguageSwitch';
import { loginUrl, logout } from '../../forms/ui/session';
import { modulePages } from '../../forms/ui/modules';
import { useSite } from '../../forms/ui/site';
import { AdminNav, type NavEntry } from './AdminNav';
import { ADMIN_MODULES } from './modules';
import { ADMIN_PAGE_PATHS as P } from './page-paths';
import { AuditLogPage } from './pages/AuditLogPage';
import { ContactSettingsPage } from './pages/ContactSettingsPage';
import { OverviewPage } from './pages/OverviewPage';
import { FormDesignerPage } from './pages/forms/FormDesignerPage';
import { FormsPage } from './pages/forms/FormsPage';
import { SubmissionsPage } from './pages/forms/SubmissionsPage';
import { FlowEditorPage } from './pages/flows/FlowEditorPage';
import { FlowsPage } from './pages/flows/FlowsPage';
import { InstancesPage } from './pages/flows/InstancesPage';
import { MessagesPage, OutboxPage } from './pages/flows/MessagesPage';
import { TasksPage } from './pages/flows/TasksPage';

const platformPages = [
  { path: P.overview, titleKey: 'nav.overview', element: <OverviewPage /> },
  { path: P.forms, titleKey: 'nav.forms', group: 'processes', element: <FormsPage /> },
  { path: P.flows, titleKey: 'nav.flows', group: 'processes', element: <FlowsPage /> },
  { path: P.instances, titleKey: 'nav.instances', group: 'processes', element: <InstancesPage /> },
  { path: P.tasks, titleKey: 'nav.tasks', group: 'processes', element: <TasksPage /> },
  { path: P.messages, titleKey: 'nav.messages', group: 'processes', element: <MessagesPage /> },
  { path: P.outbox, titleKey: 'nav.outbox', group: 'processes', element: <OutboxPage /> },
  { path: P.auditLog, titleKey: 'nav.auditLog', group: 'administration', element: <AuditLogPage /> },
  { path: P.contact, titleKey: 'nav.contact', group: 'administration', element: <ContactSettingsPage /> },
];

// The platform's pages, then every module's (src/modules/index.ts lists the modules); a module's page joins the
// group it names, else its module's own group.
const pages: (NavEntry & { element: ReactNode; nav?: boolean })[] = [
  ...platformPages.map((p) => ({ ...p, nav: true })),
  ...modulePages(ADMIN_MODULES).map(({ path, titleKey, nav, group, module, component: Page }) => ({
    path,
    titleKey,
    nav: nav ?? false,
    group: group ?? module,
    groupTitleKey: group ? undefined : `${module}:nav.group`,
    element: <Page />,
  })),
];
// A page of the server's (Scalar renders the OpenAPI document there), not of this app: a plain link.
const navEntries: NavEntry[] = [...pages.filter((p) => p.nav), { path: '/api/reference', titleKey: 'nav.apiReference', group: 'administration', external: true }];

export function App() {
  const { t } = useTranslation();
  const { tenant, actor, csrfToken } = useSite();
  const { pathname } = useLocation();
  // A page's own path first, then the first pattern that matches it (a module's `/petitions/:id`).
  const titleKey = (pages.find((p) => p.path === pathname) ?? pages.find((p) => p.path.includes(':') && matchPath(p.path, pathname)))?.titleKey ?? (pathname.endsWith('/submissions') ? 'nav.submissions' : pathname.startsWith('/forms/') ? 'nav.designer' : pathname.startsWith('/flows/') ? 'nav.flowEditor' : undefined);
  // Set as the page commits, not after paint: a heading is never up under the previous page's title, and a page's
  // own title (set in its effect, which runs after this) still wins.
  useLayoutEffect(() => {
    document.title = `${titleKey ? t(titleKey) : t('notFound')} – ${t('adminOf', { name: tenant.name })}`;
  }, [titleKey, t, tenant.name]);
  const isAdmin = actor.roles.includes('administrator');
  const loggedOut = pathname === P.loggedOut;
  useEffect(() => {
    // The admin site refuses anonymous visitors: off to the municipality's login, back here afterwards.
    if (actor.kind === 'anonymous' && !loggedOut) window.location.assign(loginUrl(pathname + window.location.search));
  }, [actor.kind, loggedOut, pathname]);
  return (
    <div className="admin-shell">
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header className="admin-header">
        <div>
          <p className="admin-product">{t('product')}</p>
          <p className="admin-tenant">{tenant.name}</p>
        </div>
        <div className="admin-header-tools">
          {actor.displayName ? <span className="admin-user">{actor.displayName}</span> : null}
          {csrfToken ? (
            <button type="button" className="button-secondary" onClick={() => void logout('/logged-out')}>
              {t('logout')}
            </button>
          ) : null}
          <LanguageSwitch className="language-switch" />
        </div>
      </header>
      <AdminNav entries={navEntries} />
      <main id="main" className="admin-main">
        {loggedOut ? (
          <section>
            <h1>{t('loggedOut.heading')}</h1>
            <p>
              <a href={loginUrl('/')}>{t('loggedOut.again')}</a>
            </p>
          </section>
        ) : isAdmin ? (
          <Routes>
            {pages.map((p) => (
              <Route key={p.path} path={p.path} element={p.element} />
            ))}
            <Route path={P.formDesigner} element={<FormDesignerPage />} />
            <Route path={P.formSubmissions} element={<SubmissionsPage />} />
            <Route path={P.flowEditor} element={<FlowEditorPage />} />
            <Route path="*" element={<h1>{t('notFound')}</h1>} />
          </Routes>
        ) : (
          <section>
            <h1>{t('loginRequired.heading')}</h1>
            <p>{t('loginRequired.text')}</p>
          </section>
        )}
      </main>
    </div>
  );
}
