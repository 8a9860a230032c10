// The flow engine in Chromium (issue 6's "done means"): an administrator changes the caseworker reminder from
// 2 to 3 days, sees the preview change, publishes version 2; an application sent before keeps version 1 and
// one sent after runs version 2; the citizen's receipt arrives in the development outbox; the caseworker
// decides in the task inbox. axe-core on every page.
import type { Page } from 'playwright-core';
import { QueryTypes } from 'sequelize';
import { expectAccessible, launchBrowser, loginThroughTestIdp, type TestBrowser } from '../helpers/browser';
import { createTestTenant, ownerDb, suiteDatabase, type TestTenant } from '../helpers/factories';
import { request } from '../helpers/http';
import { startTestPlatform } from '../helpers/platform';

suiteDatabase();
let platform: Awaited<ReturnType<typeof startTestPlatform>>;
let browser: TestBrowser;
let tenant: TestTenant;
let admin: Page;
let formId: string;

beforeAll(async () => {
  tenant = await createTestTenant({ builtinForms: true });
  platform = await startTestPlatform([], { TEST_IDP: 'on' });
  browser = await launchBrowser();
  admin = await browser.newPage();
  await admin.goto(platform.url(tenant.adminHost, '/flows'));
  await loginThroughTestIdp(admin, /Lauritz Jensen/);
  const [form] = await ownerDb().query<{ id: string }>("SELECT id FROM form_definitions WHERE tenant_id = $1 AND builtin = 'application-form.json'", { bind: [tenant.id], type: QueryTypes.SELECT });
  formId = form!.id;
});

afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

/** The preview table's reminder rows, as days after the start. */
async function reminderDays(page: Page): Promise<number[]> {
  const cells = await page.locator('.preview-table tr[data-rule="remind-caseworker"] td:first-child').allTextContents();
  return cells.map(Number);
}

it('sends an application on version 1 before anything changes', async () => {
  const answers = { applicantName: 'Ruth Schmidt', applicantEmail: 'ruth@example.dk', association: 'Korsbæk Bridgeklub', amount: 800, purpose: 'Turnering i forsamlingshuset' };
  const res = await request(platform.port, tenant.publicHost, 'POST', `/api/forms/${formId}/versions/1/submissions`, { json: answers });
  expect(res.status).toBe(201);
});

it('changes the caseworker reminder from 2 to 3 days, sees the preview change, and publishes version 2', async () => {
  await admin.getByRole('heading', { name: 'Processer' }).waitFor();
  await expectAccessible(admin);
  await admin.getByRole('link', { name: 'Ansøgning' }).click();
  await admin.getByRole('heading', { level: 1, name: 'Ansøgning' }).waitFor();
  await admin.locator('.preview-table').waitFor({ state: 'attached' });
  expect(await reminderDays(admin)).toEqual(Array.from({ length: 15 }, (_, i) => 2 * (i + 1)));
  // The chart's axes are titled and its rows named in Danish.
  const chart = admin.locator('.timeline-chart');
  await chart.getByText('Dage efter start').waitFor();
  await chart.locator('.recharts-yAxis-tick-labels text').first().waitFor();
  // A tick's label may wrap into several lines (tspans): read each as words.
  const rows = await chart.locator('.recharts-yAxis-tick-labels text').evaluateAll((texts) => texts.map((t) => [...t.querySelectorAll('tspan')].map((s) => s.textContent).join(' ') || t.textContent));
  expect(rows).toEqual(['Status', 'Opgave oprettet', 'Handling', 'Afgørelse', 'Afsluttet']);
  await expectAccessible(admin);

  // The preview follows the parameter as it is typed, before anything is saved; out of bounds is said at the field.
  const reminder = admin.getByLabel('Dage mellem påmindelser til sagsbehandleren');
  await reminder.fill('0');
  await admin.getByText(/^Skal være 1–\d+ dage\.$/).waitFor();
  expect(await reminder.getAttribute('aria-invalid')).toBe('true');
  await reminder.fill('3');
  await admin.waitForFunction(() => document.querySelector('.preview-table tr[data-rule="remind-caseworker"] td')?.textContent === '3');
  expect(await reminderDays(admin)).toEqual(Array.from({ length: 15 }, (_, i) => 3 * (i + 1)));
  await admin.getByRole('button', { name: 'Gem kladde' }).click();
  await admin.getByRole('status').filter({ hasText: 'Kladden er gemt' }).waitFor();
  // Decided on day 6: one reminder on day 3 (the one due on day 6 comes after the decision of that moment).
  await admin.getByLabel('Scenarie').selectOption({ label: 'Opgaven “Træf afgørelse om ansøgningen” afgøres “Godkend” på dag 6' });
  await admin.waitForFunction(() => document.querySelectorAll('.preview-table tr[data-rule="remind-caseworker"]').length === 1);
  expect(await reminderDays(admin)).toEqual([3]);

  await admin.getByRole('button', { name: 'Udgiv' }).click();
  const confirmPublish = admin.getByRole('dialog', { name: 'Udgiv version 2?' });
  await confirmPublish.getByText('Nye sager starter på version 2').waitFor();
  await confirmPublish.getByRole('button', { name: 'Udgiv' }).click();
  await admin.getByRole('status').filter({ hasText: 'Udgivet som version 2' }).waitFor();
  await admin.getByRole('button', { name: 'Hvad er ændret i 2' }).click();
  await admin.getByRole('region', { name: 'Ændringer i version 2' }).getByText('Parameteren “Dage mellem påmindelser til sagsbehandleren”: standardværdi 2 → 3').waitFor();
  await expectAccessible(admin);
});

