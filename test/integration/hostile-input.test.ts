// Bad input found by an outside probe (issue 11, sections 3 and 4): each answered 4xx with a problem that names
// what is wrong, and nothing is written — no row, no audit entry.
import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { QueryTypes } from 'sequelize';
import type { Problem } from '../../schemas/types/api-problem';
import { TENANT_METADATA } from '../../engine/temporal/codec';
import { createTestTenant, ownerDb, suiteDatabase, type TestTenant } from '../helpers/factories';
import { request, type TestResponse } from '../helpers/http';
import { startTestPlatform } from '../helpers/platform';
import { startEmployeeSession, type TestSession } from '../helpers/sessions';
import { signupDraft } from '../fixtures/signup-form';

suiteDatabase();
let platform: Awaited<ReturnType<typeof startTestPlatform>>;
let t: TestTenant;
let other: TestTenant;
let admin: TestSession;
let operator: TestSession;
let otherOperator: TestSession;
let formId: string;

beforeAll(async () => {
  [t, other] = await Promise.all([createTestTenant(), createTestTenant()]);
  platform = await startTestPlatform();
  admin = await startEmployeeSession(platform.identity, t.id, ['administrator']);
  operator = await startEmployeeSession(platform.identity, t.id, ['administrator', 'operator']);
  otherOperator = await startEmployeeSession(platform.identity, other.id, ['administrator', 'operator']);
  formId = (await asAdmin('POST', '/api/forms', { name: 'Tilmelding', draft: signupDraft() })).json<{ id: string }>().id;
  expect((await asAdmin('POST', `/api/forms/${formId}/publish`, {})).status).toBe(201);
});
afterAll(async () => {
  await platform?.stop();
});

function asAdmin(method: string, path: string, json?: unknown, headers: Record<string, string> = {}): Promise<TestResponse> {
  return request(platform.port, t.adminHost, method, path, { ...(json === undefined ? {} : { json }), headers: { ...admin.headers, ...headers } });
}
const rawAsAdmin = (method: string, path: string, body: string | Buffer, headers: Record<string, string>) => request(platform.port, t.adminHost, method, path, { body, headers: { ...admin.headers, ...headers } });
const submit = (body: string) => request(platform.port, t.publicHost, 'POST', `/api/forms/${formId}/versions/1/submissions`, { body, headers: { 'content-type': 'application/json' } });
const sameOrigin = (session: TestSession) => ({ cookie: session.headers.cookie!, 'sec-fetch-site': 'same-origin' });

async function auditHead(tenantId = t.id): Promise<number> {
  const [row] = await ownerDb().query<{ seq: string | null }>('SELECT max(seq) AS seq FROM audit_log WHERE tenant_id = $1', { bind: [tenantId], type: QueryTypes.SELECT });
  return Number(row!.seq ?? 0);
}
async function submissionCount(): Promise<number> {
  const [row] = await ownerDb().query<{ n: string }>('SELECT count(*) AS n FROM form_submissions WHERE tenant_id = $1', { bind: [t.id], type: QueryTypes.SELECT });
  return Number(row!.n);
}
const fieldsOf = (res: TestResponse) => (res.json<Problem>().errors ?? []).map((e) => e.field);

/** A refused request: a 4xx problem, and the tenant's audit log and submissions exactly as before. */
async function expectRefused(send: () => Promise<TestResponse>, status: number): Promise<TestResponse> {
  const [audit, submissions] = [await auditHead(), await submissionCount()];
  const res = await send();
  expect([res.status, res.headers['content-type']]).toEqual([status, expect.stringMatching(/^application\/problem\+json/)]);
  expect([await auditHead(), await submissionCount()]).toEqual([audit, submissions]);
  return res;
}

