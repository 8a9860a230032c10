// The page a person sees when a page navigation is refused or leads nowhere (the Temporal UI for someone
// without the operator role, an unknown path under a proxied console): in the tenant's language, with a link
// back to the start of the site they are on. Plain, tidy markup and no styles: the site's stylesheets are
// hashed build outputs and the CSP refuses inline styles, and a redirect into the app would turn the refusal's
// 403 into a 200 for whatever else (a link checker, a proxy log) reads the answer.
import type { Site } from '../db/database';
import { PROBLEM_PAGE_TEXTS, type ProblemPageLocale } from './problem-page-texts';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function renderProblemPage({ code, locale, site, requestId, siteName }: { code: string; locale: ProblemPageLocale; site: Site; requestId: string; siteName?: string }): string {
  const texts = PROBLEM_PAGE_TEXTS[locale];
  const { title, body } = texts.codes[code] ?? texts.other;
  const pageTitle = siteName ? `${title} – ${siteName}` : title;
  return [
    `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${escapeHtml(pageTitle)}</title></head><body><main>`,
    `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(body)}</p>`,
    `<p><a href="/">${escapeHtml(texts.back[site])}</a></p>`,
    `<p><small>${escapeHtml(texts.request)} ${escapeHtml(requestId)}</small></p>`,
    '</main></body></html>',
  ].join('');
}
