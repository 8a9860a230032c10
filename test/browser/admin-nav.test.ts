// The admin navigation in Chromium (issue 13): grouped into a two-level list that stays one column at 1280 px
// (its top-level items share one left edge), every page reached from it by keyboard alone, in Danish and
// Swedish, axe-clean.
import type { Page } from 'playwright-core';
import { closeOwnerDb, createTestTenant } from '../helpers/factories';
import { expectAccessible, launchBrowser, loginThroughTestIdp, type TestBrowser } from '../helpers/browser';
import { startTestPlatform } from '../helpers/platform';

let platform: Awaited<ReturnType<typeof startTestPlatform>>;
let browser: TestBrowser;

beforeAll(async () => {
  platform = await startTestPlatform([], { TEST_IDP: 'on' });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await platform?.stop();
  await closeOwnerDb();
});

/** The navigation's links in the order Tab reaches them, starting from the top of the page. */
async function tabThroughNav(page: Page): Promise<string[]> {
  await page.locator('body').focus();
  const reached: string[] = [];
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement;
      return el?.closest('nav.admin-nav') && el instanceof HTMLAnchorElement ? el.getAttribute('href') : null;
    });
    if (focused) reached.push(focused);
    else if (reached.length) break;
  }
  return reached;
}

describe.each([
  { country: 'DK' as const, person: /Lauritz Jensen/, heading: 'Administration for', groups: ['Formularer og processer', 'Log og indstillinger', 'Borgerforslag', 'Valgbemanding'], instances: 'Igangværende sager' },
  { country: 'SE' as const, person: /Birgitta Sjöberg/, heading: 'Administration för', groups: ['Formulär och processer', 'Logg och inställningar', 'E-förslag', 'Valbemanning'], instances: 'Pågående ärenden' },
])('on a $country tenant', ({ country, person, heading, groups, instances }) => {
  let page: Page;

  beforeAll(async () => {
    const tenant = await createTestTenant({ country });
    page = await browser.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(platform.url(tenant.adminHost, '/'));
    await loginThroughTestIdp(page, person);
    await page.getByRole('heading', { name: new RegExp(heading) }).waitFor();
  });

  it('groups the pages and keeps the top level in one column at 1280 px', async () => {
    const nav = page.getByRole('navigation', { name: 'Administration' });
    expect(await nav.locator('.admin-nav-group-title').allTextContents()).toEqual(groups);
    for (const group of groups) expect(await nav.getByRole('list', { name: group }).getByRole('link').count()).toBeGreaterThan(1);
    const boxes = await nav.locator('.admin-nav-top > li').evaluateAll((items) => items.map((li) => li.getBoundingClientRect()).map((r) => ({ left: r.left, top: r.top, bottom: r.bottom })));
    // The overview and the groups (the platform's two, the petitions').
    expect(boxes.length).toBe(groups.length + 1);
    // One column: one left edge, each item below the one before.
    expect(new Set(boxes.map((b) => Math.round(b.left))).size).toBe(1);
    for (let i = 1; i < boxes.length; i++) expect(boxes[i]!.top).toBeGreaterThanOrEqual(boxes[i - 1]!.bottom);
    // And no link wraps inside its column: each is one line high.
    const heights = await nav.getByRole('link').evaluateAll((links) => links.map((a) => a.getClientRects().length));
    expect(heights.every((n) => n === 1)).toBe(true);
    await expectAccessible(page);
  });

  it('reaches every page from the menu by keyboard', async () => {
    const links = await page.getByRole('navigation', { name: 'Administration' }).getByRole('link').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(await tabThroughNav(page)).toEqual(links);
    // Enter on a link opens its page.
    await page.getByRole('link', { name: instances }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: instances }).waitFor();
    await expectAccessible(page);
  });
});
