// A citizen on a Swedish (neutral theme) site, in Chromium at desktop width and at 360 px: the form lays out
// label, help and input in that order; a logged-in person finds their name filled in; the receipt has its
// icon and leads on to what was sent and to the front page; "what you have sent" opens the answers; another
// person's id answers 404. axe-core on every page. With SCREENS=before|after it also writes screenshots to
// docs/screens/ (the README links them).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expectAccessible, launchBrowser, loginThroughTestIdp, screenshot, type TestBrowser } from '../helpers/browser';
import { createTestTenant, suiteDatabase, type TestTenant } from '../helpers/factories';
import { startTestPlatform } from '../helpers/platform';
import { testAdministrator } from '../helpers/sessions';
import { createForm, publishForm } from '../../engine/commands/forms';
import { signupDraft } from '../fixtures/signup-form';

suiteDatabase();
let platform: Awaited<ReturnType<typeof startTestPlatform>>;
let browser: TestBrowser;
let se: TestTenant;
let dk: TestTenant;
let formId: string;
let dkFormId: string;


/** The built-in application form, its name field marked as the person's name (`ui:autocomplete: name`). */
function applicationDraft() {
  const draft = JSON.parse(readFileSync(join(__dirname, '..', '..', 'forms', 'builtin', 'eservices', 'application-form.json'), 'utf8'));
  draft.uiSchema.applicantName = { 'ui:autocomplete': 'name' };
  return draft;
}

async function published(tenant: TestTenant, name: string, draft: unknown): Promise<string> {
  const ctx = { tenantId: tenant.id, actor: testAdministrator(tenant.id) };
  const { id } = await createForm(platform.db, ctx, { name, draft });
  await publishForm(platform.db, ctx, id);
  return id;
}

