// The responsibles' pages in Chromium on a Danish tenant (assignment-fixtures.ts' election with two teams and two
// polling stations, responsibles-fixtures.ts), at a phone's 360 px, axe-core on every page: team A's responsible
// sees team A's members — never team B's —, filters them, takes one off the team (a member holding the team's
// tasks is refused), opens the team's invite link with the keyboard alone and sees the team's distribution;
// Skolen's responsible sees Skolen's staff with the protected address masked and nobody of Hallen. The pages are
// in Danish (and on a Swedish tenant in Swedish; one page also at a desktop's width): no English sentence of the
// module's texts, no key.
import type { BrowserContext, Page } from 'playwright-core';
import daPublic from '../../public-ui/src/modules/election/locales/da.json';
import enPublic from '../../public-ui/src/modules/election/locales/en.json';
import svPublic from '../../public-ui/src/modules/election/locales/sv.json';
import { cookieName } from '../../engine/http/session-cookie';
import { expectAccessible, launchBrowser, screenshot, tabTo, type TestBrowser } from '../helpers/browser';
import { englishOrKeys } from '../helpers/untranslated';
import { createTestTenant, suiteDatabase, type TestTenant } from '../helpers/factories';
import { startTestPlatform } from '../helpers/platform';
import type { TestSession } from '../helpers/sessions';
import { q } from './assignment-fixtures';
import { responsiblesFixture, type ResponsiblesFixture } from './responsibles-fixtures';

suiteDatabase();
let platform: Awaited<ReturnType<typeof startTestPlatform>>;
let browser: TestBrowser;
let dk: TestTenant;
let se: TestTenant;
let x: ResponsiblesFixture;
let xs: ResponsiblesFixture;
const contexts: BrowserContext[] = [];
const problems: string[] = [];
const R = daPublic.responsibles;

/** A phone-sized (or `width`) Danish (or Swedish) browser logged in on the public site with `session`. */
async function phone(session: TestSession, tenant = dk, width = 360): Promise<Page> {
  const context = await browser.browser.newContext({ locale: tenant === dk ? 'da-DK' : 'sv-SE', viewport: { width, height: 740 } });
  contexts.push(context);
  await context.addCookies([{ name: cookieName('public'), value: session.token, domain: tenant.publicHost, path: '/' }]);
  const page = await context.newPage();
  page.on('pageerror', (err) => {
    throw err;
  });
  return page;
}

async function check(page: Page, name: string, own: object = daPublic, width = 360): Promise<void> {
  await expectAccessible(page);
  problems.push(...(await englishOrKeys(page, enPublic, own)).map((p) => `${name}: ${p}`));
  // Nothing wider than the screen (no sideways scrolling).
  expect([name, (await page.evaluate(() => document.documentElement.scrollWidth)) <= width]).toEqual([name, true]);
  await screenshot(page, `da-responsibles-${name}`);
}

const cardNames = (page: Page, testId: string) => page.getByTestId(testId).locator('h3').allTextContents();

beforeAll(async () => {
  [dk, se] = await Promise.all([createTestTenant({ country: 'DK' }), createTestTenant({ country: 'SE', locale: 'sv' })]);
  platform = await startTestPlatform([dk.id, se.id]);
  x = await responsiblesFixture(platform, dk);
  xs = await responsiblesFixture(platform, se);
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await platform?.stop();
});

