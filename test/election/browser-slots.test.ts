// Election task slots on the admin site in Chromium, axe-core on every page and dialog. On a Danish tenant given
// Korsbæk's demo election (engine/modules/election/demo.ts: 12 polling stations, 120 slots, four people holding
// one each — two accepted, two invited) and logged in as its administrator: the staffing overview is the
// election's start page, with the fill status in numbers and words, a filter, and its columns remembered across
// a reload; the distribution grid of Nørreskolen refuses a count below what is filled at the cell, then adds four
// Fintæller slots for Borgerservice the day after election day, and the overview shows them; on the station's
// tasks page one participant is invited (and the invitation link copied to the clipboard), one registered
// directly, one invitation accepted and one rejected on the invited person's behalf (the rejection then listed
// on the rejected tasks page), two vacant slots moved to Frivillige, a participant created by registry lookup
// from the assign dialog (opened by keyboard) and back at the same slot, and a participant removed — each
// checked in the database, the messages queued in participant_messages. The overview and a station's tasks in
// Swedish too. No page shows an English sentence of the module's texts, or a key.
import type { Page } from 'playwright-core';
import { QueryTypes } from 'sequelize';
import daTexts from '../../admin-ui/src/modules/election/locales/da.json';
import enTexts from '../../admin-ui/src/modules/election/locales/en.json';
import svTexts from '../../admin-ui/src/modules/election/locales/sv.json';
import { parseKeySpec } from '../../engine/crypto/key-spec';
import { Keyring } from '../../engine/crypto/keyring';
import { electionDemoData } from '../../engine/modules/election/demo';
import { testPeople } from '../../engine/simulators/test-people';
import { expectAccessible, expectTitle, launchBrowser, loginThroughTestIdp, screenshot, tabTo, type TestBrowser } from '../helpers/browser';
import { englishOrKeys, fill } from '../helpers/untranslated';
import { createTestTenant, ownerDb, suiteDatabase, type TestTenant } from '../helpers/factories';
import { startTestPlatform } from '../helpers/platform';

const q = <T extends object>(sql: string, bind: unknown[] = []) => ownerDb().query<T>(sql, { bind, type: QueryTypes.SELECT });
const one = async <T extends object>(sql: string, bind: unknown[] = []) => (await q<T>(sql, bind))[0]!;

