// Election staffing's configuration on the admin site in Chromium, on a Danish and a Swedish tenant, axe-core on
// every page visited: the module's navigation and its bar (no election yet: a link to create one); an area is
// created and a second one with the same name refused beside its field; a team and a special diet (the diet by
// keyboard alone); a task type with its hours, payment ("no payment" for 0), trusted, reminders and an
// extra-fields form of the tenant, then its files — a text file refused in the browser, a false PDF refused by
// the server, both in words; a real PDF attached, listed and downloaded, another attached and deleted; a work
// location in the area with the task type and the team; an election type with its rules and citizenship scope;
// the in-use refusal when deleting the area; the public pages (front page, FAQ entries added and moved by
// keyboard); and the election the site works in (the bar on every page): the current one by default, another
// chosen by keyboard and remembered across a reload. No page shows an English sentence of the module's texts, or a key.
import type { Page } from 'playwright-core';
import { createForm, publishForm } from '../../engine/commands/forms';
import appDa from '../../admin-ui/src/locales/da.json';
import appSv from '../../admin-ui/src/locales/sv.json';
import daTexts from '../../admin-ui/src/modules/election/locales/da.json';
import enTexts from '../../admin-ui/src/modules/election/locales/en.json';
import svTexts from '../../admin-ui/src/modules/election/locales/sv.json';
import { expectAccessible, expectTitle, launchBrowser, loginThroughTestIdp, screenshot, tabTo, type TestBrowser } from '../helpers/browser';
import { englishOrKeys, fill } from '../helpers/untranslated';
import { createTestTenant, ownerDb, suiteDatabase, type TestTenant } from '../helpers/factories';
import { startTestPlatform } from '../helpers/platform';
import { testAdministrator } from '../helpers/sessions';


async function rows<T extends object>(sql: string, bind: unknown[]): Promise<T[]> {
  const [result] = await ownerDb().query(sql, { bind });
  return result as T[];
}

/** A small but real PDF (a header, one object, a trailer): the server reads the type from these bytes. */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');

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

