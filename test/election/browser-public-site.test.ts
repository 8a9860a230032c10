// The election's public pages in Chromium, axe-core on every page, on a Danish (Korsbæk-like, the Danish design
// system) and a Swedish (Småköping-like, neutral theme) tenant with the demo election, each at 360 px and at
// desktop width: the site's menu leads to the election's front page at the tenant language's address (/valg,
// /val), which shows the active election and the municipality's text; the election's own menu leads to the FAQ,
// the privacy statement and the contact details, each at its Danish or Swedish address, and the English address
// shows the same page. Team tasks: anonymous, the page offers the e-ID login; logged in through the test IdP
// (MitID / BankID look-alike), a citizen in no team is told so, and a team member sees exactly the database's
// vacant, non-trusted tasks of the team, filtered by date, and once the team has a team link, the way to it (where a
// task is chosen). No page is wider than a phone's screen, and no page
// shows an English sentence of the module's texts, or a key.
import type { BrowserContext, Page } from 'playwright-core';
import { QueryTypes } from 'sequelize';
import daPublic from '../../public-ui/src/modules/election/locales/da.json';
import enPublic from '../../public-ui/src/modules/election/locales/en.json';
import svPublic from '../../public-ui/src/modules/election/locales/sv.json';
import { electionDemoData } from '../../engine/modules/election/demo';
import { expectAccessible, launchBrowser, loginThroughTestIdp, screenshot, type TestBrowser } from '../helpers/browser';
import { englishOrKeys, fill } from '../helpers/untranslated';
import { createTestTenant, ownerDb, suiteDatabase, type TestTenant } from '../helpers/factories';
import { request } from '../helpers/http';
import { startTestPlatform } from '../helpers/platform';
import { startEmployeeSession } from '../helpers/sessions';

const q = <T extends object>(sql: string, bind: unknown[] = []) => ownerDb().query<T>(sql, { bind, type: QueryTypes.SELECT });

suiteDatabase();
let platform: Awaited<ReturnType<typeof startTestPlatform>>;
let browser: TestBrowser;
let dk: TestTenant;
let se: TestTenant;
const problems: string[] = [];
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  [dk, se] = await Promise.all([createTestTenant({ country: 'DK', builtinForms: true }), createTestTenant({ country: 'SE', builtinForms: true })]);
  platform = await startTestPlatform([dk.id, se.id], { TEST_IDP: 'on' });
  const deps = { db: platform.db, keyring: platform.identity.keyring, ...(platform.registry ? { registry: platform.registry } : {}) };
  await electionDemoData(deps, dk.id, 'DK');
  await electionDemoData(deps, se.id, 'SE');
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await platform?.stop();
});

type Texts = typeof daPublic;

interface Case {
  lang: 'da' | 'sv';
  tenant: () => TestTenant;
  texts: Texts;
  width: number;
  paths: { home: string; faq: string; privacy: string; contact: string; teamTasks: string };
  /** The site's menu label (the platform's texts). */
  menuLabel: RegExp;
}

const DA: Omit<Case, 'width'> = { lang: 'da', tenant: () => dk, texts: daPublic, paths: { home: '/valg', faq: '/valg/spoergsmaal-og-svar', privacy: '/valg/privatlivspolitik', contact: '/valg/kontakt', teamTasks: '/valg/team-opgaver' }, menuLabel: /.+/ };
const SV: Omit<Case, 'width'> = { lang: 'sv', tenant: () => se, texts: svPublic as Texts, paths: { home: '/val', faq: '/val/vanliga-fragor', privacy: '/val/integritetspolicy', contact: '/val/kontakt', teamTasks: '/val/team-uppgifter' }, menuLabel: /.+/ };
const CASES: Case[] = [
  { ...DA, width: 360 },
  { ...DA, width: 1280 },
  { ...SV, width: 360 },
  { ...SV, width: 1280 },
];

