// The API reference page in Chromium: reached from the admin site's navigation, Scalar renders the OpenAPI
// document from our own origin only (no CDN, no fonts or telemetry from elsewhere), the CSP refuses
// nothing, and axe-core finds no WCAG 2.1 A/AA violation.
import type { Page } from 'playwright-core';
import { closeOwnerDb, createTestTenant, type TestTenant } from '../helpers/factories';
import { expectAccessible, launchBrowser, loginThroughTestIdp, type TestBrowser } from '../helpers/browser';
import { startTestPlatform } from '../helpers/platform';

let platform: Awaited<ReturnType<typeof startTestPlatform>>;
let browser: TestBrowser;
let tenant: TestTenant;
let page: Page;
const foreignRequests: string[] = [];
const refusals: string[] = [];

beforeAll(async () => {
  tenant = await createTestTenant({ country: 'SE' });
  platform = await startTestPlatform([], { TEST_IDP: 'on' });
  browser = await launchBrowser();
  page = await browser.newPage();
  page.on('request', (req) => {
    const host = new URL(req.url()).hostname;
    if (!/^(data|blob):/.test(req.url()) && host !== tenant.adminHost && !host.startsWith('idp.')) foreignRequests.push(req.url());
  });
  // Chromium reports what the CSP refused on the console ("Refused to load / execute / apply …").
  page.on('console', (msg) => {
    if (/Content Security Policy|Refused to/i.test(msg.text())) refusals.push(msg.text());
  });
});

afterAll(async () => {
  await browser?.close();
  await platform?.stop();
  await closeOwnerDb();
});

it('is linked from the admin navigation and renders the API document', async () => {
  await page.goto(platform.url(tenant.adminHost, '/'));
  await loginThroughTestIdp(page, /Birgitta Sjöberg/);
  await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'API-referens' }).click();
  await page.waitForURL(/\/api\/reference$/);
  await page.getByRole('heading', { name: 'Tingvalla API', level: 1 }).waitFor({ timeout: 30_000 });
  // The first part is open with its operations; every part is in the sidebar.
  await page.getByText('This API as an OpenAPI 3.1 document').first().waitFor();
  for (const tag of ['Forms', 'Flows', 'Audit log', 'My profile']) await page.getByText(tag, { exact: true }).first().waitFor();
});

it('loads nothing from another origin and breaks no CSP rule', () => {
  expect(foreignRequests).toEqual([]);
  expect(refusals).toEqual([]);
});

it('passes axe-core', async () => {
  await expectAccessible(page);
});
