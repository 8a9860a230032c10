// The flow interpreter on the time-skipping test server, against the real database and a real SMTP server:
// the built-in application flow from a citizen's submission to the deletion of their answers, every fire time
// checked, and the preview of the same scenario agreeing with the real run.
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { QueryTypes } from 'sequelize';
import { createActivities } from '../../activities';
import { submitForm } from '../../engine/commands/submit-form';
import { Keyring } from '../../engine/crypto/keyring';
import { parseKeySpec } from '../../engine/crypto/key-spec';
import { DevOutbox } from '../../engine/dev/smtp-outbox';
import { loadBuiltinFlow, parameterDefaults } from '../../engine/flows/builtin';
import { flowHandle, startFlowWorkflow } from '../../engine/flows/workflows';
import { EmailChannel } from '../../engine/messages/channels';
import { dataConverter } from '../../engine/temporal/client';
import { parseCodecKeys } from '../../engine/temporal/codec';
import { ensureSearchAttributes } from '../../engine/temporal/ensure-search-attributes';
import { addDuration } from '../../workflows/flow/core/durations';
import { simulate } from '../../workflows/flow/core/simulate';
import type { TimelineEntry } from '../../workflows/flow/core/types';
import { flowMessages } from '../../workflows';
import { testServices } from '../helpers/env';
import { closeOwnerDb, createTestTenant, ownerDb, suiteDatabase } from '../helpers/factories';
import { quietTemporalRuntime } from '../helpers/platform';

const TASK_QUEUE = 'flow-test';
const ZONE = 'Europe/Copenhagen';
let env: TestWorkflowEnvironment;
let outbox: DevOutbox;
let email: EmailChannel;
const db = suiteDatabase();
const keyring = new Keyring(db, parseKeySpec(process.env.DATA_MASTER_KEYS!));
const converter = dataConverter(parseCodecKeys(process.env.TEMPORAL_CODEC_KEYS!));

beforeAll(async () => {
  quietTemporalRuntime();
  env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: testServices().testServerPath } },
    client: { dataConverter: converter },
  });
  await ensureSearchAttributes(env.connection, env.namespace ?? 'default');
  outbox = await DevOutbox.start(mkdtempSync(join(tmpdir(), 'tingvalla-outbox-')), 0);
  email = new EmailChannel(outbox.url, 'Tingvalla <no-reply@test.localhost>');
});

afterAll(async () => {
  email?.close();
  await outbox?.stop();
  await env?.teardown();
  await closeOwnerDb();
});

const rows = <T extends object>(sql: string, bind: unknown[]) => ownerDb().query<T>(sql, { bind, type: QueryTypes.SELECT });

async function applicationForm(tenantId: string): Promise<{ id: string; version: number }> {
  const [form] = await rows<{ id: string; latest_version: number }>("SELECT id, latest_version FROM form_definitions WHERE tenant_id = $1 AND builtin = 'application-form.json'", [tenantId]);
  return { id: form!.id, version: form!.latest_version };
}

const answers = { applicantName: 'Agnes Jensen', applicantEmail: 'agnes@example.dk', association: 'Korsbæk Boldklub', amount: 2500, purpose: 'Sommerfest i parken for hele byen' };

/** Timer entries must agree to the millisecond; inputs sent by the test within a minute of the scenario's time. */
function comparable(entries: TimelineEntry[]) {
  return entries.map((e) => ({ kind: e.kind, rule: e.rule, action: e.action, detail: e.detail, at: Math.round(Date.parse(e.at) / 60_000) }));
}

