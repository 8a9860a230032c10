// The e-services the public site lists (GET /api/eservices/services) and their readable addresses: a slug per
// published form, made from its title in the tenant's language at its first publishing, kept after, unique
// within the tenant (numbered when taken) and free to repeat in another tenant; /api/forms/by-slug/<slug>.
import { join } from 'node:path';
import type { Problem } from '../../schemas/types/api-problem';
import type { EServices } from '../../schemas/types/eservices-services';
import type { FormVersion } from '../../schemas/types/api-form-version';
import { loadFormFile } from '../../forms/builtin';
import { slugify, uniqueSlug } from '../../engine/forms/slug';
import { createTestTenant, suiteDatabase, type TestTenant } from '../helpers/factories';
import { request } from '../helpers/http';
import { startTestPlatform } from '../helpers/platform';
import { startEmployeeSession, type TestSession } from '../helpers/sessions';
import { signupDraft } from '../fixtures/signup-form';

const applicationForm = () => loadFormFile(join(__dirname, '..', '..', 'forms', 'builtin', 'eservices', 'application-form.json'));
const DANISH_SLUG = 'ansoeg-om-tilskud-til-et-foreningsarrangement';

describe('slugs', () => {
  it('spell Danish and Swedish letters out, keep a–z and digits, and never look like an id or a fixed page', () => {
    expect(slugify('Tilskud til foreningsarrangement', 'da')).toBe('tilskud-til-foreningsarrangement');
    expect(slugify('Ansøg om støtte – Ærø & Åbenrå!', 'da')).toBe('ansoeg-om-stoette-aeroe-aabenraa');
    expect(slugify('Ansök om bidrag – Åre, Malmö', 'sv')).toBe('ansok-om-bidrag-are-malmo');
    expect(slugify('Showcase', 'en')).toBe('form-showcase');
    expect(slugify('!!!', 'da')).toBe('form');
    expect(slugify('x'.repeat(200), 'da')).toHaveLength(80);
    expect(uniqueSlug('a', new Set(['a', 'a-2']))).toBe('a-3');
  });
});

describe('the e-services route', () => {
  suiteDatabase();
  let platform: Awaited<ReturnType<typeof startTestPlatform>>;
  let dk: TestTenant;
  let se: TestTenant;
  let otherDk: TestTenant;
  let admin: TestSession;

  beforeAll(async () => {
    [dk, se, otherDk] = await Promise.all([createTestTenant({ builtinForms: true }), createTestTenant({ country: 'SE', builtinForms: true }), createTestTenant({ builtinForms: true })]);
    platform = await startTestPlatform();
    admin = await startEmployeeSession(platform.identity, dk.id, ['administrator']);
  });
  afterAll(async () => {
    await platform?.stop();
  });

  const asAdmin = (method: string, path: string, json?: unknown) => request(platform.port, dk.adminHost, method, path, { ...(json === undefined ? {} : { json }), headers: admin.headers });
  const services = async (host: string) => (await request(platform.port, host, 'GET', '/api/eservices/services')).json<EServices>().services;

  it('lists the published e-service by its title’s slug in the tenant’s language, and the form opens by it', async () => {
    const [dkService] = await services(dk.publicHost);
    expect(dkService).toMatchObject({ slug: DANISH_SLUG, path: `/forms/${DANISH_SLUG}`, title: { da: 'Ansøg om tilskud til et foreningsarrangement' } });
    expect(dkService!.description?.da).toMatch(/^Foreninger/);
    const opened = await request(platform.port, dk.publicHost, 'GET', `/api/forms/by-slug/${DANISH_SLUG}`);
    expect([opened.status, opened.json<FormVersion>().id, opened.json<FormVersion>().version]).toEqual([200, dkService!.id, 1]);
    expect((await services(se.publicHost)).map((s) => s.slug)).toEqual(['ansok-om-bidrag-till-ett-foreningsarrangemang']);
  });

  it('keeps slugs unique within a tenant, not across tenants, and keeps a slug when the title changes', async () => {
    // Another tenant has the same form under the same address; each host opens its own.
    const [other] = await services(otherDk.publicHost);
    expect(other!.slug).toBe(DANISH_SLUG);
    expect((await request(platform.port, otherDk.publicHost, 'GET', `/api/forms/by-slug/${DANISH_SLUG}`)).json<FormVersion>().id).toBe(other!.id);

    // A second e-service with the same title gets the next free number; a draft is not a service.
    const { id } = (await asAdmin('POST', '/api/forms', { name: 'Tilskud, kopi', draft: applicationForm() })).json<{ id: string }>();
    expect((await services(dk.publicHost)).map((s) => s.slug)).toEqual([DANISH_SLUG]);
    expect((await asAdmin('POST', `/api/forms/${id}/publish`, {})).status).toBe(201);
    const copy = (await services(dk.publicHost)).find((s) => s.id === id);
    expect(copy!.slug).toBe(`${DANISH_SLUG}-2`);

    const retitled = { ...applicationForm(), title: { da: 'Nyt navn', sv: 'Nytt namn', en: 'New name' } };
    await asAdmin('PUT', `/api/forms/${id}/draft`, retitled);
    expect((await asAdmin('POST', `/api/forms/${id}/publish`, {})).json()).toMatchObject({ version: 2 });
    const after = (await services(dk.publicHost)).find((s) => s.id === id);
    expect([after!.slug, after!.title.da]).toEqual([`${DANISH_SLUG}-2`, 'Nyt navn']);

    // Other kinds of form get an address too, but are not e-services.
    const signup = (await asAdmin('POST', '/api/forms', { name: 'Valgstyrere', draft: signupDraft() })).json<{ id: string }>();
    await asAdmin('POST', `/api/forms/${signup.id}/publish`, {});
    expect((await services(dk.publicHost)).map((s) => s.id)).not.toContain(signup.id);
  });

  it('answers an unknown or malformed slug, and another tenant’s, as not found', async () => {
    for (const slug of ['no-such-form', 'Not_A_Slug', 'a--b']) {
      const res = await request(platform.port, se.publicHost, 'GET', `/api/forms/by-slug/${slug}`);
      expect([slug, res.status, res.json<Problem>().code]).toEqual([slug, 404, 'not_found']);
    }
    expect((await request(platform.port, se.publicHost, 'GET', `/api/forms/by-slug/${DANISH_SLUG}`)).status).toBe(404);
  });
});
