// Page navigations that end in a problem on a tenant's site get the problem page in the tenant's language
// (the Temporal UI refused to an administrator without the operator role, most of all).
import type { ErrorRequestHandler } from 'express';
import type { Database } from '../db/database';
import { themeOf } from '../presenters/site-info';
import { loadTenant } from '../queries/tenant';
import { isPageNavigation, knownError } from './problem';
import { renderProblemPage } from './problem-page';
import { problemPageLocale } from './problem-page-texts';
import { siteStylesheets } from './site-stylesheets';

/**
 * Before problemHandler: a page navigation on a tenant's site gets the problem page in the tenant's language.
 * If the tenant cannot be read, problemHandler answers (in English) as before.
 */
export function translatedProblemPages(db: Database, rootDir: string): ErrorRequestHandler {
  return (err: unknown, req, res, next) => {
    const known = knownError(err, req);
    if (res.headersSent || !known || !req.tenant || !isPageNavigation(req)) return next(err);
    const { id, site } = req.tenant;
    loadTenant(db, id).then(
      (tenant) => {
        // Dressed as the site: its built stylesheets, and on a public site its theme (the Danish design system's own CSS).
        const theme = site === 'public' ? themeOf(tenant) : undefined;
        const stylesheets = [...(theme === 'dkfds' ? ['/vendor/dkfds/css/dkfds.min.css'] : []), ...siteStylesheets(rootDir, site)];
        const html = renderProblemPage({ code: known.code, locale: problemPageLocale(tenant.defaultLocale), site, requestId: String(req.id), siteName: tenant.name, stylesheets, ...(theme ? { theme } : {}) });
        res.status(known.status).type('html').send(html);
      },
      () => next(err),
    );
  };
}