it('runs the application flow: receipt, reminders every 2 days, a decision, the citizen told, answers deleted 6 months later', async () => {
  const tenant = await createTestTenant({ builtinForms: true });
  const form = await applicationForm(tenant.id);
  const ctx = { tenantId: tenant.id, actor: { kind: 'anonymous' as const, tenantId: tenant.id } };
  const submitted = await submitForm({ db, keyring }, ctx, form.id, form.version, answers);
  expect(submitted.flow).toMatchObject({ flowKey: 'application', version: 1, status: 'submitted' });
  const instanceId = submitted.flow!.instanceId;

  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue: TASK_QUEUE,
    workflowBundle: { codePath: testServices().workflowBundlePath },
    activities: createActivities({ db, keyring, channels: { email } }),
    dataConverter: converter,
  });
  const temporal = { client: env.client, taskQueue: TASK_QUEUE };

  await worker.runUntil(async () => {
    await startFlowWorkflow(temporal, tenant.id, submitted.flow!);
    const handle = flowHandle(temporal, tenant.id, instanceId);
    await env.sleep('5 days');
    const early = await handle.query(flowMessages.timelineQuery);
    const t0 = early.startedAt;
    const day = (n: number) => addDuration(t0, { days: n }, {}, ZONE);
    expect(early.status).toBe('awaitingDecision');
    expect(early.timeline.filter((e) => e.rule === 'remind-caseworker').map((e) => e.at)).toEqual([day(2), day(4)]);
    expect(early.nextDue).toEqual({ at: day(6), rule: 'remind-caseworker' });

    // A person without the assignee role is refused by the Update's validator; nothing changes.
    await expect(handle.executeUpdate(flowMessages.decideUpdate, { args: [{ task: 'decide', decision: 'approve', actor: { id: 'someone', roles: ['participant'] } }] })).rejects.toThrow();
    await expect(handle.executeUpdate(flowMessages.decideUpdate, { args: [{ task: 'decide', decision: 'maybe', actor: { id: 'someone', roles: ['administrator'] } }] })).rejects.toThrow();
    const caseworker = randomUUID();
    const decided = await handle.executeUpdate(flowMessages.decideUpdate, { args: [{ task: 'decide', decision: 'approve', actor: { id: caseworker, roles: ['administrator'] } }] });
    expect(decided.status).toBe('approved');
    const decidedAt = decided.timeline.find((e) => e.kind === 'decision')!.at;

    await env.sleep('200 days');
    const result = await handle.result().then(() => 'completed');
    expect(result).toBe('completed');
    // A closed workflow still answers queries (the worker replays its history).
    const final = await handle.query(flowMessages.timelineQuery);
    const [instance] = await rows<{ status: string; ended_at: Date | null }>('SELECT status, ended_at FROM flow_instances WHERE id = $1', [instanceId]);
    expect(instance).toMatchObject({ status: 'approved' });
    expect(instance!.ended_at).not.toBeNull();
    const deleteAt = addDuration(decidedAt, { months: 6 }, {}, ZONE);
    expect(final.timeline.find((e) => e.action === 'deletePersonalData')?.at).toBe(deleteAt);
    const [submission] = await rows<{ answers_sealed: Buffer | null; erased_at: Date | null }>('SELECT answers_sealed, erased_at FROM form_submissions WHERE id = $1', [submitted.id]);
    expect(submission!.answers_sealed).toBeNull();
    expect(submission!.erased_at).not.toBeNull();

    // Every message logged and sent once: the receipt, two reminders, the approval.
    const log = await rows<{ template_key: string; status: string; recipient: string }>('SELECT template_key, status, recipient FROM communication_log WHERE instance_id = $1 ORDER BY created_at', [instanceId]);
    expect(log.map((l) => [l.template_key, l.status])).toEqual([
      ['application-received', 'sent'],
      ['task-reminder', 'sent'],
      ['task-reminder', 'sent'],
      ['application-approved', 'sent'],
    ]);
    expect(log.some((l) => l.recipient.includes('@'))).toBe(false);
    const mails = await outbox.list(tenant.id);
    expect(mails.map((m) => m.subject).sort()).toEqual([`Din ansøgning er godkendt (${submitted.reference})`, `Påmindelse: en ansøgning venter på afgørelse (${submitted.reference})`, `Påmindelse: en ansøgning venter på afgørelse (${submitted.reference})`, `Vi har modtaget din ansøgning (${submitted.reference})`].sort());
    expect(mails.find((m) => m.subject.startsWith('Vi har'))).toMatchObject({ to: 'agnes@example.dk' });
    expect(mails.find((m) => m.subject.startsWith('Vi har'))!.text).toContain('Kære Agnes Jensen');
    expect(mails.find((m) => m.subject.startsWith('Påmindelse'))).toMatchObject({ to: `kontakt@${tenant.slug}.example` });

    // The preview of the same scenario says what happened.
    const def = loadBuiltinFlow('application.flow.json');
    const preview = simulate(def, { zone: ZONE, parameters: parameterDefaults(def), facts: {} }, t0, { inputs: [{ after: { minutes: Math.round((Date.parse(decidedAt) - Date.parse(t0)) / 60_000) }, kind: 'decide', task: 'decide', decision: 'approve' }] });
    expect(comparable(final.timeline)).toEqual(comparable(preview.timeline));
    expect(final.endedAt).toBe(deleteAt);

    const audit = await rows<{ action: string }>("SELECT action FROM audit_log WHERE tenant_id = $1 AND entity_type IN ('flowInstance', 'flowTask') ORDER BY seq", [tenant.id]);
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['flowInstance.started', 'flowTask.opened', 'flowInstance.statusChanged', 'flowTask.decided', 'flowInstance.personalDataDeleted', 'flowInstance.ended']));
  });
});
