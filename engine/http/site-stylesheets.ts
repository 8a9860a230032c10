// The stylesheets a site's pages are dressed in, read from its built index.html (Vite names them by content
// hash), so a page the server renders itself — the problem page — looks like the rest of the site. A site not
// built (the API-only test platform) has none, and its problem page is plain but still translated. Read on every
// problem page (they are rare), so a rebuild of the site during development shows at once.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Site } from '../db/database';

const STYLESHEET = /<link\b[^>]*rel="stylesheet"[^>]*href="(\/assets\/[^"]+\.css)"[^>]*>/g;

export function siteStylesheets(rootDir: string, site: Site): string[] {
  const index = join(rootDir, site === 'admin' ? 'admin-ui' : 'public-ui', 'dist', 'index.html');
  if (!existsSync(index)) return [];
  return [...readFileSync(index, 'utf8').matchAll(STYLESHEET)].map((m) => m[1]!);
}
