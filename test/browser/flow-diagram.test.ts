// The flow editor shows the process as a picture (issue 13): the statuses and rules of the application flow
// as a diagram in the page's language, kept in step with the draft; choosing a rule or a status in it — with
// the mouse or the keyboard — opens it in the side panel with focus, where the rule is edited: its sentence,
// its card and the picture follow, and the saved draft has the change. axe-core clean.
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

it('edits a rule chosen in the picture, in the side panel: the sentence, the card and the saved draft follow', async () => {
  await page.goto(platform.url(tenant.adminHost, `/flows/${flowId}`));
  const diagram = page.getByRole('region', { name: 'Processen som diagram' });
  await diagram.getByText('Regel: Kvittering og opgave til sagsbehandler').click();
  const panel = page.getByRole('complementary', { name: 'Valgt i diagrammet' });
  await panel.getByRole('heading', { name: 'Regel: Kvittering og opgave til sagsbehandler' }).waitFor();
  // The status the rule sets is chosen by its label from the flow's statuses, not typed as a key.
  const status = panel.locator('select[id$="_status"]');
  await status.waitFor();
  expect(await status.locator('option').allTextContents()).toEqual(['Modtaget', 'Afventer afgørelse', 'Godkendt', 'Afvist']);
  await status.selectOption({ label: 'Godkendt' });
  const card = page.locator('#rule-card-receive .rule-summary');
  await expect(card.textContent()).resolves.toContain('sæt status til “Godkendt”');
  await expect(panel.locator('.rule-summary').textContent()).resolves.toContain('sæt status til “Godkendt”');
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Gem kladde' }).click();
  await page.getByRole('status').filter({ hasText: 'Kladden er gemt' }).waitFor();
  const session = await startEmployeeSession(platform.identity, tenant.id, ['administrator']);
  const { draft } = (await request(platform.port, tenant.adminHost, 'GET', `/api/flows/${flowId}`, { headers: session.headers })).json<{ draft: { rules: { id: string; then: { action: string; config: { status?: string } }[] }[] } }>();
  const receive = draft.rules.find((r) => r.id === 'receive')!;
  expect(receive.then.find((a) => a.action === 'setStatus')!.config.status).toBe('approved');

  // Closing the panel gives focus back to the rule's card.
  await panel.getByRole('button', { name: 'Luk' }).click();
  await expect(page.evaluate(() => document.activeElement?.closest('li')?.id)).resolves.toBe('rule-card-receive');
});
