// The flow editor in Danish (issue 12): a draft's publish problems, the preview's scenario names and warnings
// and the rules in words are all Danish — the server sends codes with params, the page translates them. The
// English texts the server sends beside the codes (message, name) are read from the API and none of them may
// appear on the page. axe-core on every page.
import type { Page } from 'playwright-core';
import type { FlowDefinition } from '../../workflows/flow/core/types';
import { expectAccessible, launchBrowser, loginThroughTestIdp, type TestBrowser } from '../helpers/browser';
import { createTestTenant, suiteDatabase, type TestTenant } from '../helpers/factories';
import { request } from '../helpers/http';
import { startTestPlatform } from '../helpers/platform';
import { startEmployeeSession, type TestSession } from '../helpers/sessions';

suiteDatabase();
let platform: Awaited<ReturnType<typeof startTestPlatform>>;
let browser: TestBrowser;
let tenant: TestTenant;
let session: TestSession;
let page: Page;
let flowId: string;

type Coded = { code: string; message?: string; name?: string };
interface LoadedFlow {
  id: string;
  draft: FlowDefinition;
  problems: (Coded & { field: string; message: string })[];
  scenarios: (Coded & { id: string; name: string } & Record<string, unknown>)[];
}

const api = async <T>(method: string, path: string, json?: unknown): Promise<T> => {
  const res = await request(platform.port, tenant.adminHost, method, `/api${path}`, { ...(json !== undefined ? { json } : {}), headers: session.headers });
  expect([method, path, res.status]).toEqual([method, path, 200]);
  return res.json<T>();
};

beforeAll(async () => {
  tenant = await createTestTenant({ builtinForms: true });
  platform = await startTestPlatform([], { TEST_IDP: 'on' });
  session = await startEmployeeSession(platform.identity, tenant.id, ['administrator']);
  const { flows } = await api<{ flows: { id: string; key: string }[] }>('GET', '/flows');
  flowId = flows.find((f) => f.key === 'application')!.id;

  // A draft with mistakes of several kinds: a template and a role that do not exist, a status no rule sets,
  // no deletion of personal data; and a deadline (extendable) that the caseworker's reminders outlive.
  const { draft } = await api<LoadedFlow>('GET', `/flows/${flowId}`);
  const broken = structuredClone(draft);
  (broken.rules![1]!.then![0]!.config as { template: string }).template = 'no-such-template';
  broken.rules = broken.rules!.filter((r) => r.id !== 'delete-personal-data');
  broken.statuses = [...broken.statuses!, { key: 'limbo', label: { da: 'Limbo', sv: 'Limbo', en: 'Limbo' } }];
  broken.deadlines = [{ key: 'answer', label: { da: 'Svarfrist', sv: 'Svarsfrist', en: 'Answer by' }, from: { event: { event: 'flow.started' } }, duration: { days: 20 }, extension: { role: 'sagsbehandler', max: { days: 60 } } }];
  await api('PUT', `/flows/${flowId}/draft`, broken);

  browser = await launchBrowser();
  page = await browser.newPage();
  await page.goto(platform.url(tenant.adminHost, '/flows'));
  await loginThroughTestIdp(page, /Lauritz Jensen/);
});

afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

/** Every English text the server sent beside a code for this draft: its problems, scenario names and every scenario's warnings. */
async function englishTexts(): Promise<string[]> {
  const loaded = await api<LoadedFlow>('GET', `/flows/${flowId}`);
  const warnings = await Promise.all(
    loaded.scenarios.map(async ({ id: _id, ...scenario }) => (await api<{ warnings: Coded[] }>('POST', `/flows/${flowId}/preview`, { scenario })).warnings.map((w) => w.message!)),
  );
  return [...loaded.problems.map((p) => p.message), ...loaded.scenarios.map((s) => s.name), ...warnings.flat()];
}

