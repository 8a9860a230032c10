// Serves the two React apps (built by Vite) on their tenant hosts: admin-ui on admin hosts, public-ui on
// public hosts. index.html is filled per tenant with its language and theme before it is sent.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import express, { Router, type Request } from 'express';
import type { Database, Site } from '../db/database';
import { themeOf } from '../presenters/site-info';
import { loadTenant } from '../queries/tenant';
import { adminPageMatcher } from './admin-site-pages';
import { bodyHtml, headTags, publicPageHead } from './page-head';
import { publicPageMatcher } from './public-site-pages';
import { escapeHtml } from './escape-html';

const localeOf = (l: string): 'da' | 'sv' | 'en' => (l === 'da' || l === 'sv' ? l : 'en');

function distOf(rootDir: string, site: Site): string {
  const dir = join(rootDir, site === 'admin' ? 'admin-ui' : 'public-ui', 'dist');
  if (!existsSync(join(dir, 'index.html'))) {
    throw new Error(`${dir}/index.html is missing: build the sites with \`npm run build:ui\` (npm start and npm test do it).`);
  }
  return dir;
}

/** `cacheIndex`: read each index.html once (production); otherwise on every page, so a rebuild shows at once. */
export function sitesRouter(rootDir: string, db: Database, cacheIndex: boolean): Router {
  const dist = { admin: distOf(rootDir, 'admin'), public: distOf(rootDir, 'public') };
  const read = (site: Site) => readFileSync(join(dist[site], 'index.html'), 'utf8');
  const cached = { admin: read('admin'), public: read('public') };
  const indexHtml = (site: Site) => (cacheIndex ? cached[site] : read(site));
  const statics = {
    admin: express.static(dist.admin, { index: false, maxAge: '1h' }),
    public: express.static(dist.public, { index: false, maxAge: '1h' }),
  };
  const isPage = { public: publicPageMatcher(), admin: adminPageMatcher() };
  const router = Router();
  // The Danish design system's compiled CSS, fonts and icons, straight from its npm package.
  router.use('/vendor/dkfds', express.static(join(rootDir, 'node_modules/dkfds/dist'), { maxAge: '1d' }));
  router.use((req, res, next) => statics[req.tenant!.site](req, res, next));
  router.use(async (req: Request, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (req.path.startsWith('/api/') || req.path.startsWith('/assets/')) return next();
    const { site, id } = req.tenant!;
    const tenant = await loadTenant(db, id);
    const theme = themeOf(tenant);
    // A public page a module describes (Module.publicPageHead) is served with its title, summary and text already in it.
    const described = site === 'public' ? await publicPageHead(db, id, req.path, localeOf(tenant.defaultLocale)) : undefined;
    const head = [
      described ? headTags(described, tenant.name, `${req.protocol}://${req.get('host') ?? ''}${req.path}`) : `<title>${escapeHtml(tenant.name)}</title>`,
      // The tenant's theme dresses the public site; the admin site keeps its own styling for every tenant.
      site === 'public' && theme === 'dkfds' ? '<link rel="stylesheet" href="/vendor/dkfds/css/dkfds.min.css">' : '',
    ].join('');
    let html = indexHtml(site)
      .replace('<html lang="en">', `<html lang="${tenant.defaultLocale}" data-theme="${theme}">`)
      .replace('<!--app-head-->', head);
    if (described) html = html.replace('<div id="root"></div>', `<div id="root">${bodyHtml(described)}</div>`);
    // A path the site has no page for still gets the site (its translated not-found page), with 404, so search
    // engines, link checkers and a mistyped bookmark's network log see what a person sees.
    const status = isPage[site](req.path) ? 200 : 404;
    res.status(status).type('html').set('Cache-Control', 'no-cache').send(html);
  });
  return router;
}
