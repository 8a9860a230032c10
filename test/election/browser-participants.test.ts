// Election staffing's participants on the admin site in Chromium, axe-core on every page visited. On a Danish
// tenant (teams and special diets made through the API, four participants created through it): a participant
// created by registry lookup (dk-agnes: the preview, then phone, e-mail, a diet and a team); a deceased person
// (dk-hans-christian, looked up by keyboard alone) refused at the field with no way to create; a protected
// address (dk-elisabeth) masked in the preview, the profile and the list; the registry simulator made to fail:
// the lookup and the create both say the registry cannot be reached and nothing was created; the profile's
// audited reveal, a comment and an edit; the list filtered (team, birth date), sorted by name both ways,
// "select all N matching", and its columns chosen (a special-category one among them) and remembered across a
// reload; the export as CSV and XLSX downloaded through the page and read back (the chosen columns' labels in
// order, ExcelJS for the workbook); two participants deleted after typing SLET (a wrong word refused first),
// the progress followed to done. On a Swedish tenant with 3,001 participants: the texts in Swedish, the CSV
// export's progress "N av 3 001 rader" seen on the way, and a deletion confirmed with RADERA. No page shows an
// English sentence of the module's texts, or a key.
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Download, Page } from 'playwright-core';
import { QueryTypes } from 'sequelize';
import daTexts from '../../admin-ui/src/modules/election/locales/da.json';
import enTexts from '../../admin-ui/src/modules/election/locales/en.json';
import svTexts from '../../admin-ui/src/modules/election/locales/sv.json';
import { testPeople } from '../../engine/simulators/test-people';
import { expectAccessible, expectTitle, launchBrowser, loginThroughTestIdp, screenshot, tabTo, type TestBrowser } from '../helpers/browser';
import { englishOrKeys, fill } from '../helpers/untranslated';
import { createTestTenant, ownerDb, suiteDatabase, type TestTenant } from '../helpers/factories';
import { request } from '../helpers/http';
import { startTestPlatform } from '../helpers/platform';
import { startEmployeeSession, type TestSession } from '../helpers/sessions';

type Texts = typeof enTexts;

const q = <T extends object>(sql: string, bind: unknown[] = []) => ownerDb().query<T>(sql, { bind, type: QueryTypes.SELECT });
const countOf = async (sql: string, bind: unknown[]) => Number((await q<{ n: string }>(sql, bind))[0]!.n);
const participantsOf = (tenantId: string) => countOf('SELECT count(*) AS n FROM participants WHERE tenant_id = $1', [tenantId]);

const person = (id: string) => testPeople.citizens.find((c) => c.id === id)!;
const AGNES = person('dk-agnes');
const MADS = person('dk-mads');
const MAUDE = person('dk-maude');
const ALBERT = person('dk-albert');
const KRISTEN = person('dk-kristen');
const ELISABETH = person('dk-elisabeth');
const HANS = person('dk-hans-christian');
const ELLEN = person('dk-ellen'); // under 18: may still be a participant
const ANNA = person('se-anna');

/** A CSV of RFC 4180 (quoted fields may hold commas, quotes and line breaks) as rows of fields, the BOM dropped. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      row.push(field.replace(/\r$/, ''));
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

suiteDatabase();
let platform: Awaited<ReturnType<typeof startTestPlatform>>;
let browser: TestBrowser;
let dk: TestTenant;
let se: TestTenant;
let adminDk: TestSession;
let adminSe: TestSession;

beforeAll(async () => {
  [dk, se] = await Promise.all([createTestTenant({ country: 'DK' }), createTestTenant({ country: 'SE' })]);
  platform = await startTestPlatform([dk.id, se.id], { TEST_IDP: 'on' });
  browser = await launchBrowser();
  [adminDk, adminSe] = await Promise.all([startEmployeeSession(platform.identity, dk.id, ['administrator']), startEmployeeSession(platform.identity, se.id, ['administrator'])]);
}, 120_000);

afterAll(async () => {
  platform?.registrySimulator?.setFaults({});
  await browser?.close();
  await platform?.stop();
});

/** An API call as an administrator of the tenant; fails the test on any answer but the expected one. */
async function api<T>(tenant: TestTenant, session: TestSession, method: string, path: string, json: unknown, expected = 201): Promise<T> {
  const res = await request(platform.port, tenant.adminHost, method, path, { headers: session.headers, json });
  expect([method, path, res.status, res.status === expected ? '' : res.text]).toEqual([method, path, expected, '']);
  return res.json<T>();
}