describe('bodies that cannot be read', () => {
  const body = JSON.stringify({ name: 'Ny formular', draft: { schemaVersion: 1, kind: 'eService' } });

  it('answers 400 for a body that is not the gzip, deflate or br it claims, on the API and on /codec', async () => {
    for (const encoding of ['gzip', 'deflate', 'br']) {
      const res = await expectRefused(() => rawAsAdmin('POST', '/api/forms', body, { 'content-type': 'application/json', 'content-encoding': encoding }), 400);
      expect(res.json<Problem>().code).toBe('malformed_request');
    }
    const codec = await request(platform.port, t.adminHost, 'POST', '/codec/decode', { body: '{"payloads":[]}', headers: { ...sameOrigin(operator), 'content-type': 'application/json', 'content-encoding': 'gzip' } });
    expect([codec.status, codec.json<Problem>().code]).toEqual([400, 'malformed_request']);
  });

  it('answers 415 for an encoding it does not speak, and still reads real gzip', async () => {
    const res = await expectRefused(() => rawAsAdmin('POST', '/api/forms', body, { 'content-type': 'application/json', 'content-encoding': 'zstd' }), 415);
    expect(res.json<Problem>().code).toBe('unsupported_media_type');
    const gzipped = await rawAsAdmin('POST', '/api/forms', gzipSync(body), { 'content-type': 'application/json', 'content-encoding': 'gzip' });
    expect(gzipped.status).toBe(201);
  });

  it('answers 400 for a path with broken percent-encoding', async () => {
    for (const path of ['/api/forms/%E0%A4%A', '/api/forms/%E0%A4%A/submissions', '/api/flows/%C0%AF', '/api/flow-instances/%ff']) {
      const res = await expectRefused(() => asAdmin('GET', path), 400);
      expect([path, res.json<Problem>().code]).toEqual([path, 'malformed_request']);
    }
  });
});

describe('numbers out of range in paths and query strings (found by the fuzz suite)', () => {
  it('answers a version of 1e400 as no version (404) and a page of 1e400 as a bad query (400), not 500', async () => {
    expect((await expectRefused(() => asAdmin('GET', `/api/forms/${formId}/versions/1e400`), 404)).json<Problem>().code).toBe('not_found');
    expect(fieldsOf(await expectRefused(() => asAdmin('GET', `/api/forms/${formId}/submissions?page=1e400`), 400))).toEqual(['/page']);
  });
});

describe('text PostgreSQL cannot store, refused in one place with the field named', () => {
  it('refuses NUL in a message template and a lone surrogate in a form name', async () => {
    const template = await expectRefused(() => asAdmin('PUT', '/api/message-templates/application-received', { subject: { da: 'Hej\u0000' }, body: { da: 'Tak' } }), 400);
    expect(fieldsOf(template)).toEqual(['/subject/da']);
    const name = await expectRefused(() => rawAsAdmin('POST', '/api/forms', '{"name":"Skema \\ud800","draft":{"schemaVersion":1,"kind":"eService"}}', { 'content-type': 'application/json' }), 400);
    expect(fieldsOf(name)).toEqual(['/name']);
  });

  it('refuses NUL and lone surrogates in keys and query strings, too-deep nesting, and numbers out of range', async () => {
    const key = await expectRefused(() => rawAsAdmin('POST', '/api/forms', '{"name":"x","draft":{"a\\u0000b":1}}', { 'content-type': 'application/json' }), 400);
    expect(fieldsOf(key)).toEqual(['/draft/a\u0000b']);
    const query = await expectRefused(() => asAdmin('GET', '/api/audit-log?action=form.%00created'), 400);
    expect(fieldsOf(query)).toEqual(['/action']);
    const deep = await expectRefused(() => rawAsAdmin('POST', '/api/forms', `{"name":"x","draft":${'['.repeat(5000)}${']'.repeat(5000)}}`, { 'content-type': 'application/json' }), 400);
    expect(deep.json<Problem>().errors![0]!.message).toMatch(/nest/);
    const huge = await expectRefused(() => rawAsAdmin('PUT', '/api/settings/contact', '{"email":"a@b.dk","phone":1e400}', { 'content-type': 'application/json' }), 400);
    expect(fieldsOf(huge)).toEqual(['/phone']);
  });
});