async function open(c: Case): Promise<Page> {
  const context = await browser.browser.newContext({ locale: c.lang === 'da' ? 'da-DK' : 'sv-SE', viewport: { width: c.width, height: c.width < 600 ? 740 : 900 } });
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (err) => {
    throw err;
  });
  return page;
}

async function check(page: Page, c: Case, name: string): Promise<void> {
  await expectAccessible(page);
  problems.push(...(await englishOrKeys(page, enPublic, c.texts)).map((p) => `${c.lang}-${c.width} ${name}: ${p}`));
  if (c.width <= 360) expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(c.width);
  await screenshot(page, `${c.lang}-${c.width}-election-site-${name}`);
}

const electionNav = (page: Page, c: Case) => page.getByRole('navigation', { name: c.texts.site.navLabel, exact: true });
const h1 = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true });

describe.each(CASES)('the election’s pages ($lang, $width px)', (c) => {
  let page: Page;
  let site: { front_page: Record<string, string>; faq: { question: Record<string, string>; answer: Record<string, string> }[]; contact: { phone: string; email: string } };
  let election: { title: string };

  beforeAll(async () => {
    page = await open(c);
    [site] = (await q('SELECT front_page, faq, contact FROM election_site WHERE tenant_id = $1', [c.tenant().id])) as [typeof site];
    [election] = (await q('SELECT title FROM elections WHERE tenant_id = $1 AND active', [c.tenant().id])) as [typeof election];
  });

  it('the site’s menu leads to the front page at the tenant language’s address, with the election and its text', async () => {
    await page.goto(platform.url(c.tenant().publicHost, '/'));
    const menuLink = page.locator('nav.navigation-menu').getByRole('link', { name: c.texts.nav.home, exact: true });
    if (c.width > 600) expect(await menuLink.getAttribute('href')).toBe(c.paths.home);
    await page.goto(platform.url(c.tenant().publicHost, c.paths.home));
    await h1(page, c.texts.nav.home).waitFor();
    expect(new URL(page.url()).pathname).toBe(c.paths.home);
    await page.getByText(site.front_page[c.lang]!, { exact: true }).waitFor();
    const main = await page.innerText('main');
    expect(main).toContain(election.title);
    expect(main).toContain(site.front_page[c.lang]!);
    await check(page, c, 'front');
  });

  it('the election’s menu leads to the FAQ, the privacy statement and the contact details, each at its own address', async () => {
    await electionNav(page, c).getByRole('link', { name: c.texts.nav.faq, exact: true }).click();
    await h1(page, c.texts.nav.faq).waitFor();
    expect(new URL(page.url()).pathname).toBe(c.paths.faq);
    for (const entry of site.faq) await page.getByRole('heading', { level: 2, name: entry.question[c.lang], exact: true }).waitFor();
    expect(site.faq.length).toBeGreaterThan(0);
    await check(page, c, 'faq');

    await electionNav(page, c).getByRole('link', { name: c.texts.nav.privacy, exact: true }).click();
    await h1(page, c.texts.nav.privacy).waitFor();
    expect(new URL(page.url()).pathname).toBe(c.paths.privacy);
    await page.getByText(fill(c.texts.site.privacyVersion, { version: 1 }), { exact: true }).waitFor();
    expect((await page.innerText('main')).length).toBeGreaterThan(200);
    await check(page, c, 'privacy');

    await electionNav(page, c).getByRole('link', { name: c.texts.nav.contact, exact: true }).click();
    await h1(page, c.texts.nav.contact).waitFor();
    expect(new URL(page.url()).pathname).toBe(c.paths.contact);
    expect(await page.getByRole('link', { name: site.contact.phone, exact: true }).getAttribute('href')).toBe(`tel:${site.contact.phone.replace(/[^+\d]/g, '')}`);
    expect(await page.getByRole('link', { name: site.contact.email, exact: true }).getAttribute('href')).toBe(`mailto:${site.contact.email}`);
    await check(page, c, 'contact');
  });

  it('the English address shows the same page', async () => {
    await page.goto(platform.url(c.tenant().publicHost, '/election/faq'));
    await h1(page, c.texts.nav.faq).waitFor();
    await page.goto(platform.url(c.tenant().publicHost, '/election'));
    await h1(page, c.texts.nav.home).waitFor();
  });
});

