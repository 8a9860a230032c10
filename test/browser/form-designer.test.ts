// The designer in Chromium, with the keyboard alone: an administrator creates a signup form, adds fields
// from the palette (one shown only for party members, a consent checkbox), edits labels, reorders with the
// move buttons and with dnd-kit's keyboard dragging, publishes; a citizen fills it; version 2 follows and the
// versions compare in words, while the first answer stays against version 1. axe-core on every page.
import type { Page } from 'playwright-core';
import { QueryTypes } from 'sequelize';
import { expectAccessible, launchBrowser, loginThroughTestIdp, tabTo, type TestBrowser } from '../helpers/browser';
import { createTestTenant, ownerDb, suiteDatabase, type TestTenant } from '../helpers/factories';
import { startTestPlatform } from '../helpers/platform';

suiteDatabase();
let platform: Awaited<ReturnType<typeof startTestPlatform>>;
let browser: TestBrowser;
let tenant: TestTenant;
let page: Page;
let formId: string;

beforeAll(async () => {
  tenant = await createTestTenant();
  platform = await startTestPlatform([], { TEST_IDP: 'on' });
  browser = await launchBrowser();
  page = await browser.newPage();
  await page.goto(platform.url(tenant.adminHost, '/forms'));
  await loginThroughTestIdp(page, /Lauritz Jensen/);
});

afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

const press = async (key: string) => page.keyboard.press(key);
const fieldNames = () => page.locator('.designer-field-label').allTextContents();

/** Keyboard only: Tab to the palette button, Enter; Tab to the label input, replace its text. */
async function addField(type: string, label: string) {
  await tabTo(page, page.getByRole('button', { name: `Tilføj ${type}` }));
  await press('Enter');
  await tabTo(page, page.getByLabel('Ledetekst', { exact: true }));
  await press('Control+A');
  await page.keyboard.type(label);
}

it('creates a form from the list page', async () => {
  await page.getByRole('heading', { name: 'Formularer' }).waitFor();
  await expectAccessible(page);
  await tabTo(page, page.getByLabel('Navn'));
  await page.keyboard.type('Valgstyrere 2027');
  await tabTo(page, page.getByRole('button', { name: 'Opret formular' }));
  await press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Valgstyrere 2027' }).waitFor();
  formId = new URL(page.url()).pathname.split('/').pop()!;
  // Nothing has been edited yet: no saving or unsaved state, and no public address before the first version.
  expect(await page.locator('.designer-status').textContent()).toBe('');
  expect(await page.getByText(/ikke gemt|Gemmer/).count()).toBe(0);
  await page.getByText('Formularen får sin adresse på den offentlige side, når den offentliggøres første gang.').waitFor();
  await expectAccessible(page);
});

it('designs the form with the keyboard: fields, a condition, a consent, reordering', async () => {
  // A new form is offered in the tenant's language only; English is there to tick, not to untick.
  const languages = page.getByRole('group', { name: 'Formularen findes på' });
  expect(await languages.getByLabel('Dansk').isChecked()).toBe(true);
  expect(await languages.getByLabel('English').isChecked()).toBe(false);
  expect(await languages.getByLabel('Svenska').isChecked()).toBe(false);
  await tabTo(page, page.getByLabel('Formularens titel'));
  await page.keyboard.type('Bliv valgstyrer');
  await page.getByText('Kladden er gemt.').waitFor();
  await addField('Kort tekst', 'Navn');
  await tabTo(page, page.getByLabel('Skal udfyldes', { exact: true }));
  await press('Space');
  await addField('Ja/nej', 'Er du medlem af et parti?');
  await addField('Kort tekst', 'Parti');
  await tabTo(page, page.getByLabel('Skal udfyldes', { exact: true }));
  await press('Space');
  await tabTo(page, page.getByLabel('Vis kun feltet, når'));
  await press('ArrowDown'); // the yes/no field; "har værdien" starts at Ja
  expect(await page.getByLabel('har værdien').inputValue()).toBe('true');
  await page.locator('.designer-field.selected').getByText('vises på betingelse').waitFor();
  await addField('Samtykke', 'Jeg giver samtykke til, at kommunen gemmer mine oplysninger');
  await tabTo(page, page.getByLabel('Skal udfyldes', { exact: true }));
  await press('Space');
  expect(await fieldNames()).toEqual(['Navn', 'Er du medlem af et parti?', 'Parti', 'Jeg giver samtykke til, at kommunen gemmer mine oplysninger']);

  // Move the consent up with its button, then back down by keyboard dragging (space, arrow, space).
  await tabTo(page, page.getByRole('button', { name: /^Flyt Jeg giver samtykke.* op$/ }));
  await press('Enter');
  expect((await fieldNames())[2]).toMatch(/^Jeg giver samtykke/);
  await tabTo(page, page.getByRole('button', { name: /^Træk Jeg giver samtykke/ }));
  // dnd-kit measures the list between key presses: give each step a frame.
  for (const key of ['Space', 'ArrowDown', 'Space']) {
    await press(key);
    await page.waitForTimeout(150);
  }
  await page.waitForFunction(() => document.querySelectorAll('.designer-field-label')[3]?.textContent?.startsWith('Jeg giver'));
  expect(await fieldNames()).toEqual(['Navn', 'Er du medlem af et parti?', 'Parti', 'Jeg giver samtykke til, at kommunen gemmer mine oplysninger']);

  await page.getByText('Ingen – formularen kan offentliggøres.').waitFor();
  // The live preview is the public renderer: the party field is there only for members.
  const preview = page.locator('.designer-preview');
  await preview.getByLabel('Navn (skal udfyldes)').waitFor();
  expect(await preview.getByLabel(/^Parti/).count()).toBe(0);
  await expectAccessible(page);
});

