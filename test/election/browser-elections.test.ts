// The elections' pages on the admin site in Chromium, axe-core on every page. On a Danish tenant (an election
// type, two areas with a polling station each, a task type and the provisioned message templates, made in the
// setup): the empty list; the wizard's four steps — a step not reached is no link, an empty first step refused
// at its fields in Danish, an election whose setup stopped opens at its step again, dates out of order refused
// at the field, the polling stations chosen with "select all in area", a template per event and one task
// type's override — each step written as the server has it; activation (and, for an election whose setup is
// not done, the refusal in words); duplicate to a new date in a dialog (the copy's dates shifted, inactive, in
// the list) and "Select" in the list; deleting the active election refused in words, the copy deleted after a
// confirmation. On a Swedish tenant the wizard speaks Swedish. No page shows an English sentence of the
// module's texts, or a key.
import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { QueryTypes } from 'sequelize';
import appDa from '../../admin-ui/src/locales/da.json';
import daTexts from '../../admin-ui/src/modules/election/locales/da.json';
import enTexts from '../../admin-ui/src/modules/election/locales/en.json';
import svTexts from '../../admin-ui/src/modules/election/locales/sv.json';
import { expectAccessible, launchBrowser, loginThroughTestIdp, screenshot, tabTo, type TestBrowser } from '../helpers/browser';
import { englishOrKeys, fill } from '../helpers/untranslated';
import { createTestTenant, ownerDb, type TestTenant } from '../helpers/factories';
import { request } from '../helpers/http';
import { startTestPlatform } from '../helpers/platform';
import { startEmployeeSession } from '../helpers/sessions';


const ownerRows = <T extends object>(sql: string, bind: unknown[] = []) => ownerDb().query<T>(sql, { bind, type: QueryTypes.SELECT });

let platform: Awaited<ReturnType<typeof startTestPlatform>>;
let browser: TestBrowser;

