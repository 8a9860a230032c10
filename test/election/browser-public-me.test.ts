// The participant's own pages in Chromium at 360 px on Korsbæk's demo election (Danish): an invitation opened from
// its link, accepted after the e-ID login through the test IdP (Agnes Jensen, the invited person), and another
// rejected without logging in; my tasks with the accepted task, where unregistering is not offered inside the
// election's lock period and the page names the day it ends; my profile edited (phone) and saved; deleting it
// refused after a worked task (with the reason); my data downloaded as PDF and JSON, each audited. Axe and the
// untranslated-text check on every page; nothing wider than the screen.
import type { BrowserContext, Page } from 'playwright-core';
import { QueryTypes } from 'sequelize';
import daPublic from '../../public-ui/src/modules/election/locales/da.json';
import enPublic from '../../public-ui/src/modules/election/locales/en.json';
import svPublic from '../../public-ui/src/modules/election/locales/sv.json';
import { electionDemoData } from '../../engine/modules/election/demo';
import { newInvitationToken } from '../../engine/modules/election/commands/assignments/invitation-link';
import { expectAccessible, launchBrowser, loginThroughTestIdp, screenshot, type TestBrowser } from '../helpers/browser';
import { englishOrKeys, fill } from '../helpers/untranslated';
import { createTestTenant, ownerDb, suiteDatabase, type TestTenant } from '../helpers/factories';
import { startTestPlatform } from '../helpers/platform';

const q = <T extends object>(sql: string, bind: unknown[] = []) => ownerDb().query<T>(sql, { bind, type: QueryTypes.SELECT });

suiteDatabase();
let platform: Awaited<ReturnType<typeof startTestPlatform>>;
let browser: TestBrowser;
let dk: TestTenant;
let se: TestTenant;
let context: BrowserContext;
let page: Page;
const M = daPublic.me;
const problems: string[] = [];
let agnes = '';
let mads = '';
let electionId = '';
let electionDay = '';
let acceptSlot = '';
let rejectSlot = '';
let acceptToken = '';
let rejectToken = '';

