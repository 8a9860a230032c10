// The group messages' page on the admin site in Chromium, axe-core clean at every step, by keyboard where it
// matters. On a Danish tenant given Korsbæk's demo election and logged in as its administrator: the wizard —
// channels, free text with merge fields, the accepted participants — previews the count the database gives and
// three messages rendered with the participants' own names; the send shows a progress bar that goes to the end,
// still there after a reload; the earlier messages list it; the e-mail outbox holds one message per person sent.
import type { Page } from 'playwright-core';
import { QueryTypes } from 'sequelize';
import daTexts from '../../admin-ui/src/modules/election/locales/da.json';
import { randomUUID } from 'node:crypto';
import { expectAccessible, launchBrowser, loginThroughTestIdp, screenshot, type TestBrowser } from '../helpers/browser';
import { createTestTenant, ownerDb, suiteDatabase, type TestTenant } from '../helpers/factories';
import { startTestPlatform } from '../helpers/platform';

const q = <T extends object>(sql: string, bind: unknown[] = []) => ownerDb().query<T>(sql, { bind, type: QueryTypes.SELECT });
const G = daTexts.groupMessages;

const one = async <T extends object>(sql: string, bind: unknown[] = []): Promise<T> => (await q<T>(sql, bind))[0]!;

/** An election with two work locations, a team and a task type; 5 participants accepted, 2 invited, 1 without e-mail. */
async function fixture(tenantId: string): Promise<string> {
  const type = await one<{ id: string }>("INSERT INTO election_types (tenant_id, name) VALUES ($1, 'Folketingsvalg') RETURNING id", [tenantId]);
  const election = await one<{ id: string }>(
    "INSERT INTO elections (tenant_id, title, election_type_id, election_day, first_task_date, last_task_date) VALUES ($1, 'Folketingsvalg 2030', $2, DATE '2030-06-02', DATE '2030-06-01', DATE '2030-06-02') RETURNING id",
    [tenantId, type.id],
  );
  const area = await one<{ id: string }>("INSERT INTO election_areas (tenant_id, name) VALUES ($1, 'Nord') RETURNING id", [tenantId]);
  const location = await one<{ id: string }>("INSERT INTO work_locations (tenant_id, area_id, name, address) VALUES ($1, $2, 'Korsbæk Skole', 'Skolevej 1') RETURNING id", [tenantId, area.id]);
  const taskType = await one<{ id: string }>("INSERT INTO task_types (tenant_id, title, short_name, start_time, end_time) VALUES ($1, 'Valgstyrer', 'VS', '07:00', '20:00') RETURNING id", [tenantId]);
  const team = await one<{ id: string }>("INSERT INTO teams (tenant_id, name, short_name) VALUES ($1, 'Borgerservice', 'BS') RETURNING id", [tenantId]);
  await q('INSERT INTO election_work_locations (tenant_id, election_id, work_location_id) VALUES ($1, $2, $3)', [tenantId, election.id, location.id]);
  const people = await q<{ id: string }>(
    `INSERT INTO participants (tenant_id, personal_number_country, personal_number_sealed, personal_number_hash, personal_number_masked,
                               given_name, family_name, birth_date, municipality_code, citizenship, registry_checked_at, email)
     SELECT $1, 'DK', '\\x00'::bytea, 'hash-' || $2 || '-' || g, '010190-xxxx', (ARRAY['Agnes','Holger','Misse','Daniel','Maude','Ulla','Mads','Arnold'])[g], 'Varnæs',
            DATE '1990-01-01', '0101', 'DK', now(), CASE WHEN g = 5 THEN NULL ELSE 'person' || g || '@example.test' END
       FROM generate_series(1, 8) g ORDER BY g RETURNING id`,
    [tenantId, randomUUID()],
  );
  const ids = people.map((p) => p.id);
  await q(
    `INSERT INTO task_slots (tenant_id, election_id, work_location_id, task_type_id, team_id, task_date, participant_id, state)
     SELECT $1, $2, $3, $4, $5, DATE '2030-06-02', p, CASE WHEN o <= 5 THEN 'accepted' ELSE 'invited' END FROM unnest($6::uuid[]) WITH ORDINALITY AS u(p, o) WHERE o <= 7`,
    [tenantId, election.id, location.id, taskType.id, team.id, ids],
  );
  return election.id;
}

suiteDatabase();
let platform: Awaited<ReturnType<typeof startTestPlatform>>;
let browser: TestBrowser;
let dk: TestTenant;
let page: Page;
let electionId = '';

