// The public site in Chromium: each tenant's front and contact pages, language switch, theme, and axe-core.
import { closeOwnerDb, createTestTenant, type TestTenant } from '../helpers/factories';
import { expectAccessible, expectTitle, launchBrowser, loginThroughTestIdp, type TestBrowser } from '../helpers/browser';
import { startTestPlatform } from '../helpers/platform';

let platform: Awaited<ReturnType<typeof startTestPlatform>>;
let browser: TestBrowser;
let dk: TestTenant;
let se: TestTenant;

beforeAll(async () => {
  [dk, se] = await Promise.all([createTestTenant(), createTestTenant({ country: 'SE' })]);
  platform = await startTestPlatform([], { TEST_IDP: 'on' });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await platform?.stop();
  await closeOwnerDb();
});

it('shows a Danish tenant in Danish with the Danish design system, and switches to English', async () => {
  const page = await browser.newPage();
  await page.goto(platform.url(dk.publicHost));
  await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(`Velkommen til ${dk.name}`);
  expect(await page.getAttribute('html', 'lang')).toBe('da');
  // DKFDS's stylesheet is applied: its font family is IBM Plex Sans.
  expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toMatch(/IBM Plex Sans/);
  await expectAccessible(page);

  await page.getByLabel('Sprog').selectOption('en');
  await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(`Welcome to ${dk.name}`);
  expect(await page.getAttribute('html', 'lang')).toBe('en');
  await page.getByRole('link', { name: 'Contact', exact: true }).click();
  await page.getByRole('heading', { name: 'Contact' }).waitFor();
  expect(await page.getByRole('link', { name: `kontakt@${dk.slug}.example` }).count()).toBe(1);
  await expectTitle(page, `Contact – ${dk.name}`);
  await expectAccessible(page);

  // The choice is remembered on the next visit.
  await page.goto(platform.url(dk.publicHost));
  await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(`Welcome to ${dk.name}`);
});

it('shows a Swedish tenant in Swedish with the neutral theme', async () => {
  const page = await browser.newPage();
  await page.goto(platform.url(se.publicHost, '/contact'));
  await page.getByRole('heading', { name: 'Kontakt' }).waitFor();
  expect(await page.getAttribute('html', 'lang')).toBe('sv');
  expect(await page.getAttribute('html', 'data-theme')).toBe('neutral');
  expect(await page.getByText('E-post').count()).toBe(1);
  expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).not.toMatch(/IBM Plex/);
  await expectAccessible(page);
  await page.goto(platform.url(se.publicHost, '/no-such-page'));
  await page.getByRole('heading', { name: 'Sidan finns inte' }).waitFor();
  await expectAccessible(page);
});

it('shows a plain 404 page for an unknown host', async () => {
  const page = await browser.newPage();
  const response = await page.goto(platform.url('nobody.localhost'));
  expect(response?.status()).toBe(404);
  expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Not found');
  await expectAccessible(page);
});

it.each([
  ['DK', /Agnes Jensen/, 'Log ind', 'Min profil', 'Agnes Jensen', 'MitID', 'Log ud', '120578-****'],
  ['SE', /Anna Lindqvist/, 'Logga in', 'Min profil', 'Anna Lindqvist', 'Svensk e-legitimation', 'Logga ut', '19780512-****'],
] as const)('logs a citizen in with e-ID (%s), shows the profile, and logs out', async (country, person, login, heading, name, eid, logout, masked) => {
  const t = country === 'DK' ? dk : se;
  const page = await browser.newPage();
  await page.goto(platform.url(t.publicHost));
  await page.getByRole('link', { name: login }).click();
  await loginThroughTestIdp(page, person, 'High');
  await page.getByRole('heading', { name: heading }).waitFor();
  expect(new URL(page.url()).pathname).toBe('/profile');
  expect(await page.locator('dd').first().textContent()).toBe(name);
  expect(await page.getByText(eid, { exact: true }).count()).toBe(1);
  // The personal number only ever reaches the page masked.
  await page.getByText(masked, { exact: true }).waitFor();
  expect(await page.content()).not.toMatch(/1205784123|197805122384/);
  await expectAccessible(page);
  await page.getByRole('button', { name: logout }).click();
  await page.getByRole('link', { name: login }).waitFor();
  await page.goto(platform.url(t.publicHost, '/profile'));
  await page.getByRole('link', { name: login }).first().waitFor();
  expect(await page.locator('dd').count()).toBe(0);
});
