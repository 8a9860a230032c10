// The sign-up wizard in Chromium at 360 px on a Danish tenant (DKFDS, MitID) and a Swedish one (neutral theme,
// BankID), axe-core on every page: a task link's page → "choose this task" → the privacy statement → contact
// details and diet → the e-ID login through the test IdP (what was typed survives the round trip) → the check →
// the receipt (its PDF downloads) → consent given. An under-18 citizen and one of another municipality go the same
// way and are refused with the reason in words; nothing is written for them. No page is wider than the phone's
// screen, and no page shows an English sentence of the module's texts, or a key.
import type { BrowserContext, Page } from 'playwright-core';
import { QueryTypes } from 'sequelize';
import daPublic from '../../public-ui/src/modules/election/locales/da.json';
import enPublic from '../../public-ui/src/modules/election/locales/en.json';
import svPublic from '../../public-ui/src/modules/election/locales/sv.json';
import { expectAccessible, launchBrowser, loginThroughTestIdp, screenshot, type TestBrowser } from '../helpers/browser';
import { englishOrKeys } from '../helpers/untranslated';
import { createTestTenant, ownerDb, suiteDatabase, type TestTenant } from '../helpers/factories';
import { request } from '../helpers/http';
import { startTestPlatform } from '../helpers/platform';
import { startEmployeeSession, testAdministrator } from '../helpers/sessions';
import { createForm, publishForm } from '../../engine/commands/forms';
import { electionFixture, insertSlots, type ElectionFixture } from './assignment-fixtures';

const q = <T extends object>(sql: string, bind: unknown[] = []) => ownerDb().query<T>(sql, { bind, type: QueryTypes.SELECT });

suiteDatabase();
let platform: Awaited<ReturnType<typeof startTestPlatform>>;
let browser: TestBrowser;
const DATE = '2028-06-01';
const problems: string[] = [];

interface Tenant {
  tenant: TestTenant;
  linkPath: string;
  f: ElectionFixture;
}

const COUNTRIES = {
  DK: { texts: daPublic, locale: 'da-DK', login: daPublic.signup.loginMitId, adult: /Agnes Jensen/, adultName: 'Agnes', minor: /Ellen Jensen/, minorName: 'Ellen', turns18: '17. april 2030', away: /Maude Varnæs/, awayName: 'Maude' },
  SE: { texts: svPublic, locale: 'sv-SE', login: svPublic.signup.loginBankId, adult: /Anna Lindqvist/, adultName: 'Anna', minor: /Maja Lindqvist/, minorName: 'Maja', turns18: '4 mars 2033', away: /Lars Berg/, awayName: 'Lars' },
} as const;
type CountryCase = (typeof COUNTRIES)[keyof typeof COUNTRIES];
const tenants: Partial<Record<keyof typeof COUNTRIES, Tenant>> = {};

/** A tenant with an active election on DATE (the assignment fixture's), vacant slots, two diets, the consent statement as privacy statement, and a tasks link. */
async function tenantWithLink(country: 'DK' | 'SE'): Promise<Tenant> {
  const tenant = await createTestTenant({ country, builtinForms: true });
  const f: ElectionFixture = await electionFixture(tenant.id);
  await q('UPDATE elections SET election_day = $2, first_task_date = $2, last_task_date = $2, active = true WHERE id = $1', [f.electionId, DATE]);
  await insertSlots(f, 3, f.taskTypes.valgstyrer, f.workLocations[0], DATE);
  await insertSlots(f, 2, f.taskTypes.morgenvagt, f.workLocations[1], DATE);
  await q("INSERT INTO special_diets (tenant_id, name) VALUES ($1, 'Vegetar'), ($1, 'Glutenfri')", [tenant.id]);
  const [form] = await q<{ id: string }>("SELECT id FROM form_definitions WHERE tenant_id = $1 AND kind = 'consentStatement' LIMIT 1", [tenant.id]);
  await q('INSERT INTO election_site (tenant_id, privacy_form_id, consent_enabled) VALUES ($1, $2, true)', [tenant.id, form!.id]);
  const admin = await startEmployeeSession(platform.identity, tenant.id, ['administrator']);
  const res = await request(platform.port, tenant.adminHost, 'POST', `/api/election/elections/${f.electionId}/links`, { headers: admin.headers, json: { kind: 'tasks', filters: {} } });
  expect(res.status).toBe(201);
  return { tenant, linkPath: new URL(res.json<{ url: string }>().url).pathname, f };
}

