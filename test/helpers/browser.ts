// Debian's Chromium driven by playwright-core (never a downloaded browser), with axe-core run on every page.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { testServices } from './env';

export interface TestBrowser {
  browser: Browser;
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<TestBrowser> {
  const browser = await chromium.launch({
    executablePath: testServices().chromiumPath,
    headless: true,
    // As root and without internet: no sandbox, and none of Chromium's background calls home.
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    // playwright gives every launch a fresh, throwaway user-data dir of its own.
  });
  const contexts: BrowserContext[] = [];
  return {
    browser,
    async newPage() {
      const context = await browser.newContext({ locale: 'en-GB' });
      contexts.push(context);
      const page = await context.newPage();
      page.on('pageerror', (err) => {
        throw err;
      });
      return page;
    },
    async close() {
      for (const c of contexts) await c.close();
      await browser.close();
    },
  };
}

/** Fails with the list of WCAG 2.1 A/AA violations axe-core finds on the page as it is now. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const violations = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect({ url: page.url(), violations }).toEqual({ url: page.url(), violations: [] });
}

/**
 * The window's title, once it is `expected` (or contains it, with `{ contains: true }`), else fails saying what it is.
 * Pages set their title in an effect after they render, so their heading can be up a moment before the title.
 */
export async function expectTitle(page: Page, expected: string, { contains = false, ms = 5_000 } = {}): Promise<void> {
  const matches = (title: string) => (contains ? title.includes(expected) : title === expected);
  const until = Date.now() + ms;
  let title = await page.title();
  while (!matches(title) && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 50));
    title = await page.title();
  }
  if (contains) expect(title).toContain(expected);
  else expect(title).toBe(expected);
}

/**
 * Logs in through the local test IdP as a person would: the site sends the browser to the IdP, the tester
 * picks a synthetic person and a level, the IdP posts back. The IdP's login page is checked with axe too.
 */
export async function loginThroughTestIdp(page: Page, personLabel: RegExp, assurance: 'Low' | 'Substantial' | 'High' = 'Substantial'): Promise<void> {
  await page.waitForURL(/idp\.localhost/);
  await page.getByRole('heading', { name: /Test IdP/ }).waitFor();
  await expectAccessible(page);
  await page.getByLabel(personLabel).check();
  await page.getByLabel('Level of assurance').selectOption({ label: assurance });
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL((url) => !url.hostname.startsWith('idp.'));
}

/** Moves focus with the Tab key alone until `target` has it (as a keyboard user would), or fails. */
export async function tabTo(page: Page, target: ReturnType<Page['locator']>, maxPresses = 250): Promise<void> {
  await target.waitFor();
  const count = await target.count();
  if (count !== 1) throw new Error(`${target.toString()} matches ${count} elements`);
  for (let i = 0; i < maxPresses; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

/**
 * With SCREENS=before|after, writes a full-page screenshot to docs/screens/<name>-<SCREENS>.png (the README's
 * "Screens" links them); otherwise nothing, so ordinary runs leave the tree as it was.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  const when = process.env.SCREENS;
  if (!when) return;
  const dir = join(__dirname, '..', '..', 'docs', 'screens');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}-${when}.png`), fullPage: true });
}
