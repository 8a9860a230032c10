// The API document and its reference page, on admin sites (for administrators and integrators; the public
// site has no use for them): GET /api/openapi.json, and /api/reference rendered by Scalar
// (@scalar/api-reference). Scalar's standalone browser bundle comes from node_modules through our own origin —
// no CDN: the machine may have no internet, and the CSP (script-src 'self') forbids foreign scripts. The page
// has no inline script: the bundle reads its settings from the data attributes of an inert JSON script tag.
// Scalar injects one <style> element, which the CSP's style-src 'unsafe-inline' (helmet's default) allows.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { NotFoundError } from '../errors';
import { openApiDocument } from './openapi';
import { defineRoute, type RouteSpec } from './route';
import { escapeHtml } from './escape-html';

const PAGE_PATH = '/reference';
const BUNDLE_PATH = '/reference/scalar.js';

/** The bundle, read once on first request (about 5 MB). The package's exports do not list it, so it is found beside its entry point. */
let bundle: Buffer | undefined;
function scalarBundle(): Buffer {
  if (!bundle) {
    const entry = createRequire(__filename).resolve('@scalar/api-reference');
    bundle = readFileSync(join(dirname(entry), 'browser', 'standalone.js'));
  }
  return bundle;
}


/**
 * Scalar's light theme draws secondary text in #8e8e8e and links in #09f, below WCAG AA contrast (4.5:1) on its
 * white and grey backgrounds; these are darker shades of the same greys and blue (the doubled class outranks the
 * theme's own rule).
 */
const contrastCss = '.light-mode.light-mode{--scalar-color-2:#5c5c5c;--scalar-color-3:#636363;--scalar-color-accent:#0062a3;--scalar-sidebar-color-2:#5c5c5c}';

/** What Scalar is told: no fonts from its CDN, no telemetry, light mode only (the one the page is checked for contrast in). */
const scalarConfiguration = {
  withDefaultFonts: false,
  telemetry: false,
  hideDarkModeToggle: true,
  forceDarkModeState: 'light',
  customCss: contrastCss,
  metaData: { title: 'Tingvalla API reference' },
};

export function apiReferencePage(documentUrl: string, bundleUrl: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Tingvalla API reference</title>
</head>
<body>
<script id="api-reference" type="application/json" data-url="${escapeHtml(documentUrl)}" data-configuration="${escapeHtml(JSON.stringify(scalarConfiguration))}"></script>
<script src="${escapeHtml(bundleUrl)}"></script>
</body>
</html>
`;
}

/** Only on admin sites; elsewhere these paths name nothing. */
function adminSiteOnly(site: string | undefined): void {
  if (site !== 'admin') throw new NotFoundError();
}

/**
 * The document's own routes. `routes` is the whole list (these included), read when the document is first
 * asked for, so the document describes every route mounted beside them.
 */
export function apiDocumentRoutes(routes: () => readonly RouteSpec[], mountPath: string): RouteSpec[] {
  let document: Record<string, unknown> | undefined;
  return [
    defineRoute<{ response: Record<string, unknown> }>({
      method: 'GET',
      path: '/openapi.json',
      summary: 'This API as an OpenAPI 3.1 document',
      description: 'Made from the route list and the JSON Schemas every request is checked against. Admin sites only.',
      tags: ['API document'],
      responses: { 200: { raw: 'application/json', description: 'The OpenAPI 3.1 document' } },
      handler: ({ req }) => {
        adminSiteOnly(req.tenant?.site);
        document ??= openApiDocument(routes(), {
          title: 'Tingvalla API',
          version: '1',
          description: 'The JSON API every Tingvalla site answers under /api: the admin site’s (forms, flows, audit log, …) and the public site’s (site info, forms to fill in, my profile). Errors are problem+json (RFC 9457).',
          pathPrefix: mountPath,
        });
        return document;
      },
    }),
    defineRoute({
      method: 'GET',
      path: PAGE_PATH,
      summary: 'The API reference page',
      description: 'The OpenAPI document rendered by Scalar. Admin sites only.',
      tags: ['API document'],
      responses: { 200: { raw: 'text/html', description: 'An HTML page' } },
      handler: ({ req }) => {
        adminSiteOnly(req.tenant?.site);
        return apiReferencePage(`${mountPath}/openapi.json`, `${mountPath}${BUNDLE_PATH}`);
      },
    }),
    defineRoute({
      method: 'GET',
      path: BUNDLE_PATH,
      summary: 'Scalar’s browser bundle, for the reference page',
      tags: ['API document'],
      responses: { 200: { raw: 'text/javascript', description: 'JavaScript' } },
      handler: ({ req, res }) => {
        adminSiteOnly(req.tenant?.site);
        res.set('Cache-Control', 'public, max-age=86400');
        return scalarBundle();
      },
    }),
  ];
}