const L = daTexts;
const S = L.slots;
const ELECTION_DAY = '2027-11-18';
const DAY_AFTER = '2027-11-19';
/** A calendar day as the Danish pages show it. */
const formatDay = (day: string) => new Intl.DateTimeFormat('da', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
const MAUDE = testPeople.citizens.find((c) => c.id === 'dk-maude')!; // lives in another municipality

suiteDatabase();
let platform: Awaited<ReturnType<typeof startTestPlatform>>;
let browser: TestBrowser;
let dk: TestTenant;
let page: Page;
let electionId = '';
const ids: Record<string, string> = {};
const problems: string[] = [];

beforeAll(async () => {
  dk = await createTestTenant({ country: 'DK' });
  platform = await startTestPlatform([dk.id], { TEST_IDP: 'on' });
  browser = await launchBrowser();
  // Korsbæk's demo election on this test's own tenant (the shared demo tenant is left as other suites count it).
  const keyring = new Keyring(platform.db, parseKeySpec(process.env.DATA_MASTER_KEYS!));
  await electionDemoData({ db: platform.db, keyring, ...(platform.registry ? { registry: platform.registry } : {}) }, dk.id, 'DK');
  electionId = (await one<{ id: string }>('SELECT id FROM elections WHERE tenant_id = $1', [dk.id])).id;
  for (const r of await q<{ name: string; id: string }>("SELECT name, id FROM teams WHERE tenant_id = $1 AND name IN ('Borgerservice', 'Frivillige')", [dk.id])) ids[r.name] = r.id;
  for (const r of await q<{ short_name: string; id: string }>('SELECT short_name, id FROM task_types WHERE tenant_id = $1', [dk.id])) ids[r.short_name] = r.id;
  ids.station = (await one<{ id: string }>("SELECT id FROM work_locations WHERE tenant_id = $1 AND name = 'Nørreskolen'", [dk.id])).id;
  for (const r of await q<{ given_name: string; id: string }>('SELECT p.given_name, p.id FROM participants p WHERE p.tenant_id = $1', [dk.id])) ids[r.given_name] = r.id;
  page = await browser.newPage();
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: platform.url(dk.adminHost, '').replace(/\/$/, '') });
  await page.goto(platform.url(dk.adminHost, '/election/overview'));
  await loginThroughTestIdp(page, /Lauritz Jensen/);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

const url = (path: string) => platform.url(dk.adminHost, path);
const heading = (name: string) => page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
const status = (testId: string, text: string) => page.getByTestId(testId).filter({ hasText: text }).waitFor();
const stationRow = () => page.locator(`tr[data-work-location="${ids.station}"]`);
const cellOf = (column: string) => stationRow().locator(`td[data-column="${column}"]`).textContent();
const slotRow = (slotId: string) => page.locator(`tr[data-slot="${slotId}"]`);
const stateOf = (slotId: string) => one<{ state: string; participant_id: string | null; team_id: string; registered_directly: boolean; answered_on_behalf: boolean }>('SELECT * FROM task_slots WHERE id = $1', [slotId]);

async function checkPage(name: string): Promise<void> {
  await expectAccessible(page);
  problems.push(...(await englishOrKeys(page, enTexts, L)).map((p) => `${name}: ${p}`));
  await screenshot(page, `da-slots-${name}`);
}

/** The demo's slot at Nørreskolen held by a person (given name). */
const heldBy = async (givenName: string) => (await one<{ id: string }>('SELECT id FROM task_slots WHERE participant_id = $1', [ids[givenName]])).id;

it('opens on the staffing overview, the first entry of the module’s navigation, with the fill status in numbers and words', async () => {
  await heading(S.overview.heading);
  await expectTitle(page, L.nav.overview, { contains: true });
  const nav = page.getByRole('navigation', { name: 'Administration' });
  const links = await nav.getByRole('list', { name: L.nav.group }).getByRole('link').allTextContents();
  expect(links[0]).toBe(L.nav.overview);
  expect(links).toContain(L.nav.rejections);
  // 120 slots, Agnes and Elisabeth accepted, Mads and Kristen invited.
  await status('overview-totals', fill(S.overview.summary, { accepted: 2, invited: 2, vacant: 116, slots: 120 }));
  expect(await page.locator('tbody[data-area]').count()).toBe(4);
  expect([await cellOf('slots'), await cellOf('accepted'), await cellOf('invited'), await cellOf('vacant')]).toEqual(['10', '2', '2', '6']);
  expect(await cellOf('state')).toBe(fill(S.fill.vacant_other, { n: 6 }));
  // The bar's words are there for a screen reader (and shown when a count column is hidden).
  expect(await stationRow().locator('td[data-column="bar"]').textContent()).toBe(fill(S.fill.words, { accepted: 2, invited: 2, vacant: 6, slots: 10 }));
  expect(await page.getByTestId('overview-total-row').locator('td[data-column="slots"]').textContent()).toBe('120');
  await checkPage('overview');
});

it('filters the overview by task type and remembers the chosen columns across a reload', async () => {
  await page.getByRole('group', { name: new RegExp(S.filters.taskTypes) }).getByLabel('Valgstyrer (VS)').check();
  // Two VS slots per station: 24; Agnes's and Mads's are the VS ones at Nørreskolen.
  await status('overview-totals', fill(S.overview.summary, { accepted: 1, invited: 1, vacant: 22, slots: 24 }));
  expect(page.url()).toContain(`taskTypeIds=${ids.VS}`);
  await page.getByRole('button', { name: S.filters.clear }).click();
  await status('overview-totals', fill(S.overview.summary, { accepted: 2, invited: 2, vacant: 116, slots: 120 }));

  await page.locator('details.slot-columns > summary').click();
  await page.getByLabel(S.overview.columns.districtNumber, { exact: true }).uncheck();
  await page.getByLabel(S.overview.columns.slots, { exact: true }).uncheck();
  expect(await stationRow().locator('td[data-column="slots"]').count()).toBe(0);
  await page.reload();
  await heading(S.overview.heading);
  await stationRow().waitFor();
  expect(await stationRow().locator('td[data-column="districtNumber"]').count()).toBe(0);
  expect(await stationRow().locator('td[data-column="slots"]').count()).toBe(0);
  // Without the total count the bar says its words on the page.
  expect(await stationRow().locator('.slot-fill-words').isVisible()).toBe(true);
  await checkPage('overview-columns');
  await page.locator('details.slot-columns > summary').click();
  await page.getByLabel(S.overview.columns.slots, { exact: true }).check();
});

it('distributes slots in the grid: a count below what is filled is refused at its cell, new slots are saved in one go', async () => {
  await stationRow().getByRole('link', { name: fill(S.overview.distributeAt, { name: 'Nørreskolen' }) }).click();
  await heading(fill(S.distribute.headingAt, { name: 'Nørreskolen' }));
  expect(await page.locator('table.slot-grid').getAttribute('data-date')).toBe(ELECTION_DAY);
  await checkPage('distribute');
  // The cell of Agnes's slot (the demo's first, on election day) cannot go below what is held in it.
  const cellRow = await one<{ team_id: string; task_type_id: string; n: number; filled: number }>(
    "SELECT team_id, task_type_id, count(*)::int AS n, count(*) FILTER (WHERE state <> 'vacant')::int AS filled FROM task_slots WHERE (work_location_id, team_id, task_type_id, task_date) = (SELECT work_location_id, team_id, task_type_id, task_date FROM task_slots WHERE participant_id = $1) GROUP BY team_id, task_type_id",
    [ids.Agnes],
  );
  const held = page.locator(`tr[data-team="${cellRow.team_id}"] td[data-task-type="${cellRow.task_type_id}"]`);
  expect(await held.locator('input').inputValue()).toBe(String(cellRow.n));
  await held.locator('input').fill(String(cellRow.filled - 1));
  await page.getByRole('button', { name: S.distribute.save }).click();
  await held.getByText(fill(cellRow.filled === 1 ? S.distribute.filled_one : S.distribute.filled_other, { n: cellRow.filled })).waitFor();
  expect(await held.locator('input').getAttribute('aria-invalid')).toBe('true');
  await page.getByRole('alert').filter({ hasText: fill(S.distribute.fixFirst_one, { count: 1 }) }).waitFor();
  await checkPage('distribute-refused');
  await page.getByRole('button', { name: S.distribute.reset }).click();

  // Four Fintæller slots for Borgerservice the day after election day.
  await page.getByLabel(S.distribute.date).selectOption(DAY_AFTER);
  const cell = page.getByLabel(fill(S.distribute.cellLabel, { team: 'Borgerservice', taskType: 'Fintæller', date: formatDay(DAY_AFTER) }));
  await cell.fill('4');
  await page.getByRole('button', { name: S.distribute.save }).click();
  await status('distribution-status', S.distribute.saved);
  const [made] = await q<{ n: number }>("SELECT count(*)::int AS n FROM task_slots WHERE work_location_id = $1 AND task_type_id = $2 AND team_id = $3 AND task_date = $4 AND state = 'vacant'", [ids.station, ids.FT, ids.Borgerservice, DAY_AFTER]);
  expect(made!.n).toBe(4);

  // A slot taken behind the page's back (the grid still says none is filled): the server's refusal shows at
  // its cell, and nothing is written.
  const other = page.getByLabel(fill(S.distribute.cellLabel, { team: 'Frivillige', taskType: 'Valgstyrerformand', date: formatDay(DAY_AFTER) }));
  await other.fill('1');
  await page.getByRole('button', { name: S.distribute.save }).click();
  await status('distribution-status', S.distribute.saved);
  const taken = await one<{ id: string }>('SELECT id FROM task_slots WHERE work_location_id = $1 AND task_type_id = $2 AND team_id = $3 AND task_date = $4', [ids.station, ids.VSF, ids.Frivillige, DAY_AFTER]);
  await ownerDb().query("UPDATE task_slots SET participant_id = $1, state = 'accepted' WHERE id = $2", { bind: [ids.Mads, taken.id] });
  await other.fill('0');
  await page.getByRole('button', { name: S.distribute.save }).click();
  const otherCell = page.locator(`tr[data-team="${ids.Frivillige}"] td[data-task-type="${ids.VSF}"]`);
  await otherCell.getByText(fill(S.distribute.filled_one, { n: 1 })).waitFor();
  await page.getByRole('alert').waitFor();
  expect(await otherCell.locator('input').getAttribute('aria-invalid')).toBe('true');
  expect(await q('SELECT 1 FROM task_slots WHERE id = $1', [taken.id])).toHaveLength(1);
  await checkPage('distribute-refused-by-server');
  // Vacant again, the same save goes through.
  await ownerDb().query("UPDATE task_slots SET participant_id = NULL, state = 'vacant' WHERE id = $1", { bind: [taken.id] });
  await page.getByRole('button', { name: S.distribute.save }).click();
  await status('distribution-status', S.distribute.saved);
  expect(await q('SELECT 1 FROM task_slots WHERE id = $1', [taken.id])).toHaveLength(0);

  await page.getByRole('link', { name: S.backToOverview }).click();
  await heading(S.overview.heading);
  await status('overview-totals', fill(S.overview.summary, { accepted: 2, invited: 2, vacant: 120, slots: 124 }));
  expect([await cellOf('slots'), await cellOf('vacant')]).toEqual(['14', '10']);
});

it('invites one participant (the link copied) and registers another directly, from the station’s tasks', async () => {
  await stationRow().getByRole('link', { name: 'Nørreskolen', exact: true }).click();
  await heading(fill(S.tasks.heading, { name: 'Nørreskolen' }));
  await page.getByLabel(S.tasks.date).selectOption(DAY_AFTER);
  const vacant = () => page.locator(`tr[data-task-type="${ids.FT}"][data-state="vacant"]`);
  await vacant().first().waitFor();
  expect(await vacant().count()).toBe(4);
  await checkPage('tasks');

  const first = (await vacant().nth(0).getAttribute('data-slot'))!;
  await slotRow(first).getByRole('button', { name: new RegExp(`^${S.actions.assign}`) }).click();
  const dialog = page.getByRole('dialog', { name: S.assign.heading });
  await dialog.waitFor();
  await dialog.getByLabel(S.assign.search).fill('Agnes');
  await dialog.getByRole('button', { name: S.assign.searchButton }).click();
  const agnes = dialog.locator(`li[data-candidate="${ids.Agnes}"]`);
  await agnes.waitFor();
  expect(await agnes.getAttribute('data-eligible')).toBe('true');
  await checkPage('assign-dialog');
  await agnes.getByRole('button', { name: fill(S.assign.inviteName, { name: 'Agnes Jensen' }) }).click();
  await status('tasks-status', fill(S.assign.invited, { name: 'Agnes Jensen' }));
  expect(await stateOf(first)).toMatchObject({ state: 'invited', participant_id: ids.Agnes, registered_directly: false });
  expect(await slotRow(first).getAttribute('data-state')).toBe('invited');
  expect(await q('SELECT 1 FROM participant_messages WHERE slot_id = $1 AND participant_id = $2 AND event = $3 AND state = $4', [first, ids.Agnes, 'invitation', 'queued'])).toHaveLength(1);

  // The invitation link, new, to the clipboard.
  await slotRow(first).getByRole('button', { name: new RegExp(`^${S.actions.copyLink}`) }).click();
  await status('tasks-status', fill(S.link.copied, { name: 'Agnes Jensen' }));
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/^https?:\/\/\S+$/);

  const second = (await vacant().nth(0).getAttribute('data-slot'))!;
  await slotRow(second).getByRole('button', { name: new RegExp(`^${S.actions.assign}`) }).click();
  await dialog.waitFor();
  await dialog.getByLabel(S.assign.direct).check();
  await dialog.getByLabel(S.assign.search).fill('Elisabeth');
  await dialog.getByLabel(S.assign.search).press('Enter');
  await dialog.locator(`li[data-candidate="${ids.Elisabeth}"]`).getByRole('button', { name: fill(S.assign.registerName, { name: 'Elisabeth Friis' }) }).click();
  await status('tasks-status', fill(S.assign.registered, { name: 'Elisabeth Friis' }));
  expect(await stateOf(second)).toMatchObject({ state: 'accepted', participant_id: ids.Elisabeth, registered_directly: true });
  expect(await q("SELECT 1 FROM participant_messages WHERE slot_id = $1 AND event = 'registrationConfirmed'", [second])).toHaveLength(1);
  ids.agnesSlot = first;
  ids.elisabethSlot = second;
});

