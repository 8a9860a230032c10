// The flow editor shows the process as a picture (issue 13): the statuses and rules of the application flow
// as a diagram in the page's language, kept in step with the draft; choosing a rule or a status in it — with
// the mouse or the keyboard — brings that rule's or status's editor into view with focus. axe-core clean.
import type { Page } from 'playwright-core';
import { expectAccessible, launchBrowser, loginThroughTestIdp, type TestBrowser } from '../helpers/browser';
import { createTestTenant, suiteDatabase, type TestTenant } from '../helpers/factories';
import { request } from '../helpers/http';
import { startTestPlatform } from '../helpers/platform';
import { startEmployeeSession } from '../helpers/sessions';

suiteDatabase();
let platform: Awaited<ReturnType<typeof startTestPlatform>>;
let browser: TestBrowser;
let tenant: TestTenant;
let page: Page;
let flowId: string;

beforeAll(async () => {
  tenant = await createTestTenant({ builtinForms: true });
  platform = await startTestPlatform([], { TEST_IDP: 'on' });
  const session = await startEmployeeSession(platform.identity, tenant.id, ['administrator']);
  const flows = (await request(platform.port, tenant.adminHost, 'GET', '/api/flows', { headers: session.headers })).json<{ flows: { id: string; key: string }[] }>().flows;
  flowId = flows.find((f) => f.key === 'application')!.id;
  browser = await launchBrowser();
  page = await browser.newPage();
  await page.goto(platform.url(tenant.adminHost, `/flows/${flowId}`));
  await loginThroughTestIdp(page, /Lauritz Jensen/);
});

afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

it('draws the statuses and rules in Danish and opens a rule’s editor from the picture, by mouse and keyboard', async () => {
  await page.goto(platform.url(tenant.adminHost, `/flows/${flowId}`));
  const diagram = page.getByRole('region', { name: 'Processen som diagram' });
  await diagram.waitFor();
  for (const status of ['Modtaget', 'Afventer afgørelse', 'Godkendt', 'Afvist']) await diagram.getByText(status, { exact: true }).waitFor();
  await expect(diagram.locator('.react-flow__edge').count()).resolves.toBeGreaterThanOrEqual(5);
  await page.getByText(/4 statusser og \d+ regler/).waitFor();

  // Mouse: the start rule's node opens the start rule's card.
  await diagram.getByText('Regel: Kvittering og opgave til sagsbehandler').click();
  await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('rule-receive');

  // Keyboard: Tab into the picture, to the node of the status "Godkendt", Enter.
  await diagram.locator('.react-flow__node').first().focus();
  for (let i = 0; i < 12 && !(await page.evaluate(() => document.activeElement?.textContent === 'Godkendt')); i++) await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('status-approved');
  await expectAccessible(page);
});
