// Forms: the shared formats, the publishable checks, and the whole path over HTTP — create, publish,
// submit (validated by the server, sealed at rest, stored with its version), publish version 2.
import { randomUUID } from 'node:crypto';
import { QueryTypes } from 'sequelize';
import type { Problem } from '../../schemas/types/api-problem';
import { FORMATS } from '../../forms/formats';
import { assertPublishable } from '../../engine/forms/publishable';
import { ValidationError } from '../../engine/errors';
import { createTestTenant, ownerDb, suiteDatabase, type TestTenant } from '../helpers/factories';
import { request } from '../helpers/http';
import { startTestPlatform } from '../helpers/platform';
import { startEmployeeSession, type TestSession } from '../helpers/sessions';
import { signupDraft } from '../fixtures/signup-form';
import { loadFormFile } from '../../forms/builtin';
import { builtinForms } from '../../engine/modules/builtins';
import { provisionTenant } from '../../engine/tenancy/provision';
import { Database } from '../../engine/db/database';
import { testServices } from '../helpers/env';
import { parseCpr } from '../../forms/formats/personal-number';
import { cookieName } from '../../engine/http/session-cookie';
import { csrfTokenFor } from '../../engine/identity/sessions';

describe('formats', () => {
  it('checks CPR numbers by their date part only (no modulus 11)', () => {
    expect(FORMATS['dk-cpr']!('120578-4123')).toBe(true);
    expect(FORMATS['dk-cpr']!('0101901234')).toBe(true); // fails modulus 11, valid since 2007
    expect(FORMATS['dk-cpr']!('310278-1234')).toBe(false); // 31 February
    expect(FORMATS['dk-cpr']!('12057-4123')).toBe(false);
  });

  it('checks personnummer by date and Luhn digit, 10 or 12 digits', () => {
    expect(FORMATS['se-personnummer']!('19811218-9876')).toBe(true);
    expect(FORMATS['se-personnummer']!('811218-9876')).toBe(true);
    expect(FORMATS['se-personnummer']!('811218-9875')).toBe(false);
  });

  it('checks Danish and Swedish phone numbers and postal codes', () => {
    expect(['+45 22 34 56 78', '32345678', '0045 22334455'].map(FORMATS['dk-phone']!)).toEqual([true, true, true]);
    expect(['1234567', '+46 12345678', '01234567'].map(FORMATS['dk-phone']!)).toEqual([false, false, false]);
    expect(['08-123 456 78', '070-123 45 67', '+46 70 123 45 67'].map(FORMATS['se-phone']!)).toEqual([true, true, true]);
    expect(['+45 12345678', '70-123'].map(FORMATS['se-phone']!)).toEqual([false, false]);
    expect(['2100', '9990', '0800'].map(FORMATS['dk-postal-code']!)).toEqual([true, true, true]);
    expect(['0100', '12345'].map(FORMATS['dk-postal-code']!)).toEqual([false, false]);
    expect(['123 45', '98499'].map(FORMATS['se-postal-code']!)).toEqual([true, true]);
    expect(['012 34', '1234'].map(FORMATS['se-postal-code']!)).toEqual([false, false]);
  });
});

describe('publishable definitions', () => {
  const problems = (draft: unknown) => {
    try {
      assertPublishable(draft);
      return [];
    } catch (err) {
      return (err as ValidationError).fields!.map((f) => f.field);
    }
  };

  it('accepts a complete definition', () => {
    expect(problems(signupDraft())).toEqual([]);
  });

  it('names each missing text and unbounded field', () => {
    const draft = signupDraft();
    delete (draft.translations.en as Record<string, unknown>).party;
    draft.title = { da: 'Tilmelding' } as never;
    expect(problems(draft).sort()).toEqual(['/title/en', '/translations/en/party/label']);
    const unbounded = signupDraft();
    (unbounded.schema.properties.name as Record<string, unknown>).maxLength = undefined;
    delete (unbounded.schema.properties.name as Record<string, unknown>).maxLength;
    expect(problems(unbounded)).toContain('/schema/properties/name');
  });

  it('refuses an order naming a missing field and a schema that does not compile', () => {
    const draft = signupDraft();
    draft.uiSchema['ui:order'].push('shoeSize');
    expect(problems(draft)).toEqual(['/uiSchema/ui:order/5']);
    const broken = signupDraft();
    (broken.schema.properties.phone as Record<string, unknown>).format = 'no-such-format';
    expect(problems(broken)).toContain('/schema/properties/phone');
  });
});