describe.each([
  { ...DA, width: 360, person: /Agnes Jensen/, name: 'Agnes Jensen' },
  { ...SV, width: 1280, person: /Anna Lindqvist/, name: 'Anna Lindqvist' },
])('team tasks ($lang, $width px)', (c) => {
  let page: Page;
  let participantId = '';
  let teamId = '';
  const T = c.texts.teamTasks;

  beforeAll(async () => {
    page = await open(c);
  });

  it('offer the e-ID login to an anonymous visitor', async () => {
    await page.goto(platform.url(c.tenant().publicHost, c.paths.teamTasks));
    await h1(page, c.texts.nav.teamTasks).waitFor();
    await page.locator('main').getByRole('link', { name: T.login, exact: true }).waitFor();
    await check(page, c, 'team-tasks-anonymous');
  });

  it('logged in, a citizen in no team is told so', async () => {
    await page.locator('main').getByRole('link', { name: T.login, exact: true }).click();
    await loginThroughTestIdp(page, c.person);
    await h1(page, c.texts.nav.teamTasks).waitFor();
    expect(new URL(page.url()).pathname).toBe(c.paths.teamTasks);
    // The page's answer is in (the server links a participant of the login's personal number at that first call).
    await page.locator('[data-testid="no-teams"], [data-testid="team-tasks-total"]').first().waitFor();
    const [user] = await q<{ id: string }>("SELECT id FROM users WHERE tenant_id = $1 AND kind = 'citizen' AND display_name = $2 ORDER BY created_at DESC LIMIT 1", [c.tenant().id, c.name]);
    // The person is a participant (linked at first match, or made one here), in no team for now.
    const [linked] = await q<{ id: string }>('SELECT id FROM participants WHERE user_id = $1', [user!.id]);
    participantId = linked?.id ?? (await q<{ id: string }>('SELECT id FROM participants WHERE tenant_id = $1 AND user_id IS NULL ORDER BY id LIMIT 1', [c.tenant().id]))[0]!.id;
    await ownerDb().query('UPDATE participants SET user_id = $2 WHERE id = $1', { bind: [participantId, user!.id] });
    await ownerDb().query('DELETE FROM team_members WHERE participant_id = $1', { bind: [participantId] });
    await page.reload();
    await page.getByTestId('no-teams').waitFor();
    expect(await page.getByTestId('no-teams').textContent()).toBe(T.noTeams);
    await check(page, c, 'team-tasks-no-team');
  });

  it('a team member sees exactly the team’s vacant, non-trusted tasks, and filters them by date', async () => {
    [{ team_id: teamId }] = (await q<{ team_id: string }>(
      `SELECT s.team_id FROM task_slots s JOIN task_types tt ON tt.id = s.task_type_id
        WHERE s.tenant_id = $1 AND s.state = 'vacant' AND NOT tt.trusted GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`,
      [c.tenant().id],
    )) as [{ team_id: string }];
    await ownerDb().query('INSERT INTO team_members (tenant_id, team_id, participant_id) VALUES ($1, $2, $3)', { bind: [c.tenant().id, teamId, participantId] });
    const vacant = (extra = '', bind: unknown[] = []) =>
      q<{ title: string; date: string }>(
        `SELECT tt.title, s.task_date::text AS date FROM task_slots s JOIN task_types tt ON tt.id = s.task_type_id JOIN elections e ON e.id = s.election_id
          WHERE s.tenant_id = $1 AND e.active AND s.state = 'vacant' AND NOT tt.trusted AND s.team_id = $2 AND s.task_date >= current_date - 1 ${extra}`,
        [c.tenant().id, teamId, ...bind],
      );
    await page.reload();
    const total = page.getByTestId('team-tasks-total');
    await total.waitFor();
    const all = await vacant();
    const locale = c.lang === 'da' ? 'da-DK' : 'sv-SE';
    const totalText = (n: number) => fill(n === 1 ? c.texts.link.total_one : c.texts.link.total_other, { n: n.toLocaleString(locale) });
    expect(all.length).toBeGreaterThan(0);
    expect(await total.textContent()).toBe(totalText(all.length));
    const shown = await page.locator('[data-task-type]').evaluateAll((els) => els.map((el) => el.getAttribute('data-task-type')));
    expect(new Set(shown)).toEqual(new Set(all.map((v) => v.title)));
    const trusted = (await q<{ title: string }>('SELECT title FROM task_types WHERE tenant_id = $1 AND trusted', [c.tenant().id])).map((t) => t.title);
    expect(trusted.length).toBeGreaterThan(0);
    expect(shown.filter((s) => trusted.includes(s!))).toEqual([]);
    await check(page, c, 'team-tasks');

    const dates = [...new Set(all.map((v) => v.date))].sort();
    const date = dates[dates.length - 1]!;
    await page.getByLabel(T.date, { exact: true }).selectOption(date);
    await page.waitForURL((u) => u.searchParams.get('date') === date);
    const onDate = await vacant('AND s.task_date = $3::date', [date]);
    await total.filter({ hasText: totalText(onDate.length) }).waitFor();
    await page.locator(`h2#day-${date}`).waitFor();
    // Only that date's tasks (the list changes once the filtered answer is in).
    for (let i = 0; i < 50 && (await page.locator('main h2').count()) !== 1; i++) await page.waitForTimeout(100);
    expect(await page.locator('main h2').count()).toBe(1);
    expect(new Set(await page.locator('[data-task-type]').evaluateAll((els) => els.map((el) => el.getAttribute('data-task-type'))))).toEqual(new Set(onDate.map((v) => v.title)));
    await check(page, c, 'team-tasks-filtered');
    // The election's menu offers the team tasks to a logged-in person.
    expect(await electionNav(page, c).getByRole('link', { name: c.texts.nav.teamTasks, exact: true }).getAttribute('href')).toBe(c.paths.teamTasks);
    // … and my tasks; my team and my polling station only to those responsible for one (this person is neither).
    await electionNav(page, c).getByRole('link', { name: c.texts.nav.myTasks, exact: true }).waitFor();
    const links = await electionNav(page, c).getByRole('link').allInnerTexts();
    expect(links).not.toContain(c.texts.nav.myTeam);
    expect(links).not.toContain(c.texts.nav.myWorkLocation);
  });

  it('lead to the team’s link, where a task is chosen, once the team has one', async () => {
    const admin = await startEmployeeSession(platform.identity, c.tenant().id, ['administrator']);
    const [election] = await q<{ id: string }>('SELECT id FROM elections WHERE tenant_id = $1 AND active', [c.tenant().id]);
    const [team] = await q<{ name: string }>('SELECT name FROM teams WHERE id = $1', [teamId]);
    const res = await request(platform.port, c.tenant().adminHost, 'POST', `/api/election/elections/${election!.id}/links`, { headers: admin.headers, json: { kind: 'team', teamId } });
    expect(res.status).toBe(201);
    const url = new URL(res.json<{ url: string }>().url);
    await page.reload();
    const choose = page.getByRole('link', { name: fill(c.texts.teamTasks.choose, { team: team!.name }), exact: true });
    expect(await choose.getAttribute('href')).toBe(url.pathname);
    expect(url.pathname.startsWith(c.paths.home + '/')).toBe(true);
    await check(page, c, 'team-tasks-with-link');
    await choose.click();
    await h1(page, fill(c.texts.link.teamHeading, { team: team!.name })).waitFor();
    expect(new URL(page.url()).pathname).toBe(url.pathname);
  });
});

describe('finally', () => {
  // The last test of the file: every page above was read.
  it('showed no English sentence of the module’s texts and no key on any page', () => {
    expect(problems).toEqual([]);
  });
});
