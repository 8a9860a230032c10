// A published petition's page is served with its title, count and text in the HTML (engine/http/page-head.ts,
// the module's page-head.ts): a shared link previews correctly (Open Graph) and the page reads without
// JavaScript. Nothing of the kind for a petition that is not published, an unknown id or another tenant's.
import { request } from '../helpers/http';
import { createTestTenant, suiteDatabase, type TestTenant } from '../helpers/factories';
import { startTestPlatform } from '../helpers/platform';
import { answers, anonymous, openPetition, petitionDeps } from './helpers';
import { proposePetition } from '../../engine/modules/petitions/commands/propose-petition';

const db = suiteDatabase();
const deps = petitionDeps(db);
let platform: Awaited<ReturnType<typeof startTestPlatform>>;
let dk: TestTenant;
let se: TestTenant;

beforeAll(async () => {
  dk = await createTestTenant({ builtinForms: true });
  se = await createTestTenant({ country: 'SE', builtinForms: true });
  platform = await startTestPlatform([]);
});

afterAll(async () => {
  await platform?.stop();
});

const meta = (html: string, property: string) => new RegExp(`<meta property="${property}" content="([^"]*)">`).exec(html)?.[1];

it('serves a published petition with its title, count and closing date in the head, and its text in the page', async () => {
  const id = await openPetition(deps, dk.id, {}, { title: 'Flere bænke & <lys> i byparken', proposal: 'Kommunen opstiller ti nye bænke langs stierne i byparken, så ældre kan hvile sig.' });
  const res = await request(platform.port, dk.publicHost, 'GET', `/petitions/${id}`);
  const html = res.text;
  expect(html).toContain('<title>Flere bænke &#38; &#60;lys&#62; i byparken – ');
  expect(meta(html, 'og:title')).toBe('Flere bænke &#38; &#60;lys&#62; i byparken');
  expect(meta(html, 'og:description')).toMatch(/^0 støtter · åbent for støtte til \d+\. \w+ \d{4}\. Kommunen opstiller/);
  expect(meta(html, 'og:url')).toBe(`http://${dk.publicHost}:${platform.port}/petitions/${id}`);
  expect(meta(html, 'og:type')).toBe('article');
  // Readable without JavaScript: the heading and the proposal in the root element, escaped.
  expect(html).toMatch(/<div id="root"><main[^>]*><article><h1>Flere bænke &#38; &#60;lys&#62; i byparken<\/h1><p>0 støtter/);
  expect(html).toContain('<p>Kommunen opstiller ti nye bænke');
  expect(html).not.toContain('<lys>');
});

it('says it in the tenant’s language', async () => {
  const id = await openPetition(deps, se.id, {}, { title: 'Fler bänkar i parken' });
  const html = (await request(platform.port, se.publicHost, 'GET', `/petitions/${id}`)).text;
  expect(meta(html, 'og:description')).toMatch(/^0 röster · öppet för röster till \d+ \w+ \d{4}\./);
});

it('describes nothing that is not published, unknown, or another tenant’s', async () => {
  const waiting = await proposePetition(deps, anonymous(dk.id), { answers: answers({ title: 'Hemmeligt forslag om noget', proposerEmail: 'x@example.dk' }) });
  const published = await openPetition(deps, dk.id, {}, { title: 'Et offentligt forslag her' });
  for (const [host, id] of [
    [dk.publicHost, waiting.id],
    [dk.publicHost, '00000000-0000-4000-8000-000000000000'],
    [se.publicHost, published],
    [dk.publicHost, 'not-an-id'],
  ] as const) {
    const html = (await request(platform.port, host, 'GET', `/petitions/${id}`)).text;
    expect([id, meta(html, 'og:title'), html.includes('<div id="root"></div>')]).toEqual([id, undefined, true]);
  }
});
