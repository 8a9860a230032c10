// No page of either site shows an untranslated key or an English sentence in Danish or Swedish (issue 13): a
// walk over every page of both sites on a Danish and a Swedish tenant compares the visible text with the
// English locale files (each English text that differs from the page language's own) and with the locale keys
// themselves (a key shown as text). axe-core on every page as well.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expectAccessible, launchBrowser, loginThroughTestIdp, type TestBrowser } from '../helpers/browser';
import { createTestTenant, suiteDatabase, type TestTenant } from '../helpers/factories';
import { request } from '../helpers/http';
import { startTestPlatform } from '../helpers/platform';
import { startEmployeeSession } from '../helpers/sessions';

type Texts = Record<string, unknown>;

/** Every text of an app (its own locale files and its modules'), by dotted key. */
function textsOf(app: string, lang: string): Map<string, string> {
  const folders = [join(app, 'src', 'locales'), ...(existsSync(join(app, 'src', 'modules')) ? readdirSync(join(app, 'src', 'modules')).map((m) => join(app, 'src', 'modules', m, 'locales')) : [])];
  const out = new Map<string, string>();
  const walk = (node: unknown, prefix: string) => {
    if (typeof node === 'string') out.set(prefix, node);
    else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) walk(v, prefix ? `${prefix}.${k}` : k);
  };
  for (const folder of folders) if (existsSync(join(folder, `${lang}.json`))) walk(JSON.parse(readFileSync(join(folder, `${lang}.json`), 'utf8')) as Texts, '');
  return out;
}

/**
 * The English sentences that must not appear on a page in `lang`: texts of five words or more (short words such
 * as "Status" are the same in several languages), where the page language's text for the key differs; the
 * parts around `{{placeholders}}` are checked separately.
 */
function englishSentences(app: string, lang: string): string[] {
  const en = textsOf(app, 'en');
  const own = textsOf(app, lang);
  const sentences = new Set<string>();
  for (const [key, text] of en) {
    if (own.get(key) === text) continue;
    for (const part of text.split(/\{\{[^}]+\}\}|\n/).map((p) => p.trim())) if (part.split(/\s+/).length >= 5) sentences.add(part);
  }
  return [...sentences];
}

/** Locale keys that would show as text: `flows.diagram.heading`-like words that are keys of the app. */
function keysShown(app: string, text: string): string[] {
  const keys = new Set(textsOf(app, 'en').keys());
  return [...text.matchAll(/\b[a-z][A-Za-z]+(?:\.[a-zA-Z]+){1,4}\b/g)].map((m) => m[0]).filter((w) => keys.has(w));
}

suiteDatabase();
let platform: Awaited<ReturnType<typeof startTestPlatform>>;
let browser: TestBrowser;

beforeAll(async () => {
  platform = await startTestPlatform([], { TEST_IDP: 'on' });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

async function checkPage(page: Page, app: 'admin-ui' | 'public-ui', lang: 'da' | 'sv', path: string): Promise<string[]> {
  await page.waitForLoadState('networkidle');
  await page.locator('main').first().waitFor();
  const text = await page.locator('body').innerText();
  await expectAccessible(page);
  return [...englishSentences(app, lang).filter((s) => text.includes(s)).map((s) => `${path}: English "${s}"`), ...keysShown(app, text).map((k) => `${path}: key ${k}`)];
}

describe.each([
  ['da', 'DK', /Lauritz Jensen/],
  ['sv', 'SE', /Birgitta Sjöberg/],
] as const)('%s', (lang, country, employee) => {
  let tenant: TestTenant;
  let ids: { form: string; flow: string };

  beforeAll(async () => {
    tenant = await createTestTenant({ country, builtinForms: true });
    const session = await startEmployeeSession(platform.identity, tenant.id, ['administrator']);
    const get = async <T>(path: string) => (await request(platform.port, tenant.adminHost, 'GET', path, { headers: session.headers })).json<T>();
    const forms = (await get<{ forms: { id: string; kind: string }[] }>('/api/forms')).forms;
    const flows = (await get<{ flows: { id: string; key: string }[] }>('/api/flows')).flows;
    ids = { form: forms.find((f) => f.kind === 'eService')!.id, flow: flows.find((f) => f.key === 'application')!.id };
  });

  it('shows no English sentence and no key on the public site', async () => {
    const page = await browser.newPage();
    const found: string[] = [];
    for (const path of ['/', '/contact', '/profile', `/forms/${ids.form}`, '/no-such-page']) {
      await page.goto(platform.url(tenant.publicHost, path));
      found.push(...(await checkPage(page, 'public-ui', lang, path)));
    }
    await page.close();
    expect(found).toEqual([]);
  });

  it('shows no English sentence and no key on the admin site', async () => {
    const page = await browser.newPage();
    await page.goto(platform.url(tenant.adminHost, '/'));
    await loginThroughTestIdp(page, employee);
    const found: string[] = [];
    for (const path of ['/', '/audit-log', '/forms', `/forms/${ids.form}`, `/forms/${ids.form}/submissions`, '/flows', `/flows/${ids.flow}`, '/flow-instances', '/tasks', '/messages', '/outbox', '/settings/contact', '/petitions/moderation', '/petitions', '/no-such-page']) {
      await page.goto(platform.url(tenant.adminHost, path));
      found.push(...(await checkPage(page, 'admin-ui', lang, path)));
    }
    await page.close();
    expect(found).toEqual([]);
  });
});
