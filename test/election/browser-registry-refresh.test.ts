// The registry refresh's admin page in Chromium, axe-core clean, in Danish. A Danish tenant with an active
// election in which two test people hold accepted tasks; in the registry one of them has moved away. The page
// starts empty; "run now" starts a refresh whose progress bar is shown — also after reloading the page, as it is
// read from the server — while the registry answers slowly; then the outcome: one updated, one taken off the task
// because they moved away (by reason, no name anywhere on the page), and the run in the table.
import type { Page } from 'playwright-core';
import daTexts from '../../admin-ui/src/modules/election/locales/da.json';
import { systemActor } from '../../engine/actors';
import { parseKeySpec } from '../../engine/crypto/key-spec';
import { Keyring } from '../../engine/crypto/keyring';
import { insertParticipant } from '../../engine/modules/election/participants/insert';
import { parsePersonalNumber } from '../../forms/formats/personal-number';
import { expectAccessible, launchBrowser, loginThroughTestIdp, screenshot, type TestBrowser } from '../helpers/browser';
import { createTestTenant, suiteDatabase, type TestTenant } from '../helpers/factories';
import { startTestPlatform } from '../helpers/platform';
import { electionFixture, insertSlots, one, q } from './assignment-fixtures';

const R = daTexts.registryRefresh;
const AGNES = '1205784123';
const MADS = '0309623517';

suiteDatabase();
let platform: Awaited<ReturnType<typeof startTestPlatform>>;
let browser: TestBrowser;
let dk: TestTenant;
let page: Page;

beforeAll(async () => {
  dk = await createTestTenant({ country: 'DK' });
  platform = await startTestPlatform([dk.id], { TEST_IDP: 'on' });
  browser = await launchBrowser();
  const keyring = new Keyring(platform.db, parseKeySpec(process.env.DATA_MASTER_KEYS!));
  const f = await electionFixture(dk.id);
  await q('UPDATE elections SET active = true WHERE id = $1', [f.electionId]);
  const slots = await insertSlots(f, 2);
  const ctx = { tenantId: dk.id, actor: systemActor(dk.id, 'test') };
  for (const [i, number] of [AGNES, MADS].entries()) {
    const id = await platform.db.withTenant(dk.id, async (tx) => {
      const person = (await platform.registry!.lookup(tx, ctx, number, { purpose: 'test.setup' }))!;
      return insertParticipant(platform.db, keyring, tx, dk.id, { pn: parsePersonalNumber('DK', number)!, person, dietIds: [], signupFields: {} });
    });
    await q("UPDATE task_slots SET participant_id = $2, state = 'accepted', answered_at = now() WHERE id = $1", [slots[i], id]);
  }
  platform.registrySimulator!.changePerson(AGNES, { municipalityCode: '101', address: 'Strandvejen 7, 2100 København Ø' });
  platform.registrySimulator!.changePerson(MADS, { familyName: 'Skjern-Varnæs' });
  page = await browser.newPage();
  await page.goto(platform.url(dk.adminHost, '/election/registry-refresh'));
  await loginThroughTestIdp(page, /Lauritz Jensen/);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

it('runs the refresh now, shows its progress across a reload, then the outcome by reason', async () => {
  await page.getByRole('heading', { level: 1, name: R.heading, exact: true }).waitFor();
  await page.getByText(R.none).waitFor();
  await expectAccessible(page);

  // The registry answers slowly: the run is still going when the page is reloaded.
  platform.registrySimulator!.setFaults({ delayMs: 2000 });
  await page.getByRole('button', { name: R.runNow }).click();
  const bar = page.getByRole('progressbar', { name: R.progressLabel });
  await bar.waitFor();
  await page.reload();
  await bar.waitFor();
  expect(await bar.getAttribute('max')).toBe('2');
  await page.getByRole('status').filter({ hasText: 'af 2 deltagere læst fra CPR' }).waitFor();
  await expectAccessible(page);
  await screenshot(page, 'da-registry-refresh-running');
  platform.registrySimulator!.setFaults({});

  const outcome = page.getByTestId('registry-refresh-outcome');
  await outcome.waitFor({ timeout: 60_000 });
  await bar.waitFor({ state: 'detached' });
  const text = (await outcome.textContent()) ?? '';
  expect(text).toContain('2 af 2 deltagere læst');
  expect(text).toContain('2 deltagere fik opdaterede oplysninger');
  expect(text).toContain('1 deltager blev fjernet fra sine opgaver');
  expect(text).toContain(`${R.why.notResident}: 1`);
  expect(await page.getByRole('table').getByRole('row').nth(1).textContent()).toContain(R.reasons.manual);
  // Counts and reasons only: nobody's name on the page.
  expect(await page.locator('main').textContent()).not.toMatch(/Agnes|Skjern/);
  await expectAccessible(page);
  await screenshot(page, 'da-registry-refresh-done');

  expect(await one('SELECT status, updated, unassigned FROM registry_refreshes WHERE tenant_id = $1', [dk.id])).toEqual({ status: 'done', updated: 2, unassigned: 1 });

  // Keyboard: the focused button runs a new refresh with Enter.
  const button = page.getByRole('button', { name: R.runNow });
  await button.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('table').getByRole('row').nth(2).waitFor();
});
