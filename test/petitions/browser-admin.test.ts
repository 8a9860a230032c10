// The petitions' pages on the admin site in Chromium, on a Danish and a Swedish tenant, axe-core on every page:
// proposals made with the module's commands wait in the moderation queue, the oldest first, with the time
// waited in words and the overdue one marked; one is returned for changes with a message, another approved
// (it opens: count 0 and its closing date); votes cast with the commands show as the count and the chart's
// data; the vote window is extended by 10 days (the closing date moves) and refused past the flow's cap, in
// words; an update is posted on the public timeline; the window is closed early (the dialog says the voters
// are erased) and the answer posted with a PDF (a file that is no PDF refused in words); the third proposal's
// wording is corrected (the original kept) and it is rejected with a reason. The list filters by status and
// searches the titles. No page shows an English sentence of the module's texts, or a key.
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { castVote } from '../../engine/modules/petitions/commands/cast-vote';
import { confirmPetitionEmail } from '../../engine/modules/petitions/commands/confirm-petition-email';
import { proposePetition } from '../../engine/modules/petitions/commands/propose-petition';
import daTexts from '../../admin-ui/src/modules/petitions/locales/da.json';
import enTexts from '../../admin-ui/src/modules/petitions/locales/en.json';
import svTexts from '../../admin-ui/src/modules/petitions/locales/sv.json';
import { expectAccessible, expectTitle, launchBrowser, loginThroughTestIdp, screenshot, tabTo, type TestBrowser } from '../helpers/browser';
import { englishOrKeys } from '../helpers/untranslated';
import { createTestTenant, suiteDatabase, type TestTenant } from '../helpers/factories';
import { startTestPlatform } from '../helpers/platform';
import { anonymous, answers, citizen, cpr, ownerRows, petitionDeps } from './helpers';


const db = suiteDatabase();
const deps = petitionDeps(db);
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

const DAY_MS = 86_400_000;

