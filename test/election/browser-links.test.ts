// Election staffing's task links in Chromium, axe-core on every page visited. On a Danish tenant with the demo
// election (Korsbæk's: 12 polling stations, trusted and ordinary task types, engine/modules/election/demo.ts), the
// administrator makes a filtered tasks link on the links page (the task types and an area chosen in the
// multi-selects; the trusted task types not offered to choose), sees it with its URL and QR code, and opens it
// in a second, anonymous browser context at 360 px: the vacant tasks it offers are those of the database, no
// trusted task type among them, the page in Danish and no wider than the screen. Revoked on the links page, the
// same address then says the link does not work. A team link of a Swedish tenant (neutral theme) in Swedish at
// 360 px. No page shows an English sentence of the module's texts, or a key.
import type { BrowserContext, Page } from 'playwright-core';
import { QueryTypes } from 'sequelize';
import daAdmin from '../../admin-ui/src/modules/election/locales/da.json';
import enAdmin from '../../admin-ui/src/modules/election/locales/en.json';
import daPublic from '../../public-ui/src/modules/election/locales/da.json';
import enPublic from '../../public-ui/src/modules/election/locales/en.json';
import svPublic from '../../public-ui/src/modules/election/locales/sv.json';
import { electionDemoData } from '../../engine/modules/election/demo';
import { expectAccessible, expectTitle, launchBrowser, loginThroughTestIdp, screenshot, type TestBrowser } from '../helpers/browser';
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
let page: Page;
let anonymous: BrowserContext;
let visitor: Page;
const L = daAdmin.links;
const P = daPublic.link;
const problems: string[] = [];

beforeAll(async () => {
  [dk, se] = await Promise.all([createTestTenant({ country: 'DK' }), createTestTenant({ country: 'SE' })]);
  platform = await startTestPlatform([dk.id, se.id], { TEST_IDP: 'on' });
  const deps = { db: platform.db, keyring: platform.identity.keyring, ...(platform.registry ? { registry: platform.registry } : {}) };
  await electionDemoData(deps, dk.id, 'DK');
  await electionDemoData(deps, se.id, 'SE');
  browser = await launchBrowser();
  page = await browser.newPage();
  await page.goto(platform.url(dk.adminHost, '/election/links'));
  await loginThroughTestIdp(page, /Lauritz Jensen/);
  // The citizen: a browser context of its own (no session, no cookies of the administrator's), a phone's width.
  anonymous = await browser.browser.newContext({ locale: 'da-DK', viewport: { width: 360, height: 740 } });
  visitor = await anonymous.newPage();
  visitor.on('pageerror', (err) => {
    throw err;
  });
}, 180_000);

afterAll(async () => {
  await anonymous?.close();
  await browser?.close();
  await platform?.stop();
});

async function checkAdmin(name: string): Promise<void> {
  await expectAccessible(page);
  problems.push(...(await englishOrKeys(page, enAdmin, daAdmin)).map((p) => `${name}: ${p}`));
  await screenshot(page, `da-links-${name}`);
}