it('moves the vacant slots never offered to anyone to another team', async () => {
  const rest = await page.locator(`tr[data-task-type="${ids.FT}"][data-state="vacant"]`).evaluateAll((rows) => rows.map((r) => r.getAttribute('data-slot')!));
  expect(rest).toHaveLength(2);
  // Held slots cannot be chosen.
  expect(await slotRow(ids.agnesSlot!).getByRole('checkbox').count()).toBe(0);
  for (const id of rest) await slotRow(id).getByRole('checkbox').check();
  await page.getByTestId('move-selection').filter({ hasText: fill(S.move.selected_other, { count: 2 }) }).waitFor();
  await page.getByLabel(S.move.team).selectOption(ids.Frivillige!);
  await page.getByRole('button', { name: fill(S.move.button_other, { count: 2 }) }).click();
  await status('tasks-status', fill(S.move.done_other, { count: 2, team: 'Frivillige' }));
  for (const id of rest) expect((await stateOf(id)).team_id).toBe(ids.Frivillige);
  await checkPage('tasks-moved');
});

it('creates a participant by registry lookup from the assign dialog (opened by keyboard) and comes back to the slot', async () => {
  const P = L.participants.new;
  const slot = (await page.locator(`tr[data-task-type="${ids.FT}"][data-state="vacant"]`).first().getAttribute('data-slot'))!;
  const assign = slotRow(slot).getByRole('button', { name: new RegExp(`^${S.actions.assign}`) });
  await tabTo(page, assign);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: S.assign.heading });
  await dialog.waitFor();
  // Escape closes it, and focus is back on the button that opened it.
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  await page.waitForFunction((id) => document.activeElement?.closest('tr')?.getAttribute('data-slot') === id, slot);
  await page.keyboard.press('Enter');
  await dialog.getByRole('link', { name: S.assign.create }).click();
  await heading(P.heading);
  await page.getByLabel(P.personalNumber).fill(MAUDE.personalNumber);
  await page.getByRole('button', { name: P.lookUp }).click();
  await page.getByTestId('registry-preview').getByText('Maude Varnæs').waitFor();
  await page.getByRole('button', { name: P.create }).click();
  // Back on the station's tasks, the dialog open for the same slot with the new participant found.
  await heading(fill(S.tasks.heading, { name: 'Nørreskolen' }));
  await status('tasks-status', fill(P.created, { name: 'Maude Varnæs' }));
  await dialog.waitFor();
  expect(await dialog.getByLabel(S.assign.search).inputValue()).toBe('Maude Varnæs');
  const maude = dialog.locator('li[data-candidate]').filter({ hasText: 'Maude Varnæs' });
  await maude.waitFor();
  // She lives in another municipality: shown with the reason, and not to be chosen.
  expect(await maude.getAttribute('data-eligible')).toBe('false');
  expect(await maude.locator('.slot-reasons li').count()).toBe(1);
  expect(await maude.getByRole('button').isDisabled()).toBe(true);
  await checkPage('assign-created');
  await dialog.getByRole('button', { name: S.assign.cancel }).click();
  await dialog.waitFor({ state: 'detached' });
  expect(page.url()).not.toContain('assign=');
  expect(await stateOf(slot)).toMatchObject({ state: 'vacant', participant_id: null });
});

