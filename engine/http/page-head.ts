// The served HTML of a public page that a module describes (Module.publicPageHead): its title, description and
// Open Graph tags in <head>, so a shared link previews with the page's own title and summary, and its text in the
// app's root element, so the page reads without JavaScript (the app replaces it when it starts). Every string
// is escaped here; a module gives plain text only.
import type { Database } from '../db/database';
import { MODULES } from '../modules';
import type { Module, PublicPageHead } from '../modules/module';
import { escapeHtml } from './escape-html';


/** The first module's description of this path, if any module has one (a failing module's is left out). */
export async function publicPageHead(db: Database, tenantId: string, path: string, locale: 'da' | 'sv' | 'en', modules: readonly Module[] = MODULES): Promise<PublicPageHead | undefined> {
  for (const m of modules) {
    if (!m.publicPageHead) continue;
    const head = await m.publicPageHead(db, tenantId, path, locale).catch(() => undefined);
    if (head) return head;
  }
  return undefined;
}

/** The <head> tags: title, description, Open Graph (og:url is the page's own address). */
export function headTags(head: PublicPageHead, siteName: string, url: string): string {
  const og: Record<string, string> = { 'og:title': head.title, 'og:description': head.description, 'og:url': url, 'og:site_name': siteName, 'og:type': 'website', ...head.openGraph };
  return [
    `<title>${escapeHtml(`${head.title} – ${siteName}`)}</title>`,
    `<meta name="description" content="${escapeHtml(head.description)}">`,
    ...Object.entries(og).map(([property, content]) => `<meta property="${escapeHtml(property)}" content="${escapeHtml(content)}">`),
    '<meta name="twitter:card" content="summary">',
  ].join('');
}

/** The page's text inside the app's root element. */
export function bodyHtml(head: PublicPageHead): string {
  return `<main class="container page-container"><article><h1>${escapeHtml(head.body.heading)}</h1>${head.body.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('')}</article></main>`;
}