async function checkPublic(name: string, own: object = daPublic): Promise<void> {
  await expectAccessible(visitor);
  problems.push(...(await englishOrKeys(visitor, enPublic, own)).map((p) => `${name}: ${p}`));
  // Nothing wider than the phone's screen (no sideways scrolling).
  expect(await visitor.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await screenshot(visitor, `da-link-public-${name}`);
}

describe('a filtered tasks link made on the admin site and opened anonymously', () => {
  let url = '';
  const taskTypes = new Map<string, { title: string; trusted: boolean; id: string }>();
  let area = { id: '', name: '' };

  beforeAll(async () => {
    for (const t of await q<{ id: string; short_name: string; title: string; trusted: boolean }>('SELECT id, short_name, title, trusted FROM task_types WHERE tenant_id = $1', [dk.id])) taskTypes.set(t.short_name, t);
    [area] = await q<{ id: string; name: string }>('SELECT id, name FROM election_areas WHERE tenant_id = $1 ORDER BY name LIMIT 1', [dk.id]) as [typeof area];
  });

  it('shows the links page with the form and no links yet', async () => {
    await page.getByRole('heading', { level: 1, name: L.heading, exact: true }).waitFor();
    await expectTitle(page, daAdmin.nav.links, { contains: true });
    await page.getByText(L.none).waitFor();
    await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: daAdmin.nav.links }).waitFor();
    await checkAdmin('empty');
  });

  it('makes a tasks link filtered by task types and an area; trusted task types are not offered to choose', async () => {
    await page.getByLabel(L.kind.tasks).check();
    const typeSelect = page.getByLabel(L.filters.taskTypes, { exact: true });
    const offered = await typeSelect.locator('option').allTextContents();
    const trusted = [...taskTypes.values()].filter((t) => t.trusted).map((t) => t.title);
    expect(trusted.length).toBeGreaterThan(0);
    expect(offered.filter((o) => trusted.includes(o))).toEqual([]);
    expect(offered).toEqual(expect.arrayContaining([taskTypes.get('TF')!.title, taskTypes.get('FT')!.title]));
    await typeSelect.selectOption([{ label: taskTypes.get('TF')!.title }, { label: taskTypes.get('FT')!.title }]);
    await page.getByLabel(L.filters.areas, { exact: true }).selectOption([{ label: area.name }]);
    await page.getByRole('button', { name: L.create.submit }).click();
    await page.getByTestId('links-status').filter({ hasText: L.created }).waitFor();
    const card = page.locator('li.link-card[data-kind="tasks"]');
    await card.waitFor();
    expect(await card.getAttribute('data-status')).toBe('active');
    expect(await card.innerText()).toContain(area.name);
    expect(await card.innerText()).toContain(taskTypes.get('TF')!.title);
    url = await card.getByLabel(L.url).inputValue();
    expect(url).toMatch(new RegExp(`^http://${dk.publicHost.replace(/\./g, '\\.')}:${platform.port}/valg/opgaver/[A-Za-z0-9_-]{43}$`));
    const qr = card.getByRole('img', { name: L.qrAlt });
    await qr.waitFor();
    expect(await qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    const [row] = await q<{ filters: { taskTypeIds?: string[]; areaIds?: string[] } }>('SELECT filters FROM task_links WHERE tenant_id = $1', [dk.id]);
    expect(new Set(row!.filters.taskTypeIds)).toEqual(new Set([taskTypes.get('TF')!.id, taskTypes.get('FT')!.id]));
    expect(row!.filters.areaIds).toEqual([area.id]);
    await checkAdmin('created');
  });

  it('opens anonymously at 360 px with the vacant tasks it offers, no trusted task type among them', async () => {
    await visitor.goto(url);
    await visitor.getByRole('heading', { level: 1, name: P.heading, exact: true }).waitFor();
    const shown = await visitor.locator('[data-task-type]').evaluateAll((els) => els.map((el) => el.getAttribute('data-task-type')));
    expect(shown.length).toBeGreaterThan(0);
    const trusted = [...taskTypes.values()].filter((t) => t.trusted).map((t) => t.title);
    expect(shown.filter((s) => trusted.includes(s!))).toEqual([]);
    const vacant = await q<{ title: string }>(
      `SELECT tt.title FROM task_slots s JOIN work_locations wl ON wl.id = s.work_location_id JOIN task_types tt ON tt.id = s.task_type_id
        WHERE s.tenant_id = $1 AND s.state = 'vacant' AND wl.area_id = $2 AND s.task_type_id = ANY($3::uuid[])`,
      [dk.id, area.id, [taskTypes.get('TF')!.id, taskTypes.get('FT')!.id]],
    );
    expect(new Set(shown)).toEqual(new Set(vacant.map((v) => v.title)));
    const n = vacant.length;
    expect(await visitor.getByTestId('task-link-total').textContent()).toBe(fill(n === 1 ? P.total_one : P.total_other, { n: n.toLocaleString('da-DK') }));
    expect(await visitor.innerText('main')).not.toMatch(/Lauritz|personnummer|cpr/i);
    await checkPublic('offer');
  });

  it('revoked on the links page, the same address says the link does not work', async () => {
    page.once('dialog', (d) => void d.accept());
    await page.locator('li.link-card[data-kind="tasks"]').getByRole('button', { name: L.revoke }).click();
    await page.getByTestId('links-status').filter({ hasText: L.revoked }).waitFor();
    await page.locator('li.link-card[data-kind="tasks"][data-status="revoked"]').waitFor();
    await checkAdmin('revoked');
    await visitor.goto(url);
    await visitor.getByRole('heading', { level: 1, name: P.unknownHeading, exact: true }).waitFor();
    await checkPublic('revoked');
  });

});

describe('a team link on a Swedish tenant (neutral theme)', () => {
  it('shows the team’s vacant tasks in Swedish at 360 px, no trusted task type among them', async () => {
    const admin = await startEmployeeSession(platform.identity, se.id, ['administrator']);
    const [election] = await q<{ id: string }>('SELECT id FROM elections WHERE tenant_id = $1', [se.id]);
    const [team] = await q<{ id: string; name: string }>(
      `SELECT t.id, t.name FROM teams t WHERE t.tenant_id = $1 AND EXISTS (SELECT 1 FROM task_slots s JOIN task_types tt ON tt.id = s.task_type_id WHERE s.team_id = t.id AND s.state = 'vacant' AND NOT tt.trusted) ORDER BY t.name LIMIT 1`,
      [se.id],
    );
    const res = await request(platform.port, se.adminHost, 'POST', `/api/election/elections/${election!.id}/links`, { headers: admin.headers, json: { kind: 'team', teamId: team!.id } });
    expect(res.status).toBe(201);
    await visitor.goto(res.json<{ url: string }>().url);
    await visitor.getByRole('heading', { level: 1, name: fill(svPublic.link.teamHeading, { team: team!.name }), exact: true }).waitFor();
    const shown = await visitor.locator('[data-task-type]').evaluateAll((els) => els.map((el) => el.getAttribute('data-task-type')));
    const trusted = (await q<{ title: string }>('SELECT title FROM task_types WHERE tenant_id = $1 AND trusted', [se.id])).map((t) => t.title);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.filter((s) => trusted.includes(s!))).toEqual([]);
    await checkPublic('sv-team', svPublic);
  });

  // The last test of the file: every page above was read.
  it('showed no English sentence of the module’s texts and no key on any page', () => {
    expect(problems).toEqual([]);
  });
});