describe.each([
  { lang: 'da', country: 'DK' as const, person: /Lauritz Jensen/, texts: daTexts, words: { six: '6 dage', three: '3 dage' }, title: 'Flere bænke i byparken' },
  { lang: 'sv', country: 'SE' as const, person: /Birgitta Sjöberg/, texts: svTexts, words: { six: '6 dagar', three: '3 dagar' }, title: 'Fler bänkar i stadsparken' },
])('on a $country tenant', ({ lang, country, person, texts: L, words, title }) => {
  let tenant: TestTenant;
  let page: Page;
  const ids: Record<'overdue' | 'middle' | 'fresh', string> = { overdue: '', middle: '', fresh: '' };
  const titles = { overdue: `${title} – nord`, middle: `${title} – syd`, fresh: `${title} – øst` };
  const problems: string[] = [];

  /** axe, and no English sentence or key of the module on the page as it is now. */
  async function checkPage(name: string): Promise<void> {
    await expectAccessible(page);
    problems.push(...(await englishOrKeys(page, enTexts, L)).map((p) => `${name}: ${p}`));
    await screenshot(page, `${lang}-petitions-${name}`);
  }

  const adminUrl = (path: string) => platform.url(tenant.adminHost, path);
  const statusOf = async (id: string) => (await ownerRows<{ status: string }>('SELECT status FROM petitions WHERE id = $1', [id]))[0]?.status;
  const closesAt = async (id: string) => (await ownerRows<{ closes_at: Date }>('SELECT closes_at FROM petitions WHERE id = $1', [id]))[0]!.closes_at;
  /** A date and time as the page writes it (admin-ui/src/dates.ts), in the browser's own Intl. */
  const shown = (at: Date) => page.evaluate(([iso, locale]) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso!)), [at.toISOString(), lang]);

  beforeAll(async () => {
    tenant = await createTestTenant({ country, builtinForms: true });
    // Three proposals, confirmed; the first has waited 6 days (overdue: the due time is 5), the second 3.
    for (const [key, ago] of [['overdue', 6], ['middle', 3], ['fresh', 0]] as const) {
      const proposed = await proposePetition(deps, anonymous(tenant.id), { answers: answers({ title: titles[key], proposerEmail: `p-${randomUUID().slice(0, 8)}@example.dk` }) });
      await confirmPetitionEmail(deps, anonymous(tenant.id), proposed.confirmToken);
      ids[key] = proposed.id;
      if (ago) await ownerRows('UPDATE petitions SET moderation_since = now() - make_interval(days => $2) - interval \'1 hour\' WHERE id = $1 RETURNING id', [proposed.id, ago]);
    }
    page = await browser.newPage();
    await page.goto(adminUrl('/petitions/moderation'));
    await loginThroughTestIdp(page, person);
  });

  afterAll(() => page?.context().close());

  it('lists the proposals awaiting moderation, the oldest first, the time waited in words and the overdue one marked', async () => {
    await page.getByRole('heading', { level: 1, name: L.moderation.heading }).waitFor();
    await page.locator('tr[data-petition]').first().waitFor();
    expect(await page.locator('tr[data-petition]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-petition')))).toEqual([ids.overdue, ids.middle, ids.fresh]);
    const overdue = page.locator(`tr[data-petition="${ids.overdue}"]`);
    expect(await overdue.getAttribute('data-overdue')).toBe('true');
    expect(await overdue.textContent()).toContain(words.six);
    expect(await overdue.locator('.petition-badge-overdue').textContent()).toBe(L.moderation.overdue);
    expect(await page.locator(`tr[data-petition="${ids.middle}"]`).textContent()).toContain(words.three);
    expect(await page.locator(`tr[data-petition="${ids.middle}"] .petition-badge-overdue`).count()).toBe(0);
    expect(await page.getByText(L.moderation.overdueNotice_one.replace('{{count}}', '1').replace('{{days}}', '5')).count()).toBe(1);
    await expectTitle(page, L.nav.moderation, { contains: true });
    // The module's group in the navigation, with both pages.
    const nav = page.getByRole('navigation', { name: 'Administration' });
    expect(await nav.getByRole('list', { name: L.nav.group }).getByRole('link').allTextContents()).toEqual([L.nav.moderation, L.nav.list]);
    await checkPage('moderation');
  });

  it('returns a proposal for changes with a message: its status changes and it leaves the queue', async () => {
    await page.getByRole('link', { name: titles.middle }).click();
    await page.getByRole('heading', { level: 1, name: titles.middle }).waitFor();
    await expectTitle(page, titles.middle, { contains: true });
    // Only "the proposer": no name or e-mail on the page.
    const body = await page.locator('main').innerText();
    expect(body).not.toContain('Karen Madsen');
    expect(body).not.toContain('@example.dk');
    await checkPage('awaiting-moderation');

    await page.getByLabel(L.actions.return.message).fill('Skriv venligst, hvor i parken bænkene skal stå.');
    await page.getByRole('button', { name: L.actions.return.button }).click();
    const dialog = page.getByRole('dialog', { name: L.actions.return.confirmTitle });
    await dialog.waitFor();
    await expectAccessible(page);
    await dialog.getByRole('button', { name: L.actions.return.button }).click();
    await page.getByRole('status').filter({ hasText: L.actions.return.done }).waitFor();
    await page.locator('.petition-status', { hasText: L.status.returned }).waitFor();
    expect(await statusOf(ids.middle)).toBe('returned');
    await page.getByText('Skriv venligst, hvor i parken bænkene skal stå.').waitFor();
    await checkPage('returned');

    await page.goto(adminUrl('/petitions/moderation'));
    await page.locator(`tr[data-petition="${ids.overdue}"]`).waitFor();
    expect(await page.locator('tr[data-petition]').count()).toBe(2);
  });

  it('refuses a rejection without a reason at the form, and keeps the proposal', async () => {
    await page.goto(adminUrl(`/petitions/${ids.fresh}`));
    await page.getByRole('heading', { level: 1, name: titles.fresh }).waitFor();
    await page.getByRole('button', { name: L.actions.reject.button, exact: true }).click();
    await page.getByText(L.actions.reject.missing).waitFor();
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(await statusOf(ids.fresh)).toBe('awaitingModeration');
    // The reasons in words.
    expect(await page.getByLabel(L.actions.reject.reason).locator('option').allTextContents()).toEqual([L.actions.reject.chooseReason, ...Object.values(L.reasons)]);
    await checkPage('reject-refused');
  });

  it('approves a proposal by keyboard: it opens with the count 0 and its closing date', async () => {
    await page.goto(adminUrl(`/petitions/${ids.overdue}`));
    await page.getByRole('heading', { level: 1, name: titles.overdue }).waitFor();
    const approve = page.getByRole('button', { name: L.actions.approve.button });
    await tabTo(page, approve);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: L.actions.approve.confirmTitle });
    await dialog.waitFor();
    // The safe choice has the focus; Tab reaches the approval.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.locator('.petition-status', { hasText: L.status.open }).waitFor();
    expect(await statusOf(ids.overdue)).toBe('open');
    expect(await page.getByTestId('petition-votes').textContent()).toBe('0');
    const closes = await closesAt(ids.overdue);
    expect(await page.getByTestId('petition-closes').textContent()).toContain(await shown(closes));
    await page.getByText(L.votes.none).waitFor();
    await checkPage('opened');
  });

  it('shows the votes cast as the count and as the chart’s data', async () => {
    for (let i = 0; i < 3; i++) await castVote(deps, citizen(tenant.id), ids.overdue, cpr(i + (country === 'DK' ? 0 : 100)));
    await page.reload();
    await page.getByRole('heading', { level: 1, name: titles.overdue }).waitFor();
    await page.getByTestId('petition-votes').filter({ hasText: /^3$/ }).waitFor();
    // The chart is drawn (a bar for today), and its numbers are in the table behind the disclosure.
    await page.locator('.petition-chart .recharts-bar-rectangle').first().waitFor();
    await page.getByText(L.votes.tableToggle_one.replace('{{count}}', '1')).click();
    const cells = await page.locator('table.petition-days tbody tr').first().locator('td').allTextContents();
    expect(cells.slice(1)).toEqual(['3', '3']);
    expect(await page.locator('.petition-thresholds li').first().getAttribute('data-reached')).toBe('false');
    await checkPage('votes');
  });

  it('extends the vote window by 10 days (the closing date moves) and says so in words when past the cap', async () => {
    // The flow runs on the platform's worker: its start and the approval reach it through the outbox.
    const deadline = Date.now() + 60_000;
    for (;;) {
      const [row] = await ownerRows<{ instances: number; pending: number }>(
        `SELECT (SELECT count(*)::integer FROM flow_instances WHERE subject_type = 'petition' AND subject_id = $1) AS instances,
                (SELECT count(*)::integer FROM flow_outbox o JOIN flow_instances i ON i.tenant_id = o.tenant_id AND i.id = o.instance_id WHERE i.subject_id = $1 AND o.delivered_at IS NULL) AS pending`,
        [ids.overdue],
      );
      if (row!.instances > 0 && row!.pending === 0) break;
      if (Date.now() > deadline) throw new Error('the petition flow did not start');
      await new Promise((r) => setTimeout(r, 250));
    }
    const before = await closesAt(ids.overdue);
    await page.getByLabel(L.actions.extend.days).fill('10');
    await page.getByRole('button', { name: L.actions.extend.button, exact: true }).click();
    const after = new Date(before.getTime() + 10 * DAY_MS);
    await page.getByRole('status').filter({ hasText: await shown(after) }).waitFor();
    expect((await closesAt(ids.overdue)).getTime()).toBe(after.getTime());
    await page.getByTestId('petition-closes').filter({ hasText: await shown(after) }).waitFor();

    // The flow's cap is 30 days in all: 10 are used, 25 more are refused, in words.
    await page.getByLabel(L.actions.extend.days).fill('25');
    await page.getByRole('button', { name: L.actions.extend.button, exact: true }).click();
    await page.getByRole('alert').filter({ hasText: L.actions.extend.refusedCap_other.replace('{{count}}', '25').replace('{{cap}}', '30') }).waitFor();
    expect((await closesAt(ids.overdue)).getTime()).toBe(after.getTime());
    await checkPage('extended');
  });

  it('posts a status update on the public timeline', async () => {
    await page.getByLabel(L.actions.post.kind).selectOption('update');
    await page.getByLabel(L.actions.post.text).fill('Forslaget er sendt til udvalget for teknik og miljø.');
    await page.getByRole('button', { name: L.actions.post.button.update }).click();
    const dialog = page.getByRole('dialog', { name: L.actions.post.confirmTitle.update });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: L.actions.post.button.update }).click();
    await page.locator('.petition-timeline li[data-kind="update"]', { hasText: 'Forslaget er sendt til udvalget for teknik og miljø.' }).waitFor();
    await page.getByRole('status').filter({ hasText: L.actions.post.done.update.replace('{{status}}', L.status.open) }).waitFor();
    await checkPage('update-posted');
  });

  it('closes the vote window early after saying the voters are erased, then takes the answer with its PDF (a file that is no PDF refused in words)', async () => {
    await page.getByRole('button', { name: L.actions.close.button }).click();
    const dialog = page.getByRole('dialog', { name: L.actions.close.confirmTitle });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(L.actions.close.confirmBody_other.replace('{{count}}', '3'));
    await expectAccessible(page);
    await dialog.getByRole('button', { name: L.actions.close.button }).click();
    await page.getByRole('status').filter({ hasText: L.actions.close.done }).waitFor();
    // The flow closes the petition (its action erases the voters): the page reads it again until it has.
    const deadline = Date.now() + 30_000;
    while ((await statusOf(ids.overdue)) !== 'closed') {
      if (Date.now() > deadline) throw new Error('the petition was not closed');
      await new Promise((r) => setTimeout(r, 250));
    }
    await page.reload();
    await page.locator('.petition-status', { hasText: L.status.closed }).waitFor();
    expect(await page.getByRole('button', { name: L.actions.extend.button, exact: true }).count()).toBe(0);
    await page.locator('.petition-timeline li[data-kind="closed"]').waitFor();
    await checkPage('closed');

    await page.getByLabel(L.actions.post.kind).selectOption('answer');
    await page.getByLabel(L.actions.post.text).fill('Kommunalbestyrelsen har besluttet at opstille bænkene i foråret.');
    const fileInput = page.locator('#post-file');
    await fileInput.setInputFiles({ name: 'svar.pdf', mimeType: 'application/pdf', buffer: Buffer.from('not a PDF at all') });
    await page.getByRole('button', { name: L.actions.post.button.answer }).click();
    await page.getByRole('dialog', { name: L.actions.post.confirmTitle.answer }).getByRole('button', { name: L.actions.post.button.answer }).click();
    const refusal = page.getByRole('alert').filter({ hasText: `${L.actions.post.fileShort}: ` });
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain(country === 'DK' ? 'PDF: skal være en PDF-fil' : 'PDF: måste vara en PDF-fil');
    await checkPage('answer-refused');

    await fileInput.setInputFiles({ name: 'svar.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n') });
    await page.getByRole('button', { name: L.actions.post.button.answer }).click();
    await page.getByRole('dialog', { name: L.actions.post.confirmTitle.answer }).getByRole('button', { name: L.actions.post.button.answer }).click();
    await page.getByRole('status').filter({ hasText: L.actions.post.done.answer.replace('{{status}}', L.status.answered) }).waitFor();
    const answer = page.locator('.petition-timeline li[data-kind="answer"]');
    await answer.getByRole('link', { name: /^svar\.pdf \(PDF, / }).waitFor();
    expect(await statusOf(ids.overdue)).toBe('answered');
    await page.locator('.petition-status', { hasText: L.status.answered }).waitFor();
    await checkPage('answered');
  });

  it('corrects the wording of a proposal (the original is kept and shown), then rejects it with a reason and a message', async () => {
    await page.goto(adminUrl(`/petitions/${ids.fresh}`));
    await page.getByRole('heading', { level: 1, name: titles.fresh }).waitFor();
    await page.getByRole('button', { name: L.actions.correct.button }).click();
    await page.getByText(L.actions.correct.unchanged).waitFor();
    await page.getByLabel(L.answers.background, { exact: true }).fill('Der er for langt mellem bænkene i dag.');
    await page.getByRole('button', { name: L.actions.correct.button }).click();
    await page.getByRole('dialog', { name: L.actions.correct.confirmTitle }).getByRole('button', { name: L.actions.correct.button }).click();
    await page.getByRole('status').filter({ hasText: L.actions.correct.done.replace('{{fields}}', L.answers.background) }).waitFor();
    const original = page.locator('.petition-original');
    await original.getByText('Der er langt mellem bænkene i dag.').waitFor();
    expect(await page.locator('.petition-answers').first().locator('[data-answer="background"] dd').textContent()).toBe('Der er for langt mellem bænkene i dag.');
    expect(await page.locator('.petition-answers').first().locator('[data-answer="background"] dt').textContent()).toContain(L.detail.changed);
    await checkPage('corrected');

    await page.getByLabel(L.actions.reject.reason).selectOption('personalData');
    await page.getByLabel(L.actions.messageToProposer).fill('Forslaget nævner en navngiven nabo.');
    await page.getByRole('button', { name: L.actions.reject.button, exact: true }).click();
    const dialog = page.getByRole('dialog', { name: L.actions.reject.confirmTitle });
    expect(await dialog.textContent()).toContain(L.reasons.personalData);
    await dialog.getByRole('button', { name: L.actions.reject.button, exact: true }).click();
    await page.locator('.petition-status', { hasText: L.status.rejected }).waitFor();
    expect(await statusOf(ids.fresh)).toBe('rejected');
    await page.getByText(L.reasons.personalData, { exact: true }).waitFor();
    await page.getByText(L.actions.none.replace('{{status}}', L.status.rejected)).waitFor();
    await checkPage('rejected');
  });

  it('lists every petition with a status filter and a search in the titles', async () => {
    await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: L.nav.list }).click();
    await page.getByRole('heading', { level: 1, name: L.list.heading }).waitFor();
    await page.locator('tr[data-petition]').first().waitFor();
    expect(await page.locator('tr[data-petition]').count()).toBe(3);
    await checkPage('list');

    await page.getByLabel(L.list.status).selectOption(L.status.answered);
    await page.getByRole('button', { name: L.list.filter }).click();
    await page.locator('tr[data-petition]').nth(1).waitFor({ state: 'detached' });
    const row = page.locator(`tr[data-petition="${ids.overdue}"]`);
    expect(await row.locator('td').nth(2).textContent()).toBe('3');
    expect(await row.locator('td').nth(4).textContent()).not.toBe('–');
    expect(new URL(page.url()).searchParams.get('status')).toBe('answered');

    await page.getByLabel(L.list.status).selectOption('');
    await page.getByLabel(L.list.search).fill('øst');
    await page.getByRole('button', { name: L.list.filter }).click();
    // The API searches (a part of a word in the title here), over every status; the rows before stay until it answers.
    await page.locator(`tr[data-petition="${ids.fresh}"]`).waitFor();
    await page.getByRole('status').filter({ hasText: L.list.count_one.replace('{{count}}', '1') }).waitFor();
    expect(await page.locator('tr[data-petition]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-petition')))).toEqual([ids.fresh]);
    await checkPage('list-search');
  });

  it('answers a petition that is not there with its own not-found text', async () => {
    await page.goto(adminUrl(`/petitions/${randomUUID()}`));
    await page.getByText(L.detail.notFound).waitFor();
    await checkPage('not-found');
  });

  it('showed no English sentence and no key on any of these pages', () => {
    expect(problems).toEqual([]);
  });
});
