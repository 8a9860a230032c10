// The page a person sees when a page navigation is refused or leads nowhere (the Temporal UI for someone
// without the operator role, an unknown path under a proxied console): in the tenant's language, with a link
// back to the start of the site they are on, dressed in the site's own stylesheets (site-stylesheets.ts) and
// header so it reads as the site's error page. Rendered here rather than by the app: a redirect into the app
// would turn the refusal's 403 into a 200 for whatever else (a link checker, a proxy log) reads the answer, and
// the CSP refuses inline styles, so the look comes only from the linked files.
import type { Site } from '../db/database';
import { PROBLEM_PAGE_TEXTS, type ProblemPageLocale } from './problem-page-texts';
import { escapeHtml } from './escape-html';


export interface ProblemPageInput {
  code: string;
  locale: ProblemPageLocale;
  site: Site;
  requestId: string;
  siteName?: string;
  /** The site's stylesheets (hrefs on the same origin). */
  stylesheets?: readonly string[];
  /** The public site's theme (`dkfds` or `neutral`), as its pages carry it on <html>. */
  theme?: string;
}

export function renderProblemPage({ code, locale, site, requestId, siteName, stylesheets = [], theme }: ProblemPageInput): string {
  const texts = PROBLEM_PAGE_TEXTS[locale];
  const { title, body } = texts.codes[code] ?? texts.other;
  const pageTitle = siteName ? `${title} – ${siteName}` : title;
  const links = stylesheets.map((href) => `<link rel="stylesheet" href="${escapeHtml(href)}">`).join('');
  const content = `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(body)}</p><p><a href="/">${escapeHtml(texts.back[site])}</a></p><p><small>${escapeHtml(texts.request)} ${escapeHtml(requestId)}</small></p>`;
  const name = siteName ? escapeHtml(siteName) : '';
  // The same landmarks and classes as the site's own shell (admin-ui/src/App.tsx, public-ui/src/App.tsx).
  const page =
    site === 'admin'
      ? `<div class="admin-shell admin-shell-plain"><header class="admin-header"><div><p class="admin-product">Tingvalla</p><p class="admin-tenant">${name}</p></div></header><main id="main" class="admin-main">${content}</main></div>`
      : `<header class="header"><div class="solution-info"><div class="solution-info-inner container"><div class="solution-heading"><a href="/" class="tenant-name">${name}</a></div></div></div></header><main id="main-content" class="container page-container">${content}</main>`;
  return [
    `<!doctype html><html lang="${locale}"${theme ? ` data-theme="${escapeHtml(theme)}"` : ''}><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${escapeHtml(pageTitle)}</title>${links}</head><body>${page}</body></html>`,
  ].join('');
}
