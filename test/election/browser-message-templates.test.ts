// The template editor in Chromium: the election's built-in invitation template, its SMS text counted in segments
// as it is typed (GSM-7 160/153, Unicode 70/67), its channel order changed with the keyboard and saved, and the
// preview with sample data and then with a real participant and task (the server fills the merge fields from
// the rows; no link is issued). axe on every state of the page.
import type { Page } from 'playwright-core';
import { smsSegments } from '../../schemas/messages/sms-segments';
import { expectAccessible, launchBrowser, loginThroughTestIdp, type TestBrowser } from '../helpers/browser';
import { createTestTenant, suiteDatabase, type TestTenant } from '../helpers/factories';
import { startTestPlatform } from '../helpers/platform';
import { electionFixture, insertParticipants, insertSlots, one, q } from './assignment-fixtures';

suiteDatabase();
let platform: Awaited<ReturnType<typeof startTestPlatform>>;
let browser: TestBrowser;
let tenant: TestTenant;
let admin: Page;
let slotId: string;

beforeAll(async () => {
  tenant = await createTestTenant({ builtinForms: true });
  const f = await electionFixture(tenant.id);
  const [participantId] = (await insertParticipants(tenant.id, [{ givenName: 'Agnete', familyName: 'Sørensen' }])) as [string];
  await q("UPDATE work_locations SET address = 'Skolevej 7', postal_code = '4000', city = 'Korsbæk' WHERE id = $1", [f.workLocations[0]]);
  [slotId] = (await insertSlots(f, 1)) as [string];
  await q("UPDATE task_slots SET participant_id = $2, state = 'invited', invited_at = now() WHERE id = $1", [slotId, participantId]);
  platform = await startTestPlatform([], { TEST_IDP: 'on' });
  browser = await launchBrowser();
  admin = await browser.newPage();
  await admin.goto(platform.url(tenant.adminHost, '/messages'));
  await loginThroughTestIdp(admin, /Lauritz Jensen/);
});

afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

const segmentsText = (text: string) => {
  const s = smsSegments(text);
  return `${s.length} tegn, ${s.segments} SMS (${s.encoding === 'gsm7' ? 'GSM-7' : 'Unicode'}: ${s.perSegment} tegn pr. SMS)`;
};
const orderShown = () => admin.locator('.channel-order li span').allTextContents();

it('counts the SMS text in segments as it is typed', async () => {
  await admin.getByRole('heading', { level: 1, name: 'Beskeder' }).waitFor();
  await admin.getByLabel('Skabelon', { exact: true }).selectOption({ label: 'Valg: invitation' });
  const sms = admin.getByLabel('SMS-tekst');
  await admin.waitForFunction(() => (document.querySelector<HTMLTextAreaElement>('#m-sms')?.value ?? '').includes('{{invitationLink}}'));
  const builtin = await sms.inputValue();
  const count = admin.locator('#m-sms-segments');
  expect(await count.textContent()).toBe(segmentsText(builtin));
  expect(await orderShown()).toEqual(['Digital Post', 'E-mail', 'SMS']);
  await expectAccessible(admin);

  await sms.fill('a'.repeat(160));
  await count.filter({ hasText: '160 tegn, 1 SMS (GSM-7: 160 tegn pr. SMS)' }).waitFor();
  await sms.fill(`${'a'.repeat(160)}b`);
  await count.filter({ hasText: '161 tegn, 2 SMS (GSM-7: 153 tegn pr. SMS)' }).waitFor();
  await sms.fill(`Påmindelse – ${'ø'.repeat(60)}`); // the en dash is not GSM-7: the whole text is Unicode
  await count.filter({ hasText: '73 tegn, 2 SMS (Unicode: 67 tegn pr. SMS)' }).waitFor();
  await sms.fill(builtin);
});

it('moves a channel with the keyboard and saves the order', async () => {
  // SMS before e-mail: focus its "up" button and press Enter.
  await admin.getByRole('button', { name: 'Flyt SMS op' }).focus();
  await admin.keyboard.press('Enter');
  expect(await orderShown()).toEqual(['Digital Post', 'SMS', 'E-mail']);
  // Digital Post taken away with the space bar on its checkbox.
  await admin.getByLabel('Brug Digital Post').focus();
  await admin.keyboard.press('Space');
  expect(await orderShown()).toEqual(['SMS', 'E-mail']);
  await admin.getByRole('button', { name: 'Gem skabelon' }).click();
  await admin.getByRole('status').filter({ hasText: 'Skabelonen er gemt' }).waitFor();
  const saved = await one<{ channels: string[] }>("SELECT channels FROM message_templates WHERE tenant_id = $1 AND key = 'election-invitation'", [tenant.id]);
  expect(saved.channels).toEqual(['sms', 'email']);
  await admin.locator('.message-preview').getByText('Sendes med: SMS → E-mail').waitFor();
  await expectAccessible(admin);
});

it('previews with sample data, then with a real participant and task', async () => {
  const preview = admin.locator('.message-preview');
  await preview.getByTestId('preview-subject').filter({ hasText: 'Invitation: Valgstyrer ved Folketingsvalg 2026' }).waitFor();
  const before = await one<{ h: string | null }>('SELECT invitation_token_hash AS h FROM task_slots WHERE id = $1', [slotId]);

  await admin.getByLabel('En rigtig person og opgave').check();
  await admin.getByLabel('Søg efter navn').fill('agnete');
  await admin.getByLabel('Person', { exact: true }).selectOption({ label: 'Agnete Sørensen (150380-****)' });
  await admin.getByLabel('Opgave', { exact: true }).selectOption({ label: 'Folketingsvalg 2030 · Valgstyrer · Skolen · 2030-06-01' });
  await preview.getByTestId('preview-subject').filter({ hasText: 'Invitation: Valgstyrer ved Folketingsvalg 2030' }).waitFor();
  const body = await preview.getByTestId('preview-body').textContent();
  expect(body).toContain('Kære Agnete Sørensen');
  expect(body).toContain('Sted: Skolen, Skolevej 7, 4000 Korsbæk');
  expect(body).toContain('Dato: 1. juni 2030, kl. 07:00–20:00');
  const smsText = (await preview.getByTestId('preview-sms').textContent())!;
  expect(smsText).toContain('Du er inviteret som Valgstyrer 1. juni 2030');
  expect(await preview.getByTestId('sms-segments').textContent()).toBe(segmentsText(smsText));
  await expectAccessible(admin);
  // A preview issues nothing: the slot's link is the one it had.
  expect(await one<{ h: string | null }>('SELECT invitation_token_hash AS h FROM task_slots WHERE id = $1', [slotId])).toEqual(before);
});
