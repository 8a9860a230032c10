// A citizen finds the services (issue 13), in Danish and Swedish, in Chromium with axe on every page: the front
// page lists the published e-services and leads to one by its readable address, where the form opens; the menu
// has the services page and My profile; an unknown path answers 404 with the translated not-found page; the
// footer links the accessibility statement (an address elsewhere, or its own page); and at 360 px no page
// scrolls sideways.
import type { Page } from 'playwright-core';
import { closeOwnerDb, createTestTenant, type TestTenant } from '../helpers/factories';
import { expectAccessible, launchBrowser, type TestBrowser } from '../helpers/browser';
import { request } from '../helpers/http';
import { startTestPlatform } from '../helpers/platform';
import { startEmployeeSession } from '../helpers/sessions';

let platform: Awaited<ReturnType<typeof startTestPlatform>>;
let browser: TestBrowser;
let dk: TestTenant;
let se: TestTenant;

const DANISH = {
  slug: 'ansoeg-om-tilskud-til-et-foreningsarrangement',
  title: 'Ansøg om tilskud til et foreningsarrangement',
  services: 'Selvbetjening',
  profile: 'Min profil',
  loginFirst: 'Log ind med MitID for at se din profil.',
  notFound: 'Siden findes ikke',
  statement: 'Tilgængelighedserklæring',
};
const SWEDISH = {
  slug: 'ansok-om-bidrag-till-ett-foreningsarrangemang',
  title: 'Ansök om bidrag till ett föreningsarrangemang',
  services: 'E-tjänster',
  profile: 'Min profil',
  loginFirst: 'Logga in med e-legitimation för att se din profil.',
  notFound: 'Sidan finns inte',
  statement: 'Tillgänglighetsredogörelse',
};

beforeAll(async () => {
  [dk, se] = await Promise.all([createTestTenant({ builtinForms: true }), createTestTenant({ country: 'SE', builtinForms: true })]);
  platform = await startTestPlatform();
  browser = await launchBrowser();
  // As the demo tenants have them: Korsbæk-like links the state's statement service, Småköping-like writes its own.
  for (const [tenant, statement] of [
    [dk, { url: 'https://www.was.digst.dk/testrup-dk' }],
    [se, { text: { sv: 'Testby kommun står bakom webbplatsen.\n\n## Rapportera brister\n\nSkriv till oss.' } }],
  ] as const) {
    const admin = await startEmployeeSession(platform.identity, tenant.id, ['administrator']);
    const saved = await request(platform.port, tenant.adminHost, 'PUT', '/api/settings/accessibility-statement', { json: statement, headers: admin.headers });
    expect(saved.status).toBe(200);
  }
});

afterAll(async () => {
  await browser?.close();
  await platform?.stop();
  await closeOwnerDb();
});

/** Nothing wider than the window: the page does not scroll sideways. */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const widths = await page.evaluate(() => ({ url: location.pathname, scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect({ url: widths.url, tooWide: widths.scroll > widths.client ? widths.scroll : false }).toEqual({ url: widths.url, tooWide: false });
}

describe.each([
  ['Danish', () => dk, DANISH],
  ['Swedish', () => se, SWEDISH],
] as const)('in %s', (_, tenant, text) => {
  it('the front page leads to the service by its readable address, and the form opens', async () => {
    const page = await browser.newPage();
    await page.goto(platform.url(tenant().publicHost));
    await page.getByRole('heading', { level: 2, name: text.services }).waitFor();
    await expectAccessible(page);
    await page.getByRole('link', { name: text.title }).click();
    await page.waitForURL(`**/forms/${text.slug}`);
    await page.getByRole('heading', { level: 1, name: text.title }).waitFor();
    await page.locator('form input').first().waitFor();
    await expectAccessible(page);
    // The uuid address keeps working.
    const id = (await request(platform.port, tenant().publicHost, 'GET', `/api/forms/by-slug/${text.slug}`)).json<{ id: string }>().id;
    await page.goto(platform.url(tenant().publicHost, `/forms/${id}`));
    await page.getByRole('heading', { level: 1, name: text.title }).waitFor();
  });

  it('the menu has the services page and My profile, which asks a visitor to log in', async () => {
    const page = await browser.newPage();
    await page.goto(platform.url(tenant().publicHost, '/contact'));
    const menu = page.getByRole('navigation', { name: /menu|meny/i });
    await menu.getByRole('link', { name: text.services }).click();
    await page.getByRole('heading', { level: 1, name: text.services }).waitFor();
    await page.getByRole('link', { name: text.title }).waitFor();
    await expectAccessible(page);
    await menu.getByRole('link', { name: text.profile }).click();
    await page.getByText(text.loginFirst).waitFor();
    expect(await menu.getByRole('link', { name: text.profile }).getAttribute('aria-current')).toBe('page');
    await expectAccessible(page);
  });

  it('an unknown path answers 404 with the translated not-found page; known pages answer 200', async () => {
    const page = await browser.newPage();
    const response = await page.goto(platform.url(tenant().publicHost, '/no-such-page/here'));
    expect(response!.status()).toBe(404);
    await page.getByRole('heading', { level: 1, name: text.notFound }).waitFor();
    await expectAccessible(page);
    for (const path of ['/', '/services', '/contact', '/profile', '/accessibility', `/forms/${text.slug}`, '/forms/showcase', '/my/submissions/00000000-0000-4000-8000-000000000000']) {
      expect([path, (await request(platform.port, tenant().publicHost, 'GET', path)).status]).toEqual([path, 200]);
    }
    for (const path of ['/nope', '/forms', '/forms/a/b', '/contact/more']) {
      expect([path, (await request(platform.port, tenant().publicHost, 'GET', path)).status]).toEqual([path, 404]);
    }
  });

  it('the footer links the accessibility statement, and no page scrolls sideways at 360 px', async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 360, height: 740 });
    for (const path of ['/', '/services', '/contact', '/profile', `/forms/${text.slug}`, '/no-such-page']) {
      await page.goto(platform.url(tenant().publicHost, path));
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.getByRole('contentinfo').getByRole('link', { name: text.statement }).waitFor();
      await page.getByRole('heading', { level: 1 }).waitFor();
      await expectNoSidewaysScroll(page);
    }
    // On a phone the menu is still there (the Danish design system would hide it behind a script this site does not load).
    const menu = page.getByRole('navigation', { name: /menu|meny/i });
    expect(await menu.isVisible()).toBe(true);
    await menu.getByRole('link', { name: text.services }).click();
    await page.getByRole('heading', { level: 1, name: text.services }).waitFor();
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);
    await page.getByRole('contentinfo').getByRole('link', { name: text.statement }).click();
    if (text === DANISH) {
      await page.waitForURL('https://www.was.digst.dk/**', { waitUntil: 'commit' }).catch(() => undefined);
    } else {
      await page.getByRole('heading', { level: 1, name: text.statement }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'Rapportera brister' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/accessibility');
      await expectNoSidewaysScroll(page);
      await expectAccessible(page);
    }
  });
});
