// Once a flow's retention rule has erased one submission's answers (answers_sealed NULL, the row kept), the
// form's answers page and its CSV export still answer — the erased row shown as erased, the others as they
// were. Before, both opened NULL as sealed data: the page answered 500 and the export broke off.
import { QueryTypes } from 'sequelize';
import { createTestTenant, ownerDb, suiteDatabase, type TestTenant } from '../helpers/factories';
import { request } from '../helpers/http';
import { startTestPlatform } from '../helpers/platform';
import { startEmployeeSession, type TestSession } from '../helpers/sessions';
import { signupDraft } from '../fixtures/signup-form';

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

const asAdmin = (method: string, path: string, json?: unknown) => request(platform.port, t.adminHost, method, path, { ...(json === undefined ? {} : { json }), headers: admin.headers });

it('lists and exports a form whose answers were partly erased', async () => {
  const { id } = (await asAdmin('POST', '/api/forms', { name: 'Ansøgning', draft: signupDraft() })).json<{ id: string }>();
  await asAdmin('POST', `/api/forms/${id}/publish`, {});
  const submit = (name: string) => request(platform.port, t.publicHost, 'POST', `/api/forms/${id}/versions/1/submissions`, { json: { name, email: 'a@example.dk' } });
  const kept = (await submit('Karen Jensen')).json<{ id: string }>().id;
  const erased = (await submit('Agnes Jensen')).json<{ id: string }>().id;
  // What the form-submission subject's deletePersonalData does when a flow's retention rule fires.
  await ownerDb().query('UPDATE form_submissions SET answers_sealed = NULL, erased_at = now() WHERE id = $1', { bind: [erased], type: QueryTypes.UPDATE });

  const page = await asAdmin('GET', `/api/forms/${id}/submissions`);
  expect(page.status).toBe(200);
  const rows = page.json<{ submissions: { id: string; answers: Record<string, unknown> | null; erasedAt: string | null }[] }>().submissions;
  expect(rows.map((r) => [r.id, r.answers?.name ?? null, r.erasedAt === null])).toEqual([
    [kept, 'Karen Jensen', true],
    [erased, null, false],
  ]);

  const csv = await asAdmin('GET', `/api/forms/${id}/submissions.csv?keys=true`);
  expect(csv.status).toBe(200);
  const lines = csv.text.replace(/^\uFEFF/, '').trim().split('\n');
  expect(lines[0]).toMatch(/^submission,version,submittedAt,erasedAt,name,email/);
  expect(lines.slice(1).map((l) => l.split(',').slice(0, 1).concat(l.split(',')[3] ? ['erased'] : [], l.includes('Karen') ? ['Karen'] : []))).toEqual([[kept, 'Karen'], [erased, 'erased']]);
});
