// The communication log and the development outbox in Chromium: three messages sent through the platform's own
// channels and simulators (Digital Post refused for an exempt person → e-mail; an SMS whose delivery report says
// failed; Digital Post delivered), then filtered by channel, status and a ref, one opened with every attempt and
// receipt, and the outbox showing all three channels. axe-core on every page and state.
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { QueryTypes } from 'sequelize';
import { deliver, type DeliveryRequest } from '../../engine/messages/delivery';
import exempt from '../../engine/simulators/digital-post-exempt.json';
import { testPeople } from '../../engine/simulators/test-people';
import { expectAccessible, launchBrowser, loginThroughTestIdp, type TestBrowser } from '../helpers/browser';
import { createTestTenant, ownerDb, suiteDatabase, type TestTenant } from '../helpers/factories';
import { startTestPlatform } from '../helpers/platform';

suiteDatabase();
let platform: Awaited<ReturnType<typeof startTestPlatform>>;
let browser: TestBrowser;
let tenant: TestTenant;
let admin: Page;
const participantId = randomUUID();
const ids: Record<'refused' | 'sms' | 'delivered', string> = { refused: '', sms: '', delivered: '' };

async function statusOf(id: string): Promise<string> {
  const [row] = await ownerDb().query<{ status: string }>('SELECT status FROM communication_log WHERE id = $1', { bind: [id], type: QueryTypes.SELECT });
  return row!.status;
}