describe('team A’s responsible', () => {
  let page: Page;
  beforeAll(async () => {
    page = await phone(x.sessions.teamResponsible);
  });

  it('finds the way to the team’s page on the site’s profile page', async () => {
    await page.goto(platform.url(dk.publicHost, '/profile'));
    await page.getByRole('heading', { name: R.section.heading }).waitFor();
    await page.getByTestId('my-responsibilities').waitFor();
    expect(await page.getByTestId('my-responsibilities').locator('li').allInnerTexts()).toEqual(['Mit hold: Borgerservice']);
    await check(page, 'profile-section');
    await page.getByRole('link', { name: 'Mit hold: Borgerservice' }).click();
    await page.waitForURL(new RegExp(`/valg/mit-hold\\?team=${x.teamA}$`));
  });

  it('finds “my team” and “my tasks” in the election’s menu, and no “my polling station”', async () => {
    await page.goto(platform.url(dk.publicHost, '/valg'));
    const nav = page.getByRole('navigation', { name: daPublic.site.navLabel, exact: true });
    await nav.getByRole('link', { name: daPublic.nav.myTeam, exact: true }).waitFor();
    const links = await nav.getByRole('link').allInnerTexts();
    expect(links).toEqual(expect.arrayContaining([daPublic.nav.myTasks, daPublic.nav.teamTasks, daPublic.nav.myTeam]));
    expect(links).not.toContain(daPublic.nav.myWorkLocation);
    expect(await nav.getByRole('link', { name: daPublic.nav.myTeam, exact: true }).getAttribute('href')).toBe('/valg/mit-hold');
    await check(page, 'election-menu-team-responsible');
  });

  it('sees team A’s members with their tasks, and nobody of team B', async () => {
    await page.goto(platform.url(dk.publicHost, '/valg/mit-hold'));
    await page.getByRole('heading', { level: 1, name: daPublic.nav.myTeam }).waitFor();
    await page.getByTestId('team-member').first().waitFor();
    expect(await cardNames(page, 'team-member')).toEqual(['Anna Andersen', 'Bo Berg', 'Carl Clausen']);
    const text = await page.locator('main').innerText();
    expect(text).not.toContain('Dora');
    expect(text).toContain('+45 11 22 33 44');
    expect(text).toContain(R.accepted);
    expect(text).toContain(R.invited);
    await check(page, 'my-team');
  });

  it('filters the members by status, and by name on the page', async () => {
    await page.getByLabel(R.team.status).selectOption({ label: R.team.statuses.withoutTask });
    await page.waitForURL(/status=withoutTask/);
    await page.getByTestId('members-count').filter({ hasText: 'Viser 1 af 3' }).waitFor();
    expect(await cardNames(page, 'team-member')).toEqual(['Carl Clausen']);
    await page.getByLabel(R.team.status).selectOption({ label: R.team.statuses.all });
    await page.getByTestId('members-count').filter({ hasText: 'Viser 3 af 3' }).waitFor();
    // By name on the page itself: the name stays out of the address.
    await page.getByLabel(R.team.name).fill('bo');
    await page.getByTestId('members-count').filter({ hasText: 'Viser 1 af 3' }).waitFor();
    expect(await cardNames(page, 'team-member')).toEqual(['Bo Berg']);
    expect(new URL(page.url()).search).not.toMatch(/bo/i);
    await page.getByLabel(R.team.name).fill('');
    await page.getByTestId('members-count').filter({ hasText: 'Viser 3 af 3' }).waitFor();
  });

  it('is refused taking off a member who holds the team’s tasks, and takes off one who holds none', async () => {
    await page.getByRole('button', { name: 'Fjern Anna Andersen fra holdet' }).click();
    await page.getByRole('button', { name: R.team.removeYes }).click();
    await page.getByRole('alert').filter({ hasText: R.refusals.memberHoldsTeamTasks }).waitFor();
    await check(page, 'my-team-refused');
    expect(await cardNames(page, 'team-member')).toContain('Anna Andersen');
    await page.getByRole('button', { name: 'Fjern Carl Clausen fra holdet' }).click();
    await page.getByRole('button', { name: R.team.removeYes }).click();
    await page.getByTestId('members-count').filter({ hasText: 'Viser 2 af 2' }).waitFor();
    expect(await cardNames(page, 'team-member')).toEqual(['Anna Andersen', 'Bo Berg']);
    expect(await q('SELECT participant_id FROM team_members WHERE team_id = $1 ORDER BY participant_id', [x.teamA])).toHaveLength(2);
  });

  it('opens the team’s invite link with the keyboard alone', async () => {
    await tabTo(page, page.getByRole('button', { name: R.link.show }));
    await page.keyboard.press('Enter');
    const url = await page.getByTestId('invite-url').textContent();
    expect(url).toMatch(/\/valg\/opgaver\/[A-Za-z0-9_-]{43}$/);
    await page.getByRole('img', { name: R.link.qr }).waitFor();
    await check(page, 'my-team-link');
  });

  it('sees the team’s distribution per date and polling station, with the invite link', async () => {
    await page.getByRole('link', { name: daPublic.nav.teamDistribution }).click();
    await page.getByRole('heading', { level: 1, name: daPublic.nav.teamDistribution }).waitFor();
    await page.getByTestId('distribution-row').first().waitFor();
    const rows = await page.getByTestId('distribution-row').allInnerTexts();
    expect(rows.map((r) => r.split('\n')[0])).toEqual(['Hallen', 'Skolen']);
    expect(rows[1]).toContain('Besat: 1 af 3');
    expect(rows[1]).toContain('Ledige: 2');
    await page.getByTestId('team-link').waitFor();
    await check(page, 'team-distribution');
  });
});