beforeAll(async () => {
  platform = await startTestPlatform([], { TEST_IDP: 'on' });
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

interface Setup {
  tenant: TestTenant;
  electionTypeId: string;
  areas: { north: string; south: string };
  workLocations: { school: string; hall: string };
  taskTypeId: string;
}

/** An election type, two areas with a polling station each (through the configuration API) and a task type. */
async function setUpTenant(country: 'DK' | 'SE'): Promise<Setup> {
  const tenant = await createTestTenant({ country, builtinForms: true });
  const { headers } = await startEmployeeSession(platform.identity, tenant.id, ['administrator']);
  const post = async (path: string, json: unknown): Promise<string> => {
    const res = await request(platform.port, tenant.adminHost, 'POST', `/api/election/${path}`, { headers, json });
    if (res.status !== 201) throw new Error(`POST ${path}: ${res.status} ${res.text}`);
    return res.json<{ id: string }>().id;
  };
  const dk = country === 'DK';
  const electionTypeId = await post('election-types', { name: dk ? 'Folketingsvalg' : 'Riksdagsval', rules: [{ rule: 'age18' }, { rule: 'resident' }] });
  const north = await post('areas', { name: dk ? 'Nord' : 'Norr' });
  const south = await post('areas', { name: dk ? 'Syd' : 'Söder' });
  const school = await post('work-locations', { areaId: north, name: dk ? 'Korsbæk Skole' : 'Småköpings skola', districtNumber: '1' });
  const hall = await post('work-locations', { areaId: south, name: dk ? 'Idrætshallen' : 'Sporthallen', districtNumber: '2' });
  // A task type has more to it than this page needs: written as the owner.
  const [taskType] = await ownerRows<{ id: string }>(`INSERT INTO task_types (tenant_id, title, short_name, start_time, end_time) VALUES ($1, $2, 'VS', '08:00', '20:00') RETURNING id`, [
    tenant.id,
    dk ? 'Valgstyrer' : 'Ordförande',
  ]);
  return { tenant, electionTypeId, areas: { north, south }, workLocations: { school, hall }, taskTypeId: taskType!.id };
}

describe('on a Danish tenant', () => {
  const L = daTexts.elections;
  let s: Setup;
  let page: Page;
  let electionId = '';
  let copyId = '';
  const title = `Folketingsvalg 2027 ${randomBytes(2).toString('hex')}`;
  const problems: string[] = [];
  const adminUrl = (path: string) => platform.url(s.tenant.adminHost, path);
  const election = async (id: string) =>
    (
      await ownerRows<{ title: string; election_day: string; first_task_date: string | null; last_task_date: string | null; lock_days: number; setup_step: string; active: boolean; templates: Record<string, string>; election_type_id: string }>(
        'SELECT title, election_day::text, first_task_date::text, last_task_date::text, lock_days, setup_step, active, templates, election_type_id FROM elections WHERE id = $1',
        [id],
      )
    )[0];

  async function checkPage(name: string): Promise<void> {
    await expectAccessible(page);
    problems.push(...(await englishOrKeys(page, enTexts, daTexts, { anyUnderRoots: true })).map((p) => `${name}: ${p}`));
    await screenshot(page, `da-elections-${name}`);
  }

  beforeAll(async () => {
    s = await setUpTenant('DK');
    page = await browser.newPage();
    await page.goto(adminUrl('/election/elections'));
    await loginThroughTestIdp(page, /Lauritz Jensen/);
  }, 60_000);

  afterAll(() => page?.context().close());

  it('lists no elections yet, and the wizard opens at its first step with the later steps not reachable', async () => {
    await page.getByRole('heading', { level: 1, name: L.list.heading }).waitFor();
    await page.getByText(L.list.none).first().waitFor();
    await checkPage('empty-list');

    await page.getByRole('link', { name: L.list.new, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: L.wizard.newHeading }).waitFor();
    const steps = page.getByRole('navigation', { name: L.wizard.stepsLabel });
    expect(await steps.getByRole('listitem').allTextContents()).toEqual([
      `1 ${L.steps.basics}`,
      `2 ${L.steps.dates} (${L.wizard.notReached})`,
      `3 ${L.steps.workLocations} (${L.wizard.notReached})`,
      `4 ${L.steps.messages} (${L.wizard.notReached})`,
    ]);
    expect(await steps.getByRole('link').count()).toBe(0);
    expect(await steps.locator('[aria-current="step"]').textContent()).toContain(L.steps.basics);
    await checkPage('wizard-basics');
  });

  it('refuses an empty first step at its fields, in Danish, and writes nothing', async () => {
    await page.getByLabel(L.basics.lockDays, { exact: false }).fill('');
    await page.getByRole('button', { name: L.wizard.next }).click();
    const summary = page.getByRole('alert').filter({ hasText: L.wizard.saveFailed });
    await summary.waitFor();
    const required = appDa.codes.schema.required;
    for (const id of ['title', 'electionTypeId', 'lockDays', 'electionDay']) {
      const input = page.locator(`#election-field-${id}`);
      expect(await input.getAttribute('aria-invalid')).toBe('true');
      expect(await page.locator(`#election-field-${id}-error`).textContent()).toBe(required);
    }
    // The summary's lines link to the fields, labelled.
    expect(await summary.getByRole('link').allTextContents()).toEqual(expect.arrayContaining([`${L.basics.title}: ${required}`, `${L.basics.type}: ${required}`]));
    expect(await ownerRows('SELECT id FROM elections WHERE tenant_id = $1', [s.tenant.id])).toEqual([]);
    await checkPage('wizard-basics-refused');
  });

  it('creates the election with the first step and goes on to the dates', async () => {
    await page.getByLabel(L.basics.title, { exact: false }).fill(title);
    await page.getByLabel(L.basics.type, { exact: false }).selectOption({ label: 'Folketingsvalg' });
    await page.getByLabel(L.basics.lockDays, { exact: false }).fill('14');
    await page.getByLabel(L.basics.electionDay, { exact: false }).fill('2027-06-06');
    await page.getByRole('button', { name: L.wizard.next }).click();
    await page.waitForURL(/\/election\/elections\/[0-9a-f-]{36}\/setup\?step=dates$/);
    electionId = /elections\/([0-9a-f-]{36})\//.exec(page.url())![1]!;
    await page.getByRole('heading', { level: 2, name: `${fill(L.wizard.stepOf, { n: 2, count: 4 })}: ${L.steps.dates}` }).waitFor();
    await page.getByRole('status').filter({ hasText: fill(L.wizard.created, { title }) }).waitFor();
    // The step heading has the focus, for a keyboard or screen-reader user.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H2');
    expect(await election(electionId)).toMatchObject({ title, election_day: '2027-06-06', lock_days: 14, setup_step: 'dates', active: false, election_type_id: s.electionTypeId });
    await checkPage('wizard-dates');
  });

  it('opens an election whose setup stopped at its step again: step 1 a link, steps 3 and 4 not', async () => {
    await page.goto(adminUrl('/election/elections'));
    await page.getByRole('link', { name: title }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    expect(await page.getByTestId('election-setup').textContent()).toBe(L.setupState.dates);
    await page.getByRole('link', { name: L.page.continueSetup }).click();
    await page.getByRole('heading', { level: 2, name: `${fill(L.wizard.stepOf, { n: 2, count: 4 })}: ${L.steps.dates}` }).waitFor();
    const steps = page.getByRole('navigation', { name: L.wizard.stepsLabel });
    expect(await steps.getByRole('link').allTextContents()).toEqual([`1 ${L.steps.basics}`]);
    expect(await steps.locator('[aria-current="step"]').textContent()).toContain(L.steps.dates);
    // A step not reached cannot be opened by its address either.
    await page.goto(adminUrl(`/election/elections/${electionId}/setup?step=messages`));
    await page.getByRole('heading', { level: 2, name: `${fill(L.wizard.stepOf, { n: 2, count: 4 })}: ${L.steps.dates}` }).waitFor();
  });

  it('refuses dates out of order at the field, then saves them', async () => {
    await page.getByLabel(L.dates.firstTaskDate, { exact: false }).fill('2027-06-10');
    await page.getByLabel(L.dates.lastTaskDate, { exact: false }).fill('2027-06-08');
    await page.getByRole('button', { name: L.wizard.next }).click();
    await page.getByRole('alert').filter({ hasText: L.wizard.saveFailed }).waitFor();
    expect(await page.locator('#election-field-firstTaskDate-error').textContent()).toBe(appDa.codes.election.datesOutOfOrder);
    expect(await page.locator('#election-field-firstTaskDate').getAttribute('aria-invalid')).toBe('true');
    expect((await election(electionId))!.setup_step).toBe('dates');
    await checkPage('wizard-dates-refused');

    await page.getByLabel(L.dates.firstTaskDate, { exact: false }).fill('2027-06-01');
    await page.getByRole('button', { name: L.wizard.next }).click();
    await page.getByRole('heading', { level: 2, name: `${fill(L.wizard.stepOf, { n: 3, count: 4 })}: ${L.steps.workLocations}` }).waitFor();
    expect(await election(electionId)).toMatchObject({ election_day: '2027-06-06', first_task_date: '2027-06-01', last_task_date: '2027-06-08', setup_step: 'workLocations' });
  });

  it('chooses the polling stations by area, with "select all in area"', async () => {
    const north = page.getByRole('group', { name: 'Nord' });
    const south = page.getByRole('group', { name: 'Syd' });
    await north.waitFor();
    await checkPage('wizard-work-locations');
    await north.getByLabel(fill(L.workLocations.selectAll, { area: 'Nord' })).check();
    expect(await north.getByLabel(/Korsbæk Skole/).isChecked()).toBe(true);
    await south.getByLabel(/Idrætshallen/).check();
    expect(await south.getByLabel(fill(L.workLocations.selectAll, { area: 'Syd' })).isChecked()).toBe(true);
    await page.getByText(fill(L.workLocations.chosen_other, { count: 2 })).waitFor();
    await page.getByRole('button', { name: L.wizard.next }).click();
    await page.getByRole('heading', { level: 2, name: `${fill(L.wizard.stepOf, { n: 4, count: 4 })}: ${L.steps.messages}` }).waitFor();
    const chosen = await ownerRows<{ work_location_id: string }>('SELECT work_location_id FROM election_work_locations WHERE election_id = $1 ORDER BY work_location_id', [electionId]);
    expect(chosen.map((r) => r.work_location_id).sort()).toEqual([s.workLocations.school, s.workLocations.hall].sort());
    expect((await election(electionId))!.setup_step).toBe('messages');
  });

  it('chooses a template per event and one task type’s own, and finishes on the election’s page', async () => {
    await page.getByLabel(L.events.invitation, { exact: true }).waitFor();
    await checkPage('wizard-messages');
    await page.getByLabel(L.events.invitation, { exact: true }).selectOption('application-received');
    await page.getByLabel(L.events.invitationReminder, { exact: true }).selectOption('invitation-reminder');
    await page.getByLabel(L.events.taskReminder, { exact: true }).selectOption('task-reminder');
    await page.locator('summary', { hasText: L.messages.overridesHeading }).click();
    await page.getByLabel(fill(L.messages.overrideLabel, { event: L.events.taskReminder, taskType: 'Valgstyrer' })).selectOption('task-reminder-participant');
    await checkPage('wizard-messages-overrides');
    await page.getByRole('button', { name: L.wizard.finish }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.getByRole('status').filter({ hasText: L.wizard.finished }).waitFor();
    expect(await election(electionId)).toMatchObject({ setup_step: 'done', templates: { invitation: 'application-received', invitationReminder: 'invitation-reminder', taskReminder: 'task-reminder' } });
    expect(await ownerRows('SELECT templates FROM task_types WHERE id = $1', [s.taskTypeId])).toEqual([{ templates: { taskReminder: 'task-reminder-participant' } }]);
    // The page shows what was set up.
    expect(await page.getByTestId('election-setup').textContent()).toBe(L.setupState.done);
    expect(await page.locator('[data-event="invitation"] td').textContent()).toBe('application-received');
    expect(await page.locator('[data-event="removedFromTask"] td').textContent()).toBe(L.messages.noMessage);
    await page.locator(`[data-work-location="${s.workLocations.school}"]`).waitFor();
    await page.locator(`[data-task-type="${s.taskTypeId}"]`, { hasText: `${L.events.taskReminder} → task-reminder-participant` }).waitFor();
    await checkPage('election-done');
  });

  it('a done setup opens at its first step, every step a link', async () => {
    await page.getByRole('link', { name: L.page.editSetup }).click();
    await page.getByRole('heading', { level: 2, name: `${fill(L.wizard.stepOf, { n: 1, count: 4 })}: ${L.steps.basics}` }).waitFor();
    const steps = page.getByRole('navigation', { name: L.wizard.stepsLabel });
    expect(await steps.getByRole('link').count()).toBe(3);
    expect(await page.getByLabel(L.basics.title, { exact: false }).inputValue()).toBe(title);
    await steps.getByRole('link', { name: new RegExp(L.steps.workLocations) }).click();
    await page.getByRole('heading', { level: 2, name: `${fill(L.wizard.stepOf, { n: 3, count: 4 })}: ${L.steps.workLocations}` }).waitFor();
    expect(await page.getByRole('group', { name: 'Syd' }).getByLabel(/Idrætshallen/).isChecked()).toBe(true);
    await checkPage('wizard-revisit');
  });

  it('activates the election by keyboard; one whose setup is not done is refused in words', async () => {
    await page.goto(adminUrl(`/election/elections/${electionId}`));
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    const activate = page.getByRole('button', { name: L.page.activate, exact: true });
    await tabTo(page, activate);
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: fill(L.page.activated, { title }) }).waitFor();
    expect(await page.getByTestId('election-state').textContent()).toBe(L.activeState.active);
    expect((await election(electionId))!.active).toBe(true);
    await page.getByRole('button', { name: L.page.deactivate, exact: true }).waitFor();
    await checkPage('election-active');

    // An election left at its dates step (made through the API).
    const { headers } = await startEmployeeSession(platform.identity, s.tenant.id, ['administrator']);
    const res = await request(platform.port, s.tenant.adminHost, 'POST', '/api/election/elections', { headers, json: { title: 'Halvfærdigt valg', electionTypeId: s.electionTypeId, lockDays: 7, electionDay: '2027-11-16' } });
    expect(res.status).toBe(201);
    const halfId = res.json<{ id: string }>().id;
    await page.goto(adminUrl(`/election/elections/${halfId}`));
    await page.getByRole('heading', { level: 1, name: 'Halvfærdigt valg' }).waitFor();
    await page.getByRole('button', { name: L.page.activate, exact: true }).click();
    const alert = page.getByRole('alert').filter({ hasText: L.page.setupIncomplete });
    await alert.waitFor();
    await alert.getByRole('link', { name: L.page.continueSetup }).waitFor();
    expect((await election(halfId))!.active).toBe(false);
    await checkPage('activate-refused');
  });

  it('duplicates the election to a new date in a dialog: the copy is inactive, its dates shifted, in the list', async () => {
    await page.goto(adminUrl(`/election/elections/${electionId}`));
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    const open = page.getByRole('button', { name: L.duplicate.button });
    await tabTo(page, open);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: fill(L.duplicate.heading, { title }) });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(L.duplicate.participants);
    await checkPage('duplicate-dialog');
    // Escape closes it, focus back on its button.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await open.evaluate((el) => el === document.activeElement)).toBe(true);

    await open.click();
    await dialog.waitFor();
    const copyTitle = `${title} – omvalg`;
    await dialog.getByLabel(L.duplicate.title, { exact: false }).fill(copyTitle);
    await dialog.getByRole('button', { name: L.duplicate.confirm, exact: true }).click();
    // No new election day: refused at the field.
    await dialog.locator('#election-field-electionDay-error').filter({ hasText: appDa.codes.schema.required }).waitFor();
    await dialog.getByLabel(L.duplicate.electionDay, { exact: false }).fill('2027-09-12');
    await dialog.getByRole('button', { name: L.duplicate.confirm, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: copyTitle }).waitFor();
    copyId = /elections\/([0-9a-f-]{36})$/.exec(page.url())![1]!;
    expect(copyId).not.toBe(electionId);
    // 2027-06-06 → 2027-09-12 is 98 days: the task dates move as much.
    expect(await election(copyId)).toMatchObject({ title: copyTitle, election_day: '2027-09-12', first_task_date: '2027-09-07', last_task_date: '2027-09-14', active: false, setup_step: 'done', lock_days: 14 });
    expect(await page.getByTestId('election-state').textContent()).toBe(L.activeState.inactive);
    await checkPage('copy');

    await page.getByRole('link', { name: L.page.back }).click();
    await page.locator(`tr[data-election="${copyId}"]`).waitFor();
    expect(await page.locator('tr[data-election]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-election')))).toEqual(expect.arrayContaining([electionId, copyId]));
    const copyRow = page.locator(`tr[data-election="${copyId}"]`);
    expect(await copyRow.textContent()).toContain(L.activeState.inactive);
    expect(await copyRow.textContent()).toContain(L.setupState.done);
    expect(await page.locator(`tr[data-election="${electionId}"]`).textContent()).toContain(L.activeState.active);
    // "Select": the admin site works in the copy from now on (the bar at the top says so too).
    await copyRow.getByRole('button', { name: `${L.list.select} ${copyTitle}` }).click();
    await page.getByRole('status').filter({ hasText: fill(L.list.selectedStatus, { title: copyTitle }) }).waitFor();
    expect(await copyRow.getAttribute('data-selected')).toBe('true');
    expect(await page.locator('.election-bar-current strong').textContent()).toBe(copyTitle);
    await checkPage('list');
  });

  it('refuses to delete the active election in words, and deletes the copy after a confirmation', async () => {
    await page.goto(adminUrl(`/election/elections/${electionId}`));
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.getByRole('button', { name: L.delete.button }).click();
    const confirm = page.getByRole('dialog', { name: fill(L.delete.confirmTitle, { title }) });
    await confirm.waitFor();
    await confirm.getByRole('button', { name: L.delete.confirm, exact: true }).click();
    await page.getByRole('alert').filter({ hasText: L.delete.active }).waitFor();
    expect(await election(electionId)).toBeDefined();
    await checkPage('delete-refused');

    await page.goto(adminUrl(`/election/elections/${copyId}`));
    await page.getByRole('heading', { level: 1, name: `${title} – omvalg` }).waitFor();
    await page.getByRole('button', { name: L.delete.button }).click();
    const dialog = page.getByRole('dialog', { name: fill(L.delete.confirmTitle, { title: `${title} – omvalg` }) });
    await dialog.waitFor();
    await expectAccessible(page);
    await dialog.getByRole('button', { name: L.delete.confirm, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: L.list.heading }).waitFor();
    await page.getByRole('status').filter({ hasText: fill(L.page.deleted, { title: `${title} – omvalg` }) }).waitFor();
    expect(await page.locator(`tr[data-election="${copyId}"]`).count()).toBe(0);
    await page.locator(`tr[data-election="${electionId}"]`).waitFor();
    expect(await election(copyId)).toBeUndefined();
    await checkPage('after-delete');
  });

  it('showed no English sentence or key of the module', () => {
    expect(problems).toEqual([]);
  });
});

