// Flows over HTTP on a running platform (real PostgreSQL, Temporal dev server, SMTP outbox): the editor's
// draft, problems, preview and publish; a citizen's submission starting the attached flow and getting the
// receipt by e-mail; the caseworker's decision through the task inbox; tenancy and roles.
import { QueryTypes } from 'sequelize';
import type { Problem } from '../../schemas/types/api-problem';
import type { FlowDefinition } from '../../workflows/flow/core/types';
import { createTestTenant, ownerDb, type TestTenant } from '../helpers/factories';
import { request } from '../helpers/http';
import { startTestPlatform } from '../helpers/platform';
import { startEmployeeSession, type TestSession } from '../helpers/sessions';

let platform: Awaited<ReturnType<typeof startTestPlatform>>;
let tenant: TestTenant;
let other: TestTenant;
let admin: TestSession;
let operator: TestSession;

beforeAll(async () => {
  tenant = await createTestTenant({ builtinForms: true });
  other = await createTestTenant({ builtinForms: true, country: 'SE' });
  platform = await startTestPlatform();
  admin = await startEmployeeSession(platform.identity, tenant.id, ['administrator']);
  operator = await startEmployeeSession(platform.identity, tenant.id, ['operator']);
}, 60_000);

afterAll(async () => {
  await platform?.stop();
});

const api = (method: string, path: string, opts: { json?: unknown; session?: TestSession; host?: string } = {}) =>
  request(platform.port, opts.host ?? tenant.adminHost, method, `/api${path}`, { ...(opts.json !== undefined ? { json: opts.json } : {}), headers: opts.session?.headers ?? {} });

async function applicationFlow(session = admin): Promise<{ id: string; draft: FlowDefinition; latestVersion: number }> {
  const list = (await api('GET', '/flows', { session })).json<{ flows: { id: string; key: string }[] }>();
  return (await api('GET', `/flows/${list.flows.find((f) => f.key === 'application')!.id}`, { session })).json();
}

