// The admin site in Chromium: shell, audit log with filters and paging, contact settings with errors, axe-core.
import { testAdministrator } from '../helpers/sessions';
import { updateContactInfo } from '../../engine/commands/update-contact-info';
import type { Page } from 'playwright-core';
import { closeOwnerDb, createTestTenant, type TestTenant } from '../helpers/factories';
import { expectAccessible, launchBrowser, loginThroughTestIdp, type TestBrowser } from '../helpers/browser';
import { startTestPlatform } from '../helpers/platform';

let platform: Awaited<ReturnType<typeof startTestPlatform>>;
let browser: TestBrowser;
let tenant: TestTenant;
let page: Page;

beforeAll(async () => {
  tenant = await createTestTenant({ country: 'SE' });
  platform = await startTestPlatform([], { TEST_IDP: 'on' });
  browser = await launchBrowser();
  // 30 changes, so the audit log has two pages of 25.
  const ctx = { tenantId: tenant.id, actor: testAdministrator(tenant.id) };
  for (let i = 0; i < 30; i++) await updateContactInfo(platform.db, ctx, { email: 'a@b.se', phone: '+46 123 456 78', address: `Storgatan ${i}` });
});

afterAll(async () => {
  await browser?.close();
  await platform?.stop();
  await closeOwnerDb();
});

it('sends an anonymous visitor to the municipal SSO and back into the admin shell, audited', async () => {
  page = await browser.newPage();
  await page.goto(platform.url(tenant.adminHost, '/'));
  await loginThroughTestIdp(page, /Birgitta Sjöberg/);
  await page.getByRole('heading', { name: `Administration för ${tenant.name}` }).waitFor();
  expect(await page.locator('.admin-user').textContent()).toBe('Birgitta Sjöberg');
  await page.goto(platform.url(tenant.adminHost, '/audit-log?action=session.loggedIn'));
  await page.getByText('1 rad', { exact: true }).waitFor();
});

it('shows the admin shell with the tenant name, navigation and language switch', async () => {
  await page.goto(platform.url(tenant.adminHost));
  await page.getByRole('heading', { name: `Administration för ${tenant.name}` }).waitFor();
  expect(await page.getByRole('navigation', { name: 'Administration' }).getByRole('link').allTextContents()).toEqual(['Översikt', 'Formulär', 'Processer', 'Pågående ärenden', 'Uppgifter', 'Meddelanden', 'Utkorg (utveckling)', 'Granskningslogg', 'Kontaktuppgifter', 'API-referens', 'Moderering', 'Alla förslag', 'Bemanningsöversikt', 'Val', 'Deltagare', 'Avböjda uppgifter', 'Uppgiftslänkar', 'Export och listor', 'Radering efter val', 'Gruppmeddelanden', 'Registerkontroll', 'Inställningar']);
  await expectAccessible(page);
  await page.getByLabel('Språk').selectOption('da');
  await page.getByRole('heading', { name: `Administration for ${tenant.name}` }).waitFor();
  expect(await page.getAttribute('html', 'lang')).toBe('da');
  await page.getByLabel('Sprog').selectOption('en');
  await page.getByRole('heading', { name: `Administration of ${tenant.name}` }).waitFor();
  // The choice is remembered in this browser; back to the tenant's language for the tests that follow.
  await page.getByLabel('Language').selectOption('sv');
  await page.getByRole('heading', { name: `Administration för ${tenant.name}` }).waitFor();
});

it('keeps its own styling for a Danish tenant too (no public theme in the admin site)', async () => {
  const dk = await createTestTenant({ country: 'DK' });
  const dkPage = await browser.newPage();
  await dkPage.goto(platform.url(dk.adminHost));
  await loginThroughTestIdp(dkPage, /Lauritz Jensen/);
  const page = dkPage;
  await page.getByRole('heading', { name: `Administration for ${dk.name}` }).waitFor();
  expect(await page.locator('link[href*="dkfds"]').count()).toBe(0);
  expect(await page.locator('.admin-tenant').evaluate((e) => getComputedStyle(e).color)).toBe('rgb(255, 255, 255)');
  await expectAccessible(page);
});

