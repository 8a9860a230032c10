// A citizen fills a published form in Chromium: the conditional field appears only when it should, errors
// are announced in a summary that links to each field, the server stores the answers with their version;
// version 2 later leaves the first answers readable against version 1. axe-core on every state.
import { QueryTypes } from 'sequelize';
import type { Page } from 'playwright-core';
import { createForm, publishForm, saveFormDraft } from '../../engine/commands/forms';
import { listSubmissions } from '../../engine/queries/forms';
import { expectAccessible, launchBrowser, loginThroughTestIdp, type TestBrowser } from '../helpers/browser';
import { createTestTenant, ownerDb, suiteDatabase, type TestTenant } from '../helpers/factories';
import { startTestPlatform } from '../helpers/platform';
import { testAdministrator } from '../helpers/sessions';
import { signupDraft } from '../fixtures/signup-form';

suiteDatabase();
let platform: Awaited<ReturnType<typeof startTestPlatform>>;
let browser: TestBrowser;
let tenant: TestTenant;
let formId: string;
let page: Page;

beforeAll(async () => {
  tenant = await createTestTenant();
  platform = await startTestPlatform([], { TEST_IDP: 'on' });
  const ctx = { tenantId: tenant.id, actor: testAdministrator(tenant.id) };
  formId = (await createForm(platform.db, ctx, { name: 'Valgstyrere', draft: signupDraft() })).id;
  await publishForm(platform.db, ctx, formId);
  browser = await launchBrowser();
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

it('shows the form in Danish with required fields marked in text, and no party field yet', async () => {
  await page.goto(platform.url(tenant.publicHost, `/forms/${formId}`));
  await page.getByRole('heading', { level: 1, name: 'Tilmelding som valgstyrer' }).waitFor();
  await page.getByLabel('Navn (skal udfyldes)').waitFor();
  expect(await page.getByLabel('Parti').count()).toBe(0);
  await expectAccessible(page);
});

it('announces errors in a focused summary whose links lead to the fields', async () => {
  await page.getByLabel('E-mail').fill('ikke-en-adresse');
  await page.getByRole('button', { name: 'Send' }).click();
  const summary = page.getByRole('alert');
  await summary.getByRole('heading', { name: 'Der er problemer med dine svar' }).waitFor();
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('root-error-summary');
  expect(await summary.getByRole('link').allTextContents()).toEqual(['Navn: skal udfyldes', 'E-mail: skal være en gyldig e-mailadresse']);
  await summary.getByRole('link', { name: 'E-mail: skal være en gyldig e-mailadresse' }).click();
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('root_email');
  const describedBy = await page.getByLabel('E-mail').getAttribute('aria-describedby');
  expect(await page.locator(`[id="${describedBy!.split(' ')[0]}"]`).textContent()).toMatch(/gyldig e-mailadresse/);
  await expectAccessible(page);
});

it('shows the party field only for members, and the server stores the answers with version 1', async () => {
  await page.getByLabel('Navn (skal udfyldes)').fill('Karen Jensen');
  await page.getByLabel('E-mail').fill('karen@example.dk');
  await page.getByRole('group', { name: 'Er du medlem af et parti?' }).getByLabel('Ja').check();
  await page.getByLabel('Parti (skal udfyldes)').fill('Venstre');
  await page.getByRole('group', { name: 'Er du medlem af et parti?' }).getByLabel('Nej').check();
  expect(await page.getByLabel(/^Parti/).count()).toBe(0);
  await page.getByRole('group', { name: 'Er du medlem af et parti?' }).getByLabel('Ja').check();
  await page.getByLabel(/^Parti/).fill('Venstre');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Send' }).click();
  await page.getByRole('heading', { name: 'Tak – vi har modtaget dine svar' }).waitFor();
  await expectAccessible(page);
  const rows = await ownerDb().query<{ version: number }>('SELECT version FROM form_submissions WHERE tenant_id = $1', { bind: [tenant.id], type: QueryTypes.SELECT });
  expect(rows).toEqual([{ version: 1 }]);
});

it('keeps the first answers against version 1 after version 2 is published', async () => {
  const ctx = { tenantId: tenant.id, actor: testAdministrator(tenant.id) };
  const v2 = signupDraft();
  v2.translations.da.name = { label: 'Fulde navn' };
  await saveFormDraft(platform.db, ctx, formId, v2);
  await publishForm(platform.db, ctx, formId);
  await page.goto(platform.url(tenant.publicHost, `/forms/${formId}`));
  await page.getByLabel('Fulde navn (skal udfyldes)').waitFor();
  const first = await listSubmissions(platform.identity, testAdministrator(tenant.id), formId, { version: 1, limit: 10, offset: 0 });
  expect(first.submissions.map((s) => [s.version, s.answers?.name, s.answers?.party])).toEqual([[1, 'Karen Jensen', 'Venstre']]);
});

describe('the renderer’s test page with every supported field type', () => {
  for (const [country, lang, label] of [
    ['DK', 'da', 'Kort tekst (skal udfyldes)'],
    ['SE', 'sv', 'Kort text (obligatoriskt)'],
  ] as const) {
    it(`renders every field type labelled and accessible (${country} theme)`, async () => {
      const t = country === 'DK' ? tenant : await createTestTenant({ country: 'SE' });
      const p = await browser.newPage();
      await p.goto(platform.url(t.publicHost, '/forms/showcase'));
      await p.getByLabel(label).waitFor();
      expect(await p.locator('html').getAttribute('lang')).toBe(lang);
      // One labelled control per field: text-like inputs, a textarea, radios, checkboxes.
      const counts: Record<string, number> = {};
      for (const type of ['text', 'email', 'tel', 'date', 'number']) counts[type] = await p.locator(`input[type="${type}"]`).count();
      expect(counts).toEqual({ text: 6, email: 1, tel: 2, date: 1, number: 1 });
      expect(await p.locator('textarea').count()).toBe(1);
      expect(await p.locator('input[type="radio"]').count()).toBe(5); // three options + yes/no
      expect(await p.locator('input[type="checkbox"]').count()).toBe(4); // three choices + consent
      await expectAccessible(p);
      await p.getByRole('button').filter({ hasText: /Send|Skicka/ }).click();
      await p.getByRole('alert').waitFor();
      await expectAccessible(p);
      await p.close();
    });
  }
});

describe('consent statements', () => {
  it('a logged-in citizen gives consent through the built-in statement, sees it on the profile and withdraws it', async () => {
    const t = await createTestTenant({ builtinForms: true });
    const [statement] = await ownerDb().query<{ id: string }>("SELECT id FROM form_definitions WHERE tenant_id = $1 AND builtin = 'consent-statement.dk.json'", { bind: [t.id], type: QueryTypes.SELECT });
    const p = await browser.newPage();
    await p.goto(platform.url(t.publicHost));
    await p.getByRole('link', { name: 'Log ind' }).click();
    await loginThroughTestIdp(p, /Agnes Jensen/, 'High');
    await p.getByRole('heading', { name: 'Min profil' }).waitFor();
    await p.getByText('Du har ikke givet samtykke til noget her.').waitFor();

    await p.goto(platform.url(t.publicHost, `/forms/${statement!.id}`));
    await p.getByRole('heading', { level: 1, name: 'Samtykkeerklæring' }).waitFor();
    // The statement's markdown text is shown above the form.
    await p.locator('.consent-text').getByRole('heading', { level: 2, name: 'Samtykke' }).waitFor();
    expect(await p.locator('.consent-text').textContent()).toContain('trække dit samtykke tilbage');
    await p.getByLabel(/^Jeg har læst og accepterer/).check();
    await p.getByLabel('Gem mine oplysninger til næste valg').check();
    await expectAccessible(p);
    await p.getByRole('button', { name: 'Send' }).click();
    await p.getByRole('heading', { name: 'Tak – vi har modtaget dine svar' }).waitFor();

    await p.goto(platform.url(t.publicHost, '/profile'));
    await p.getByRole('heading', { name: 'Mine samtykker' }).waitFor();
    await p.getByText(/^Givet til version 1 den /).waitFor();
    await expectAccessible(p);
    await p.getByRole('button', { name: 'Træk samtykket til Samtykkeerklæring tilbage' }).click();
    await p.getByText('Dit samtykke til Samtykkeerklæring er trukket tilbage.').waitFor();
    await p.getByText(/Trukket tilbage den /).waitFor();
    await p.close();
  });
});