it('replies on invited people’s behalf: an acceptance and a rejection (the slot vacant again, the rejection listed)', async () => {
  await page.getByLabel(S.tasks.date).selectOption(ELECTION_DAY);
  const madsSlot = await heldBy('Mads');
  await slotRow(madsSlot).getByRole('button', { name: new RegExp(`^${S.actions.accept}`) }).click();
  const confirm = page.getByRole('dialog', { name: fill(S.reply.acceptTitle, { name: 'Mads Skjern' }) });
  await confirm.getByText(S.reply.audited).waitFor();
  await checkPage('reply-dialog');
  await confirm.getByRole('button', { name: S.reply.acceptConfirm }).click();
  await status('tasks-status', fill(S.reply.acceptDone, { name: 'Mads Skjern' }));
  expect(await stateOf(madsSlot)).toMatchObject({ state: 'accepted', participant_id: ids.Mads, answered_on_behalf: true });

  const kristenSlot = await heldBy('Kristen');
  await slotRow(kristenSlot).getByRole('button', { name: new RegExp(`^${S.actions.reject}`) }).click();
  await page.getByRole('dialog', { name: fill(S.reply.rejectTitle, { name: 'Kristen Andersson' }) }).getByRole('button', { name: S.reply.rejectConfirm }).click();
  await status('tasks-status', fill(S.reply.rejectDone, { name: 'Kristen Andersson' }));
  expect(await stateOf(kristenSlot)).toMatchObject({ state: 'vacant', participant_id: null });
  expect(await slotRow(kristenSlot).getAttribute('data-state')).toBe('vacant');
  expect(await q('SELECT 1 FROM task_rejections WHERE participant_id = $1 AND election_id = $2 AND task_type_id = $3', [ids.Kristen, electionId, ids.TF])).toHaveLength(1);

  await page.goto(url('/election/rejections'));
  await heading(S.rejections.heading);
  await page.locator(`tr[data-participant="${ids.Kristen}"]`).getByText('Kristen Andersson').waitFor();
  expect(await page.locator(`tr[data-participant="${ids.Kristen}"]`).innerText()).toContain(S.state.onBehalf);
  expect(await page.getByTestId('rejection-count').textContent()).toBe(fill(S.rejections.count_one, { n: 1 }));
  await checkPage('rejections');
});

