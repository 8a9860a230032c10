// The deletion-after-the-election page on the admin site in Chromium, axe-core clean. On a Danish tenant with an
// election of three participants (assignment-fixtures) and logged in as its administrator: the page shows the election's dates (deletion three
// months after election day, the review two weeks before) and the review list — everyone who did not consent is
// to be deleted, one participant who consented is kept with the consent's date; a postponement to a date past
// the latest allowed is refused in Danish naming the dates; a valid one with a reason is saved (database, audit
// row without the reason's text) and the form goes away (a second one is refused: test/workflows/election-retention). No English sentence nor a key on the page.
import type { Page } from 'playwright-core';
import { QueryTypes } from 'sequelize';
import daTexts from '../../admin-ui/src/modules/election/locales/da.json';
import enTexts from '../../admin-ui/src/modules/election/locales/en.json';
import { expectAccessible, launchBrowser, loginThroughTestIdp, screenshot, type TestBrowser } from '../helpers/browser';
import { englishOrKeys } from '../helpers/untranslated';
import { createTestTenant, ownerDb, suiteDatabase, type TestTenant } from '../helpers/factories';
import { startTestPlatform } from '../helpers/platform';
import { electionFixture, insertParticipants, insertSlots, TASK_DATE } from './assignment-fixtures';

const q = <T extends object>(sql: string, bind: unknown[] = []) => ownerDb().query<T>(sql, { bind, type: QueryTypes.SELECT });
const R = daTexts.retention;

suiteDatabase();
let platform: Awaited<ReturnType<typeof startTestPlatform>>;
let browser: TestBrowser;
let dk: TestTenant;
let page: Page;
let electionId = '';
let electionDay = '';
let kept = '';

const addMonthsDays = (date: string, months: number, days: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

beforeAll(async () => {
  dk = await createTestTenant({ country: 'DK' });
  platform = await startTestPlatform([dk.id], { TEST_IDP: 'on' });
  browser = await launchBrowser();
  const f = await electionFixture(dk.id);
  electionId = f.electionId;
  electionDay = TASK_DATE;
  await q("UPDATE elections SET active = true, setup_step = 'done' WHERE id = $1", [electionId]);
  const people = await insertParticipants(dk.id, [{ givenName: 'Agnes', familyName: 'Holm' }, { givenName: 'Bodil', familyName: 'Krogh' }, { givenName: 'Carl', familyName: 'Lund' }]);
  const slots = await insertSlots(f, people.length);
  for (const [i, id] of people.entries()) await q("UPDATE task_slots SET participant_id = $1, state = 'accepted' WHERE id = $2", [id, slots[i]]);
  // One of the election's participants consented on the public site: a citizen login, the site's consent statement.
  const [person] = await q<{ id: string; name: string }>(
    "SELECT p.id, p.given_name || ' ' || p.family_name AS name FROM participants p JOIN task_slots s ON s.participant_id = p.id WHERE s.election_id = $1 ORDER BY p.id LIMIT 1",
    [electionId],
  );
  kept = person!.name;
  const [user] = await q<{ id: string }>("INSERT INTO users (tenant_id, kind, subject_hash, display_name, roles) VALUES ($1, 'citizen', 'hash-retention-test', $2, '{participant}') RETURNING id", [dk.id, kept]);
  await q('UPDATE participants SET user_id = $1 WHERE id = $2', [user!.id, person!.id]);
  const [form] = await q<{ id: string }>("INSERT INTO form_definitions (tenant_id, kind, name, draft, latest_version) VALUES ($1, 'consentStatement', 'Samtykke', '{}'::jsonb, 1) RETURNING id", [dk.id]);
  await q("INSERT INTO form_versions (tenant_id, definition_id, version, definition, content_hash, published_by) VALUES ($1, $2, 1, '{}'::jsonb, 'h', 'test')", [dk.id, form!.id]);
  await q('INSERT INTO election_site (tenant_id, privacy_form_id) VALUES ($1, $2) ON CONFLICT (tenant_id) DO UPDATE SET privacy_form_id = $2', [dk.id, form!.id]);
  const [submission] = await q<{ id: string }>("INSERT INTO form_submissions (tenant_id, definition_id, version, answers_sealed, submitted_by) VALUES ($1, $2, 1, '\\x00'::bytea, $3) RETURNING id", [dk.id, form!.id, user!.id]);
  await q('INSERT INTO consent_records (tenant_id, user_id, definition_id, version, submission_id, consents) VALUES ($1, $2, $3, 1, $4, \'{"keep": true}\'::jsonb)', [dk.id, user!.id, form!.id, submission!.id]);
  page = await browser.newPage();
  await page.goto(platform.url(dk.adminHost, '/election/retention'));
  await loginThroughTestIdp(page, /Lauritz Jensen/);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

it('shows the review list and postpones the deletion once, with a reason', async () => {
  await page.getByRole('heading', { level: 1, name: R.heading, exact: true }).waitFor();
  await page.getByRole('heading', { level: 2, name: R.listHeading }).waitFor();
  const participants = await q<{ n: number }>('SELECT count(DISTINCT participant_id)::integer AS n FROM task_slots WHERE election_id = $1 AND participant_id IS NOT NULL', [electionId]);
  const total = participants[0]!.n;
  expect(total).toBeGreaterThan(1);
  const rows = page.getByRole('table').getByRole('row');
  expect(await rows.count()).toBe(total + 1);
  const keptRow = page.getByRole('row').filter({ hasText: kept });
  expect(await keptRow.getByRole('cell').nth(1).textContent()).toBe(R.decisions.keepConsent);
  expect(await keptRow.getByRole('cell').nth(2).textContent()).toContain('Har givet samtykke');
  expect(await page.getByRole('cell', { name: R.decisions.delete, exact: true }).count()).toBe(total - 1);
  await expectAccessible(page);

  // A date past the latest allowed: refused, in Danish, naming the dates.
  const deletionDate = addMonthsDays(electionDay, 3, 0);
  await page.getByLabel(R.until).fill(addMonthsDays(electionDay, 11, 0));
  await page.getByLabel(R.reason).fill('Klagesag om valget er ikke afgjort');
  await page.getByRole('button', { name: R.postpone }).click();
  await page.getByRole('alert').filter({ hasText: `Vælg en dato efter ${deletionDate}` }).waitFor();
  expect(await q('SELECT 1 FROM election_retentions WHERE election_id = $1 AND postponed_until IS NOT NULL', [electionId])).toHaveLength(0);

  // A week later: saved, audited without the reason's text, and the form is gone.
  const until = addMonthsDays(electionDay, 3, 7);
  await page.getByLabel(R.until).fill(until);
  await page.getByRole('button', { name: R.postpone }).click();
  await page.getByRole('term').filter({ hasText: R.postponedReason }).waitFor();
  expect(await page.getByRole('button', { name: R.postpone }).count()).toBe(0);
  const [row] = await q<{ postponed_until: string; postpone_reason: string }>('SELECT postponed_until::text, postpone_reason FROM election_retentions WHERE election_id = $1', [electionId]);
  expect(row).toEqual({ postponed_until: until, postpone_reason: 'Klagesag om valget er ikke afgjort' });
  const audits = await q<{ summary: Record<string, unknown> }>("SELECT summary FROM audit_log WHERE tenant_id = $1 AND action = 'election.retentionPostponed'", [dk.id]);
  expect(audits).toHaveLength(1);
  expect(JSON.stringify(audits[0]!.summary)).not.toContain('Klagesag');

  await expectAccessible(page);
  expect(await englishOrKeys(page, enTexts, daTexts)).toEqual([]);
  await screenshot(page, 'da-retention');
});