describe('routes that answered as if a missing thing existed', () => {
  it('answers 404 for the submissions of a form that does not exist or is another tenant’s', async () => {
    expect((await asAdmin('GET', `/api/forms/${randomUUID()}/submissions`)).status).toBe(404);
    const foreign = (await request(platform.port, other.adminHost, 'POST', '/api/forms', { json: { name: 'Fremmed', draft: signupDraft() }, headers: (await startEmployeeSession(platform.identity, other.id, ['administrator'])).headers })).json<{ id: string }>();
    expect((await asAdmin('GET', `/api/forms/${foreign.id}/submissions`)).status).toBe(404);
    expect((await asAdmin('GET', `/api/forms/${formId}/submissions`)).status).toBe(200);
  });

  it('decodes for an operator whose Referer has broken percent-encoding (it names no workflow)', async () => {
    const referer = `http://${t.adminHost}/temporal/namespaces/tingvalla/workflows/%E0%A4%A/history`;
    const res = await request(platform.port, t.adminHost, 'POST', '/codec/decode', { json: { payloads: [] }, headers: { ...sameOrigin(operator), referer } });
    expect([res.status, res.json()]).toEqual([200, { payloads: [] }]);
  });

  it('hands back a payload relabelled with this tenant’s id still sealed, instead of failing', async () => {
    const plain = { metadata: { encoding: Buffer.from('json/plain').toString('base64') }, data: Buffer.from('"Karen Jensen"').toString('base64') };
    const encoded = (await request(platform.port, other.adminHost, 'POST', '/codec/encode', { json: { payloads: [plain] }, headers: sameOrigin(otherOperator) })).json<{ payloads: { metadata: Record<string, string>; data: string }[] }>().payloads[0]!;
    const relabelled = { ...encoded, metadata: { ...encoded.metadata, [TENANT_METADATA]: Buffer.from(t.id).toString('base64') } };
    const res = await request(platform.port, t.adminHost, 'POST', '/codec/decode', { json: { payloads: [relabelled] }, headers: sameOrigin(operator) });
    expect(res.status).toBe(200);
    expect(res.json<{ payloads: unknown[] }>().payloads).toEqual([relabelled]);
  });
});

describe('submissions hold what the form asks, and nothing else', () => {
  const valid = { name: 'Karen Jensen', email: 'karen@example.dk', phone: '+45 22 34 56 78' };

  it.each([
    ['a field the form does not have', JSON.stringify({ ...valid, shoeSize: 42 }), ['/shoeSize']],
    ['__proto__', `{"name":"Karen","email":"k@example.dk","__proto__":{"admin":true}}`, ['/__proto__']],
    ['constructor', JSON.stringify({ ...valid, constructor: 'x' }), ['/constructor']],
    ['a key with NUL', JSON.stringify({ ...valid, 'na\u0000me': 'x' }), ['/na\u0000me']],
    ['NUL in a value', JSON.stringify({ ...valid, name: 'Karen\u0000' }), ['/name']],
    // Stored as null before: JSON.parse reads 1e400 as Infinity, JSON.stringify writes it back as null.
    ['a number out of range', '{"name":"Karen","email":"k@example.dk","phone":"+45 22 34 56 78","age":1e400}', ['/age']],
    ['the answer to a question that is hidden', JSON.stringify({ ...valid, member: false, party: 'Venstre' }), ['/party']],
  ])('refuses %s', async (_what, body, fields) => {
    const res = await expectRefused(() => submit(body), 400);
    expect(fieldsOf(res)).toEqual(fields);
  });

  it('still accepts a complete answer, with the conditional field when its condition holds', async () => {
    const before = await submissionCount();
    expect((await submit(JSON.stringify({ ...valid, member: true, party: 'Venstre' }))).status).toBe(201);
    expect(await submissionCount()).toBe(before + 1);
  });
});