it('publishes version 1, which a citizen fills on the public site', async () => {
  await tabTo(page, page.getByRole('button', { name: 'Offentliggør', exact: true }));
  await press('Enter');
  // Asked first, saying what happens; Cancel has the focus, the next Tab the confirming button.
  await page.getByRole('dialog', { name: 'Offentliggør version 1?' }).waitFor();
  await expectAccessible(page);
  await press('Tab');
  await press('Enter');
  await page.getByText('Version 1 er offentliggjort.').waitFor();

  // Where citizens find it: the readable address on the public site, a copy button and a QR code.
  const address = platform.url(tenant.publicHost, '/forms/bliv-valgstyrer');
  const where = page.getByRole('region', { name: 'Formularens adresse på den offentlige side' });
  await where.getByRole('link', { name: address }).waitFor();
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await tabTo(page, where.getByRole('button', { name: 'Kopiér adressen' }));
  await press('Enter');
  await where.getByRole('status').getByText('Adressen er kopieret.').waitFor();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(address);
  await where.getByRole('img', { name: `QR-kode til ${address}` }).waitFor();
  expect(await where.getByRole('img').getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
  await expectAccessible(page);

  const citizen = await browser.newPage();
  await citizen.goto(address);
  await citizen.getByRole('heading', { level: 1, name: 'Bliv valgstyrer' }).waitFor();
  await citizen.getByLabel('Navn (skal udfyldes)').fill('Karen Jensen');
  expect(await citizen.getByLabel(/^Parti/).count()).toBe(0);
  await citizen.getByRole('group', { name: 'Er du medlem af et parti?' }).getByLabel('Ja').check();
  await citizen.getByLabel('Parti (skal udfyldes)').fill('Venstre');
  await citizen.getByLabel(/^Jeg giver samtykke/).check();
  await expectAccessible(citizen);
  await citizen.getByRole('button', { name: 'Send' }).click();
  await citizen.getByRole('heading', { name: 'Tak – vi har modtaget dine svar' }).waitFor();
  await citizen.close();
});

it('publishes version 2 and shows what changed, the first answer still against version 1', async () => {
  await tabTo(page, page.getByRole('button', { name: 'Navn', exact: false }).filter({ hasText: 'Kort tekst' }).first());
  await press('Enter');
  await tabTo(page, page.getByLabel('Ledetekst', { exact: true }));
  await press('Control+A');
  await page.keyboard.type('Fulde navn');
  await page.getByText('Kladden er gemt.').waitFor();
  await tabTo(page, page.getByRole('button', { name: 'Offentliggør', exact: true }));
  await press('Enter');
  // Asked first, saying what happens; Cancel has the focus, the next Tab the confirming button.
  await page.getByRole('dialog', { name: 'Offentliggør version 2?' }).waitFor();
  await press('Tab');
  await press('Enter');
  await page.getByText('Version 2 er offentliggjort.').waitFor();
  await tabTo(page, page.getByRole('button', { name: 'Sammenlign version 2 med 1' }));
  await press('Enter');
  const diff = page.locator('.designer-diff');
  await diff.getByText('da label "Navn" → "Fulde navn"', { exact: false }).waitFor();
  // The old version can still be seen as it was.
  await tabTo(page, page.getByRole('button', { name: 'Vis version 1' }));
  await press('Enter');
  await page.locator('.designer-version').getByLabel('Navn (skal udfyldes)').waitFor();
  await expectAccessible(page);
  const rows = await ownerDb().query<{ version: number }>('SELECT version FROM form_submissions WHERE tenant_id = $1', { bind: [tenant.id], type: QueryTypes.SELECT });
  expect(rows).toEqual([{ version: 1 }]);
});

it('lists the answers with their version and offers the CSV export', async () => {
  await tabTo(page, page.getByRole('link', { name: 'Se svarene' }));
  await press('Enter');
  await page.getByRole('heading', { name: 'Svar på Valgstyrere 2027' }).waitFor();
  await page.getByText('1 svar').waitFor();
  expect(await page.locator('tbody tr td').nth(1).textContent()).toBe('1');
  expect(await page.locator('tbody').textContent()).toContain('Karen Jensen');
  // Fields by their labels and yes/no in words, in the administrator's language — never the keys.
  await page.getByRole('columnheader', { name: 'Er du medlem af et parti?' }).waitFor();
  expect(await page.locator('thead').textContent()).not.toMatch(/shortText|yesNo|consent\d/);
  expect(await page.locator('tbody').textContent()).toContain('Ja');
  const exportLink = page.getByRole('link', { name: 'Hent som CSV' });
  expect(await exportLink.getAttribute('href')).toBe(`/api/forms/${formId}/submissions.csv?locale=da`);
  await expectAccessible(page);
  const csv = await page.evaluate(async (href) => (await fetch(href)).text(), (await exportLink.getAttribute('href'))!);
  expect(csv).toContain('Karen Jensen');
  expect(csv.replace(/^\uFEFF/, '').split('\n')[0]).toMatch(/^Indsendelse,Version,Modtaget,Svar slettet,Fulde navn,Er du medlem af et parti\?,Parti,/);
});

// On a Swedish tenant the same in Swedish: Swedish alone by default, published as it is, its address copied.
it('offers a new form on a Swedish tenant in Swedish only, publishes it as it is and shows its address', async () => {
  const swedish = await createTestTenant({ country: 'SE' });
  const sv = await browser.newPage();
  await sv.goto(platform.url(swedish.adminHost, '/forms'));
  await loginThroughTestIdp(sv, /Birgitta Sjöberg/);
  await sv.getByLabel('Namn').fill('Föreningsbidrag');
  await sv.getByRole('button', { name: 'Skapa formulär' }).click();
  await sv.getByRole('heading', { level: 1, name: 'Föreningsbidrag' }).waitFor();
  expect(await sv.locator('.designer-status').textContent()).toBe('');
  expect(await sv.getByText(/inte sparade|Sparar/).count()).toBe(0);
  const languages = sv.getByRole('group', { name: 'Formuläret finns på' });
  expect(await languages.getByLabel('Svenska').isChecked()).toBe(true);
  expect(await languages.getByLabel('English').isChecked()).toBe(false);
  expect(await languages.getByLabel('Dansk').isChecked()).toBe(false);
  await expectAccessible(sv);
  await sv.getByLabel('Formulärets rubrik').fill('Ansök om föreningsbidrag');
  await sv.getByRole('button', { name: 'Lägg till Kort text' }).click();
  await sv.getByLabel('Etikett', { exact: true }).fill('Föreningens namn');
  await sv.getByText('Utkastet är sparat.').waitFor();
  await sv.getByRole('button', { name: 'Publicera', exact: true }).click();
  await sv.getByRole('dialog', { name: 'Publicera version 1?' }).getByRole('button', { name: 'Publicera' }).click();
  await sv.getByText('Version 1 är publicerad.').waitFor();
  const address = platform.url(swedish.publicHost, '/forms/ansok-om-foreningsbidrag');
  const where = sv.getByRole('region', { name: 'Formulärets adress på den publika webbplatsen' });
  await where.getByRole('link', { name: address }).waitFor();
  await sv.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await where.getByRole('button', { name: 'Kopiera adressen' }).click();
  await where.getByRole('status').getByText('Adressen är kopierad.').waitFor();
  await where.getByRole('img', { name: `QR-kod till ${address}` }).waitFor();
  await expectAccessible(sv);
  await sv.close();
});