async function waitFor<T>(fn: () => Promise<T | undefined>, what: string, ms = 20_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

it('refuses anonymous people and people without the role', async () => {
  expect((await api('GET', '/flows')).status).toBe(401);
  expect((await api('GET', '/flows', { session: operator })).status).toBe(403);
  expect((await api('GET', '/tasks', { session: operator })).json<{ tasks: unknown[] }>().tasks).toEqual([]);
});

it('previews a parameter change, publishes it as version 2, and answers another tenant\'s flow as missing', async () => {
  const flow = await applicationFlow();
  expect(flow.latestVersion).toBe(1);
  const preview = async (parameters: Record<string, unknown>) =>
    api('POST', `/flows/${flow.id}/preview`, { session: admin, json: { parameters, scenario: { inputs: [{ after: { days: 10 }, kind: 'decide', task: 'decide', decision: 'approve' }] } } });
  const reminders = async (parameters: Record<string, unknown>) => {
    const r = (await preview(parameters)).json<{ startAt: string; commands: { rule: string; at: string }[] }>();
    return r.commands.filter((c) => c.rule === 'remind-caseworker').map((c) => Math.round((Date.parse(c.at) - Date.parse(r.startAt)) / 86_400_000));
  };
  expect(await reminders({})).toEqual([2, 4, 6, 8]);
  expect(await reminders({ reminderDays: 3 })).toEqual([3, 6, 9]);
  const bad = await preview({ reminderDays: 0, nope: 1 });
  expect(bad.status).toBe(400);
  expect(bad.json<Problem>().errors!.map((e) => e.field).sort()).toEqual(['/parameters/nope', '/parameters/reminderDays']);

  // A draft with a broken reference is saved, with its problems; it cannot be published.
  const broken = structuredClone(flow.draft);
  (broken.rules![1]!.then![0]!.config as { template: string }).template = 'no-such-template';
  const saved = (await api('PUT', `/flows/${flow.id}/draft`, { session: admin, json: broken })).json<{ problems: { field: string; message: string }[] }>();
  expect(saved.problems).toEqual([{ field: '/rules/1/then/0/config/template', code: 'flow.templateUnknown', params: { template: 'no-such-template' }, message: 'there is no message template "no-such-template"' }]);
  expect((await api('POST', `/flows/${flow.id}/publish`, { session: admin })).status).toBe(400);

  const changed = structuredClone(flow.draft);
  changed.parameters!.properties!.reminderDays!.default = 3;
  expect((await api('PUT', `/flows/${flow.id}/draft`, { session: admin, json: changed })).json<{ problems: unknown[] }>().problems).toEqual([]);
  expect((await api('POST', `/flows/${flow.id}/publish`, { session: admin })).json()).toMatchObject({ version: 2 });
  const v2 = (await api('GET', `/flows/${flow.id}/versions/2`, { session: admin })).json<{ parameters: Record<string, unknown>; pinnedForms: Record<string, number> }>();
  expect(v2.parameters.reminderDays).toBe(3);
  expect(Object.values(v2.pinnedForms)).toEqual([1]);

  const otherAdmin = await startEmployeeSession(platform.identity, other.id, ['administrator']);
  expect((await api('GET', `/flows/${flow.id}`, { session: otherAdmin, host: other.adminHost })).status).toBe(404);
  expect((await api('GET', `/flows/00000000-0000-4000-8000-000000000000`, { session: admin })).status).toBe(404);
});

it('a citizen submits the e-service form: receipt by e-mail, a task in the inbox, the decision tells the citizen', async () => {
  const [form] = await ownerDb().query<{ id: string }>("SELECT id FROM form_definitions WHERE tenant_id = $1 AND builtin = 'application-form.json'", { bind: [tenant.id], type: QueryTypes.SELECT });
  const answers = { applicantName: 'Elvira Holm', applicantEmail: 'elvira@example.dk', association: 'Korsbæk Sangkor', amount: 1200, purpose: 'Julekoncert i kirken for alle' };
  const submitted = await request(platform.port, tenant.publicHost, 'POST', `/api/forms/${form!.id}/versions/1/submissions`, { json: answers });
  expect(submitted.status).toBe(201);
  const { reference, status } = submitted.json<{ reference: string; status: string }>();
  expect(status).toBe('submitted');

  const receipt = await waitFor(async () => {
    const out = (await api('GET', '/dev/outbox', { session: admin })).json<{ messages: { to: string; subject: string; text: string }[] }>();
    return out.messages.find((m) => m.subject.includes(reference));
  }, 'the receipt in the outbox');
  expect(receipt).toMatchObject({ to: 'elvira@example.dk', subject: `Vi har modtaget din ansøgning (${reference})` });
  expect(receipt.text).toContain('Kære Elvira Holm');

  const task = await waitFor(async () => (await api('GET', '/tasks', { session: admin })).json<{ tasks: { id: string; taskKey: string; decisions: { key: string }[] }[] }>().tasks[0], 'the task');
  expect(task.decisions.map((d) => d.key)).toEqual(['approve', 'reject']);
  expect((await api('POST', `/tasks/${task.id}/decision`, { session: operator, json: { decision: 'approve' } })).status).toBe(404);
  expect((await api('POST', `/tasks/${task.id}/decision`, { session: admin, json: { decision: 'maybe' } })).status).toBe(409);
  const decided = await api('POST', `/tasks/${task.id}/decision`, { session: admin, json: { decision: 'approve' } });
  expect(decided.status).toBe(200);
  expect(decided.json()).toMatchObject({ status: 'approved' });
  expect((await api('POST', `/tasks/${task.id}/decision`, { session: admin, json: { decision: 'reject' } })).status).toBe(409);

  const told = await waitFor(async () => {
    const out = (await api('GET', '/dev/outbox', { session: admin })).json<{ messages: { subject: string }[] }>();
    return out.messages.find((m) => m.subject === `Din ansøgning er godkendt (${reference})`);
  }, 'the decision in the outbox');
  expect(told).toBeDefined();

  const instances = (await api('GET', '/flow-instances?state=running', { session: admin })).json<{ rows: { id: string; status: string; version: number; webUiPath: string }[] }>();
  expect(instances.rows).toHaveLength(1);
  expect(instances.rows[0]).toMatchObject({ status: 'approved' });
  expect(instances.rows[0]!.webUiPath).toContain(encodeURIComponent(`tenant/${tenant.id}/flow/${instances.rows[0]!.id}`));
  const detail = (await api('GET', `/flow-instances/${instances.rows[0]!.id}`, { session: admin })).json<{ timeline: { status: string; nextDue: { rule: string } }; communications: { status: string }[] }>();
  expect(detail.timeline.nextDue.rule).toBe('delete-personal-data');
  expect(detail.communications.map((c) => c.status)).toEqual(['sent', 'sent']);
  // The other tenant's administrator cannot see it.
  const otherAdmin = await startEmployeeSession(platform.identity, other.id, ['administrator']);
  expect((await api('GET', `/flow-instances/${instances.rows[0]!.id}`, { session: otherAdmin, host: other.adminHost })).status).toBe(404);
  expect((await api('GET', '/dev/outbox', { session: otherAdmin, host: other.adminHost })).json<{ messages: unknown[] }>().messages).toEqual([]);
});

it('checks message templates\' merge fields and previews them with sample data', async () => {
  const bad = await api('PUT', '/message-templates/task-reminder', { session: admin, json: { subject: { da: 'Hej {{navn}}' }, body: { da: 'Tekst' } } });
  expect(bad.status).toBe(400);
  expect(bad.json<Problem>().errors).toEqual([{ field: '/subject/da', message: expect.stringContaining('{{navn}}') }]);
  expect((await api('PUT', '/message-templates/task-reminder', { session: admin, json: { subject: { da: 'Husk {{reference}}' }, body: { da: 'Kære sagsbehandler i {{municipality}}' } } })).status).toBe(200);
  expect((await api('GET', '/message-templates/task-reminder/preview?locale=da', { session: admin })).json()).toEqual({
    subject: 'Husk A1B2C3D4',
    body: 'Kære sagsbehandler i Korsbæk Kommune',
    // Without its own SMS text the subject goes by SMS; a template saved without an order goes by e-mail.
    sms: 'Husk A1B2C3D4',
    smsSegments: { encoding: 'gsm7', length: 13, segments: 1, perSegment: 160 },
    channels: ['email'],
    locale: 'da',
  });
});

it('keeps a template\'s SMS text and channel order, refusing an order with an unknown or repeated channel', async () => {
  const template = { subject: { da: 'Husk {{reference}}' }, body: { da: 'Tekst' } };
  for (const channels of [[], ['email', 'email'], ['fax'], ['digitalPost', 'email', 'sms', 'email']]) {
    const bad = await api('PUT', '/message-templates/task-reminder', { session: admin, json: { ...template, channels } });
    expect([channels, bad.status]).toEqual([channels, 400]);
    expect(bad.json<Problem>().errors?.[0]?.field).toMatch(/^\/channels/);
  }
  const badSms = await api('PUT', '/message-templates/task-reminder', { session: admin, json: { ...template, sms: { da: 'Hej {{navn}}' } } });
  expect(badSms.json<Problem>().errors).toEqual([{ field: '/sms/da', message: expect.stringContaining('{{navn}}') }]);
  const saved = await api('PUT', '/message-templates/task-reminder', { session: admin, json: { ...template, sms: { da: 'Påmindelse {{reference}} – husk' }, channels: ['sms', 'email'] } });
  expect(saved.json()).toEqual({ key: 'task-reminder', ...template, sms: { da: 'Påmindelse {{reference}} – husk' }, channels: ['sms', 'email'] });
  const preview = (await api('GET', '/message-templates/task-reminder/preview?locale=da', { session: admin })).json<{ sms: string; smsSegments: unknown; channels: string[] }>();
  expect(preview).toMatchObject({ sms: 'Påmindelse A1B2C3D4 – husk', smsSegments: { encoding: 'ucs2', length: 26, segments: 1, perSegment: 70 }, channels: ['sms', 'email'] });
  const list = (await api('GET', '/message-templates', { session: admin })).json<{ templates: { key: string; channels: string[] }[]; mergeFields: string[] }>();
  expect(list.templates.find((t) => t.key === 'task-reminder')?.channels).toEqual(['sms', 'email']);
  expect(list.mergeFields).toEqual(expect.arrayContaining(['name', 'reference', 'municipality']));
  // A module's real row needs the row: refused naming the field.
  expect((await api('GET', '/message-templates/task-reminder/preview?locale=da&module=nosuchmodule', { session: admin })).status).toBe(400);
});