describe('over HTTP', () => {
  suiteDatabase();
  let platform: Awaited<ReturnType<typeof startTestPlatform>>;
  let t: TestTenant;
  let other: TestTenant;
  let admin: TestSession;

  beforeAll(async () => {
    [t, other] = await Promise.all([createTestTenant(), createTestTenant()]);
    platform = await startTestPlatform();
    admin = await startEmployeeSession(platform.identity, t.id, ['administrator']);
  });
  afterAll(async () => {
    await platform?.stop();
  });

  const asAdmin = (method: string, path: string, json?: unknown) => request(platform.port, t.adminHost, method, path, { ...(json === undefined ? {} : { json }), headers: admin.headers });
  const asPublic = (method: string, path: string, json?: unknown, host = t.publicHost) => request(platform.port, host, method, path, json === undefined ? {} : { json });
  const submissionCount = async () => Number((await ownerDb().query<{ n: string }>('SELECT count(*) AS n FROM form_submissions WHERE tenant_id = $1', { bind: [t.id], type: QueryTypes.SELECT }))[0]!.n);

  it('creates, publishes and accepts answers against a version; version 2 leaves version 1’s answers readable', async () => {
    const created = await asAdmin('POST', '/api/forms', { name: 'Valgstyrere 2026', draft: { schemaVersion: 1, kind: 'signupTemplate' } });
    expect(created.status).toBe(201);
    const { id } = created.json<{ id: string }>();
    // An empty draft saves, but does not publish.
    const early = await asAdmin('POST', `/api/forms/${id}/publish`, {});
    expect([early.status, early.text]).toEqual([400, expect.any(String)]);
    expect(early.json<Problem>().errors!.map((e) => e.field)).toEqual(['/title', '/schema', '/translations']);
    const saved = await asAdmin('PUT', `/api/forms/${id}/draft`, signupDraft());
    expect([saved.status, saved.json<{ problems: unknown[] }>().problems]).toEqual([200, []]);
    expect((await asAdmin('POST', `/api/forms/${id}/publish`, {})).json()).toMatchObject({ version: 1 });

    const v1 = (await asPublic('GET', `/api/forms/${id}/versions/latest`)).json<{ version: number; definition: { translations: { da: { party: { label: string } } } } }>();
    expect([v1.version, v1.definition.translations.da.party.label]).toEqual([1, 'Parti']);

    // The conditional field: required only when the person is a member.
    const missingParty = await asPublic('POST', `/api/forms/${id}/versions/1/submissions`, { name: 'Karen', email: 'karen@example.dk', member: true });
    expect([missingParty.status, missingParty.json<Problem>().errors!.map((e) => e.field)]).toEqual([400, ['/party']]);
    const badFormats = await asPublic('POST', `/api/forms/${id}/versions/1/submissions`, { name: '', email: 'nope', phone: '123' });
    expect(badFormats.json<Problem>().errors!.map((e) => e.field).sort()).toEqual(['/email', '/name', '/phone']);
    expect(await submissionCount()).toBe(0);

    const ok = await asPublic('POST', `/api/forms/${id}/versions/1/submissions`, { name: 'Karen Jensen', email: 'karen@example.dk', phone: '+45 22 34 56 78', member: true, party: 'Venstre' });
    expect(ok.status).toBe(201);
    const raw = await ownerDb().query<{ answers_sealed: Buffer }>('SELECT answers_sealed FROM form_submissions WHERE tenant_id = $1', { bind: [t.id], type: QueryTypes.SELECT });
    expect(Buffer.from(raw[0]!.answers_sealed).toString('latin1')).not.toContain('Karen');

    expect((await asAdmin('PUT', `/api/forms/${id}/draft`, signupDraft('Parti eller liste'))).status).toBe(200);
    expect((await asAdmin('POST', `/api/forms/${id}/publish`, {})).json()).toMatchObject({ version: 2 });
    await asPublic('POST', `/api/forms/${id}/versions/2/submissions`, { name: 'Agnes', email: 'agnes@example.dk' });

    const v1Answers = (await asAdmin('GET', `/api/forms/${id}/submissions?version=1`)).json<{ total: number; submissions: { version: number; answers: Record<string, unknown> }[] }>();
    expect(v1Answers.total).toBe(1);
    expect(v1Answers.submissions[0]).toMatchObject({ version: 1, answers: { name: 'Karen Jensen', party: 'Venstre' } });
    const oldForm = (await asPublic('GET', `/api/forms/${id}/versions/1`)).json<{ definition: { translations: { da: { party: { label: string } } } } }>();
    expect(oldForm.definition.translations.da.party.label).toBe('Parti');
    expect((await asAdmin('GET', `/api/forms/${id}`)).json<{ versions: { version: number }[] }>().versions.map((v) => v.version)).toEqual([2, 1]);

    const audit = await ownerDb().query<{ action: string }>("SELECT action FROM audit_log WHERE tenant_id = $1 AND action LIKE 'form.%' AND actor_type <> 'system' ORDER BY seq", { bind: [t.id], type: QueryTypes.SELECT });
    expect(audit.map((a) => a.action)).toEqual(['form.created', 'form.draftSaved', 'form.published', 'form.submitted', 'form.draftSaved', 'form.published', 'form.submitted']);
    expect(JSON.stringify(await ownerDb().query("SELECT summary FROM audit_log WHERE tenant_id = $1 AND action = 'form.submitted'", { bind: [t.id], type: QueryTypes.SELECT }))).not.toContain('Karen');
  });

  it('answers another tenant’s form like a missing one, refuses non-administrators, and limits sizes', async () => {
    const { id } = (await asAdmin('POST', '/api/forms', { name: 'Andet', draft: signupDraft() })).json<{ id: string }>();
    await asAdmin('POST', `/api/forms/${id}/publish`, {});
    const foreign = await asPublic('GET', `/api/forms/${id}/versions/1`, undefined, other.publicHost);
    const missing = await asPublic('GET', `/api/forms/${randomUUID()}/versions/1`, undefined, other.publicHost);
    expect([foreign.status, foreign.json<Problem>().code]).toEqual([missing.status, missing.json<Problem>().code]);
    expect(foreign.status).toBe(404);
    expect((await asPublic('POST', `/api/forms/${id}/versions/1/submissions`, { name: 'X', email: 'x@example.dk' }, other.publicHost)).status).toBe(404);
    expect((await asPublic('GET', '/api/forms')).status).toBe(401);
    expect((await asPublic('GET', `/api/forms/${id}/submissions`)).status).toBe(401);

    // A published form is kept; a never-published one can be deleted (audited), then it is gone.
    expect((await asAdmin('DELETE', `/api/forms/${id}`)).json<Problem>().code).toBe('conflict');
    const scrap = (await asAdmin('POST', '/api/forms', { name: 'Kladde', draft: { schemaVersion: 1, kind: 'profile' } })).json<{ id: string }>();
    expect((await asAdmin('DELETE', `/api/forms/${scrap.id}`)).status).toBe(204);
    expect((await asAdmin('GET', `/api/forms/${scrap.id}`)).status).toBe(404);

    const huge = signupDraft();
    (huge.translations.da.name as Record<string, unknown>).help = 'x'.repeat(300 * 1024);
    expect((await asAdmin('PUT', `/api/forms/${id}/draft`, huge)).status).toBe(413);
    const big = await asPublic('POST', `/api/forms/${id}/versions/1/submissions`, { name: 'x'.repeat(70 * 1024), email: 'x@example.dk' });
    expect(big.status).toBe(413);
  });
});