it('removes a participant after a confirmation that says they are told, and queues the message', async () => {
  await page.goto(url(`/election/work-locations/${ids.station}/tasks?date=${DAY_AFTER}`));
  await heading(fill(S.tasks.heading, { name: 'Nørreskolen' }));
  await slotRow(ids.elisabethSlot!).getByRole('button', { name: new RegExp(`^${S.actions.remove}`) }).click();
  const confirm = page.getByRole('dialog', { name: fill(S.remove.title, { name: 'Elisabeth Friis' }) });
  await confirm.getByText(fill(S.remove.told, { name: 'Elisabeth Friis' })).waitFor();
  await checkPage('remove-dialog');
  await confirm.getByRole('button', { name: S.remove.confirm }).click();
  await status('tasks-status', fill(S.remove.done, { name: 'Elisabeth Friis' }));
  expect(await stateOf(ids.elisabethSlot!)).toMatchObject({ state: 'vacant', participant_id: null });
  const messages = await q<{ event: string; state: string }>('SELECT event, state FROM participant_messages WHERE participant_id = $1 AND slot_id = $2 ORDER BY created_at', [ids.Elisabeth, ids.elisabethSlot]);
  expect(messages).toEqual([
    { event: 'registrationConfirmed', state: 'queued' },
    { event: 'removedFromTask', state: 'queued' },
  ]);
  // The overview agrees: Nørreskolen has Agnes (invited) and the three of election day accepted.
  await page.goto(url('/election/overview'));
  await heading(S.overview.heading);
  expect([await cellOf('accepted'), await cellOf('invited'), await cellOf('vacant')]).toEqual(['3', '1', '10']);
});

it('speaks Swedish on the overview and a station’s tasks when the language is switched', async () => {
  const SV = svTexts.slots;
  await page.getByLabel('Sprog').selectOption('sv');
  await heading(SV.overview.heading);
  await expectTitle(page, svTexts.nav.overview, { contains: true });
  await stationRow().locator('td[data-column="state"]').getByText(fill(SV.fill.vacant_other, { n: 10 })).waitFor();
  problems.push(...(await englishOrKeys(page, enTexts, svTexts)).map((p) => `sv overview: ${p}`));
  await stationRow().getByRole('link', { name: 'Nørreskolen', exact: true }).click();
  await heading(fill(SV.tasks.heading, { name: 'Nørreskolen' }));
  problems.push(...(await englishOrKeys(page, enTexts, svTexts)).map((p) => `sv tasks: ${p}`));
  await expectAccessible(page);
  await page.getByLabel('Språk').selectOption('da');
  await heading(fill(S.tasks.heading, { name: 'Nørreskolen' }));
});

it('shows no English sentence of the module’s texts and no raw key on any page', () => {
  expect(problems).toEqual([]);
});