describe('on a Swedish tenant', () => {
  const L = svTexts.elections;
  let s: Setup;
  let page: Page;

  beforeAll(async () => {
    s = await setUpTenant('SE');
    page = await browser.newPage();
    await page.goto(platform.url(s.tenant.adminHost, '/election/elections/new'));
    await loginThroughTestIdp(page, /Birgitta Sjöberg/);
  }, 60_000);

  afterAll(() => page?.context().close());

  it('speaks Swedish in the wizard', async () => {
    await page.getByRole('heading', { level: 1, name: L.wizard.newHeading }).waitFor();
    expect(L.wizard.newHeading).toBe('Nytt val');
    const steps = page.getByRole('navigation', { name: L.wizard.stepsLabel });
    expect(await steps.getByRole('listitem').locator('.election-step-name').allTextContents()).toEqual(['Titel, typ och spärrperiod', 'Datum', 'Vallokaler', 'Meddelanden']);
    await page.getByLabel('Spärrperiod (dagar)', { exact: false }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Steg 1 av 4: Titel, typ och spärrperiod' }).waitFor();
    await expectAccessible(page);
    expect(await englishOrKeys(page, enTexts, svTexts, { anyUnderRoots: true })).toEqual([]);

    await page.getByLabel(L.basics.title, { exact: false }).fill('Riksdagsval 2026');
    await page.getByLabel(L.basics.type, { exact: false }).selectOption({ label: 'Riksdagsval' });
    await page.getByLabel(L.basics.electionDay, { exact: false }).fill('2027-09-13');
    await page.getByRole('button', { name: 'Spara och fortsätt' }).click();
    await page.getByRole('heading', { level: 2, name: 'Steg 2 av 4: Datum' }).waitFor();
    await page.getByLabel('Första uppgiftsdatum', { exact: false }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Valet Riksdagsval 2026 har skapats.' }).waitFor();
    await expectAccessible(page);
    expect(await englishOrKeys(page, enTexts, svTexts, { anyUnderRoots: true })).toEqual([]);
    await screenshot(page, 'sv-elections-wizard-dates');
  });
});