beforeAll(async () => {
  dk = await createTestTenant({ country: 'DK' });
  platform = await startTestPlatform([dk.id], { TEST_IDP: 'on' });
  browser = await launchBrowser();
  electionId = await fixture(dk.id);
  page = await browser.newPage();
  await page.goto(platform.url(dk.adminHost, '/election/group-messages'));
  await loginThroughTestIdp(page, /Lauritz Jensen/);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

it('composes, previews and sends a group message, its progress bar going to the end and surviving a reload', async () => {
  await page.getByRole('heading', { level: 1, name: G.heading, exact: true }).waitFor();
  await page.getByRole('heading', { level: 2, name: G.steps.channels, exact: true }).waitFor();
  await expectAccessible(page);

  // Step 1: e-mail is chosen already; nothing chosen is refused in words.
  const email = page.getByRole('checkbox', { name: G.channel.email, exact: true });
  expect(await email.isChecked()).toBe(true);
  await email.uncheck();
  await page.getByRole('button', { name: G.next }).click();
  await page.getByRole('alert').filter({ hasText: G.errors.channel }).waitFor();
  await email.check();
  await page.getByRole('button', { name: G.next }).click();

  // Step 2: free text with merge fields (typed by keyboard).
  await page.getByRole('heading', { level: 2, name: G.steps.content, exact: true }).waitFor();
  await page.getByRole('radio', { name: G.mode.free, exact: true }).check();
  await page.getByLabel(G.subject, { exact: true }).fill('Mødetid til {{election}}');
  await page.getByLabel(G.body, { exact: true }).focus();
  await page.keyboard.type('Kære {{name}}, husk at møde op på {{workLocation}}.');
  await expectAccessible(page);
  await page.getByRole('button', { name: G.next }).click();

  // Step 3: the accepted only.
  await page.getByRole('heading', { level: 2, name: G.steps.recipients, exact: true }).waitFor();
  await page.getByRole('checkbox', { name: G.status.accepted, exact: true }).check();
  await expectAccessible(page);
  await page.getByRole('button', { name: G.next }).click();

  // Step 4: the count is the database's, the samples carry the participants' own names.
  await page.getByRole('heading', { level: 2, name: G.steps.preview, exact: true }).waitFor();
  const expected = await q<{ id: string; name: string }>(
    "SELECT DISTINCT p.id, p.given_name || ' ' || p.family_name AS name FROM task_slots s JOIN participants p ON p.id = s.participant_id WHERE s.election_id = $1 AND s.state = 'accepted'",
    [electionId],
  );
  expect(expected.length).toBe(5);
  const count = page.getByTestId('group-message-count');
  await count.waitFor();
  expect(await count.textContent()).toContain(String(expected.length));
  const samples = page.locator('.group-message-sample');
  expect(await samples.count()).toBe(Math.min(3, expected.length));
  const sampleText = (await samples.allTextContents()).join('\n');
  expect(sampleText).toContain('Mødetid til ');
  expect(expected.some((p) => sampleText.includes(`Kære ${p.name},`))).toBe(true);
  expect(sampleText).not.toContain('{{');
  await expectAccessible(page);
  await screenshot(page, 'da-group-message-preview');

  // Send: the progress bar goes to the end.
  await page.getByRole('button', { name: new RegExp(`^Send til `) }).click();
  const progress = page.getByTestId('group-message-progress');
  await progress.waitFor();
  await page.waitForFunction(() => document.querySelector('[data-testid="group-message-progress"]')?.getAttribute('data-status') === 'done', undefined, { timeout: 120_000 });
  const bar = page.getByRole('progressbar', { name: G.progressLabel });
  expect(await bar.getAttribute('value')).toBe(await bar.getAttribute('max'));
  expect(page.url()).toMatch(/\?message=[0-9a-f-]{36}$/);
  await expectAccessible(page);
  await screenshot(page, 'da-group-message-done');

  const [row] = await q<{ id: string; total: number; sent: number; failed: number; status: string }>('SELECT id, total, sent, failed, status FROM group_messages WHERE tenant_id = $1 AND status <> $2', [dk.id, 'draft']);
  expect(row).toMatchObject({ total: expected.length, status: 'done' });
  expect(row!.sent + row!.failed).toBe(expected.length);
  expect(await progress.textContent()).toContain(`${row!.sent} af ${row!.total} sendt`);

  // The progress survives a reload; the earlier messages list it.
  await page.reload();
  await page.getByTestId('group-message-progress').waitFor();
  expect(await page.getByTestId('group-message-progress').getAttribute('data-status')).toBe('done');
  const earlier = page.getByRole('table', { name: G.earlier });
  await earlier.waitFor();
  expect(await earlier.getByRole('row').count()).toBe(2);

  // Each person with an e-mail address got one e-mail.
  const mails = await page.evaluate(async () => ((await (await fetch('/api/dev/outbox')).json()) as { messages: { subject: string; channel?: string }[] }).messages);
  expect(mails.filter((m) => m.subject.startsWith('Mødetid til ')).length).toBe(row!.sent);

  // A new message starts the wizard again, by keyboard.
  await page.getByRole('button', { name: G.new }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 2, name: G.steps.channels, exact: true }).waitFor();
}, 240_000);