const formatDay = (day: string) => new Date(`${day}T12:00:00Z`).toLocaleDateString('da', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

async function check(name: string, on: Page = page, own: object = daPublic, lang = 'da'): Promise<void> {
  await expectAccessible(on);
  problems.push(...(await englishOrKeys(on, enPublic, own)).map((p) => `${lang} ${name}: ${p}`));
  expect(await on.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await screenshot(on, `${lang}-election-me-${name}`);
}

/** Puts the participant on the slot as invited, with a fresh link token (the message would carry it). */
async function invite(slotId: string, participantId: string): Promise<string> {
  const { token, hash } = newInvitationToken();
  await q("UPDATE task_slots SET participant_id = $2, state = 'invited', invited_at = now(), invitation_token_hash = $3 WHERE id = $1", [slotId, participantId, hash]);
  return token;
}

beforeAll(async () => {
  [dk, se] = await Promise.all([createTestTenant({ country: 'DK' }), createTestTenant({ country: 'SE' })]);
  platform = await startTestPlatform([dk.id, se.id], { TEST_IDP: 'on' });
  const deps = { db: platform.db, keyring: platform.identity.keyring, ...(platform.registry ? { registry: platform.registry } : {}) };
  await electionDemoData(deps, dk.id, 'DK');
  await electionDemoData(deps, se.id, 'SE');
  const people = await q<{ id: string; given_name: string }>("SELECT id, given_name FROM participants WHERE tenant_id = $1 AND ((given_name = 'Agnes' AND family_name = 'Jensen') OR (given_name = 'Mads' AND family_name = 'Skjern'))", [dk.id]);
  agnes = people.find((p) => p.given_name === 'Agnes')!.id;
  mads = people.find((p) => p.given_name === 'Mads')!.id;
  const [election] = await q<{ id: string; day: string }>('SELECT id, election_day::text AS day FROM elections WHERE tenant_id = $1', [dk.id]);
  electionId = election!.id;
  electionDay = election!.day;
  // Agnes and Mads start with no tasks; each is invited to one ordinary (not trusted) vacant task on election day.
  await q("UPDATE task_slots SET participant_id = NULL, state = 'vacant' WHERE participant_id = ANY($1::uuid[])", [[agnes, mads]]);
  const vacant = await q<{ id: string }>(
    `SELECT s.id FROM task_slots s JOIN task_types tt ON tt.id = s.task_type_id WHERE s.tenant_id = $1 AND s.election_id = $2 AND s.state = 'vacant' AND NOT tt.trusted AND s.task_date = $3::date ORDER BY tt.start_time, s.id LIMIT 2`,
    [dk.id, electionId, electionDay],
  );
  [acceptSlot, rejectSlot] = vacant.map((v) => v.id) as [string, string];
  acceptToken = await invite(acceptSlot, agnes);
  rejectToken = await invite(rejectSlot, mads);
  browser = await launchBrowser();
  context = await browser.browser.newContext({ locale: 'da-DK', viewport: { width: 360, height: 740 }, acceptDownloads: true });
  page = await context.newPage();
  page.on('pageerror', (err) => {
    throw err;
  });
}, 180_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await platform?.stop();
});

describe('invitations', () => {
  it('one is rejected without logging in, after a confirmation; its link then says it was answered', async () => {
    await page.goto(platform.url(dk.publicHost, `/valg/invitation/${rejectToken}`));
    await page.getByRole('heading', { level: 1, name: M.invitation.heading, exact: true }).waitFor();
    await page.getByText(M.invitation.loginToAccept).waitFor();
    expect(await page.innerText('main')).not.toMatch(/Mads|Skjern/);
    await check('invitation-anonymous');
    await page.getByRole('button', { name: M.invitation.reject, exact: true }).click();
    await page.getByText(M.invitation.rejectConfirm).waitFor();
    await check('invitation-reject-confirm');
    await page.getByRole('button', { name: M.invitation.rejectYes, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: M.invitation.rejectedHeading, exact: true }).waitFor();
    const [slot] = await q<{ state: string; participant_id: string | null }>('SELECT state, participant_id FROM task_slots WHERE id = $1', [rejectSlot]);
    expect(slot).toEqual({ state: 'vacant', participant_id: null });
    expect(await q('SELECT participant_id FROM task_rejections WHERE slot_id = $1', [rejectSlot])).toEqual([{ participant_id: mads }]);
    await check('invitation-rejected');
    // Its link again: the task, and that it was answered (no buttons).
    await page.goto(platform.url(dk.publicHost, `/valg/invitation/${rejectToken}`));
    await page.getByTestId('invitation-status').filter({ hasText: M.invitation.answered }).waitFor();
    expect(await page.getByRole('button', { name: M.invitation.accept, exact: true }).count()).toBe(0);
    await check('invitation-answered');
    // A link nobody has says it does not work.
    await page.goto(platform.url(dk.publicHost, `/valg/invitation/${'x'.repeat(43)}`));
    await page.getByRole('heading', { level: 1, name: M.invitation.unknownHeading, exact: true }).waitFor();
    await check('invitation-gone');
  });

  it('the other is accepted by the invited person after the MitID login, back on the same page', async () => {
    await page.goto(platform.url(dk.publicHost, `/valg/invitation/${acceptToken}`));
    await page.getByRole('heading', { level: 1, name: M.invitation.heading, exact: true }).waitFor();
    await page.getByRole('link', { name: M.login, exact: true }).click();
    await loginThroughTestIdp(page, /Agnes Jensen/);
    await page.waitForURL(/\/valg\/invitation\//);
    const accept = page.getByRole('button', { name: M.invitation.accept, exact: true });
    await accept.waitFor();
    await check('invitation-logged-in');
    await accept.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: M.invitation.acceptedHeading, exact: true }).waitFor();
    const [slot] = await q<{ state: string; participant_id: string | null }>('SELECT state, participant_id FROM task_slots WHERE id = $1', [acceptSlot]);
    expect(slot).toEqual({ state: 'accepted', participant_id: agnes });
    await check('invitation-accepted');
  });
});