describe('built-in definitions', () => {
  it('every file publishes, and a new tenant gets its country’s set, published as version 1', async () => {
    for (const f of builtinForms()) expect([f.file, (() => (assertPublishable(loadFormFile(f.path)), 'ok'))()]).toEqual([f.file, 'ok']);
    const se = await createTestTenant({ country: 'SE', builtinForms: true });
    const rows = await ownerDb().query<{ builtin: string; kind: string; latest_version: number }>('SELECT builtin, kind, latest_version FROM form_definitions WHERE tenant_id = $1 ORDER BY builtin', { bind: [se.id], type: QueryTypes.SELECT });
    expect(rows).toEqual([
      { builtin: 'application-form.json', kind: 'eService', latest_version: 1 },
      { builtin: 'consent-statement.se.json', kind: 'consentStatement', latest_version: 1 },
      { builtin: 'petition-form.json', kind: 'petitionForm', latest_version: 1 },
      { builtin: 'privacy-statement.se.json', kind: 'consentStatement', latest_version: 1 },
      { builtin: 'signup-template.json', kind: 'signupTemplate', latest_version: 1 },
    ]);
  });

  it('installs them once, by the commands, as the tenant’s provisioning actor (audited), for a tenant made without them', async () => {
    const old = await createTestTenant();
    const db = Database.connect(testServices().appUrl);
    try {
      expect(await provisionTenant(db, old.id, 'DK')).toBeGreaterThan(5);
      expect(await provisionTenant(db, old.id, 'DK')).toBe(0);
    } finally {
      await db.close();
    }
    const [row] = await ownerDb().query<{ n: string }>('SELECT count(*) AS n FROM form_definitions WHERE tenant_id = $1', { bind: [old.id], type: QueryTypes.SELECT });
    expect(Number(row!.n)).toBe(5);
    const audit = await ownerDb().query<{ action: string; actor_type: string; actor_id: string }>("SELECT DISTINCT action, actor_type, actor_id FROM audit_log WHERE tenant_id = $1 AND action <> 'tenant.created' ORDER BY action", { bind: [old.id], type: QueryTypes.SELECT });
    expect(audit).toEqual(['flow.created', 'flow.published', 'form.created', 'form.flowAttached', 'form.published', 'messageTemplate.saved'].map((action) => ({ action, actor_type: 'system', actor_id: 'provisioning' })));
    const [application] = await ownerDb().query<{ flow: string | null }>("SELECT f.key AS flow FROM form_definitions d LEFT JOIN flow_definitions f ON f.id = d.flow_definition_id WHERE d.tenant_id = $1 AND d.builtin = 'application-form.json'", { bind: [old.id], type: QueryTypes.SELECT });
    expect(application!.flow).toBe('application');
  });
});

