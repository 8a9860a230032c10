// An operator reads a workflow's payloads in the Temporal Web UI through the admin site: logs in through the
// municipal SSO, opens the tenant's housekeeping workflow, and sees its input decoded by /codec (audited).
// The Web UI is Temporal's own application, so axe-core checks our pages around it, not its pages.
import { QueryTypes } from 'sequelize';
import { workflowIds } from '../../engine/temporal/ids';
import { housekeepingMessages } from '../../workflows';
import { expectAccessible, launchBrowser, loginThroughTestIdp, type TestBrowser } from '../helpers/browser';
import { createTestTenant, ownerDb, suiteDatabase, type TestTenant } from '../helpers/factories';
import { startTestPlatform } from '../helpers/platform';

suiteDatabase();
let platform: Awaited<ReturnType<typeof startTestPlatform>>;
let browser: TestBrowser;
let tenant: TestTenant;

beforeAll(async () => {
  tenant = await createTestTenant();
  platform = await startTestPlatform([tenant.id], { TEST_IDP: 'on' });
  await platform.client.workflow.getHandle(workflowIds.housekeeping(tenant.id)).query(housekeepingMessages.statusQuery);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

it('shows an operator the decoded input of the tenant’s workflow, and audits the decode', async () => {
  const page = await browser.newPage();
  const workflowPath = `/temporal/namespaces/tingvalla/workflows/${encodeURIComponent(workflowIds.housekeeping(tenant.id))}`;
  await page.goto(platform.url(tenant.adminHost, workflowPath));
  await loginThroughTestIdp(page, /Ingeborg Skjern/);
  await page.waitForURL((url) => url.pathname.startsWith('/temporal/namespaces/tingvalla/workflows/'));
  // The input is {"tenantId": …}: readable only after the codec has decrypted it. The Web UI is a large
  // application that loads the history and then asks /codec: on a loaded CI machine that took over 20 s.
  await page.getByText(`"${tenant.id}"`).first().waitFor({ timeout: 60_000 });
  const rows = await ownerDb().query<{ entity_id: string }>("SELECT entity_id FROM audit_log WHERE tenant_id = $1 AND action = 'workflowPayloads.decoded'", { bind: [tenant.id], type: QueryTypes.SELECT });
  expect(rows.length).toBeGreaterThan(0);
  expect(rows.some((r) => r.entity_id === workflowIds.housekeeping(tenant.id))).toBe(true);
});

// Refused in the tenant's language, on a tidy page that leads back to the administration (axe on it).
it('keeps an administrator without the operator privilege out, saying so in Danish on a Danish tenant', async () => {
  const page = await browser.newPage();
  await page.goto(platform.url(tenant.adminHost, '/temporal/namespaces/tingvalla/workflows'));
  await loginThroughTestIdp(page, /Lauritz Jensen/);
  await page.getByRole('heading', { level: 1, name: 'Du har ikke adgang til denne side' }).waitFor();
  expect(await page.locator('html').getAttribute('lang')).toBe('da');
  await page.getByRole('link', { name: 'Tilbage til administrationen' }).waitFor();
  // Dressed as the admin site: its stylesheet applied (the dark header band), the tenant named in the header.
  const header = page.locator('header.admin-header');
  expect(await header.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(34, 49, 63)');
  expect(await header.textContent()).toContain(tenant.name);
  await expectAccessible(page);
});

it('says so in Swedish on a Swedish tenant', async () => {
  const swedish = await createTestTenant({ country: 'SE' });
  const page = await browser.newPage();
  await page.goto(platform.url(swedish.adminHost, '/temporal/namespaces/tingvalla/workflows'));
  await loginThroughTestIdp(page, /Birgitta Sjöberg/);
  await page.getByRole('heading', { level: 1, name: 'Du har inte behörighet till den här sidan' }).waitFor();
  expect(await page.locator('html').getAttribute('lang')).toBe('sv');
  await page.getByRole('link', { name: 'Tillbaka till administrationen' }).click();
  await page.waitForURL((url) => url.pathname === '/');
  await expectAccessible(page);
});