it('a citizen applies on the public site and gets the receipt by e-mail; the new application runs version 2', async () => {
  const citizen = await browser.newPage();
  await citizen.goto(platform.url(tenant.publicHost, `/forms/${formId}`));
  await citizen.getByLabel('Dit navn').fill('Agnes Jensen');
  await citizen.getByLabel('Din e-mail').fill('agnes@example.dk');
  await citizen.getByLabel('Forening').fill('Korsbæk Boldklub');
  await citizen.getByLabel('Beløb i kroner').fill('2500');
  await citizen.getByLabel('Hvad skal tilskuddet bruges til?').fill('Sommerfest i parken for hele byen');
  await expectAccessible(citizen);
  await citizen.getByRole('button', { name: 'Send' }).click();
  await citizen.getByRole('heading', { name: 'Tak – vi har modtaget dine svar' }).waitFor();
  const receipt = await citizen.locator('.alert-text').textContent();
  const reference = /([0-9A-F]{8})/.exec(receipt ?? '')![1]!;
  await expectAccessible(citizen);
  await citizen.close();

  await admin.getByRole('link', { name: 'Udbakke (udvikling)' }).click();
  await admin.getByRole('heading', { level: 1, name: 'Udbakke (udvikling)' }).waitFor();
  for (let i = 0; i < 50 && !(await admin.getByRole('heading', { name: `Vi har modtaget din ansøgning (${reference})` }).count()); i++) {
    await admin.waitForTimeout(200);
    await admin.reload();
  }
  const mail = admin.locator('.outbox-message').filter({ has: admin.getByRole('heading', { name: `Vi har modtaget din ansøgning (${reference})` }) });
  await mail.getByText('Til agnes@example.dk', { exact: false }).waitFor();
  await mail.getByText('Kære Agnes Jensen', { exact: false }).waitFor();
  await expectAccessible(admin);

  await admin.getByRole('link', { name: 'Igangværende sager' }).click();
  await admin.locator('.instances-table tbody tr').nth(1).waitFor();
  const versions = await admin.locator('.instances-table tbody tr td:nth-child(2)').allTextContents();
  expect(versions.sort()).toEqual(['1', '2']);
  // Statuses by their labels, the timeline's actions and messages in words: no internal key (issue 13).
  await admin.locator('.instances-table tbody tr').nth(1).getByText('Afventer afgørelse').waitFor();
  expect(await admin.locator('.instances-table tbody').textContent()).not.toMatch(/submitted|awaitingDecision|application\b/);
  await admin.locator('.instances-table tbody tr').first().getByRole('button', { name: 'Tidslinje' }).click();
  const timeline = admin.getByRole('region', { name: /Tidslinje for/ });
  await timeline.locator('ol li').first().waitFor();
  await timeline.getByText('Ansøgning modtaget', { exact: false }).first().waitFor();
  expect(await timeline.textContent()).not.toMatch(/submitted|awaitingDecision|notify|createTask|setStatus|application-received|\bemail\b|queued|\bsent\b|receive\b/);
  // The status filter offers the chosen flow's statuses by their labels.
  expect(await admin.getByLabel('Status', { exact: true }).isDisabled()).toBe(true);
  await admin.getByLabel('Proces', { exact: true }).selectOption({ label: 'Ansøgning' });
  await admin.getByLabel('Status', { exact: true }).selectOption({ label: 'Afventer afgørelse' });
  expect(new URL(admin.url()).searchParams.get('status')).toBe('awaitingDecision');
  await admin.locator('.instances-table tbody tr').nth(1).waitFor();
  await expectAccessible(admin);
});