describe('CSV export', () => {
  suiteDatabase();
  let platform: Awaited<ReturnType<typeof startTestPlatform>>;
  let t: TestTenant;
  let admin: TestSession;
  beforeAll(async () => {
    t = await createTestTenant();
    platform = await startTestPlatform();
    admin = await startEmployeeSession(platform.identity, t.id, ['administrator']);
  });
  afterAll(async () => {
    await platform?.stop();
  });

  it('streams every submission as CSV with formula cells neutralised, filters by version, and audits the export', async () => {
    const call = (method: string, path: string, json?: unknown, host = t.adminHost) => request(platform.port, host, method, path, { ...(json === undefined ? {} : { json }), headers: host === t.adminHost ? admin.headers : {} });
    const { id } = (await call('POST', '/api/forms', { name: 'Eksport', draft: signupDraft() })).json<{ id: string }>();
    await call('POST', `/api/forms/${id}/publish`, {});
    for (let i = 0; i < 3; i++) await call('POST', `/api/forms/${id}/versions/1/submissions`, { name: i === 0 ? '=HYPERLINK("http://evil")' : `Person ${i}`, email: `p${i}@example.dk`, member: i === 2, ...(i === 2 ? { party: 'Venstre' } : {}) }, t.publicHost);
    const res = await call('GET', `/api/forms/${id}/submissions.csv?version=1&keys=true`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="?submissions-[0-9a-f]{8}-v1\.csv"?$/);
    const lines = res.text.replace(/^\uFEFF/, '').trim().split('\n');
    expect(lines[0]).toBe('submission,version,submittedAt,erasedAt,name,email,phone,member,party');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(lines[3]).toMatch(/,Person 2,p2@example\.dk,,true,Venstre$/);
    // For people: headed by the labels in the language asked (else the tenant's), yes/no in words.
    const labelled = (await call('GET', `/api/forms/${id}/submissions.csv?version=1&locale=en`)).text.replace(/^\uFEFF/, '').trim().split('\n');
    expect(labelled[0]).toBe('Submission,Version,Received,Answers erased,Name,E-mail,Phone,Are you a member of a party?,Party');
    expect(labelled[3]).toMatch(/,Person 2,p2@example\.dk,,Yes,Venstre$/);
    const danish = (await call('GET', `/api/forms/${id}/submissions.csv`)).text.replace(/^\uFEFF/, '').split('\n');
    expect(danish[0]).toMatch(/^Indsendelse,Version,Modtaget,Svar slettet,Navn,E-mail,Telefon,Er du medlem af et parti\?,/);
    const audit = await ownerDb().query("SELECT entity_id FROM audit_log WHERE tenant_id = $1 AND action = 'formSubmissions.exported'", { bind: [t.id], type: QueryTypes.SELECT });
    expect(audit).toEqual([{ entity_id: id }, { entity_id: id }, { entity_id: id }]);
    const anonymous = await request(platform.port, t.adminHost, 'GET', `/api/forms/${id}/submissions.csv`);
    expect([anonymous.status, anonymous.headers['content-disposition']]).toEqual([401, undefined]);
  });
});