describe('my tasks', () => {
  it('show the accepted task; inside the lock period unregistering is not offered and the day it ends is named', async () => {
    // The election's lock period starts today (it ends on election day).
    await q('UPDATE elections SET lock_days = GREATEST(0, election_day - current_date) WHERE id = $1', [electionId]);
    await page.getByRole('link', { name: M.invitation.toMyTasks }).click();
    await page.getByRole('heading', { level: 1, name: M.nav.tasks, exact: true }).waitFor();
    const card = page.getByTestId('my-task');
    await card.waitFor();
    expect(await card.count()).toBe(1);
    expect(await card.innerText()).toContain(M.tasks.accepted);
    expect(await page.getByTestId('task-locked').textContent()).toBe(fill(M.tasks.locked, { ends: formatDay(electionDay) }));
    expect(await page.getByRole('button', { name: M.tasks.unregister }).count()).toBe(0);
    expect(new URL(page.url()).pathname).toBe('/valg/mine-opgaver');
    await check('tasks-locked');
  });
});

describe('my profile', () => {
  beforeAll(async () => {
    // A task Agnes worked at an earlier election: the payment needs her data.
    const [past] = await q<{ id: string }>(
      "INSERT INTO elections (tenant_id, title, election_type_id, election_day, first_task_date, last_task_date) SELECT tenant_id, 'Tidligere valg', election_type_id, current_date - 30, current_date - 30, current_date - 30 FROM elections WHERE id = $1 RETURNING id",
      [electionId],
    );
    await q(
      `INSERT INTO task_slots (tenant_id, election_id, work_location_id, task_type_id, team_id, task_date, participant_id, state, invited_at, answered_at)
       SELECT tenant_id, $2, work_location_id, task_type_id, team_id, current_date - 30, $3, 'accepted', now(), now() FROM task_slots WHERE id = $1`,
      [acceptSlot, past!.id, agnes],
    );
  });

  it('shows the registry’s data and saves a changed phone number', async () => {
    await page.getByRole('navigation', { name: M.nav.label }).getByRole('link', { name: M.nav.profile }).click();
    await page.getByRole('heading', { level: 1, name: M.nav.profile, exact: true }).waitFor();
    await page.locator('main').getByText('Agnes Jensen', { exact: true }).waitFor();
    await check('profile');
    await page.getByLabel(M.profile.phone, { exact: true }).fill('+45 21 22 23 24');
    await page.getByRole('button', { name: M.profile.save }).click();
    await page.getByText(M.profile.saved).waitFor();
    expect(await q('SELECT phone FROM participants WHERE id = $1', [agnes])).toEqual([{ phone: '+45 21 22 23 24' }]);
    await check('profile-saved');
  });

  it('does not offer deletion after a worked task, and says why', async () => {
    expect(await page.getByTestId('delete-refused').textContent()).toBe(M.refusals.taskWorked);
    expect(await page.getByRole('button', { name: M.profile.delete }).count()).toBe(0);
    expect(await q('SELECT id FROM participants WHERE id = $1', [agnes])).toEqual([{ id: agnes }]);
  });

  it('downloads my data as PDF and JSON, each download audited', async () => {
    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: M.profile.dataPdf }).click()]);
    expect(pdf.suggestedFilename()).toBe('my-data.pdf');
    const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: M.profile.dataJson }).click()]);
    expect(json.suggestedFilename()).toBe('my-data.json');
    const path = await json.path();
    const data = JSON.parse(await import('node:fs').then((fs) => fs.readFileSync(path, 'utf8'))) as { person: { givenName: string; familyName: string } };
    expect(data.person).toMatchObject({ givenName: 'Agnes', familyName: 'Jensen' });
    const audit = await q<{ summary: { format: string } }>("SELECT summary FROM audit_log WHERE tenant_id = $1 AND action = 'election.myDataExported' AND entity_id = $2 ORDER BY seq", [dk.id, agnes]);
    expect(audit.map((a) => a.summary.format)).toEqual(['pdf', 'json']);
  });
});

describe('at desktop width', () => {
  it('my tasks and my profile fit 1280 px and stay axe-clean', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    for (const [path, heading] of [['/valg/mine-opgaver', M.nav.tasks], ['/valg/min-profil', M.nav.profile]] as const) {
      await page.goto(platform.url(dk.publicHost, path));
      await page.getByRole('heading', { level: 1, name: heading, exact: true }).waitFor();
      await page.locator('main').getByText('Agnes Jensen', { exact: true }).or(page.getByTestId('my-task')).first().waitFor();
      await expectAccessible(page);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
      problems.push(...(await englishOrKeys(page, enPublic, daPublic)).map((p) => `da desktop ${path}: ${p}`));
    }
    await page.setViewportSize({ width: 360, height: 740 });
  });
});

