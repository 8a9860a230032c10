// The e-petitions on the public site, in Chromium on a Danish (DKFDS) and a Swedish (neutral theme) tenant, at
// 1280 and 360 px, with axe-core on every page: the front page offers the service; a visitor proposes without
// logging in (the built-in petition form in the platform's renderer) and is told to check their e-mail; the
// confirmation link from the development outbox confirms once and is unknown the second time; an administrator
// returns the proposal through the API, and the edit link shows the message and resubmits the changed proposal;
// approved, the petition is in the list (filters, search, sort); a citizen logs in with e-ID from the petition,
// supports it by keyboard (the count goes to 1), a second vote from another window is refused in words,
// withdraws and supports again; a citizen of another municipality is told why they may not; the municipality's
// update is on the timeline with its PDF; a fourth proposal in an hour from one e-mail address is refused with
// the wait in words (429). Each page has its document title and its headings in order, no page scrolls sideways
// at 360 px. With SCREENS set, screenshots go to docs/screens/.
import type { Page } from 'playwright-core';
import { expectAccessible, expectTitle, launchBrowser, loginThroughTestIdp, screenshot, tabTo, type TestBrowser } from '../helpers/browser';
import { createTestTenant, suiteDatabase, type TestTenant } from '../helpers/factories';
import { request } from '../helpers/http';
import { startTestPlatform } from '../helpers/platform';
import { startEmployeeSession } from '../helpers/sessions';

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

const DANISH = {
  country: 'DK',
  lang: 'da',
  service: 'Borgerforslag',
  listHeading: 'Borgerforslag',
  propose: 'Stil et borgerforslag',
  submit: 'Send forslaget',
  sent: 'Tjek din e-mail',
  confirmed: 'Din e-mail er bekræftet',
  unknown: 'Linket virker ikke',
  editHeading: 'Ret dit borgerforslag',
  resubmit: 'Send det rettede forslag',
  resent: 'Dit forslag er sendt igen',
  search: 'Søg i borgerforslag',
  searchButton: 'Søg',
  sort: 'Sortér efter',
  answered: 'Besvarede',
  none: /Der er ingen borgerforslag/,
  login: 'Log ind med MitID for at støtte',
  vote: 'Støt forslaget',
  thanks: 'Tak – din støtte er talt med.',
  voted: 'Du støtter dette forslag.',
  already: /Du har allerede støttet dette forslag/,
  withdraw: 'Træk din støtte tilbage',
  withdrawn: 'Din støtte er trukket tilbage.',
  one: '1 støtte',
  zero: '0 støtter',
  notResident: /fordi du ifølge CPR ikke bor i kommunen/,
  chart: 'Vis tallene som tabel',
  update: 'Nyt fra kommunen',
  download: /^Hent Referat\.pdf \(PDF, \d+ KB\)$/,
  wait: /Prøv igen om \d+ minutter\. Dit forslag er ikke gemt\./,
  citizen: /Agnes Jensen/,
  outsider: /Maude Varnæs/,
  title: 'Flere bænke langs åen',
  better: 'Flere bænke og skraldespande langs åen',
  proposal: 'Kommunen bør sætte ti nye bænke op langs stien ved åen, så ældre kan hvile sig på turen.',
} as const;

const SWEDISH = {
  country: 'SE',
  lang: 'sv',
  service: 'E-förslag',
  listHeading: 'E-förslag',
  propose: 'Lämna ett e-förslag',
  submit: 'Skicka förslaget',
  sent: 'Titta i din e-post',
  confirmed: 'Din e-postadress är bekräftad',
  unknown: 'Länken fungerar inte',
  editHeading: 'Ändra ditt e-förslag',
  resubmit: 'Skicka det ändrade förslaget',
  resent: 'Ditt förslag är skickat igen',
  search: 'Sök bland e-förslag',
  searchButton: 'Sök',
  sort: 'Sortera efter',
  answered: 'Besvarade',
  none: /Inga e-förslag passar/,
  login: 'Logga in med BankID för att rösta',
  vote: 'Rösta på förslaget',
  thanks: 'Tack – din röst är räknad.',
  voted: 'Du har röstat på det här förslaget.',
  already: /Du har redan röstat på det här förslaget/,
  withdraw: 'Ta tillbaka din röst',
  withdrawn: 'Din röst är borttagen.',
  one: '1 röst',
  zero: '0 röster',
  notResident: /enligt folkbokföringen inte bor i kommunen/,
  chart: 'Visa siffrorna som tabell',
  update: 'Nytt från kommunen',
  download: /^Hämta Referat\.pdf \(PDF, \d+ KB\)$/,
  wait: /Försök igen om \d+ minuter\. Ditt förslag är inte sparat\./,
  citizen: /Anna Lindqvist/,
  outsider: /Lars Berg/,
  title: 'Fler bänkar längs ån',
  better: 'Fler bänkar och papperskorgar längs ån',
  proposal: 'Kommunen borde sätta upp tio nya bänkar längs stigen vid ån så att äldre kan vila under promenaden.',
} as const;

