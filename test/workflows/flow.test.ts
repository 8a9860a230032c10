// The flow interpreter on the time-skipping test server, against the real database and a real SMTP server:
// the built-in application flow from a citizen's submission to the deletion of their answers, every fire time
// checked, and the preview of the same scenario agreeing with the real run.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { temporal } from '@temporalio/proto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { startTimeSkippingEnvironment } from '../../engine/dev/time-skipping-env';
import { Worker } from '@temporalio/worker';
import { QueryTypes } from 'sequelize';
import { createActivities } from '../../activities';
import { submitForm } from '../../engine/commands/submit-form';
import { createFlow, publishFlow } from '../../engine/commands/flows';
import { standInSubjectType } from '../../engine/flows/registry';
import { createInstanceRow } from '../../engine/flows/instance-store';
import { testAdministrator } from '../helpers/sessions';
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
import type { FlowDefinition, TimelineEntry } from '../../workflows/flow/core/types';
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
  env = await startTimeSkippingEnvironment(testServices().testServerPath, converter);
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

/**
 * The activities a history ran, in order: `name` for an activity task, `local name` for a local activity (its
 * marker's data, which the SDK writes as plain JSON, names the type).
 */
function activitiesRun(history: temporal.api.history.v1.IHistory): string[] {
  return history.events!.flatMap((e) => {
    if (e.activityTaskScheduledEventAttributes) return [e.activityTaskScheduledEventAttributes.activityType!.name!];
    const marker = e.markerRecordedEventAttributes;
    if (marker?.markerName !== 'core_local_activity') return [];
    const data = JSON.parse(Buffer.from(marker.details!.data!.payloads![0]!.data!).toString('utf8')) as { activity_type: string };
    return [`local ${data.activity_type}`];
  });
}

/** Timer entries must agree to the millisecond; inputs sent by the test within a minute of the scenario's time. */
function comparable(entries: TimelineEntry[]) {
  return entries.map((e) => ({ kind: e.kind, rule: e.rule, action: e.action, detail: e.detail }));
}

/** The same entries at the same times, give or take the preview's whole minutes (its inputs come `after` a duration in minutes). */
function expectSameTimeline(real: TimelineEntry[], preview: TimelineEntry[]) {
  expect(comparable(real)).toEqual(comparable(preview));
  for (const [i, e] of real.entries()) expect(Math.abs(Date.parse(e.at) - Date.parse(preview[i]!.at))).toBeLessThanOrEqual(60_000);
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
    // One local activity per step: the load and the start's three actions (receipt, task, status) in one, each
    // reminder in one, none through the server as an activity task; and the instance starts when its workflow was
    // started (submitted), not when a worker first ran it.
    const history = await handle.fetchHistory();
    expect(activitiesRun(history)).toEqual(['local beginFlowRun', 'local runFlowStep', 'local runFlowStep']);
    const started = history.events![0]!.eventTime!;
    expect(Date.parse(t0)).toBe(Number(started.seconds) * 1000 + Math.floor(started.nanos! / 1e6));

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
    expectSameTimeline(final.timeline, preview.timeline);
    expect(final.endedAt).toBe(deleteAt);

    const audit = await rows<{ action: string }>("SELECT action FROM audit_log WHERE tenant_id = $1 AND entity_type IN ('flowInstance', 'flowTask') ORDER BY seq", [tenant.id]);
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['flowInstance.started', 'flowTask.opened', 'flowInstance.statusChanged', 'flowTask.decided', 'flowInstance.personalDataDeleted', 'flowInstance.ended']));
  });
});

// The next modules' subjects do not exist yet; a stand-in keeps each subject's dates and facts in memory, as
// those modules will keep theirs in their tables. Stood in for this test process (the worker runs here).
const subjects = new Map<string, { dates: Record<string, string>; facts: Record<string, unknown> }>();
for (const name of ['electionTask', 'petition', 'electionParticipant']) {
  standInSubjectType(name, {
    personalData: false,
    async load(_deps, _tx, _ctx, id) {
      const s = subjects.get(id)!;
      return { dates: s.dates, facts: s.facts, mergeFields: {} };
    },
    async deletePersonalData(_deps, _tx, _ctx, id) {
      subjects.get(id)!.facts = { erased: true };
      return { erased: true };
    },
  });
}