/** The texts a live region showed, recorded in the page from now on (a MutationObserver on the element). */
async function recordTexts(page: Page, testId: string): Promise<() => Promise<string[]>> {
  await page.evaluate((id) => {
    const el = document.querySelector(`[data-testid="${id}"]`)!;
    const seen: string[] = [];
    (window as unknown as Record<string, string[]>)[`__seen_${id}`] = seen;
    new MutationObserver(() => seen.push(el.textContent ?? '')).observe(el, { childList: true, characterData: true, subtree: true });
  }, testId);
  return () => page.evaluate((id) => (window as unknown as Record<string, string[]>)[`__seen_${id}`] ?? [], testId);
}

describe('on a Danish tenant', () => {
  const L: Texts = daTexts;
  const P = L.participants;
  let page: Page;
  let teamA = '';
  let vegetarian = '';
  const problems: string[] = [];
  const ids: Record<string, string> = {};

  async function checkPage(name: string): Promise<void> {
    await expectAccessible(page);
    problems.push(...(await englishOrKeys(page, enTexts, L)).map((p) => `${name}: ${p}`));
    await screenshot(page, `da-participants-${name}`);
  }
  const url = (path: string) => platform.url(dk.adminHost, path);
  const heading = (name: string) => page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
  const count = (n: number) => page.getByTestId('participant-count').filter({ hasText: new RegExp(`^${fill(n === 1 ? P.list.count_one : P.list.count_other, { n })}$`) }).waitFor();
  const rowNames = () => page.locator('tr[data-participant] td[data-column="name"]').allTextContents();
  const columnsBox = () => page.locator('details.participant-columns');

  beforeAll(async () => {
    teamA = (await api<{ id: string }>(dk, adminDk, 'POST', '/api/election/teams', { name: 'Borgerservice', shortName: 'BS' })).id;
    await api(dk, adminDk, 'POST', '/api/election/teams', { name: 'Rødt Parti', shortName: 'RP', politicalParty: true });
    vegetarian = (await api<{ id: string }>(dk, adminDk, 'POST', '/api/election/special-diets', { name: 'Vegetar' })).id;
    await api(dk, adminDk, 'POST', '/api/election/special-diets', { name: 'Halal' });
    ids.mads = (await api<{ id: string }>(dk, adminDk, 'POST', '/api/election/participants', { personalNumber: MADS.personalNumber, teamIds: [teamA], dietIds: [vegetarian], phone: '+45 20 00 00 02' })).id;
    for (const p of [MAUDE, ALBERT, KRISTEN]) ids[p.id] = (await api<{ id: string }>(dk, adminDk, 'POST', '/api/election/participants', { personalNumber: p.personalNumber })).id;
    page = await browser.newPage();
    await page.goto(url('/election/participants'));
    await loginThroughTestIdp(page, /Lauritz Jensen/);
  }, 120_000);

  afterAll(() => page?.context().close());

  it('lists the participants with the count, from the module’s navigation', async () => {
    await heading(P.list.heading);
    await count(4);
    await expectTitle(page, L.nav.participants, { contains: true });
    const nav = page.getByRole('navigation', { name: 'Administration' });
    await nav.getByRole('link', { name: L.nav.participants }).waitFor();
    // The default columns, the name sorted ascending in the tenant's collation (family name first).
    const headers = (await page.locator('table.participant-table thead th').allTextContents()).slice(1).map((h) => h.replace(/[▲▼↕]/g, '').trim());
    expect(headers).toEqual(['name', 'personalNumber', 'birthDate', 'address', 'registryStatus', 'teams', 'tasks'].map((c) => (P.columns as Record<string, string>)[c]!));
    expect(await rowNames()).toEqual(['Kristen Andersson', 'Albert Arnesen', 'Mads Skjern', 'Maude Varnæs']);
    expect(await page.locator(`tr[data-participant="${ids[MAUDE.id]}"] td[data-column="registryStatus"]`).textContent()).toBe(P.status.movedAway);
    await checkPage('list');
  });

  it('creates a participant by registry lookup: the preview, then what is entered', async () => {
    await page.getByRole('link', { name: P.list.new }).click();
    await heading(P.new.heading);
    await expectTitle(page, L.nav.newParticipant, { contains: true });
    await checkPage('new');
    await page.getByLabel(P.new.personalNumber).fill(`${AGNES.personalNumber.slice(0, 6)}-${AGNES.personalNumber.slice(6)}`);
    await page.getByRole('button', { name: P.new.lookUp }).click();
    const preview = page.getByTestId('registry-preview');
    await preview.getByRole('heading', { name: P.new.previewHeading }).waitFor();
    expect(await preview.innerText()).toContain('Agnes Jensen');
    expect(await preview.getByTestId('preview-address').textContent()).toBe('Algade 12, 4000 Korsbæk');
    expect(await preview.getByTestId('preview-status').textContent()).toBe(P.status.ok);
    expect(await preview.innerText()).toContain('120578-****');
    await checkPage('new-preview');

    await page.getByLabel(P.fields.phone).fill('+45 20 00 00 01');
    await page.getByLabel(P.fields.email).fill('agnes@example.dk');
    await page.getByRole('group', { name: P.fields.diets }).getByLabel('Vegetar').check();
    await page.getByLabel(P.fields.dietNote).fill('Nøddeallergi');
    await page.getByRole('group', { name: P.fields.teams }).getByLabel('Borgerservice').check();
    await page.getByRole('button', { name: P.new.create }).click();
    await heading('Agnes Jensen');
    await page.getByRole('status').filter({ hasText: fill(P.new.created, { name: 'Agnes Jensen' }) }).waitFor();
    ids.agnes = (await page.locator('section[data-participant]').getAttribute('data-participant'))!;
    const [row] = await q<{ phone: string; email: string; teams: number }>(
      'SELECT phone, email, (SELECT count(*)::int FROM team_members m WHERE m.participant_id = p.id) AS teams FROM participants p WHERE id = $1',
      [ids.agnes],
    );
    expect(row).toEqual({ phone: '+45 20 00 00 01', email: 'agnes@example.dk', teams: 1 });
    expect(await page.getByTestId('diets').textContent()).toBe('Vegetar');
    await checkPage('profile');
  });

  it('refuses a deceased person at the field (looked up by keyboard alone), with no way to create', async () => {
    await page.goto(url('/election/participants/new'));
    await heading(P.new.heading);
    const input = page.getByLabel(P.new.personalNumber);
    await tabTo(page, input);
    await page.keyboard.type(HANS.personalNumber);
    await page.keyboard.press('Enter');
    await page.getByTestId('registry-preview').waitFor();
    expect(await page.getByTestId('preview-status').textContent()).toBe(P.status.deceased);
    expect(await page.locator('#election-field-personalNumber-error').textContent()).toContain(P.new.deceased);
    expect(await input.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByRole('button', { name: P.new.create }).count()).toBe(0);
    await page.getByRole('alert').filter({ hasText: P.new.deceasedNotice }).waitFor();
    expect(await participantsOf(dk.id)).toBe(5);
    await checkPage('new-deceased');
  });

  it('masks a protected address in the preview, the profile and the list', async () => {
    await page.getByLabel(P.new.personalNumber).fill(ELISABETH.personalNumber);
    await page.getByRole('button', { name: P.new.lookUp }).click();
    await page.getByTestId('registry-preview').getByText('Elisabeth Friis').waitFor();
    expect(await page.getByTestId('preview-address').textContent()).toBe(P.protectedAddress);
    expect(await page.locator('main').innerText()).not.toContain('Hemmelig');
    await checkPage('new-protected');
    await page.getByRole('button', { name: P.new.create }).click();
    await heading('Elisabeth Friis');
    ids.elisabeth = (await page.locator('section[data-participant]').getAttribute('data-participant'))!;
    expect(await page.locator('main').innerText()).toContain(P.protectedAddress);
    expect(await page.locator('main').innerText()).not.toContain('Hemmelig');
  });

  it('says the registry cannot be reached, and creates nothing, when the registry is down', async () => {
    await page.goto(url('/election/participants/new'));
    await heading(P.new.heading);
    // The lookup while it is down.
    platform.registrySimulator!.setFaults({ failNext: 200 });
    await page.getByLabel(P.new.personalNumber).fill(ELLEN.personalNumber);
    await page.getByRole('button', { name: P.new.lookUp }).click();
    await page.getByTestId('registry-unavailable').filter({ hasText: P.new.registryDownLookup }).waitFor();
    await checkPage('new-registry-down');
    // Looked up while it was up, then created while it is down.
    platform.registrySimulator!.setFaults({});
    await page.getByRole('button', { name: P.new.lookUp }).click();
    await page.getByTestId('registry-preview').getByText('Ellen Jensen').waitFor();
    const before = await participantsOf(dk.id);
    platform.registrySimulator!.setFaults({ failNext: 200 });
    await page.getByRole('button', { name: P.new.create }).click();
    await page.getByTestId('registry-unavailable').filter({ hasText: P.registryUnavailable }).waitFor();
    expect(await participantsOf(dk.id)).toBe(before);
    expect(page.url()).toContain('/election/participants/new');
    platform.registrySimulator!.setFaults({});
  });

  it('shows the whole personal number after saying it is logged, adds a comment and saves an edit', async () => {
    await page.goto(url(`/election/participants/${ids.agnes}`));
    await heading('Agnes Jensen');
    expect(await page.getByTestId('personal-number').textContent()).toBe('120578-****');
    await page.getByRole('button', { name: P.reveal.button }).click();
    const dialog = page.getByRole('dialog', { name: P.reveal.confirmTitle });
    await dialog.getByText(fill(P.reveal.confirmBody, { name: 'Agnes Jensen' })).waitFor();
    await expectAccessible(page);
    await dialog.getByRole('button', { name: P.reveal.confirm }).click();
    await page.getByText(P.reveal.logged).waitFor();
    expect((await page.getByTestId('personal-number').textContent())!.replace(/\D/g, '')).toBe(AGNES.personalNumber);
    expect(await countOf("SELECT count(*) AS n FROM audit_log WHERE tenant_id = $1 AND entity_id = $2 AND action LIKE 'election.participantPersonalNumberRevealed'", [dk.id, ids.agnes])).toBe(1);

    await page.getByLabel(P.comments.label).fill('Ringede og bekræftede.');
    await page.getByRole('button', { name: P.comments.add }).click();
    await page.getByRole('status').filter({ hasText: P.comments.added }).waitFor();
    await page.locator('.participant-comments').getByText('Ringede og bekræftede.').waitFor();

    await page.getByRole('button', { name: P.edit.button }).click();
    await page.getByRole('heading', { name: P.edit.heading }).waitFor();
    await checkPage('profile-edit');
    await page.locator('#participant-edit').getByLabel(P.fields.phone).fill('+45 20 00 00 09');
    await page.getByRole('button', { name: P.edit.save }).click();
    await page.getByRole('status').filter({ hasText: P.edit.saved }).waitFor();
    expect((await q<{ phone: string }>('SELECT phone FROM participants WHERE id = $1', [ids.agnes]))[0]!.phone).toBe('+45 20 00 00 09');
    await checkPage('profile-commented');
  });

  it('filters by team and birth date, sorts by name both ways, and selects all matching', async () => {
    await page.goto(url('/election/participants'));
    // Mads, Maude, Albert and Kristen (the API's), Agnes and Elisabeth (the browser's); Ellen was never created.
    await count(6);
    const filters = page.getByRole('search', { name: P.filters.heading });
    await filters.getByLabel('Borgerservice').check();
    await filters.getByRole('button', { name: P.filters.apply }).click();
    await count(2);
    expect(await rowNames()).toEqual(['Agnes Jensen', 'Mads Skjern']);
    expect(new URL(page.url()).searchParams.get('teamIds')).toBe(teamA);
    await page.getByRole('button', { name: fill(P.selection.all_other, { n: 2 }) }).click();
    await page.getByTestId('selection-count').filter({ hasText: fill(P.selection.count_other, { n: 2 }) }).waitFor();
    await checkPage('list-filtered');
    await page.getByRole('button', { name: P.selection.clear }).click();

    await filters.getByLabel('Borgerservice').uncheck();
    await filters.getByLabel(P.filters.birthFrom).fill('1970-01-01');
    await filters.getByRole('button', { name: P.filters.apply }).click();
    await count(4);
    expect(await rowNames()).toEqual(['Kristen Andersson', 'Albert Arnesen', 'Elisabeth Friis', 'Agnes Jensen']);
    const nameHeader = page.locator('table.participant-table thead th').filter({ hasText: P.columns.name });
    expect(await nameHeader.getAttribute('aria-sort')).toBe('ascending');
    await nameHeader.getByRole('button').click();
    await page.waitForFunction(() => document.querySelector('table.participant-table thead th[aria-sort="descending"]') !== null);
    await page.locator('tr[data-participant]').first().filter({ hasText: 'Agnes Jensen' }).waitFor();
    expect(await rowNames()).toEqual(['Agnes Jensen', 'Elisabeth Friis', 'Albert Arnesen', 'Kristen Andersson']);
    expect(new URL(page.url()).searchParams.get('order')).toBe('desc');
    await nameHeader.getByRole('button').click();
    await page.locator('tr[data-participant]').first().filter({ hasText: 'Kristen Andersson' }).waitFor();
    expect(await nameHeader.getAttribute('aria-sort')).toBe('ascending');
    await filters.getByRole('button', { name: P.filters.clear }).click();
    await count(6);
  });

  it('chooses the columns (a special-category one marked), and remembers them across a reload', async () => {
    await columnsBox().locator('summary').click();
    const special = columnsBox().getByRole('group', { name: new RegExp(P.columnsChooser.special) });
    await special.getByText(P.special.mark).waitFor();
    await checkPage('columns');
    await columnsBox().getByLabel(P.columns.address, { exact: true }).uncheck();
    await columnsBox().getByLabel(P.columns.phone, { exact: true }).check();
    await special.getByLabel(P.columns.diets).check();
    const expected = ['name', 'personalNumber', 'birthDate', 'registryStatus', 'phone', 'teams', 'tasks', 'diets'].map((c) => (P.columns as Record<string, string>)[c]!);
    const headers = async () => (await page.locator('table.participant-table thead th').allTextContents()).slice(1).map((h) => h.replace(/[▲▼↕]/g, '').replace(P.special.mark, '').trim());
    await page.locator('td[data-column="diets"]').first().waitFor();
    expect(await headers()).toEqual(expected);
    // The column shows at once; its values come with the list asked again with include=diets.
    const agnesDiets = page.locator(`tr[data-participant="${ids.agnes}"] td[data-column="diets"]`);
    await agnesDiets.filter({ hasText: 'Vegetar' }).waitFor();
    expect(await agnesDiets.textContent()).toBe('Vegetar – Nøddeallergi');
    await page.reload();
    await count(6);
    await page.locator('td[data-column="diets"]').first().waitFor();
    expect(await headers()).toEqual(expected);
    expect(await page.locator(`tr[data-participant="${ids.elisabeth}"] td[data-column="registryStatus"]`).textContent()).toBe(P.status.ok);
    expect(await page.locator('table.participant-table').innerText()).not.toContain('Hemmelig');
  });

  /** Clicks an export button and waits for the file the page saves, and for its progress to say done. */
  async function exportOf(button: string): Promise<{ download: Download; bytes: Buffer }> {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
    await page.locator('[data-testid="export-progress"][data-phase="done"]').waitFor();
    const path = await download.path();
    return { download, bytes: await readFile(path) };
  }

  it('exports the filtered list as CSV with the chosen columns, in order', async () => {
    const filters = page.getByRole('search', { name: P.filters.heading });
    await filters.getByLabel('Borgerservice').check();
    await filters.getByRole('button', { name: P.filters.apply }).click();
    await count(2);
    const { download, bytes } = await exportOf(P.export.csvButton);
    expect(download.suggestedFilename()).toMatch(/^deltagere-\d{4}-\d{2}-\d{2}\.csv$/);
    const rows = parseCsv(bytes.toString('utf8'));
    expect(rows[0]).toEqual(['name', 'personalNumber', 'birthDate', 'registryStatus', 'phone', 'teams', 'tasks', 'diets'].map((c) => (P.columns as Record<string, string>)[c]!));
    expect(rows.slice(1).map((r) => r[0])).toEqual(['Agnes Jensen', 'Mads Skjern']);
    // A leading + could start a formula in a spreadsheet: the server neutralises it with an apostrophe.
    expect(rows[1]![4]).toBe("'+45 20 00 00 09");
    expect(rows[1]![7]).toContain('Vegetar');
    expect(await page.getByTestId('export-progress').textContent()).toContain(fill(P.export.done, { format: 'CSV', rows: 2, file: download.suggestedFilename() }));
    await checkPage('export-csv');
  });

  it('exports the same as XLSX, which ExcelJS reads with the chosen columns', async () => {
    const { download, bytes } = await exportOf(P.export.xlsxButton);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)));
    expect(values(1)).toEqual(['name', 'personalNumber', 'birthDate', 'registryStatus', 'phone', 'teams', 'tasks', 'diets'].map((c) => (P.columns as Record<string, string>)[c]!));
    expect(sheet.rowCount).toBe(3);
    expect(values(2)[0]).toBe('Agnes Jensen');
    expect(values(2)[7]).toContain('Vegetar');
    expect(values(3)[0]).toBe('Mads Skjern');
    expect(values(3)[4]).toBe('+45 20 00 00 02');
    expect(values(3)[7]).toBe('Vegetar');
    expect(await page.getByTestId('export-progress').textContent()).toContain(fill(P.export.done, { format: 'XLSX', rows: 2, file: download.suggestedFilename() }));
    await page.getByRole('search', { name: P.filters.heading }).getByRole('button', { name: P.filters.clear }).click();
    await count(6);
  });

  it('deletes two participants after the typed word (a wrong word refused first), the progress followed to done', async () => {
    await page.getByLabel(fill(P.selection.row, { name: 'Maude Varnæs' })).check();
    await page.getByLabel(fill(P.selection.row, { name: 'Albert Arnesen' })).check();
    await page.getByTestId('selection-count').filter({ hasText: fill(P.selection.count_other, { n: 2 }) }).waitFor();
    await page.getByRole('button', { name: P.selection.delete }).click();
    const dialog = page.getByRole('dialog', { name: fill(P.bulkDelete.heading_other, { n: 2 }) });
    await dialog.getByText(fill(P.bulkDelete.explain_other, { n: 2 })).waitFor();
    const word = dialog.getByLabel(fill(P.bulkDelete.wordLabel, { word: 'SLET' }));
    expect(await word.evaluate((el) => el === document.activeElement)).toBe(true);
    await checkPage('delete-dialog');

    await word.fill('DELETE');
    await dialog.getByRole('button', { name: fill(P.bulkDelete.confirm_other, { n: 2 }) }).click();
    await dialog.getByText(fill(P.bulkDelete.mistyped, { word: 'SLET' })).waitFor();
    expect(await word.getAttribute('aria-invalid')).toBe('true');
    expect(await countOf('SELECT count(*) AS n FROM participant_deletions WHERE tenant_id = $1', [dk.id])).toBe(0);
    await checkPage('delete-mistyped');

    await word.fill('slet');
    await dialog.getByRole('button', { name: fill(P.bulkDelete.confirm_other, { n: 2 }) }).click();
    const progress = dialog.getByTestId('deletion-progress');
    await dialog.locator('[data-testid="deletion-progress"][data-status="done"]').waitFor({ timeout: 60_000 });
    expect(await progress.textContent()).toBe(fill(P.bulkDelete.done_other, { n: 2 }));
    expect(await dialog.getByRole('progressbar').getAttribute('value')).toBe('2');
    await checkPage('delete-done');
    expect(await countOf('SELECT count(*) AS n FROM participants WHERE id = ANY($1::uuid[])', [[ids[MAUDE.id], ids[ALBERT.id]]])).toBe(0);
    await dialog.getByRole('button', { name: P.bulkDelete.close }).click();
    await count(4);
    expect(await rowNames()).not.toContain('Maude Varnæs');
  });

  it('shows no English sentence of the module, nor a key, on any page', () => {
    expect(problems).toEqual([]);
  });
});