/** Nothing wider than the window: the page does not scroll sideways. */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const widths = await page.evaluate(() => ({ url: location.pathname, scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect({ url: widths.url, tooWide: widths.scroll > widths.client ? widths.scroll : false }).toEqual({ url: widths.url, tooWide: false });
}

/** Headings go down one level at a time from a single h1. */
async function expectHeadingsInOrder(page: Page): Promise<void> {
  const levels = await page.evaluate(() => [...document.querySelectorAll('main h1, main h2, main h3, main h4, main h5, main h6')].map((h) => Number(h.tagName[1])));
  expect(levels.filter((l) => l === 1)).toHaveLength(1);
  const jumps = levels.filter((l, i) => i > 0 && l > levels[i - 1]! + 1);
  expect({ levels, jumps }).toEqual({ levels, jumps: [] });
}

async function waitFor<T>(what: string, read: () => Promise<T>, ok: (value: T) => boolean, ms = 30_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** The link (path and hash) to a page of `kind` in the newest e-mail to `to`. */
async function linkInMail(tenant: TestTenant, to: string, kind: 'confirm' | 'edit'): Promise<string> {
  const pattern = new RegExp(`https?://[^\\s/]+(/petitions/${kind}#[A-Za-z0-9_-]{43})`);
  const mails = await waitFor(`the ${kind} e-mail`, () => platform.outbox!.list(tenant.id), (m) => m.some((x) => x.to === to && pattern.test(x.text)));
  return pattern.exec(mails.find((x) => x.to === to && pattern.test(x.text))!.text)![1]!;
}

describe.each([
  ['Danish (DKFDS)', DANISH],
  ['Swedish (neutral theme)', SWEDISH],
] as const)('in %s', (_, text) => {
  let tenant: TestTenant;
  let admin: Record<string, string>;
  let petitionId: string;
  const email = `forslag.${text.lang}@example.org`;
  const adminCall = (method: string, path: string, json?: unknown) => request(platform.port, tenant.adminHost, method, path, { headers: admin, ...(json === undefined ? {} : { json }) });

  beforeAll(async () => {
    tenant = await createTestTenant({ country: text.country, builtinForms: true });
    admin = (await startEmployeeSession(platform.identity, tenant.id, ['administrator'])).headers;
  });

  it('offers the service on the front page; a visitor proposes without logging in and is told to check their e-mail', async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(platform.url(tenant.publicHost));
    await page.getByRole('link', { name: text.service, exact: true }).first().waitFor();
    await page.getByRole('main').getByRole('link', { name: text.service, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: text.listHeading }).waitFor();
    await expectTitle(page, `${text.listHeading} – ${tenant.name}`);
    await page.getByText(text.none).waitFor();
    await expectAccessible(page);
    await expectHeadingsInOrder(page);

    await page.getByRole('link', { name: text.propose }).click();
    await page.waitForURL('**/petitions/new');
    await page.locator('#root_title').waitFor();
    await expectTitle(page, `${text.propose} – ${tenant.name}`);
    await expectAccessible(page);
    await screenshot(page, `${text.lang}-petition-propose`);
    // Sent empty: the error summary takes the focus and names the fields.
    await page.getByRole('button', { name: text.submit }).click();
    await page.locator('.error-summary').waitFor();
    await expectAccessible(page);
    await page.locator('#root_title').fill(text.title);
    await page.locator('#root_proposal').fill(text.proposal);
    await page.locator('#root_proposerName').fill('Karen Madsen');
    await page.locator('#root_proposerEmail').fill(email);
    await page.getByRole('button', { name: text.submit }).click();
    await page.getByRole('heading', { level: 1, name: text.sent }).waitFor();
    await page.getByText(email).waitFor();
    await expectAccessible(page);
    await expectHeadingsInOrder(page);
    await page.close();
  });

  it('confirms from the e-mail’s link once; the used link is unknown after', async () => {
    const link = await linkInMail(tenant, email, 'confirm');
    const page = await browser.newPage();
    await page.goto(platform.url(tenant.publicHost, link));
    await page.getByRole('heading', { level: 1, name: text.confirmed }).waitFor();
    await expectAccessible(page);
    await page.close();
    // Used: a second visit (a fresh page, as from the e-mail again) finds the link unknown.
    const again = await browser.newPage();
    await again.goto(platform.url(tenant.publicHost, link));
    await again.getByRole('heading', { level: 1, name: text.unknown }).waitFor();
    await expectAccessible(again);
    await again.close();
  });

  it('returned by the moderator, the edit link shows the message and sends the changed proposal again', async () => {
    const res = await adminCall('GET', '/api/petitions/moderation');
    expect([res.status, res.text.slice(0, 300)]).toEqual([200, expect.any(String)]);
    petitionId = res.json<{ items: { id: string; title: string }[] }>().items.find((i) => i.title === text.title)!.id;
    expect((await adminCall('POST', `/api/petitions/${petitionId}/return`, { message: 'Skriv gerne, hvor mange bænke.' })).status).toBe(200);
    const link = await linkInMail(tenant, email, 'edit');
    const page = await browser.newPage();
    await page.goto(platform.url(tenant.publicHost, link));
    await page
      .getByRole('heading', { level: 1, name: text.editHeading })
      .waitFor({ timeout: 15_000 })
      .catch(async (err: Error) => {
        throw new Error(`${err.message}\n${page.url()}\n${await page.locator('main').innerText()}`);
      });
    await page.getByText('Skriv gerne, hvor mange bænke.').waitFor();
    const title = page.locator('#root_title');
    await title.waitFor();
    expect(await title.inputValue()).toBe(text.title);
    expect(await page.locator('#root_proposerEmail').inputValue()).toBe(email);
    await expectAccessible(page);
    await expectHeadingsInOrder(page);
    await title.fill(text.better);
    await page.getByRole('button', { name: text.resubmit }).click();
    await page.getByRole('heading', { level: 1, name: text.resent }).waitFor();
    await expectAccessible(page);
    await page.close();
  });

  it('approved, the petition is in the list, found by search and by its state', async () => {
    expect((await adminCall('POST', `/api/petitions/${petitionId}/approve`)).status).toBe(200);
    const page = await browser.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(platform.url(tenant.publicHost, '/petitions'));
    const card = page.getByRole('link', { name: text.better });
    await card.waitFor();
    await page.getByText(text.zero).first().waitFor();
    await expectAccessible(page);
    await screenshot(page, `${text.lang}-petition-list`);
    // Search and sort (by keyboard: the search field, then Enter).
    await page.getByLabel(text.search).fill('zzz-ingen');
    await page.getByLabel(text.search).press('Enter');
    await page.getByText(text.none).waitFor();
    await page.getByLabel(text.search).fill(text.better.split(' ')[0]!);
    await page.getByLabel(text.sort).selectOption('votes');
    await page.getByRole('button', { name: text.searchButton, exact: true }).click();
    await card.waitFor();
    expect(new URL(page.url()).searchParams.get('sort')).toBe('votes');
    // Another state: answered has none yet.
    await page.getByRole('link', { name: text.answered, exact: true }).click();
    await page.getByText(text.none).waitFor();
    expect(await page.getByRole('link', { name: text.answered, exact: true }).getAttribute('aria-current')).toBe('true');
    await expectAccessible(page);
    await page.goBack();
    await card.click();
    await page.waitForURL(`**/petitions/${petitionId}`);
    await page.getByRole('heading', { level: 1, name: text.better }).waitFor();
    await expectTitle(page, `${text.better} – ${tenant.name}`);
    await page.close();
  });

  it('a citizen logs in from the petition and supports it by keyboard; a second vote is refused in words; withdraws and supports again', async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(platform.url(tenant.publicHost, `/petitions/${petitionId}`));
    await page.getByRole('progressbar').waitFor();
    await expectAccessible(page);
    await expectHeadingsInOrder(page);
    await page.getByRole('link', { name: text.login }).click();
    await loginThroughTestIdp(page, text.citizen);
    await page.waitForURL(`**/petitions/${petitionId}`);
    const vote = page.getByRole('button', { name: text.vote });
    await vote.waitFor();
    await expectAccessible(page);

    // A second window of the same session, still showing the vote button.
    const other = await page.context().newPage();
    await other.goto(platform.url(tenant.publicHost, `/petitions/${petitionId}`));
    await other.getByRole('button', { name: text.vote }).waitFor();

    await tabTo(page, vote);
    await page.keyboard.press('Enter');
    await page.getByText(text.thanks).waitFor();
    await page.getByText(text.voted).waitFor();
    await page.locator('.petition-votes', { hasText: text.one }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(text.thanks);
    await page.getByText(text.chart).waitFor();
    await expectAccessible(page);
    await expectHeadingsInOrder(page);
    await screenshot(page, `${text.lang}-petition-voted`);

    await other.getByRole('button', { name: text.vote }).click();
    await other.getByText(text.already).waitFor();
    await other.getByText(text.voted).waitFor();
    await expectAccessible(other);
    await other.close();

    await page.getByRole('button', { name: text.withdraw }).click();
    await page.getByText(text.withdrawn).waitFor();
    await page.locator('.petition-votes', { hasText: text.zero }).waitFor();
    await page.getByRole('button', { name: text.vote }).click();
    await page.getByText(text.thanks).waitFor();
    await page.locator('.petition-votes', { hasText: text.one }).waitFor();
    // The chart's numbers as a table.
    await page.getByText(text.chart).click();
    await page.locator('.petition-chart-table tbody tr').first().waitFor();
    await expectAccessible(page);

    // At 360 px: every page of the module fits the width and passes axe.
    await page.setViewportSize({ width: 360, height: 740 });
    for (const path of ['/petitions', `/petitions/${petitionId}`, '/petitions/new', '/petitions/confirm', '/petitions/edit']) {
      await page.goto(platform.url(tenant.publicHost, path));
      await page.getByRole('heading', { level: 1 }).waitFor();
      if (path === '/petitions/new') await page.locator('#root_title').waitFor();
      if (path.includes(petitionId)) await page.getByText(text.voted).waitFor();
      await expectNoSidewaysScroll(page);
      await expectAccessible(page);
      await expectHeadingsInOrder(page);
    }
    await page.goto(platform.url(tenant.publicHost, `/petitions/${petitionId}`));
    await page.getByText(text.voted).waitFor();
    await screenshot(page, `${text.lang}-petition-360`);
    await page.close();
  });

  it('a citizen of another municipality is told why they may not vote', async () => {
    const page = await browser.newPage();
    await page.goto(platform.url(tenant.publicHost, `/petitions/${petitionId}`));
    await page.getByRole('link', { name: text.login }).click();
    await loginThroughTestIdp(page, text.outsider);
    await page.getByText(text.notResident).waitFor();
    expect(await page.getByRole('button', { name: text.vote }).count()).toBe(0);
    await expectAccessible(page);
    await page.close();
  });

  it('the municipality’s update is on the timeline with its PDF', async () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    const posted = await adminCall('POST', `/api/petitions/${petitionId}/updates`, { kind: 'update', text: 'Forslaget behandles i udvalget.', attachment: { name: 'Referat.pdf', data: pdf.toString('base64') } });
    expect(posted.status).toBeLessThan(300);
    const page = await browser.newPage();
    await page.goto(platform.url(tenant.publicHost, `/petitions/${petitionId}`));
    await page.getByRole('heading', { level: 3, name: text.update }).waitFor();
    await page.getByText('Forslaget behandles i udvalget.').waitFor();
    const link = page.getByRole('link', { name: text.download });
    const href = (await link.getAttribute('href'))!;
    const file = await request(platform.port, tenant.publicHost, 'GET', href);
    expect([file.status, file.headers['content-type'], file.text]).toEqual([200, 'application/pdf', pdf.toString('utf8')]);
    await expectAccessible(page);
    await expectHeadingsInOrder(page);
    await page.close();
  });

  it('too many proposals from one e-mail address in an hour: the wait is said in words, and nothing is stored', async () => {
    const busy = `flittig.${text.lang}@example.org`;
    const answers = { title: 'Et forslag mere', proposal: 'Et forslag, der er langt nok til at blive modtaget af kommunen.', proposerName: 'Flittig Borger', proposerEmail: busy };
    for (let i = 0; i < 3; i++) expect((await request(platform.port, tenant.publicHost, 'POST', '/api/petitions', { json: { answers } })).status).toBe(202);
    const page = await browser.newPage();
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(platform.url(tenant.publicHost, '/petitions/new'));
    await page.locator('#root_title').fill(answers.title);
    await page.locator('#root_proposal').fill(answers.proposal);
    await page.locator('#root_proposerName').fill(answers.proposerName);
    await page.locator('#root_proposerEmail').fill(busy);
    await page.getByRole('button', { name: text.submit }).click();
    await page.getByRole('alert').filter({ hasText: text.wait }).waitFor();
    expect(await page.locator('#root_title').inputValue()).toBe(answers.title);
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);
    await page.close();
  });
});