beforeAll(async () => {
  platform = await startTestPlatform([], { TEST_IDP: 'on' });
  [tenants.DK, tenants.SE] = await Promise.all([tenantWithLink('DK'), tenantWithLink('SE')]);
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

async function phone(c: CountryCase): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.browser.newContext({ locale: c.locale, viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  page.on('pageerror', (err) => {
    throw err;
  });
  return { context, page };
}

async function check(page: Page, c: CountryCase, name: string): Promise<void> {
  await expectAccessible(page);
  problems.push(...(await englishOrKeys(page, enPublic, c.texts)).map((p) => `${c.locale} ${name}: ${p}`));
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await screenshot(page, `${c.locale.slice(0, 2)}-signup-${name}`);
}

/** From the link's page through the wizard to the e-ID login and back to the check. */
async function throughWizard(page: Page, c: CountryCase, t: Tenant, person: RegExp, details: { phone: string; email: string }): Promise<void> {
  const S = c.texts.signup;
  await page.goto(platform.url(t.tenant.publicHost, t.linkPath));
  await page.getByRole('link', { name: new RegExp(`^${S.choose} Valgstyrer`) }).click();
  await page.getByRole('heading', { level: 1, name: S.heading }).waitFor();
  await page.getByRole('heading', { level: 2, name: S.steps.privacy }).waitFor();
  await page.getByLabel(S.privacyRead).waitFor();
  await check(page, c, 'privacy');
  await page.getByLabel(S.privacyRead).check();
  await page.getByRole('button', { name: S.next }).click();

  await page.getByRole('heading', { level: 2, name: S.steps.details }).waitFor();
  await page.getByLabel(S.phone).fill(details.phone);
  await page.getByLabel(S.email).fill(details.email);
  await page.getByLabel('Vegetar').check();
  await check(page, c, 'details');
  await page.getByRole('button', { name: S.next }).click();

  await page.getByRole('heading', { level: 2, name: S.steps.login }).waitFor();
  await check(page, c, 'login');
  await page.getByRole('link', { name: c.login }).click();
  await loginThroughTestIdp(page, person);
  // Back in the wizard, at the check, with what was typed before the login.
  await page.getByRole('heading', { level: 2, name: S.steps.check }).waitFor();
  await page.getByText(details.phone).waitFor();
  await page.getByText(details.email).waitFor();
  await page.getByText('Vegetar').waitFor();
  await check(page, c, 'check');
}

describe.each(['DK', 'SE'] as const)('the sign-up wizard at 360 px on a %s tenant', (country) => {
  const c = COUNTRIES[country];
  const S = c.texts.signup;

  it('link → wizard → e-ID → receipt (and its PDF) → consent', async () => {
    const t = tenants[country]!;
    const { context, page } = await phone(c);
    const email = `${c.adultName.toLowerCase()}@example.org`;
    await throughWizard(page, c, t, c.adult, { phone: '+45 20 00 00 09', email });
    await page.getByRole('button', { name: S.submit }).click();
    await page.getByRole('heading', { level: 2, name: S.steps.receipt }).waitFor();
    const receipt = page.getByTestId('signup-receipt');
    await receipt.getByText('Valgstyrer').waitFor();
    await receipt.getByText('Skolen').waitFor();
    await check(page, c, 'receipt');
    // What was typed is no longer kept in the browser.
    expect(await page.evaluate(() => JSON.stringify(sessionStorage))).not.toContain(email);
    const [held] = await q<{ id: string; state: string }>('SELECT s.id, s.state FROM task_slots s JOIN participants p ON p.id = s.participant_id WHERE p.tenant_id = $1 AND p.given_name = $2', [t.tenant.id, c.adultName]);
    expect(held?.state).toBe('accepted');
    const href = await page.getByRole('link', { name: S.pdf }).getAttribute('href');
    expect(href).toBe(`/api/election/public/my-tasks/${held!.id}/receipt.pdf`);
    // Fetched as the page's own link would be (the session's cookie with it).
    const pdf = await page.evaluate(async (url) => {
      const res = await fetch(url);
      const head = new Uint8Array(await res.arrayBuffer()).slice(0, 5);
      return [res.status, res.headers.get('content-type'), String.fromCharCode(...head)];
    }, href!);
    expect(pdf).toEqual([200, 'application/pdf', '%PDF-']);

    await page.getByRole('button', { name: S.consentYes }).click();
    await page.getByText(S.consentGiven).waitFor();
    await check(page, c, 'consent');
    // At desktop width too: the receipt, axe-clean, no sideways scrolling.
    await page.setViewportSize({ width: 1280, height: 900 });
    await receipt.getByText('Valgstyrer').waitFor();
    await expectAccessible(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
    const [consents] = await q<{ n: string }>('SELECT count(*) AS n FROM consent_records c JOIN users u ON u.id = c.user_id WHERE u.tenant_id = $1 AND u.display_name LIKE $2', [t.tenant.id, `${c.adultName} %`]);
    expect(Number(consents!.n)).toBe(1);
    await context.close();
  });

  it('an under-18 citizen is refused with the reason in words; nothing is written for them', async () => {
    const t = tenants[country]!;
    const { context, page } = await phone(c);
    await throughWizard(page, c, t, c.minor, { phone: '+45 30 00 00 01', email: 'minor@example.org' });
    await page.getByRole('button', { name: S.submit }).click();
    const refusal = page.getByTestId('signup-refusal');
    await refusal.getByRole('heading', { name: S.notEligibleHeading }).waitFor();
    // The reason with the day the person turns 18, in the tenant's language.
    await refusal.getByText(S.reasons.under18.split('{{date}}')[0]!, { exact: false }).waitFor();
    expect(await refusal.textContent()).toContain(c.turns18);
    await check(page, c, 'refused');
    expect(await q('SELECT id FROM participants WHERE tenant_id = $1 AND given_name = $2', [t.tenant.id, c.minorName])).toEqual([]);
    await context.close();
  });

  it('a citizen of another municipality is refused with the reason in words', async () => {
    const t = tenants[country]!;
    const { context, page } = await phone(c);
    await throughWizard(page, c, t, c.away, { phone: '+45 30 00 00 02', email: 'away@example.org' });
    await page.getByRole('button', { name: S.submit }).click();
    const refusal = page.getByTestId('signup-refusal');
    await refusal.getByRole('heading', { name: S.notEligibleHeading }).waitFor();
    await refusal.getByText(S.reasons.notResident).waitFor();
    await check(page, c, 'refused-resident');
    expect(await q('SELECT id FROM participants WHERE tenant_id = $1 AND given_name = $2', [t.tenant.id, c.awayName])).toEqual([]);
    await context.close();
  });
});

describe('a task type with an extra field, on the Danish tenant', () => {
  const c = COUNTRIES.DK;
  const S = c.texts.signup;
  const LABEL = 'T-shirt-størrelse';

  beforeAll(async () => {
    const t = tenants.DK!;
    const ctx = { tenantId: t.tenant.id, actor: testAdministrator(t.tenant.id) };
    const { id } = await createForm(platform.db, ctx, {
      name: 'Tolkens felter',
      draft: {
        schemaVersion: 1,
        kind: 'taskTypeFields',
        title: { da: 'Oplysninger til tolke' },
        schema: { type: 'object', required: ['shirtSize'], properties: { shirtSize: { type: 'string', minLength: 1, maxLength: 10 } } },
        translations: { da: { shirtSize: { label: LABEL } } },
      },
    });
    await publishForm(platform.db, ctx, id);
    const [tolk] = await q<{ id: string }>("INSERT INTO task_types (tenant_id, title, short_name, start_time, end_time, fields_form_id) VALUES ($1, 'Tolk', 'TO', '10:00', '11:00', $2) RETURNING id", [t.tenant.id, id]);
    await insertSlots(t.f, 1, tolk!.id, t.f.workLocations[0], DATE);
  });

  it('the wizard asks it after the contact details, checks it before going on, and the answer reaches the database', async () => {
    const t = tenants.DK!;
    const { context, page } = await phone(c);
    await page.goto(platform.url(t.tenant.publicHost, t.linkPath));
    await page.getByRole('link', { name: new RegExp(`^${S.choose} Tolk`) }).click();
    await page.getByRole('heading', { level: 2, name: S.steps.privacy }).waitFor();
    await page.getByLabel(S.privacyRead).check();
    await page.getByRole('button', { name: S.next }).click();
    await page.getByRole('heading', { level: 2, name: S.steps.details }).waitFor();
    await page.getByLabel(S.email).fill('mads@example.org');
    await page.getByRole('button', { name: S.next }).click();

    // The task type's form, in Danish, in the platform's renderer: not answered, it does not go on.
    await page.getByRole('heading', { level: 2, name: 'Oplysninger til tolke' }).waitFor();
    await page.getByLabel(LABEL).waitFor();
    await check(page, c, 'task-fields');
    await page.getByRole('button', { name: S.next }).click();
    await page.locator('#signup-taskFields-error-summary').waitFor();
    expect(await page.getByRole('heading', { level: 2, name: S.steps.login }).count()).toBe(0);
    await expectAccessible(page);
    await page.getByLabel(LABEL).fill('XL');
    await page.getByRole('button', { name: S.next }).click();

    await page.getByRole('heading', { level: 2, name: S.steps.login }).waitFor();
    await page.getByRole('link', { name: c.login }).click();
    await loginThroughTestIdp(page, /Mads Skjern/);
    await page.getByRole('heading', { level: 2, name: S.steps.check }).waitFor();
    await page.getByRole('button', { name: S.submit }).click();
    await page.getByRole('heading', { level: 2, name: S.steps.receipt }).waitFor();
    await page.getByTestId('signup-receipt').getByText('Tolk').waitFor();
    expect(await q('SELECT s.task_fields FROM task_slots s JOIN participants p ON p.id = s.participant_id JOIN task_types tt ON tt.id = s.task_type_id WHERE p.tenant_id = $1 AND tt.title = $2', [t.tenant.id, 'Tolk'])).toEqual([{ task_fields: { shirtSize: 'XL' } }]);
    // The answer is no longer kept in the browser.
    expect(await page.evaluate(() => JSON.stringify(sessionStorage))).not.toContain('shirtSize');
    await context.close();
  });
});

describe('every page visited', () => {
  it('shows no English sentence of the module’s texts, and no key', () => {
    expect(problems).toEqual([]);
  });
});
