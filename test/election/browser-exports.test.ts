// The election-system export page on the admin site in Chromium, axe-core clean. On a Danish tenant given
// Korsbæk's demo election (engine/modules/election/demo.ts) and logged in as its administrator: the download is
// refused while the task types are not mapped (the refusal in Danish, naming them); the role of every task type
// is set and saved (checked in the database); the file then downloads — BOM, the Danish header, one row per
// accepted slot; each work location has a link to its printed list of the chosen date, which answers a PDF. No
// English sentence of the module's texts, nor a key, on the page.
import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { QueryTypes } from 'sequelize';
import daTexts from '../../admin-ui/src/modules/election/locales/da.json';
import enTexts from '../../admin-ui/src/modules/election/locales/en.json';
import { parseKeySpec } from '../../engine/crypto/key-spec';
import { Keyring } from '../../engine/crypto/keyring';
import { electionDemoData } from '../../engine/modules/election/demo';
import { expectAccessible, launchBrowser, loginThroughTestIdp, screenshot, type TestBrowser } from '../helpers/browser';
import { englishOrKeys } from '../helpers/untranslated';
import { createTestTenant, ownerDb, suiteDatabase, type TestTenant } from '../helpers/factories';
import { startTestPlatform } from '../helpers/platform';

const q = <T extends object>(sql: string, bind: unknown[] = []) => ownerDb().query<T>(sql, { bind, type: QueryTypes.SELECT });
const E = daTexts.exports;

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
  const keyring = new Keyring(platform.db, parseKeySpec(process.env.DATA_MASTER_KEYS!));
  await electionDemoData({ db: platform.db, keyring, ...(platform.registry ? { registry: platform.registry } : {}) }, dk.id, 'DK');
  electionId = (await q<{ id: string }>('SELECT id FROM elections WHERE tenant_id = $1', [dk.id]))[0]!.id;
  // The demo maps its task types to the system's roles; this page is tried from where a new tenant starts: none mapped.
  await q('DELETE FROM election_system_roles WHERE tenant_id = $1', [dk.id]);
  page = await browser.newPage();
  await page.goto(platform.url(dk.adminHost, '/election/exports'));
  await loginThroughTestIdp(page, /Lauritz Jensen/);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

it('maps the roles, downloads the file for the election system and links each station’s printed list', async () => {
  await page.getByRole('heading', { level: 1, name: E.heading, exact: true }).waitFor();
  await page.getByRole('heading', { level: 2, name: E.roles.heading }).waitFor();
  const accepted = await q<{ title: string; n: number }>("SELECT t.title, count(*)::integer AS n FROM task_slots s JOIN task_types t ON t.id = s.task_type_id WHERE s.tenant_id = $1 AND s.state = 'accepted' GROUP BY t.title ORDER BY t.title", [dk.id]);
  expect(accepted.length).toBeGreaterThan(0);
  const rows = accepted.reduce((sum, a) => sum + a.n, 0);

  // Not mapped yet: the download is refused, in Danish, naming the task types.
  await page.getByRole('button', { name: E.download.button }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'ingen rolle i valgsystemet' });
  await alert.waitFor();
  for (const a of accepted) expect(await alert.textContent()).toContain(a.title);
  await expectAccessible(page);
  await screenshot(page, 'da-exports-unmapped');

  // Every task type a role; the first "Valgsekretær", the rest "Tilforordnet".
  const types = await q<{ id: string; title: string }>('SELECT id, title FROM task_types WHERE tenant_id = $1', [dk.id]);
  for (const [i, type] of types.entries()) await page.getByLabel(type.title, { exact: true }).fill(i === 0 ? 'Valgsekretær' : 'Tilforordnet');
  await page.getByRole('button', { name: E.roles.save }).click();
  await page.getByRole('status').filter({ hasText: E.roles.saved }).waitFor();
  const mapped = await q<{ task_type_id: string; role_name: string }>('SELECT task_type_id, role_name FROM election_system_roles WHERE tenant_id = $1', [dk.id]);
  expect(new Map(mapped.map((m) => [m.task_type_id, m.role_name]))).toEqual(new Map(types.map((t, i) => [t.id, i === 0 ? 'Valgsekretær' : 'Tilforordnet'])));

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: E.download.button }).click()]);
  expect(download.suggestedFilename()).toMatch(/^valgsystem-\d{4}-\d{2}-\d{2}\.csv$/);
  const bytes = readFileSync((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.toString('utf8').slice(1).split('\r\n');
  expect(lines[0]).toBe('Rolle,Fulde navn,Fødselsdato,Afstemningsområde,Brugernavn,CPR-nummer');
  expect(lines.slice(1, -1)).toHaveLength(rows);
  for (const line of lines.slice(1, -1)) expect(line).toMatch(/^(Valgsekretær|Tilforordnet),[^,]+,\d{2}-\d{2}-\d{4},\d+,,\d{6}-\d{4}$/);
  const audits = await q<{ summary: { rows: number } }>("SELECT summary FROM audit_log WHERE tenant_id = $1 AND action = 'election.electionSystemExported'", [dk.id]);
  expect(audits.map((a) => a.summary.rows)).toEqual([rows]);

  // The printed lists: one link per station, for the chosen date.
  const station = (await q<{ id: string; name: string }>("SELECT id, name FROM work_locations WHERE tenant_id = $1 AND name = 'Nørreskolen'", [dk.id]))[0]!;
  const link = page.locator(`tr[data-work-location="${station.id}"]`).getByRole('link', { name: `PDF for ${station.name}` });
  const href = (await link.getAttribute('href'))!;
  expect(href).toContain(`/api/election/elections/${electionId}/work-locations/${station.id}/print.pdf?date=`);
  // Fetched by the page itself (the browser resolves the tenant's host; the session's cookie goes with it).
  const pdf = await page.evaluate(async (path) => {
    const res = await fetch(path);
    const bytes = new Uint8Array(await res.arrayBuffer());
    return { status: res.status, type: res.headers.get('content-type'), head: String.fromCharCode(...bytes.slice(0, 5)) };
  }, href);
  expect(pdf).toEqual({ status: 200, type: 'application/pdf', head: '%PDF-' });

  await expectAccessible(page);
  expect(await englishOrKeys(page, enTexts, daTexts)).toEqual([]);
  await screenshot(page, 'da-exports');
});