describe('a Swedish participant (Småköping, BankID)', () => {
  const S = svPublic.me;
  let sv: Page;
  let anna = '';
  let annaSlot = '';

  beforeAll(async () => {
    const [p] = await q<{ id: string }>("SELECT id FROM participants WHERE tenant_id = $1 AND given_name = 'Anna' AND family_name = 'Lindqvist'", [se.id]);
    anna = p!.id;
    // Anna holds exactly one accepted, ordinary task on election day (the election is far off: no lock period yet).
    await q("UPDATE task_slots SET participant_id = NULL, state = 'vacant' WHERE participant_id = $1", [anna]);
    const [slot] = await q<{ id: string }>(
      "SELECT s.id FROM task_slots s JOIN task_types tt ON tt.id = s.task_type_id WHERE s.tenant_id = $1 AND s.state = 'vacant' AND NOT tt.trusted ORDER BY tt.start_time, s.id LIMIT 1",
      [se.id],
    );
    annaSlot = slot!.id;
    await q("UPDATE task_slots SET participant_id = $2, state = 'accepted', invited_at = now(), answered_at = now() WHERE id = $1", [annaSlot, anna]);
    const ctx = await browser.browser.newContext({ locale: 'sv-SE', viewport: { width: 360, height: 740 } });
    sv = await ctx.newPage();
    sv.on('pageerror', (err) => {
      throw err;
    });
  });

  it('logs in from my tasks and unregisters from the task after a confirmation, in Swedish', async () => {
    await sv.goto(platform.url(se.publicHost, '/val/mina-uppdrag'));
    await sv.getByRole('heading', { level: 1, name: S.nav.tasks, exact: true }).waitFor();
    await sv.getByText(S.tasks.loginFirst).waitFor();
    await check('tasks-anonymous', sv, svPublic, 'sv');
    await sv.getByRole('link', { name: S.login, exact: true }).click();
    await loginThroughTestIdp(sv, /Anna Lindqvist/);
    await sv.waitForURL(/\/val\/mina-uppdrag/);
    await sv.getByTestId('my-task').waitFor();
    await check('tasks', sv, svPublic, 'sv');
    await sv.getByRole('button', { name: S.tasks.unregister }).click();
    const yes = sv.getByRole('button', { name: S.tasks.unregisterYes });
    await yes.waitFor();
    await check('tasks-confirm', sv, svPublic, 'sv');
    await sv.keyboard.press('Enter'); // the confirmation's first button has the focus
    await sv.getByText(S.tasks.none).waitFor();
    expect(await q('SELECT state, participant_id FROM task_slots WHERE id = $1', [annaSlot])).toEqual([{ state: 'vacant', participant_id: null }]);
    await check('tasks-unregistered', sv, svPublic, 'sv');
  });

  it('shows the election section on the site’s profile page, and deletes the election profile after a confirmation', async () => {
    await sv.goto(platform.url(se.publicHost, '/profile'));
    const section = sv.getByRole('region', { name: S.section.heading });
    await section.waitFor();
    await check('site-profile', sv, svPublic, 'sv');
    await section.getByRole('link', { name: S.section.profile }).click();
    await sv.getByRole('heading', { level: 1, name: S.nav.profile, exact: true }).waitFor();
    expect(new URL(sv.url()).pathname).toBe('/val/min-profil');
    await sv.locator('main').getByText('Anna Lindqvist', { exact: true }).waitFor();
    await check('profile', sv, svPublic, 'sv');
    await sv.getByRole('button', { name: S.profile.delete, exact: true }).click();
    await sv.getByText(S.profile.deleteConfirm).waitFor();
    await check('profile-delete-confirm', sv, svPublic, 'sv');
    await sv.getByRole('button', { name: S.profile.deleteYes }).click();
    await sv.getByText(S.profile.deleted).waitFor();
    expect(await q('SELECT id FROM participants WHERE id = $1', [anna])).toEqual([]);
    await check('profile-deleted', sv, svPublic, 'sv');
  });
});

describe('the texts', () => {
  it('have no English sentences or text keys on the Danish and Swedish pages (checked last)', () => {
    expect(problems).toEqual([]);
  });
});