describe('consents', () => {
  suiteDatabase();
  let platform: Awaited<ReturnType<typeof startTestPlatform>>;
  let t: TestTenant;
  beforeAll(async () => {
    t = await createTestTenant({ builtinForms: true });
    platform = await startTestPlatform();
  });
  afterAll(async () => {
    await platform?.stop();
  });

  async function citizen(cpr: string, name: string) {
    const { users, sessions } = platform.identity;
    const token = await platform.db.withTenant(t.id, async (tx) => {
      const userId = await users.citizen(tx, t.id, parseCpr(cpr)!, name);
      return (await sessions.start(tx, { tenantId: t.id, userId, site: 'public', now: new Date() })).token;
    });
    return { cookie: `${cookieName('public')}=${token}`, 'x-csrf-token': csrfTokenFor(token) };
  }

  it('records a logged-in person’s consent with the statement’s version, and lets only that person withdraw it', async () => {
    const [statement] = await ownerDb().query<{ id: string }>("SELECT id FROM form_definitions WHERE tenant_id = $1 AND builtin = 'consent-statement.dk.json'", { bind: [t.id], type: QueryTypes.SELECT });
    const agnes = await citizen('120578-4123', 'Agnes Jensen');
    const karen = await citizen('010190-1234', 'Karen Berg');
    const call = (headers: Record<string, string>, method: string, path: string, json?: unknown) => request(platform.port, t.publicHost, method, path, { headers, ...(json === undefined ? {} : { json }) });
    const refused = await call(agnes, 'POST', `/api/forms/${statement!.id}/versions/1/submissions`, { acknowledged: false });
    expect([refused.status, refused.json<Problem>().errors!.map((e) => e.field)]).toEqual([400, ['/acknowledged']]);
    expect((await call(agnes, 'POST', `/api/forms/${statement!.id}/versions/1/submissions`, { acknowledged: true, keepForNextElection: true })).status).toBe(201);

    const mine = (await call(agnes, 'GET', '/api/me/consents')).json<{ consents: { id: string; version: number; consents: Record<string, boolean>; withdrawnAt: string | null; title: { da: string } }[] }>().consents;
    expect(mine.map((c) => [c.version, c.consents, c.withdrawnAt, c.title.da])).toEqual([[1, { acknowledged: true, keepForNextElection: true }, null, 'Samtykkeerklæring']]);
    expect((await call(karen, 'GET', '/api/me/consents')).json<{ consents: unknown[] }>().consents).toEqual([]);

    expect((await call(karen, 'POST', `/api/me/consents/${mine[0]!.id}/withdraw`, {})).status).toBe(404);
    expect((await call(agnes, 'POST', `/api/me/consents/${mine[0]!.id}/withdraw`, {})).status).toBe(204);
    const after = (await call(agnes, 'GET', '/api/me/consents')).json<{ consents: { withdrawnAt: string | null }[] }>().consents;
    expect(after[0]!.withdrawnAt).toEqual(expect.any(String));
    const audit = await ownerDb().query("SELECT action FROM audit_log WHERE tenant_id = $1 AND action = 'consent.withdrawn'", { bind: [t.id], type: QueryTypes.SELECT });
    expect(audit).toHaveLength(1);
  });
});