it('pages and filters the audit log and shows the chain is intact', async () => {
  await page.goto(platform.url(tenant.adminHost, '/audit-log'));
  // tenant.created, 30 changes and the login
  await page.getByText('32 rader', { exact: true }).waitFor();
  expect(await page.getByRole('status').textContent()).toMatch(/Kedjan är hel \(32 rader kontrollerade\)/);
  expect(await page.locator('tbody tr').count()).toBe(25);
  expect(await page.getByText('Sida 1 av 2').count()).toBe(1);
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Nästa sida' }).click();
  await page.getByText('Sida 2 av 2').waitFor();
  expect(await page.locator('tbody tr').count()).toBe(7);
  // Actions in words, summaries as readable pairs: no key, no JSON (issue 13).
  expect(await page.locator('tbody tr').last().textContent()).toContain('Kommun skapad');
  // Who acted, in words: the platform created the tenant (not `system:platform`), the administrator changed the contact.
  expect(await page.locator('tbody tr').last().locator('td').nth(2).textContent()).toBe('Plattformen (system)');
  const rows = (await page.locator('tbody').textContent()) ?? '';
  expect(rows).not.toMatch(/[{}]|tenant\.\w+|session\.\w+/);
  expect(rows).toContain('Kontaktuppgifter ändrade');

  // The action filter offers the actions in words.
  await page.getByLabel('Åtgärd').selectOption({ label: 'Kommun skapad' });
  await page.getByRole('button', { name: 'Filtrera' }).click();
  await page.getByText('1 rad', { exact: true }).waitFor();
  expect(new URL(page.url()).searchParams.get('action')).toBe('tenant.created');
  await expectAccessible(page);
});

it('edits contact details: errors are shown at each field and nothing is saved; a valid change is saved and audited', async () => {
  await page.goto(platform.url(tenant.adminHost, '/settings/contact'));
  const email = page.getByLabel('E-post');
  await email.fill('inte-en-adress');
  await page.getByRole('button', { name: 'Spara', exact: true }).click();
  await page.getByRole('alert').waitFor();
  expect(await email.getAttribute('aria-invalid')).toBe('true');
  const describedBy = await email.getAttribute('aria-describedby');
  expect(await page.locator(`#${describedBy}`).textContent()).toMatch(/format/);
  await expectAccessible(page);

  await email.fill('val@testby.se');
  await page.getByRole('textbox', { name: 'Adress (obligatoriskt)' }).fill('Stadshuset 1');
  await page.getByRole('button', { name: 'Spara', exact: true }).click();
  await page.getByText('Kontaktuppgifterna är sparade.').waitFor();
  await expectAccessible(page);

  const publicPage = await browser.newPage();
  await publicPage.goto(platform.url(tenant.publicHost, '/contact'));
  await publicPage.getByRole('link', { name: 'val@testby.se' }).waitFor();
  expect(await publicPage.getByText('Stadshuset 1').count()).toBe(1);

  await page.goto(platform.url(tenant.adminHost, '/audit-log?action=tenant.contactUpdated'));
  await page.getByText('31 rader', { exact: true }).waitFor();
});

it('writes the accessibility statement as its own page, which the public footer links', async () => {
  await page.goto(platform.url(tenant.adminHost, '/settings/contact'));
  await page.getByRole('heading', { level: 2, name: 'Tillgänglighetsredogörelse' }).waitFor();
  await page.getByLabel('På en egen sida här').check();
  await page.getByLabel('Text på svenska (markdown)').fill('Kommunen står bakom webbplatsen.\n\n## Rapportera brister\n\nSkriv till oss.');
  await page.getByRole('button', { name: 'Spara tillgänglighetsredogörelsen' }).click();
  await page.getByText('Tillgänglighetsredogörelsen är sparad.').waitFor();
  await expectAccessible(page);

  const publicPage = await browser.newPage();
  await publicPage.goto(platform.url(tenant.publicHost));
  await publicPage.getByRole('contentinfo').getByRole('link', { name: 'Tillgänglighetsredogörelse' }).click();
  await publicPage.getByRole('heading', { level: 2, name: 'Rapportera brister' }).waitFor();
  expect(new URL(publicPage.url()).pathname).toBe('/accessibility');
  await expectAccessible(publicPage);
});

it('answers an address it has no page for with 404 and its translated not-found page', async () => {
  const response = await page.goto(platform.url(tenant.adminHost, '/no-such-page'));
  expect(response!.status()).toBe(404);
  await page.getByRole('heading', { level: 1, name: 'Sidan finns inte' }).waitFor();
  for (const path of ['/audit-log', '/forms', '/settings/contact']) expect((await page.goto(platform.url(tenant.adminHost, path)))!.status()).toBe(200);
  await expectAccessible(page);
});

it('logs out: the session ends and the next visit goes back to the SSO', async () => {
  await page.goto(platform.url(tenant.adminHost));
  await page.getByRole('button', { name: 'Logga ut' }).click();
  await page.getByRole('heading', { name: 'Du är utloggad' }).waitFor();
  await expectAccessible(page);
  await page.goto(platform.url(tenant.adminHost, '/audit-log'));
  await page.waitForURL(/idp\.localhost/);
});