// The election's invitation flow is real now and runs against its module's subjects: test/workflows/election-invitation.test.ts.
it('runs the retention pattern and a counted vote window to their end on Temporal, as the preview says', async () => {
  const tenant = await createTestTenant({ builtinForms: true });
  const admin = { tenantId: tenant.id, actor: testAdministrator(tenant.id) };
  const flows = await rows<{ id: string; key: string }>('SELECT id, key FROM flow_definitions WHERE tenant_id = $1', [tenant.id]);
  const flowId = (key: string) => flows.find((f) => f.key === key)!.id;
  // The invitation flow comes published with the tenant (version 1); the retention pattern is published here.
  expect(await rows('SELECT v.version FROM flow_versions v JOIN flow_definitions d ON d.id = v.definition_id WHERE d.tenant_id = $1 AND d.key = $2', [tenant.id, 'invitation'])).toEqual([{ version: 1 }]);
  expect(await publishFlow(db, admin, flowId('election-retention'))).toMatchObject({ version: 1 });
  // The engine's counters and thresholds, on a vote window whose votes reach it as events (a fixture: the
  // real petition flow never sees single votes, only threshold crossings — test/petitions/).
  const countedVoteWindow = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'counted-vote-window.flow.json'), 'utf8')) as FlowDefinition;
  const counted = await createFlow(db, admin, countedVoteWindow);
  expect(await publishFlow(db, admin, counted.id)).toMatchObject({ version: 1 });
  flows.push({ id: counted.id, key: countedVoteWindow.key });
  const definitionOf = (key: string): FlowDefinition => (key === countedVoteWindow.key ? countedVoteWindow : loadBuiltinFlow(`${key}.flow.json` as never));

  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue: TASK_QUEUE,
    workflowBundle: { codePath: testServices().workflowBundlePath },
    activities: createActivities({ db, keyring, channels: { email } }),
    dataConverter: converter,
  });
  const temporal = { client: env.client, taskQueue: TASK_QUEUE };
  const t0 = new Date(await env.currentTimeMs()).toISOString();
  const at = (n: number, unit: 'days' | 'months' = 'days', from = t0) => addDuration(from, { [unit]: n }, {}, ZONE);

  async function startInstance(key: string, subjectType: string, dates: Record<string, string>, facts: Record<string, unknown> = {}) {
    const subjectId = randomUUID();
    subjects.set(subjectId, { dates, facts });
    const instance = await db.withTenant(tenant.id, (tx) => createInstanceRow(db, tx, admin, { definitionId: flowId(key), version: 1, subjectType, subjectId }));
    const def = definitionOf(key);
    await startFlowWorkflow(temporal, tenant.id, { instanceId: instance.id, flowKey: key, module: def.module, version: 1, status: instance.status });
    return { handle: flowHandle(temporal, tenant.id, instance.id), subjectId, def };
  }
  const fired = (entries: TimelineEntry[], action: string) => entries.filter((e) => e.action === action).map((e) => [e.rule, e.at]);

  await worker.runUntil(async () => {
    // A vote window (90 days, 500 votes to qualify): three votes, then an extension by 30 days on day 80.
    const vote = await startInstance('counted-vote-window', 'petition', {});
    const retention = await startInstance('election-retention', 'electionParticipant', { electionDay: at(20) });
    const kept = await startInstance('election-retention', 'electionParticipant', { electionDay: at(20) }, { consent: { keepForNextElection: true } });

    await env.sleep('12 days');
    for (let i = 0; i < 3; i++) await vote.handle.signal(flowMessages.flowEventSignal, { type: 'vote.cast' });
    await env.sleep('68 days'); // day 80
    const extended = await vote.handle.executeUpdate(flowMessages.extendDeadlineUpdate, { args: [{ deadline: 'voting', by: { days: 30 }, actor: { id: 'admin', roles: ['administrator'] } }] });
    expect(extended.nextDue?.rule).toBe('close');
    await expect(vote.handle.executeUpdate(flowMessages.extendDeadlineUpdate, { args: [{ deadline: 'voting', by: { days: 40 }, actor: { id: 'admin', roles: ['administrator'] } }] })).rejects.toThrow();
    await env.sleep('150 days');

    const v = await vote.handle.query(flowMessages.timelineQuery);
    expect(fired(v.timeline, 'setStatus')).toEqual([['close', at(120, 'days', v.startedAt)]]); // 90 days + 30 extended
    expect(v.status).toBe('closed');
    expect(fired(v.timeline, 'deletePersonalData')).toEqual([['erase-voters', at(120, 'days', v.startedAt)]]);

    const r = await retention.handle.query(flowMessages.timelineQuery);
    expect(fired(r.timeline, 'deletePersonalData')).toEqual([['erase', at(3, 'months', at(20))]]);
    expect(subjects.get(retention.subjectId)!.facts).toEqual({ erased: true });
    const k = await kept.handle.query(flowMessages.timelineQuery);
    expect(k.status).toBe('kept');
    expect(fired(k.timeline, 'deletePersonalData')).toEqual([]);

    // Each real run agrees with the preview of its scenario (inputs at the times the test sent them).
    const ctxOf = (def: FlowDefinition, facts: Record<string, unknown>) => ({ zone: ZONE, parameters: parameterDefaults(def), facts });
    const offset = (from: string, at: string) => ({ minutes: Math.round((Date.parse(at) - Date.parse(from)) / 60_000) });
    const eventAt = (entries: TimelineEntry[], detail: string) => entries.find((e) => e.kind === 'event' && e.detail === detail)!.at;
    const votePreview = simulate(vote.def, ctxOf(vote.def, {}), v.startedAt, {
      inputs: [
        ...[0, 1, 2].map(() => ({ after: offset(v.startedAt, eventAt(v.timeline, 'vote.cast')), kind: 'event' as const, type: 'vote.cast' })),
        { after: offset(v.startedAt, v.timeline.find((e) => e.kind === 'deadlineExtended')!.at), kind: 'extendDeadline', deadline: 'voting', by: { days: 30 } },
      ],
    });
    expectSameTimeline(v.timeline, votePreview.timeline);
  });
});