it('the caseworker decides in the task inbox and the citizen is told', async () => {
  await admin.getByRole('link', { name: 'Opgaver', exact: true }).click();
  await admin.getByRole('heading', { level: 1, name: 'Opgaver' }).waitFor();
  const tasks = admin.locator('.task');
  await tasks.nth(1).waitFor();
  // The application is beside the decision: its answers by their labels, its reference and its history.
  const first = tasks.first();
  await first.locator('.answers').getByText('Ruth Schmidt').waitFor();
  await first.locator('.answers dt').filter({ hasText: 'Dit navn' }).waitFor();
  await first.locator('.task-history li').filter({ hasText: 'Afventer afgørelse' }).first().waitFor();
  const reference = (await first.locator('.task-application h3').textContent())!.replace('Ansøgning ', '');
  expect(await first.textContent()).not.toMatch(/awaitingDecision|application\b|notify|createTask/);
  await expectAccessible(admin);

  // A decision asks first and says what will happen; Escape (the focused Cancel, too) leaves it undecided.
  const approve = first.getByRole('button', { name: 'Godkend' });
  await approve.focus();
  await admin.keyboard.press('Enter');
  const dialog = admin.getByRole('dialog', { name: `Godkend ansøgning ${reference}?` });
  await dialog.waitFor();
  await dialog.getByText('kan ikke gøres om').waitFor();
  expect(await admin.evaluate(() => document.activeElement?.textContent)).toBe('Annuller');
  await expectAccessible(admin);
  await admin.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  expect(await admin.evaluate(() => document.activeElement?.textContent)).toBe('Godkend');
  expect(await tasks.count()).toBe(2);
  await admin.keyboard.press('Enter');
  await dialog.getByRole('button', { name: 'Godkend' }).click();
  await admin.getByRole('status').filter({ hasText: 'er afgjort; sagen har nu status “Godkendt”' }).waitFor();
  await admin.waitForFunction(() => document.querySelectorAll('.task').length === 1);

  // The decision's e-mail: wait for it through the outbox API (a loaded machine may take a while), then see it.
  const subjects = async () => admin.evaluate(async () => ((await (await fetch('/api/dev/outbox')).json()) as { messages: { subject: string }[] }).messages.map((m) => m.subject));
  for (let i = 0; i < 150 && !(await subjects()).some((s) => s.startsWith('Din ansøgning er godkendt')); i++) await admin.waitForTimeout(200);
  expect((await subjects()).filter((s) => s.startsWith('Din ansøgning er godkendt'))).toHaveLength(1);
  await admin.getByRole('link', { name: 'Udbakke (udvikling)' }).click();
  await admin.getByRole('heading', { name: /^E-mail: Din ansøgning er godkendt/ }).waitFor();

  await admin.getByRole('link', { name: 'Beskeder', exact: true }).click();
  await admin.getByRole('heading', { level: 1, name: 'Beskeder' }).waitFor();
  await admin.locator('.message-preview').waitFor();
  await expectAccessible(admin);
});