/** What the page shows: its text, the scenario options included. */
async function visibleText(): Promise<string> {
  const options = await page.locator('#preview-scenario option').allTextContents();
  return `${await page.locator('main').innerText()}\n${options.join('\n')}`;
}

const englishOn = (text: string, english: string[]) => english.filter((e) => text.includes(e));

it('shows the draft’s publish problems in Danish, none of the server’s English', async () => {
  await page.getByRole('heading', { name: 'Processer' }).waitFor();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Ansøgning' }).click();
  await page.getByRole('heading', { level: 1, name: 'Ansøgning' }).waitFor();
  const problems = page.locator('.designer-problems li');
  await problems.first().waitFor();
  await page.locator('.preview-warnings').waitFor();

  const list = (await problems.allTextContents()).join('\n');
  for (const danish of ['der er ingen beskedskabelon “no-such-template”', 'status “Limbo” kan ikke nås: ingen regel sætter den', 'der er ingen rolle “sagsbehandler”', 'ingen regel sletter personoplysningerne']) expect(list).toContain(danish);
  expect(await problems.count()).toBe(4);

  const english = await englishTexts();
  expect(english.length).toBeGreaterThan(8);
  expect(englishOn(await visibleText(), english)).toEqual([]);
  await expectAccessible(page);
});

it('names the preview scenarios and shows each one’s warnings in Danish', async () => {
  const scenario = page.getByLabel('Scenarie');
  expect(await page.locator('#preview-scenario option').allTextContents()).toEqual(['Ingen svarer', 'Opgaven “Træf afgørelse om ansøgningen” afgøres “Godkend” på dag 6', 'Opgaven “Træf afgørelse om ansøgningen” afgøres “Afvis” på dag 6', 'Fristen “Svarfrist” forlænges med 30 dage på dag 10']);
  const warnings = page.locator('.preview-warnings li');
  const never = await warnings.allTextContents();
  expect(never).toContain('Personoplysningerne slettes aldrig i dette scenarie.');
  expect(never).toContain('Processen er ikke afsluttet inden for forhåndsvisningens tidshorisont.');
  expect(never.some((w) => /^Påmindelsen fra reglen “Påmind sagsbehandleren” sendes, efter at fristen “Svarfrist” er udløbet\.$/.test(w))).toBe(true);

  const english = await englishTexts();
  let shown = never;
  for (const label of ['Opgaven “Træf afgørelse om ansøgningen” afgøres “Godkend” på dag 6', 'Fristen “Svarfrist” forlænges med 30 dage på dag 10']) {
    await scenario.selectOption({ label });
    // The warnings of the scenario before stay until the new preview has come: wait for the list to change.
    await page.waitForFunction((before) => [...document.querySelectorAll('.preview-warnings li')].map((li) => li.textContent).join('|') !== before, shown.join('|'));
    shown = await warnings.allTextContents();
    expect(englishOn(await visibleText(), english)).toEqual([]);
    // The flow's things by their labels: no rule id, task, decision or deadline key in quotes.
    expect((await visibleText()).match(/“(remind-caseworker|decide|approve|reject|answer|awaitingDecision)”/g)).toBeNull();
    await expectAccessible(page);
  }
  expect(await warnings.allTextContents()).toContain('Personoplysningerne slettes aldrig i dette scenarie.');
});

it('describes the rules in Danish', async () => {
  const summaries = await page.locator('.rule-summary').allTextContents();
  expect(summaries[0]).toBe('Når processen starter: send “application-received” til personen via e-mail; opret opgaven “Træf afgørelse om ansøgningen” til administratorer; sæt status til “Afventer afgørelse”.');
  // Statuses, tasks and roles by their names, parameters by their values: no key of the flow's own things.
  expect(summaries.filter((s) => /awaitingDecision|⟨|“decide”|reminderDays/.test(s))).toEqual([]);
  expect(summaries.filter((s) => /\b(When|Every|after|before|until|set the status|open task|times|the person|caseworkers|by e-mail)\b/.test(s))).toEqual([]);
});