beforeAll(async () => {
  se = await createTestTenant({ country: 'SE' });
  dk = await createTestTenant({ country: 'DK' });
  platform = await startTestPlatform([], { TEST_IDP: 'on' });
  formId = await published(se, 'Bidrag', applicationDraft());
  dkFormId = await published(dk, 'Valgstyrere', signupDraft());
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

async function loggedIn(tenant: TestTenant, person: RegExp, login: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(platform.url(tenant.publicHost));
  await page.getByRole('link', { name: login }).click();
  await loginThroughTestIdp(page, person, 'High');
  await page.getByRole('heading', { name: 'Min profil' }).waitFor();
  return page;
}

/** Where the first element `selector` finds is drawn on the page. */
async function box(page: Page, selector: string) {
  const b = await page.locator(selector).first().boundingBox();
  if (!b) throw new Error(`${selector} is not shown`);
  return { top: b.y, bottom: b.y + b.height, left: b.x, height: b.height, width: b.width };
}

/** How far right anything in the page's main content reaches (the header and menu are another part's). */
async function widestInMain(page: Page): Promise<number> {
  return page.evaluate(() => Math.max(...[...document.querySelectorAll('main, main *')].map((e) => Math.ceil(e.getBoundingClientRect().right)), document.querySelector('main')!.scrollWidth));
}

/** A GET from the page itself (its origin, its session cookie), as the site's own code would send it. */
async function apiGet(page: Page, path: string): Promise<{ status: number; text: string }> {
  return page.evaluate(async (p) => {
    const r = await fetch(p);
    return { status: r.status, text: await r.text() };
  }, path);
}

const WIDTHS = [
  ['desktop', 1280],
  ['360 px', 360],
] as const;

let seSubmissionId: string;

describe('the Swedish form (neutral theme)', () => {
  for (const [name, width] of WIDTHS) {
    it(`lays out label, help and input in that order, with 44 px targets and no stray border (${name})`, async () => {
      const page = await browser.newPage();
      await page.setViewportSize({ width, height: 800 });
      await page.goto(platform.url(se.publicHost, `/forms/${formId}`));
      const email = page.getByLabel(/^Din e-post/);
      await email.waitFor();
      const label = await box(page, 'label[for="root_applicantEmail"]');
      const help = await box(page, '#root_applicantEmail__help');
      const input = await box(page, '#root_applicantEmail');
      expect(label.bottom).toBeLessThanOrEqual(help.top);
      expect(help.bottom).toBeLessThanOrEqual(input.top);
      // Each question on its own rows: the next label starts below this input.
      expect(input.bottom).toBeLessThanOrEqual((await box(page, 'label[for="root_association"]')).top);
      expect(input.height).toBeGreaterThanOrEqual(44);
      expect(input.left + input.width).toBeLessThanOrEqual(width);
      const button = await box(page, 'button[type="submit"]');
      expect(button.height).toBeGreaterThanOrEqual(44);
      expect(await page.locator('form fieldset').first().evaluate((el) => getComputedStyle(el).borderTopStyle)).toBe('none');
      expect(await widestInMain(page)).toBeLessThanOrEqual(width);
      await expectAccessible(page);
      if (width === 1280) await screenshot(page, 'sv-form');
      else await screenshot(page, 'sv-form-360');
      // An error is said between the help text and the input.
      await page.getByRole('button', { name: 'Skicka' }).click();
      await page.getByRole('alert').first().waitFor();
      const error = await box(page, '#root_applicantEmail__error');
      expect((await box(page, '#root_applicantEmail__help')).bottom).toBeLessThanOrEqual(error.top);
      expect(error.bottom).toBeLessThanOrEqual((await box(page, '#root_applicantEmail')).top);
      await expectAccessible(page);
      if (width === 1280) await screenshot(page, 'sv-form-errors');
      await page.close();
    });
  }
});

describe('a logged-in citizen (Swedish site)', () => {
  let page: Page;
  beforeAll(async () => {
    page = await loggedIn(se, /Anna Lindqvist/, 'Logga in');
  });
  afterAll(async () => page?.close());

  it('finds their name filled in from the e-ID, still editable', async () => {
    await page.goto(platform.url(se.publicHost, `/forms/${formId}`));
    const name = page.getByLabel(/^Ditt namn/);
    await name.waitFor();
    expect(await name.inputValue()).toBe('Anna Lindqvist');
    await name.fill('Anna M. Lindqvist');
    expect(await name.inputValue()).toBe('Anna M. Lindqvist');
    // Only the name: nothing else is guessed.
    expect(await page.getByLabel(/^Din e-post/).inputValue()).toBe('');
  });

  it('gets a receipt with its check mark and both next steps', async () => {
    await page.getByLabel(/^Din e-post/).fill('anna@example.se');
    await page.getByLabel(/^Förening/).fill('Småköpings schackklubb');
    await page.getByLabel(/^Belopp i kronor/).fill('2500');
    await page.getByLabel(/^Vad ska bidraget/).fill('Schackturnering i biblioteket för alla åldrar.');
    await page.getByRole('button', { name: 'Skicka' }).click();
    await page.getByRole('heading', { name: 'Tack – vi har tagit emot dina svar' }).waitFor();
    const icon = page.locator('.receipt .alert-icon');
    const size = await icon.boundingBox();
    expect(size!.width).toBeGreaterThan(0);
    expect(size!.height).toBeGreaterThan(0);
    expect(await icon.getAttribute('aria-hidden')).toBe('true');
    await page.getByRole('link', { name: 'Gå till startsidan' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'sv-receipt');
    await page.getByRole('link', { name: 'Se det du har skickat' }).click();
    await page.getByRole('heading', { level: 2, name: 'Dina svar' }).waitFor();
    seSubmissionId = new URL(page.url()).pathname.split('/').pop()!;
  });

  for (const [name, width] of WIDTHS) {
    it(`opens what they sent from "what you have sent" and reads the answers in Swedish (${name})`, async () => {
      await page.setViewportSize({ width, height: 800 });
      await page.goto(platform.url(se.publicHost, '/profile'));
      const table = page.getByRole('table', { name: 'Det här har du skickat' });
      await table.waitFor();
      // The caption repeats the heading right above it: screen readers only.
      expect((await box(page, 'table caption')).height).toBeLessThanOrEqual(1);
      expect(await widestInMain(page)).toBeLessThanOrEqual(width);
      await expectAccessible(page);
      if (width === 1280) await screenshot(page, 'sv-my-submissions');
      await table.getByRole('link', { name: 'Ansök om bidrag till ett föreningsarrangemang' }).click();
      await page.getByRole('heading', { level: 1, name: 'Ansök om bidrag till ett föreningsarrangemang' }).waitFor();
      const answers = page.locator('.answers-list .summary-row');
      expect(await answers.evaluateAll((rows) => rows.map((r) => [r.querySelector('dt')!.textContent, r.querySelector('dd')!.textContent]))).toEqual([
        ['Ditt namn', 'Anna M. Lindqvist'],
        ['Din e-post', 'anna@example.se'],
        ['Förening', 'Småköpings schackklubb'],
        ['Belopp i kronor', '2500'],
        ['Vad ska bidraget användas till?', 'Schackturnering i biblioteket för alla åldrar.'],
      ]);
      await page.getByText('Mottaget').waitFor();
      expect(new URL(page.url()).pathname).toBe(`/my/submissions/${seSubmissionId}`);
      expect(await widestInMain(page)).toBeLessThanOrEqual(width);
      await expectAccessible(page);
      if (width === 1280) await screenshot(page, 'sv-my-submission');
    });
  }

  it('another person gets 404 for it, on the page and from the API', async () => {
    const other = await loggedIn(se, /Erik Johansson/, 'Logga in');
    await other.goto(platform.url(se.publicHost, `/my/submissions/${seSubmissionId}`));
    const api = await apiGet(other, `/api/me/submissions/${seSubmissionId}`);
    expect(api.status).toBe(404);
    expect(api.text).not.toContain('Lindqvist');
    await other.getByRole('heading', { level: 1, name: 'Vi hittar det inte' }).waitFor();
    expect(await other.content()).not.toContain('schackklubb');
    await expectAccessible(other);
    // Nobody logged in: 404 from the API too, and the page offers the log-in.
    const anonymous = await browser.newPage();
    await anonymous.goto(platform.url(se.publicHost, `/my/submissions/${seSubmissionId}`));
    await anonymous.getByRole('link', { name: 'Logga in' }).first().waitFor();
    expect((await apiGet(anonymous, `/api/me/submissions/${seSubmissionId}`)).status).toBe(404);
    await other.close();
    await anonymous.close();
  });
});

describe('a logged-in citizen (Danish site)', () => {
  it('gets their name in the field named `name`, the receipt with its icon and links, and reads it back; the Swedish id is 404 here', async () => {
    const page = await loggedIn(dk, /Agnes Jensen/, 'Log ind');
    await page.setViewportSize({ width: 360, height: 800 });
    await page.goto(platform.url(dk.publicHost, `/forms/${dkFormId}`));
    const name = page.getByLabel('Navn (skal udfyldes)');
    await name.waitFor();
    expect(await name.inputValue()).toBe('Agnes Jensen');
    await page.getByLabel('E-mail').fill('agnes@example.dk');
    await page.getByRole('group', { name: 'Er du medlem af et parti?' }).getByLabel('Nej').check();
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByRole('heading', { name: 'Tak – vi har modtaget dine svar' }).waitFor();
    const icon = await page.locator('.receipt .alert-icon').boundingBox();
    expect(icon!.width).toBeGreaterThan(0);
    await page.getByRole('link', { name: 'Gå til forsiden' }).waitFor();
    await expectAccessible(page);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByRole('link', { name: 'Se det, du har sendt' }).click();
    await page.getByRole('heading', { level: 2, name: 'Dine svar' }).waitFor();
    expect(await page.locator('.answers-list dt').allTextContents()).toEqual(['Navn', 'E-mail', 'Telefon', 'Er du medlem af et parti?']);
    expect(await page.locator('.answers-list dd').allTextContents()).toEqual(['Agnes Jensen', 'agnes@example.dk', 'Ikke besvaret', 'Nej']);
    await expectAccessible(page);
    // Another tenant's id answers as a missing one.
    expect((await apiGet(page, `/api/me/submissions/${seSubmissionId}`)).status).toBe(404);
    await page.close();
  });
});