describe('on a Swedish tenant', () => {
  const L: Texts = svTexts;
  const P = L.participants;
  let page: Page;
  const BULK = 3000;
  const problems: string[] = [];

  async function checkPage(name: string): Promise<void> {
    await expectAccessible(page);
    problems.push(...(await englishOrKeys(page, enTexts, L)).map((p) => `${name}: ${p}`));
    await screenshot(page, `sv-participants-${name}`);
  }
  const url = (path: string) => platform.url(se.adminHost, path);
  const n = (v: number) => v.toLocaleString('sv');

  beforeAll(async () => {
    await api(se, adminSe, 'POST', '/api/election/participants', { personalNumber: ANNA.personalNumber });
    // Many more, written as the owner: the export's progress has rows to count on the way.
    await q(
      `INSERT INTO participants (tenant_id, personal_number_country, personal_number_sealed, personal_number_hash, personal_number_masked,
                                 given_name, family_name, birth_date, municipality_code, citizenship, registry_checked_at)
       SELECT $1, 'SE', '\\x00'::bytea, 'hash-' || $3 || '-' || g, '19900101-****', 'Test', 'Person ' || g, DATE '1990-01-01', '9999', 'SE', now()
         FROM generate_series(1, $2) g RETURNING id`,
      [se.id, BULK, randomUUID()],
    );
    page = await browser.newPage();
    await page.goto(url('/election/participants'));
    await loginThroughTestIdp(page, /Birgitta Sjöberg/);
  }, 120_000);

  afterAll(() => page?.context().close());

  it('speaks Swedish on the list and the new participant’s page', async () => {
    await page.getByRole('heading', { level: 1, name: P.list.heading, exact: true }).waitFor();
    await page.getByTestId('participant-count').filter({ hasText: fill(P.list.count_other, { n: n(BULK + 1) }) }).waitFor();
    await page.getByRole('button', { name: 'Exportera CSV' }).waitFor();
    await checkPage('list');
    await page.getByRole('link', { name: 'Ny deltagare' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ny deltagare' }).waitFor();
    await page.getByRole('button', { name: 'Slå upp' }).waitFor();
    expect(await page.getByLabel(P.new.personalNumber).count()).toBe(1);
    await checkPage('new');
  });

  it('shows the CSV export’s progress in rows against the total, then saves every row', async () => {
    await page.goto(url('/election/participants'));
    await page.getByTestId('participant-count').waitFor();
    const seen = await recordTexts(page, 'export-progress');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: P.export.csvButton }).click()]);
    await page.locator('[data-testid="export-progress"][data-phase="done"]').waitFor();
    const texts = await seen();
    const of = new RegExp(`^[\\d\\s]+ av ${n(BULK + 1).replace(/\s/g, '\\s')} rader$`);
    expect(texts.some((t) => of.test(t))).toBe(true);
    const rows = parseCsv((await readFile(await download.path())).toString('utf8'));
    expect(rows.length).toBe(BULK + 2);
    expect(rows[0]![0]).toBe(P.columns.name);
    expect(texts.at(-1)).toBe(fill(P.export.done, { format: 'CSV', rows: n(BULK + 1), file: download.suggestedFilename() }));
    expect(download.suggestedFilename()).toMatch(/^deltagare-/);
  });

  it('deletes a participant after typing RADERA', async () => {
    const filters = page.getByRole('search', { name: P.filters.heading });
    await filters.getByLabel(P.filters.q).fill('Lindqvist');
    await filters.getByRole('button', { name: P.filters.apply }).click();
    await page.getByTestId('participant-count').filter({ hasText: fill(P.list.count_one, { n: 1 }) }).waitFor();
    await page.getByLabel(fill(P.selection.row, { name: 'Anna Lindqvist' })).check();
    await page.getByRole('button', { name: P.selection.delete }).click();
    const dialog = page.getByRole('dialog', { name: fill(P.bulkDelete.heading_one, { n: 1 }) });
    const word = dialog.getByLabel('Skriv RADERA för att bekräfta');
    await word.waitFor();
    await checkPage('delete-dialog');
    await word.fill('RADERA');
    await dialog.getByRole('button', { name: fill(P.bulkDelete.confirm_one, { n: 1 }) }).click();
    await dialog.locator('[data-testid="deletion-progress"][data-status="done"]').waitFor({ timeout: 60_000 });
    expect(await dialog.getByTestId('deletion-progress').textContent()).toBe(fill(P.bulkDelete.done_one, { n: 1 }));
    await checkPage('delete-done');
    expect(await participantsOf(se.id)).toBe(BULK);
  });

  it('shows no English sentence of the module, nor a key, on any page', () => {
    expect(problems).toEqual([]);
  });
});