async function until(what: string, ok: () => Promise<boolean>, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

beforeAll(async () => {
  tenant = await createTestTenant();
  platform = await startTestPlatform([], { TEST_IDP: 'on' });
  const agnes = testPeople.citizens.find((c) => c.id === 'dk-agnes')!;
  const send = (over: Partial<DeliveryRequest>) =>
    deliver(
      { db: platform.db, channels: platform.channels, keyring: platform.identity.keyring },
      {
        tenantId: tenant.id,
        idempotencyKey: `browser/${randomUUID()}`,
        templateKey: 'free',
        locale: 'da',
        recipientLabel: `subject:testPerson/${randomUUID()}`,
        channels: ['digitalPost', 'email'],
        recipient: { personalNumber: agnes.personalNumber, email: 'agnes.jensen@example.dk' },
        message: { subject: 'Orientering om valget', body: 'Kære Agnes, her er en orientering.' },
        ...over,
      },
    );
  ids.refused = (await send({ refs: { participantId }, recipient: { personalNumber: exempt.exempt[0]!, email: 'fritaget@example.dk' } })).logId;
  ids.sms = (await send({ channels: ['sms'], recipient: { phone: '+45 20 00 00 99' }, message: { subject: 'Påmindelse', body: 'Husk valgdagen.', sms: 'Husk valgdagen.' } })).logId;
  ids.delivered = (await send({})).logId;
  // The simulators answer a moment later with their receipts.
  await until('the receipts', async () => (await statusOf(ids.sms)) === 'failed' && (await statusOf(ids.delivered)) === 'delivered');
  browser = await launchBrowser();
  admin = await browser.newPage();
  await admin.goto(platform.url(tenant.adminHost, '/messages'));
  await loginThroughTestIdp(admin, /Lauritz Jensen/);
});

afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

const rows = (page: Page) => page.locator('table.communication-log tbody tr[data-message]');
const rowIds = async (page: Page) => (await rows(page).evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-message')))).sort();

it('shows every message and filters the log by channel, status and a ref', async () => {
  await admin.getByRole('heading', { name: 'Kommunikationslog' }).waitFor();
  await admin.waitForFunction(() => document.querySelectorAll('table.communication-log tbody tr[data-message]').length === 3);
  expect(await rowIds(admin)).toEqual(Object.values(ids).sort());
  await expectAccessible(admin);

  await admin.getByLabel('Kanal', { exact: true }).selectOption({ label: 'SMS' });
  await admin.waitForFunction(() => document.querySelectorAll('table.communication-log tbody tr[data-message]').length === 1);
  expect(await rowIds(admin)).toEqual([ids.sms]);
  await expect(rows(admin).first().textContent()).resolves.toContain('Mislykkedes');
  expect(new URL(admin.url()).searchParams.get('channel')).toBe('sms');

  await admin.getByLabel('Kanal', { exact: true }).selectOption({ label: 'Alle' });
  await admin.getByLabel('Status', { exact: true }).selectOption({ label: 'Leveret' });
  await admin.waitForFunction(() => document.querySelectorAll('table.communication-log tbody tr[data-message]').length === 1);
  expect(await rowIds(admin)).toEqual([ids.delivered]);
  await admin.getByLabel('Status', { exact: true }).selectOption({ label: 'Alle' });

  // A malformed ref is said at the field and not sent; a good one filters (and survives a reload, being in the URL).
  const ref = admin.getByLabel('Reference (nøgle=id)');
  await ref.fill('participantId');
  await admin.getByText('Skriv nøgle=id, f.eks. participantId=1234abcd.').waitFor();
  expect(await ref.getAttribute('aria-invalid')).toBe('true');
  await ref.fill(`participantId=${participantId}`);
  await ref.press('Enter');
  await admin.waitForFunction(() => document.querySelectorAll('table.communication-log tbody tr[data-message]').length === 1);
  expect(await rowIds(admin)).toEqual([ids.refused]);
  await admin.reload();
  await admin.waitForFunction(() => document.querySelectorAll('table.communication-log tbody tr[data-message]').length === 1);
  expect(await rowIds(admin)).toEqual([ids.refused]);
  await expectAccessible(admin);
});

it('opens a message with every attempt and its receipt, by keyboard', async () => {
  const details = rows(admin).first().getByRole('button', { name: /^Detaljer for beskeden/ });
  await details.focus();
  await admin.keyboard.press('Enter');
  const detail = admin.getByRole('region', { name: 'Beskedens forsøg og kvitteringer' });
  await detail.getByRole('table', { name: 'Forsøg' }).waitFor();
  // The focus moved to the detail's heading.
  expect(await admin.evaluate(() => document.activeElement?.id)).toBe('message-detail-heading');
  const attempts = await detail.locator('table.attempts tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].slice(0, 4).map((td) => td.textContent)));
  expect(attempts).toEqual([
    ['1', 'Digital Post', 'Afvist', 'Fritaget for Digital Post'],
    ['2', 'E-mail', 'Sendt', '–'],
  ]);
  await detail.getByText('Digital Post → E-mail').waitFor();
  await detail.getByText(participantId).waitFor();
  await expectAccessible(admin);

  // The failed SMS: one attempt, its delivery report's reason and time.
  await admin.goto(platform.url(tenant.adminHost, '/messages?channel=sms'));
  await admin.waitForFunction(() => document.querySelectorAll('table.communication-log tbody tr[data-message]').length === 1);
  await rows(admin).first().getByRole('button', { name: /^Detaljer for beskeden/ }).click();
  const sms = admin.getByRole('region', { name: 'Beskedens forsøg og kvitteringer' });
  await sms.locator('table.attempts tbody tr').first().waitFor();
  const cells = await sms.locator('table.attempts tbody tr td').allTextContents();
  expect(cells.slice(0, 4)).toEqual(['1', 'SMS', 'Mislykkedes', 'Telefonen kunne ikke nås']);
  expect(cells[5]).not.toBe('–'); // the report's time
  await expectAccessible(admin);
});

it('shows what all three channels received in the development outbox', async () => {
  await admin.goto(platform.url(tenant.adminHost, '/outbox'));
  await admin.getByRole('heading', { level: 1, name: 'Udbakke (udvikling)' }).waitFor();
  await admin.locator('.outbox-message').nth(2).waitFor();
  const channels = await admin.locator('.outbox-message').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-channel')).sort());
  expect(channels).toEqual(['digitalPost', 'email', 'sms']);
  await admin.locator('.outbox-message[data-channel="sms"]').getByText(/1 sms-del/).waitFor();
  await admin.locator('.outbox-message[data-channel="digitalPost"]').getByText(/kvittering: DELIVERED/).waitFor();
  await expectAccessible(admin);
});