describe('Skolen’s responsible', () => {
  it('finds “my polling station” in the election’s menu, and no “my team”', async () => {
    const page = await phone(x.sessions.stationResponsible);
    await page.goto(platform.url(dk.publicHost, '/valg'));
    const nav = page.getByRole('navigation', { name: daPublic.site.navLabel, exact: true });
    await nav.getByRole('link', { name: daPublic.nav.myWorkLocation, exact: true }).waitFor();
    const links = await nav.getByRole('link').allInnerTexts();
    expect(links).not.toContain(daPublic.nav.myTeam);
    await nav.getByRole('link', { name: daPublic.nav.myWorkLocation, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: daPublic.nav.myWorkLocation }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/valg/mit-valgsted');
  });

  it('sees Skolen’s staff with age, phone and e-mail, a protected address masked, nobody of Hallen', async () => {
    const page = await phone(x.sessions.stationResponsible);
    await page.goto(platform.url(dk.publicHost, '/valg/mit-valgsted'));
    await page.getByRole('heading', { level: 1, name: daPublic.nav.myWorkLocation }).waitFor();
    await page.getByTestId('staff').first().waitFor();
    expect(await cardNames(page, 'staff')).toEqual(['Anna Andersen', 'Dora Dahl']);
    const [anna, dora] = await page.getByTestId('staff').allInnerTexts();
    expect(anna).toContain('Alder: 50 år');
    expect(anna).toContain('Skolevej 1, 4000 Korsbæk');
    expect(dora).toContain(R.location.protected);
    expect(dora).toContain('dora@example.dk');
    expect(await page.locator('main').innerText()).not.toContain('Bo Berg');
    await check(page, 'my-work-location');
    // The team pages: Skolen's responsible has no team.
    await page.getByRole('link', { name: daPublic.nav.myTeam }).click();
    await page.getByTestId('no-teams').waitFor();
    await check(page, 'my-team-none');
    // The profile page shows the way to the polling station only.
    await page.goto(platform.url(dk.publicHost, '/profile'));
    await page.getByTestId('my-responsibilities').waitFor();
    expect(await page.getByTestId('my-responsibilities').locator('li').allInnerTexts()).toEqual(['Mit valgsted: Skolen']);
    await check(page, 'my-team-none');
  });
});

describe('at a desktop’s width and in Swedish', () => {
  it('shows team A’s members to its responsible at 1280 px', async () => {
    const page = await phone(x.sessions.teamResponsible, dk, 1280);
    await page.goto(platform.url(dk.publicHost, '/valg/mit-hold'));
    await page.getByTestId('team-member').first().waitFor();
    expect(await cardNames(page, 'team-member')).toEqual(['Anna Andersen', 'Bo Berg']);
    await check(page, 'my-team-desktop', daPublic, 1280);
  });

  it('shows a Swedish tenant’s pages in Swedish at 360 px: my team, the distribution and my polling station', async () => {
    const S = svPublic.responsibles;
    const team = await phone(xs.sessions.teamResponsible, se);
    await team.goto(platform.url(se.publicHost, '/val/mitt-lag'));
    await team.getByRole('heading', { level: 1, name: svPublic.nav.myTeam }).waitFor();
    await team.getByTestId('team-member').first().waitFor();
    expect(await cardNames(team, 'team-member')).toEqual(['Anna Andersen', 'Bo Berg', 'Carl Clausen']);
    expect(await team.locator('main').innerText()).toContain(S.team.statuses.all);
    await check(team, 'sv-my-team', svPublic);
    await team.getByRole('link', { name: svPublic.nav.teamDistribution }).click();
    await team.getByTestId('distribution-row').first().waitFor();
    expect(await team.getByTestId('distribution-row').nth(1).innerText()).toContain('Tillsatta: 1 av 3');
    await check(team, 'sv-team-distribution', svPublic);
    const station = await phone(xs.sessions.stationResponsible, se);
    await station.goto(platform.url(se.publicHost, '/val/min-vallokal'));
    await station.getByTestId('staff').first().waitFor();
    expect(await cardNames(station, 'staff')).toEqual(['Anna Andersen', 'Dora Dahl']);
    expect(await station.getByTestId('staff').nth(1).innerText()).toContain(S.location.protected);
    await check(station, 'sv-my-work-location', svPublic);
  });
});

describe('every page visited', () => {
  it('shows no English sentence of the module’s texts, and no key', () => {
    expect(problems).toEqual([]);
  });
});