describe.each([
  {
    lang: 'da',
    country: 'DK' as const,
    person: /Lauritz Jensen/,
    texts: daTexts,
    app: appDa,
    n: { area: 'Nord', team: 'Borgerservice', teamShort: 'BS', diet: 'Vegetar', taskType: 'Valgstyrer', taskShort: 'VS', form: 'Valgstyrerens oplysninger', location: 'Nordskolen', city: 'Testrup', electionType: 'Kommunalvalg' },
  },
  {
    lang: 'sv',
    country: 'SE' as const,
    person: /Birgitta Sjöberg/,
    texts: svTexts,
    app: appSv,
    n: { area: 'Norra', team: 'Kontaktcenter', teamShort: 'KC', diet: 'Vegetarisk', taskType: 'Röstmottagare', taskShort: 'RM', form: 'Röstmottagarens uppgifter', location: 'Norraskolan', city: 'Testby', electionType: 'Kommunval' },
  },
])('on a $country tenant', ({ lang, country, person, texts: L, app, n }) => {
  let tenant: TestTenant;
  let page: Page;
  let formId = '';
  let taskTypeId = '';
  const problems: string[] = [];

  /** axe, and no English sentence or key of the module on the page as it is now. */
  async function checkPage(name: string): Promise<void> {
    await expectAccessible(page);
    problems.push(...(await englishOrKeys(page, enTexts, L)).map((p) => `${name}: ${p}`));
    await screenshot(page, `${lang}-election-${name}`);
  }

  const adminUrl = (path: string) => platform.url(tenant.adminHost, path);
  const heading = (name: string) => page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
  const status = (text: string) => page.getByRole('status').filter({ hasText: text }).waitFor();
  /** The server's code in the page's language, up to its first placeholder (codes.election.* in the site's texts). */
  const codeText = (code: string) => {
    const text = (app.codes.election as Record<string, string>)[code];
    if (!text) throw new Error(`no ${lang} text for codes.election.${code}`);
    return text.split('{{')[0]!.trim();
  };

  beforeAll(async () => {
    tenant = await createTestTenant({ country, builtinForms: true });
    // The task type's extra fields: a form of kind taskTypeFields the tenant designed and published.
    const ctx = { tenantId: tenant.id, actor: testAdministrator(tenant.id) };
    formId = (
      await createForm(platform.db, ctx, {
        name: n.form,
        draft: {
          schemaVersion: 1,
          kind: 'taskTypeFields',
          title: { da: 'Oplysninger til valgstyrere', sv: 'Uppgifter för röstmottagare', en: 'Details for election officers' },
          schema: { type: 'object', properties: { shirtSize: { type: 'string', maxLength: 10 } } },
          translations: {
            da: { shirtSize: { label: 'T-shirt-størrelse' } },
            sv: { shirtSize: { label: 'T-shirtstorlek' } },
            en: { shirtSize: { label: 'T-shirt size' } },
          },
        },
      })
    ).id;
    await publishForm(platform.db, ctx, formId);
    page = await browser.newPage();
    await page.goto(adminUrl('/election/config'));
    await loginThroughTestIdp(page, person);
  });

  afterAll(() => page?.context().close());

  it('opens the configuration from the module’s navigation; the bar says there is no election yet and links to create one', async () => {
    await heading(L.config.heading);
    await expectTitle(page, L.nav.config, { contains: true });
    const nav = page.getByRole('navigation', { name: 'Administration' });
    expect(await nav.getByRole('list', { name: L.nav.group }).getByRole('link').allTextContents()).toEqual([L.nav.overview, L.nav.elections, L.nav.participants, L.nav.rejections, L.nav.links, L.nav.exports, L.nav.retention, L.nav.groupMessages, L.nav.registryRefresh, L.nav.config]);
    const bar = page.getByRole('region', { name: L.shell.region });
    await bar.getByText(L.shell.none).waitFor();
    // Every kind and the public pages, linked from the configuration's front page.
    const main = page.getByRole('main');
    for (const kind of Object.values(L.kinds)) await main.getByRole('link', { name: kind.heading, exact: true }).waitFor();
    await main.getByRole('link', { name: L.site.heading }).waitFor();
    await checkPage('config');

    await bar.getByRole('link', { name: L.shell.create }).click();
    await page.waitForURL((url) => url.pathname === '/election/elections/new');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await expectTitle(page, L.nav.newElection, { contains: true });
    await checkPage('new-election');
    await page.goBack();
    await heading(L.config.heading);
  });

  it('creates an area, and refuses a second one with the same name beside its field', async () => {
    await page.getByRole('main').getByRole('link', { name: L.kinds.areas.heading, exact: true }).click();
    await heading(L.kinds.areas.heading);
    await page.getByText(L.kinds.areas.none).waitFor();
    await checkPage('areas-empty');

    await page.getByRole('link', { name: L.kinds.areas.new }).click();
    await heading(L.kinds.areas.newHeading);
    await page.getByLabel(L.area.name).fill(n.area);
    await page.getByRole('button', { name: L.kinds.areas.create }).click();
    await status(L.kinds.areas.created);
    await heading(L.kinds.areas.editHeading);
    expect(await rows<{ name: string }>('SELECT name FROM election_areas WHERE tenant_id = $1', [tenant.id])).toEqual([{ name: n.area }]);
    await checkPage('area-created');

    await page.getByRole('link', { name: L.kinds.areas.back }).click();
    await heading(L.kinds.areas.heading);
    const row = page.locator('tr[data-id]');
    await row.first().waitFor();
    expect(await row.locator('td').allTextContents()).toEqual([n.area, '0']);
    await checkPage('areas');

    // The same name in other letters' case: refused, the field named and marked, nothing written.
    await page.getByRole('link', { name: L.kinds.areas.new }).click();
    await page.getByLabel(L.area.name).fill(n.area.toUpperCase());
    await page.getByRole('button', { name: L.kinds.areas.create }).click();
    const summary = page.getByRole('alert').filter({ hasText: L.kinds.areas.saveFailed });
    await summary.waitFor();
    await summary.getByRole('link', { name: new RegExp(`^${L.area.name}: `) }).waitFor();
    const input = page.getByLabel(L.area.name);
    expect(await input.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#election-field-name-error').textContent()).toContain(codeText('nameTaken'));
    // The summary takes the focus; its link leads to the field.
    expect(await summary.evaluate((el) => el === document.activeElement)).toBe(true);
    expect((await rows('SELECT id FROM election_areas WHERE tenant_id = $1', [tenant.id])).length).toBe(1);
    await checkPage('area-name-taken');
  });

  it('creates a team, and a special diet by keyboard alone', async () => {
    await page.goto(adminUrl('/election/config/teams/new'));
    await heading(L.kinds.teams.newHeading);
    await page.getByLabel(L.team.name).fill(n.team);
    await page.getByLabel(L.team.shortName).fill(n.teamShort);
    await page.getByLabel(L.team.description).fill('Kommunens egne medarbejdere');
    expect(await page.getByLabel(L.team.politicalParty).isChecked()).toBe(false);
    await page.getByRole('button', { name: L.kinds.teams.create }).click();
    await status(L.kinds.teams.created);
    expect(await rows('SELECT name, short_name, political_party FROM teams WHERE tenant_id = $1', [tenant.id])).toEqual([{ name: n.team, short_name: n.teamShort, political_party: false }]);
    // Its members are the participants of the team: the list filtered by it.
    const [created] = await rows<{ id: string }>('SELECT id::text FROM teams WHERE tenant_id = $1', [tenant.id]);
    expect(await page.getByRole('link', { name: L.team.members }).getAttribute('href')).toBe(`/election/participants?teamIds=${created!.id}`);
    await checkPage('team-created');

    await page.goto(adminUrl('/election/config/special-diets'));
    await heading(L.kinds['special-diets'].heading);
    await tabTo(page, page.getByRole('link', { name: L.kinds['special-diets'].new }));
    await page.keyboard.press('Enter');
    await heading(L.kinds['special-diets'].newHeading);
    await tabTo(page, page.getByLabel(L.diet.name));
    await page.keyboard.type(n.diet);
    await page.keyboard.press('Enter');
    await status(L.kinds['special-diets'].created);
    expect(await rows('SELECT name FROM special_diets WHERE tenant_id = $1', [tenant.id])).toEqual([{ name: n.diet }]);
    await checkPage('diet-created');
  });

  it('creates a task type with its hours, payment, trusted, reminders and extra-fields form', async () => {
    await page.goto(adminUrl('/election/config/task-types/new'));
    await heading(L.kinds['task-types'].newHeading);
    await page.getByLabel(L.taskType.title).fill(n.taskType);
    await page.getByLabel(L.taskType.shortName).fill(n.taskShort);
    await page.getByLabel(L.taskType.description).fill('Leder afstemningen på valgstedet.');
    await page.getByLabel(L.taskType.startTime).fill('07:30');
    await page.getByLabel(L.taskType.endTime).fill('20:00');
    const payment = page.getByLabel(L.taskType.payment);
    // No amount, or 0: the hint says the task is unpaid.
    await page.getByText(L.taskType.noPayment).waitFor();
    await payment.fill('0');
    await page.getByText(L.taskType.noPayment).waitFor();
    await payment.fill('850,50');
    await page.getByText(L.taskType.paymentHint).waitFor();
    expect(await page.getByText(L.taskType.noPayment).count()).toBe(0);
    await page.getByLabel(L.taskType.trusted).check();
    expect(await page.getByLabel(L.taskType.reminders).isChecked()).toBe(true);
    const fields = page.getByLabel(L.taskType.fieldsFormId);
    expect(await fields.locator('option').allTextContents()).toEqual([L.taskType.noFieldsForm, n.form]);
    await fields.selectOption({ label: n.form });
    expect(await page.getByRole('link', { name: fill(L.taskType.openForm, { name: n.form }) }).getAttribute('href')).toBe(`/forms/${formId}`);
    await checkPage('task-type-new');
    await page.getByRole('button', { name: L.kinds['task-types'].create }).click();
    await status(L.kinds['task-types'].created);
    const [row] = await rows<{ id: string }>(
      "SELECT id, title, short_name, to_char(start_time, 'HH24:MI') AS start_time, to_char(end_time, 'HH24:MI') AS end_time, payment::text AS payment, trusted, reminders, fields_form_id FROM task_types WHERE tenant_id = $1",
      [tenant.id],
    );
    expect(row).toEqual({ id: expect.any(String), title: n.taskType, short_name: n.taskShort, start_time: '07:30', end_time: '20:00', payment: '850.50', trusted: true, reminders: true, fields_form_id: formId });
    taskTypeId = row!.id;
    expect(new URL(page.url()).pathname).toBe(`/election/config/task-types/${taskTypeId}`);
    // The saved values read back into the form in the page's language.
    expect(await payment.inputValue()).toBe('850,50');
    await checkPage('task-type-created');
  });

  it('attaches files to the task type: another type refused in words, a real PDF listed and downloaded, one deleted', async () => {
    const chooser = page.getByLabel(L.files.choose);
    const upload = page.getByRole('button', { name: L.files.upload, exact: true });
    const fileCount = async () => (await rows('SELECT id FROM task_type_files WHERE tenant_id = $1', [tenant.id])).length;
    await page.getByText(L.files.none).waitFor();

    // A text file: refused in the browser before anything is sent.
    await chooser.setInputFiles({ name: 'noter.txt', mimeType: 'text/plain', buffer: Buffer.from('bare tekst') });
    await upload.click();
    await page.getByRole('alert').filter({ hasText: fill(L.files.wrongType, { name: 'noter.txt' }) }).waitFor();
    // A PDF over the limit (6 MiB, the limit 5): refused in the browser too, with its size and the limit.
    await chooser.setInputFiles({ name: 'stor.pdf', mimeType: 'application/pdf', buffer: Buffer.concat([PDF, Buffer.alloc(6 * 1024 * 1024)]) });
    await upload.click();
    await page.getByRole('alert').filter({ hasText: fill(L.files.tooLarge, { name: 'stor.pdf', size: '6 MB', max: '5 MB' }) }).waitFor();
    expect(await fileCount()).toBe(0);

    // A file named .pdf that is none: the server reads the bytes and refuses it, in words.
    await chooser.setInputFiles({ name: 'falsk.pdf', mimeType: 'application/pdf', buffer: Buffer.from('not a PDF at all, only text') });
    await upload.click();
    const refusal = page.getByRole('alert').filter({ hasText: L.files.uploadFailed });
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain(codeText('fileType'));
    expect(await fileCount()).toBe(0);
    await checkPage('task-type-file-refused');

    await chooser.setInputFiles({ name: 'instruks.pdf', mimeType: 'application/pdf', buffer: PDF });
    await upload.click();
    await status(fill(L.files.uploaded, { name: 'instruks.pdf' }));
    const fileRow = page.locator('tr[data-file]');
    await fileRow.first().waitFor();
    expect(await fileRow.locator('td').allTextContents()).toEqual(['instruks.pdf', 'PDF', `${PDF.length} B`, fill(L.files.deleteNamed, { name: 'instruks.pdf' })]);
    // The link downloads the bytes as they were sent (fetched in the page: its session, its host).
    const href = (await fileRow.getByRole('link', { name: 'instruks.pdf' }).getAttribute('href'))!;
    const download = await page.evaluate(async (url) => {
      const res = await fetch(url);
      return { status: res.status, type: res.headers.get('content-type'), bytes: Array.from(new Uint8Array(await res.arrayBuffer())) };
    }, href);
    expect({ status: download.status, type: download.type }).toEqual({ status: 200, type: 'application/pdf' });
    expect(Buffer.from(download.bytes).equals(PDF)).toBe(true);
    expect(await fileCount()).toBe(1);
    await checkPage('task-type-file');

    await chooser.setInputFiles({ name: 'ekstra.pdf', mimeType: 'application/pdf', buffer: PDF });
    await upload.click();
    await status(fill(L.files.uploaded, { name: 'ekstra.pdf' }));
    await page.getByRole('button', { name: fill(L.files.deleteNamed, { name: 'ekstra.pdf' }) }).click();
    const dialog = page.getByRole('dialog', { name: fill(L.files.deleteTitle, { name: 'ekstra.pdf' }) });
    await dialog.waitFor();
    await expectAccessible(page);
    await dialog.getByRole('button', { name: L.files.delete }).click();
    await status(fill(L.files.deleted, { name: 'ekstra.pdf' }));
    expect(await page.locator('tr[data-file]').count()).toBe(1);
    expect(await rows('SELECT file_name FROM task_type_files WHERE tenant_id = $1', [tenant.id])).toEqual([{ file_name: 'instruks.pdf' }]);
  });

  it('creates a work location in the area, using the task type and the team', async () => {
    await page.goto(adminUrl('/election/config/work-locations'));
    await heading(L.kinds['work-locations'].heading);
    await page.getByRole('link', { name: L.kinds['work-locations'].new }).click();
    await heading(L.kinds['work-locations'].newHeading);
    await page.getByRole('combobox', { name: new RegExp(`^${L.workLocation.areaId}\\b`) }).selectOption({ label: n.area });
    await page.getByLabel(L.workLocation.name).fill(n.location);
    await page.getByLabel(L.workLocation.address).fill('Skolevej 1');
    await page.getByLabel(L.workLocation.postalCode).fill('9999');
    await page.getByLabel(L.workLocation.city).fill(n.city);
    await page.getByLabel(L.workLocation.districtNumber).fill('3');
    const taskTypes = page.getByRole('group', { name: L.workLocation.taskTypeIds });
    await taskTypes.getByLabel(`${n.taskType} (${n.taskShort})`).check();
    await page.getByRole('group', { name: L.workLocation.teamIds }).getByLabel(n.team).check();
    await checkPage('work-location-new');
    await page.getByRole('button', { name: L.kinds['work-locations'].create }).click();
    await status(L.kinds['work-locations'].created);
    const [location] = await rows<{ id: string }>(
      `SELECT w.id, w.name, a.name AS area, w.address, w.postal_code, w.city, w.district_number,
              (SELECT array_agg(task_type_id::text) FROM work_location_task_types t WHERE t.work_location_id = w.id) AS task_types,
              (SELECT array_agg(team_id::text) FROM work_location_teams t WHERE t.work_location_id = w.id) AS teams
         FROM work_locations w JOIN election_areas a ON a.id = w.area_id WHERE w.tenant_id = $1`,
      [tenant.id],
    );
    const [team] = await rows<{ id: string }>('SELECT id::text FROM teams WHERE tenant_id = $1', [tenant.id]);
    expect(location).toEqual({ id: expect.any(String), name: n.location, area: n.area, address: 'Skolevej 1', postal_code: '9999', city: n.city, district_number: '3', task_types: [taskTypeId], teams: [team!.id] });
    // The form reads the choices back.
    expect(await taskTypes.getByLabel(`${n.taskType} (${n.taskShort})`).isChecked()).toBe(true);
    await checkPage('work-location-created');

    await page.getByRole('link', { name: L.kinds['work-locations'].back }).click();
    await heading(L.kinds['work-locations'].heading);
    await page.locator('tr[data-id]', { hasText: n.location }).waitFor();
    expect(await page.locator('tr[data-id] td').allTextContents()).toEqual([n.location, n.area, `Skolevej 1, 9999 ${n.city}`, '3']);
    await checkPage('work-locations');
  });

  it('creates an election type with its rules as checkboxes and the citizenship scope as radio buttons, saying being alive always applies', async () => {
    await page.goto(adminUrl('/election/config/election-types/new'));
    await heading(L.kinds['election-types'].newHeading);
    await page.getByText(L.electionType.aliveAlways).waitFor();
    await page.getByLabel(L.electionType.name).fill(n.electionType);
    const rules = page.getByRole('group', { name: L.electionType.rules });
    expect(await rules.getByRole('checkbox', { name: L.electionType.rule.age18 }).isChecked()).toBe(true);
    await rules.getByRole('checkbox', { name: L.electionType.rule.resident }).check();
    // The scope appears with the citizenship rule.
    expect(await page.getByRole('radio').count()).toBe(0);
    await rules.getByRole('checkbox', { name: L.electionType.rule.citizenship }).check();
    const scopes = page.getByRole('group', { name: L.electionType.scope });
    const euNordic = (L.electionType.scopes as Record<string, string>)[`nationalEuNordic_${country}`]!;
    expect(await scopes.getByRole('radio', { name: (L.electionType.scopes as Record<string, string>)[`national_${country}`]! }).isChecked()).toBe(true);
    await scopes.getByRole('radio', { name: euNordic }).check();
    await checkPage('election-type-new');
    await page.getByRole('button', { name: L.kinds['election-types'].create }).click();
    await status(L.kinds['election-types'].created);
    const [type] = await rows<{ rules: unknown }>('SELECT rules FROM election_types WHERE tenant_id = $1 AND name = $2', [tenant.id, n.electionType]);
    expect(type?.rules).toEqual([{ rule: 'age18' }, { rule: 'resident' }, { rule: 'citizenship', scope: 'nationalEuNordic' }]);
    await checkPage('election-type-created');

    await page.getByRole('link', { name: L.kinds['election-types'].back }).click();
    await heading(L.kinds['election-types'].heading);
    const row = page.locator('tr[data-id]', { hasText: n.electionType });
    const short = L.electionType.short;
    expect(await row.locator('td').nth(1).textContent()).toBe(`${short.age18}, ${short.resident}, ${(short.citizenship as Record<string, string>)[`nationalEuNordic_${country}`]}`);
    await checkPage('election-types');
  });

  it('refuses to delete the area a work location uses, saying so in words, and keeps it', async () => {
    await page.goto(adminUrl('/election/config/areas'));
    await page.getByRole('link', { name: n.area, exact: true }).click();
    await heading(L.kinds.areas.editHeading);
    await page.getByRole('button', { name: L.kinds.areas.deleteButton }).click();
    const dialog = page.getByRole('dialog', { name: fill(L.kinds.areas.deleteTitle, { name: n.area }) });
    await dialog.waitFor();
    await expectAccessible(page);
    await dialog.getByRole('button', { name: L.form.delete }).click();
    const refusal = page.getByRole('alert').filter({ hasText: L.kinds.areas.deleteFailed });
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain(fill(L.kinds.areas.inUse, { name: n.area }));
    expect((await rows('SELECT id FROM election_areas WHERE tenant_id = $1', [tenant.id])).length).toBe(1);
    await checkPage('area-in-use');
  });

  it('edits the public election pages: the front page per language, FAQ entries added and moved by keyboard', async () => {
    await page.goto(adminUrl('/election/config'));
    await page.getByRole('main').getByRole('link', { name: L.site.heading }).click();
    await heading(L.site.heading);
    await page.getByLabel(fill(L.site.frontPageIn, { language: L.site.languages.da })).fill('Bliv valgstyrer i din kommune.');
    await page.getByLabel(fill(L.site.frontPageIn, { language: L.site.languages.sv })).fill('Bli röstmottagare i din kommun.');
    await page.getByLabel(L.site.fields.faqEnabled).check();
    await page.getByRole('button', { name: L.site.add }).click();
    // The new entry's first question takes the focus.
    const firstQuestion = page.getByLabel(fill(L.site.questionIn, { language: L.site.languages.da })).first();
    expect(await firstQuestion.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('Hvad får jeg i løn?');
    await page.getByRole('button', { name: L.site.add }).click();
    await page.keyboard.type('Hvornår er valget?');
    const entry2 = fill(L.site.faqEntry, { number: 2 });
    const up = page.getByRole('button', { name: fill(L.site.moveUp, { entry: entry2 }) });
    await tabTo(page, up);
    await page.keyboard.press('Enter');
    await status(fill(L.site.faqMoved, { from: 2, to: 1 }));
    // The moved entry is now the first: its "up" is disabled, so its "down" has the focus.
    const down = page.getByRole('button', { name: fill(L.site.moveDown, { entry: fill(L.site.faqEntry, { number: 1 }) }) });
    expect(await down.evaluate((el) => el === document.activeElement)).toBe(true);
    await checkPage('site');
    await page.getByRole('button', { name: L.site.save }).click();
    await status(L.site.saved);
    const [site] = await rows<{ front_page: unknown; faq_enabled: boolean; faq: unknown }>('SELECT front_page, faq_enabled, faq FROM election_site WHERE tenant_id = $1', [tenant.id]);
    expect(site).toEqual({
      front_page: { da: 'Bliv valgstyrer i din kommune.', sv: 'Bli röstmottagare i din kommun.' },
      faq_enabled: true,
      faq: [
        { question: { da: 'Hvornår er valget?' }, answer: {} },
        { question: { da: 'Hvad får jeg i løn?' }, answer: {} },
      ],
    });
  });

  it('works in one election at a time: the current one by default, another chosen in the bar and remembered across a reload', async () => {
    const [type] = await rows<{ id: string }>('SELECT id FROM election_types WHERE tenant_id = $1 AND name = $2', [tenant.id, n.electionType]);
    const [older] = await rows<{ id: string }>("INSERT INTO elections (tenant_id, title, election_type_id, election_day) VALUES ($1, $2, $3, DATE '2025-11-18') RETURNING id", [tenant.id, `${n.electionType} 2025`, type!.id]);
    const [newer] = await rows<{ id: string }>("INSERT INTO elections (tenant_id, title, election_type_id, election_day) VALUES ($1, $2, $3, DATE '2029-11-20') RETURNING id", [tenant.id, `${n.electionType} 2029`, type!.id]);
    await page.goto(adminUrl('/election/config/teams'));
    await heading(L.kinds.teams.heading);
    // None is active: the server's current election is the one with the latest election day.
    const bar = page.getByRole('region', { name: L.shell.region });
    await page.locator(`.election-bar-current[data-election="${newer!.id}"]`).waitFor();
    expect(await bar.getByText(`${n.electionType} 2029`, { exact: true }).count()).toBe(1);
    const select = bar.getByLabel(L.shell.change);
    expect(await select.locator('option').allTextContents()).toEqual([
      fill(L.shell.option, { title: `${n.electionType} 2029`, date: await page.evaluate((l) => new Intl.DateTimeFormat(l, { dateStyle: 'medium' }).format(new Date('2029-11-20')), lang) }),
      fill(L.shell.option, { title: `${n.electionType} 2025`, date: await page.evaluate((l) => new Intl.DateTimeFormat(l, { dateStyle: 'medium' }).format(new Date('2025-11-18')), lang) }),
    ]);
    await checkPage('teams-bar');

    // Chosen in the select, then confirmed with the button reached by Tab (no change on the select alone).
    await tabTo(page, select);
    await select.selectOption(older!.id);
    await tabTo(page, bar.getByRole('button', { name: L.shell.changeButton }));
    await page.keyboard.press('Enter');
    await status(fill(L.shell.changed, { title: `${n.electionType} 2025` }));
    await page.locator(`.election-bar-current[data-election="${older!.id}"]`).waitFor();
    await page.reload();
    await heading(L.kinds.teams.heading);
    await page.locator(`.election-bar-current[data-election="${older!.id}"]`).waitFor();
    // Every page of the module works in it.
    await page.goto(adminUrl('/election/config/areas'));
    await heading(L.kinds.areas.heading);
    await page.locator(`.election-bar-current[data-election="${older!.id}"]`).waitFor();
    expect(await page.evaluate(() => Object.entries(localStorage).filter(([k]) => k.startsWith('tingvalla.election.current')).map(([, v]) => v))).toEqual([older!.id]);
  });

  it('shows no English sentence of the module and no key on any page', () => {
    expect(problems).toEqual([]);
  });
});
