// The API document (GET /api/openapi.json): every /api route the application answers is in it (read from
// Express's router, so a route mounted past the route list is caught), it is a valid OpenAPI 3.1 document,
// and it is served on admin sites only. The reference page and Scalar's bundle come from our own origin.
import SwaggerParser from '@apidevtools/swagger-parser';
import { routeTable } from '../../engine/http/route-table';
import { openApiPath } from '../../engine/http/openapi';
import { closeOwnerDb, createTestTenant, type TestTenant } from '../helpers/factories';
import { request } from '../helpers/http';
import { startTestPlatform } from '../helpers/platform';

let platform: Awaited<ReturnType<typeof startTestPlatform>>;
let tenant: TestTenant;

beforeAll(async () => {
  tenant = await createTestTenant();
  platform = await startTestPlatform();
});

afterAll(async () => {
  await platform.stop();
  await closeOwnerDb();
});

type Document = { openapi: string; paths: Record<string, Record<string, unknown>> };

async function apiDocument(): Promise<Document> {
  const res = await request(platform.port, tenant.adminHost, 'GET', '/api/openapi.json');
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  return res.json<Document>();
}

describe('the API document', () => {
  it('lists every /api route of the running application', async () => {
    const document = await apiDocument();
    const documented = new Set(Object.entries(document.paths).flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`)));
    const mounted = routeTable(platform.app)
      .filter((r) => r.path.startsWith('/api/'))
      .map((r) => `${r.method} ${openApiPath(r.path)}`);
    expect(mounted.length).toBeGreaterThan(40);
    expect(mounted.filter((r) => !documented.has(r))).toEqual([]);
    // …and nothing is documented that does not answer.
    expect([...documented].filter((r) => !mounted.includes(r))).toEqual([]);
  });

  it('is a valid OpenAPI 3.1 document whose references all resolve', async () => {
    const document = await apiDocument();
    expect(document.openapi).toBe('3.1.0');
    await expect(SwaggerParser.validate(structuredClone(document) as never)).resolves.toBeDefined();
    // Every reference points inside the document: a reader never fetches our schema URLs.
    expect(JSON.stringify(document)).not.toMatch(/"\$ref":"(?!#\/components\/)/);
  });

  it('is served on admin sites only, and so is the reference page', async () => {
    for (const path of ['/api/openapi.json', '/api/reference', '/api/reference/scalar.js']) {
      expect((await request(platform.port, tenant.publicHost, 'GET', path)).status).toBe(404);
    }
  });

  it('serves the reference page with Scalar’s bundle from our own origin, no inline script', async () => {
    const page = await request(platform.port, tenant.adminHost, 'GET', '/api/reference');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.headers['content-security-policy']).toMatch(/script-src 'self'(;|$)/);
    const scripts = [...page.text.matchAll(/<script([^>]*)>([^<]*)<\/script>/g)];
    expect(scripts.map((s) => /src="([^"]+)"/.exec(s[1]!)?.[1]).filter(Boolean)).toEqual(['/api/reference/scalar.js']);
    // The one script without src is inert configuration (JSON), empty: nothing for the CSP to refuse.
    for (const [, attributes, content] of scripts) if (!/src=/.test(attributes!)) expect([/type="application\/json"/.test(attributes!), content]).toEqual([true, '']);
    const bundle = await request(platform.port, tenant.adminHost, 'GET', '/api/reference/scalar.js');
    expect(bundle.status).toBe(200);
    expect(bundle.headers['content-type']).toMatch(/^text\/javascript/);
    expect(bundle.text.length).toBeGreaterThan(1_000_000);
  });
});
