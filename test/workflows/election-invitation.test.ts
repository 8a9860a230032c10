// The election's invitation flow (engine/modules/election/builtin/invitation.flow.json, published for every
// tenant) on the time-skipping test server, driven by the module's flow events through the real outbox
// dispatcher, sending through the real delivery to a real SMTP outbox: an invitation reminded every 4 days and
// stopped 7 days before the task date; an answer ending the reminders and confirming; a moved task date moving the
// task reminder; a retraction sending its message and ending the flow. The flows' inputs, events and statuses
// hold ids and fixed words only.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { startTimeSkippingEnvironment } from '../../engine/dev/time-skipping-env';
import { Worker } from '@temporalio/worker';
import { DateTime } from 'luxon';
import pino from 'pino';
import type { Transaction } from 'sequelize';
import { createActivities } from '../../activities';
import { activateElection } from '../../engine/modules/election/commands/elections/lifecycle';
import { testAdministrator } from '../helpers/sessions';
import { parseCpr } from '../../forms/formats/personal-number';
import { PersonalNumbers } from '../../engine/identity/personal-numbers';
import { systemActor } from '../../engine/actors';
import { Keyring } from '../../engine/crypto/keyring';
import { parseKeySpec } from '../../engine/crypto/key-spec';
import { DevOutbox } from '../../engine/dev/smtp-outbox';
import { OutboxDispatcher } from '../../engine/flows/outbox/dispatcher';
import { flowHandle } from '../../engine/flows/workflows';
import { EmailChannel } from '../../engine/messages/channels';
import { invitationAnswered, taskAssigned, taskDateChanged, taskUnassigned } from '../../engine/modules/election/flow-events';
import { MESSAGE_EVENTS } from '../../engine/modules/election/message-events';
import { dataConverter } from '../../engine/temporal/client';
import { parseCodecKeys } from '../../engine/temporal/codec';
import { ensureSearchAttributes } from '../../engine/temporal/ensure-search-attributes';
import { addDuration, subtractDuration } from '../../workflows/flow/core/durations';
import type { FlowTimeline } from '../../workflows/flow/messages';
import { flowMessages } from '../../workflows';
import { electionFixture, insertParticipants, insertSlots, q, type ElectionFixture } from '../election/assignment-fixtures';
import { testServices } from '../helpers/env';
import { closeOwnerDb, createTestTenant, suiteDatabase, type TestTenant } from '../helpers/factories';
import { quietTemporalRuntime } from '../helpers/platform';

const TASK_QUEUE = 'election-invitation-test';
const ZONE = 'Europe/Copenhagen';
const db = suiteDatabase();
const keyring = new Keyring(db, parseKeySpec(process.env.DATA_MASTER_KEYS!));
const keys = parseCodecKeys(process.env.TEMPORAL_CODEC_KEYS!);
let env: TestWorkflowEnvironment;
let outbox: DevOutbox;
let email: EmailChannel;
let tenant: TestTenant;
let f: ElectionFixture;
let people = 0;

beforeAll(async () => {
  quietTemporalRuntime();
  env = await startTimeSkippingEnvironment(testServices().testServerPath, dataConverter(keys));
  await ensureSearchAttributes(env.connection, env.namespace ?? 'default');
  outbox = await DevOutbox.start(mkdtempSync(join(tmpdir(), 'tingvalla-invitation-outbox-')), 0);
  email = new EmailChannel(outbox.url, 'Tingvalla <no-reply@test.localhost>');
  tenant = await createTestTenant({ builtinForms: true });
  f = await electionFixture(tenant.id);
  // The election's template for every event is the module's built-in one; the election is active.
  const templates = Object.fromEntries(MESSAGE_EVENTS.map((e) => [e, `election-${e}`]));
  await q("UPDATE elections SET templates = $2::jsonb, active = true, setup_step = 'done' WHERE id = $1", [f.electionId, JSON.stringify(templates)]);
});

afterAll(async () => {
  email?.close();
  await outbox?.stop();
  await env?.teardown();
  await closeOwnerDb();
});

async function waitFor<T>(what: string, read: () => Promise<T>, ok: (value: T) => boolean, ms = 30_000): Promise<T> {
  const until = Date.now() + ms;
  let last: T = await read();
  while (!ok(last)) {
    if (Date.now() > until) throw new Error(`waited ${ms / 1000} s for ${what}; last saw ${JSON.stringify(last).slice(0, 600)}`);
    await new Promise((r) => setTimeout(r, 100));
    last = await read();
  }
  return last;
}

/** A local date `days` after today (in the tenant's zone) as YYYY-MM-DD. */
const dayFromNow = (days: number) => DateTime.now().setZone(ZONE).plus({ days }).toISODate()!;
const midnight = (date: string) => DateTime.fromISO(date, { zone: ZONE }).toUTC().toISO()!;

/** A participant with an e-mail address on a new slot of the task date, and what the command's transaction tells the flow. */
async function invite(taskDate: string, name: string, direct = false, election: ElectionFixture = f): Promise<{ slotId: string; participantId: string; instanceId: string | undefined; address: string }> {
  const [participantId] = await insertParticipants(tenant.id, [{ givenName: name, familyName: 'Test' }]);
  const address = `${name.toLowerCase()}@example.dk`;
  // A real sealed number (Digital Post's address, opened when a template names that channel).
  await db.withTenant(tenant.id, async (tx: Transaction) => {
    const sealed = await new PersonalNumbers(keyring).protect(tx, tenant.id, parseCpr(`150380${1000 + ++people}`)!);
    await db.sequelize.query('UPDATE participants SET email = $2, personal_number_sealed = $3, personal_number_hash = $4 WHERE id = $1', { bind: [participantId, address, sealed.ciphertext, sealed.lookupHash], transaction: tx });
  });
  const [slotId] = await insertSlots(election, 1, election.taskTypes.valgstyrer, election.workLocations[0]!, taskDate);
  const ctx = { tenantId: tenant.id, actor: systemActor(tenant.id, 'test') };
  const started = await db.withTenant(tenant.id, async (tx: Transaction) => {
    await db.sequelize.query(`UPDATE task_slots SET participant_id = $2, state = $3, invited_at = now(), registered_directly = $4, answered_at = CASE WHEN $4 THEN now() END WHERE id = $1`, {
      bind: [slotId, participantId, direct ? 'accepted' : 'invited', direct],
      transaction: tx,
    });
    return taskAssigned(db, tx, ctx, { participantId: participantId!, electionId: election.electionId, slotId: slotId! }, direct ? 'registrationConfirmed' : 'invitation');
  });
  return { slotId: slotId!, participantId: participantId!, instanceId: started.instanceId, address };
}

/** An invitation in the active election: its flow started in the same transaction. */
async function started(taskDate: string, name: string, direct = false): Promise<{ slotId: string; participantId: string; instanceId: string; address: string }> {
  const p = await invite(taskDate, name, direct);
  expect(p.instanceId).toBeDefined();
  return { ...p, instanceId: p.instanceId! };
}

const sentTo = async (address: string) => (await outbox.list(tenant.id)).filter((m) => m.to === address);
const logOf = (instanceId: string) =>
  q<{ template_key: string; status: string; recipient: string }>('SELECT template_key, status, recipient FROM communication_log WHERE instance_id = $1 ORDER BY created_at', [instanceId]);
const ruleTimes = (t: FlowTimeline, rule: string) => t.timeline.filter((e) => e.rule === rule && e.kind === 'action').map((e) => e.at);

/** The worker and the outbox dispatcher around the test's steps. */
async function running(fn: (temporal: { client: TestWorkflowEnvironment['client']; taskQueue: string }) => Promise<void>): Promise<void> {
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue: TASK_QUEUE,
    workflowBundle: { codePath: testServices().workflowBundlePath },
    activities: createActivities({ db, keyring, channels: { email }, publicOrigin: (host) => `http://${host}:8080` }),
    dataConverter: dataConverter(keys),
  });
  const temporal = { client: env.client, taskQueue: TASK_QUEUE };
  const dispatcher = OutboxDispatcher.start({ db, listenUrl: process.env.TEST_APP_URL!, temporal, logger: pino({ level: 'silent' }), onlyRowsWrittenHere: true, pollMs: 200 });
  try {
    await worker.runUntil(() => fn(temporal));
  } finally {
    await dispatcher.stop();
  }
}

it('invites, reminds every 4 days until 7 days before the task, confirms an answer, moves the task reminder with the date, and tells a retraction', async () => {
  await running(async (temporal) => {
    // Four people: never answering (task in 30 days), answering yes after 5 days (task in 40 days), registered
    // directly whose task date then moves (task in 20 days), invited and then retracted (task in 30 days).
    const silent = await started(dayFromNow(30), 'Agnes');
    const answering = await started(dayFromNow(40), 'Bodil');
    const moved = await started(dayFromNow(20), 'Carl', true);
    const retracted = await started(dayFromNow(30), 'Dorte');
    const timeline = (id: string) => () => flowHandle(temporal, tenant.id, id).query(flowMessages.timelineQuery);

    // The invitations (and the direct registration's confirmation) go at once.
    await waitFor('the invitations', () => outbox.list(tenant.id), (m) => m.length >= 4);
    expect((await sentTo(silent.address)).map((m) => m.subject)).toEqual([expect.stringMatching(/^Invitation: Valgstyrer ved Folketingsvalg 2030/)]);
    expect((await sentTo(moved.address)).length).toBe(1);
    const t0 = (await timeline(silent.instanceId)()).startedAt;

    // Retracted on day 1: the person is told, the flow is in its final status and sends nothing more.
    await env.sleep('1 day');
    await db.withTenant(tenant.id, async (tx: Transaction) => {
      await db.sequelize.query("UPDATE task_slots SET participant_id = NULL, state = 'vacant' WHERE id = $1", { bind: [retracted.slotId], transaction: tx });
      await taskUnassigned(db, tx, { tenantId: tenant.id, slotId: retracted.slotId, participantId: retracted.participantId, was: 'invited' });
    });
    // Ended at once: nothing of the assignment is due any more (its timers skipped), the instance row closed.
    const retractedNow = await waitFor('the retraction', timeline(retracted.instanceId), (t) => t.status === 'retracted' && t.endedAt !== undefined);
    expect(retractedNow.nextDue).toBeUndefined();
    await waitFor('the instance row ended', () => q<{ ended: boolean }>('SELECT ended_at IS NOT NULL AS ended FROM flow_instances WHERE id = $1', [retracted.instanceId]), (r) => r[0]?.ended === true);
    await waitFor('the retraction mail', () => sentTo(retracted.address), (m) => m.length === 2);

    // Answered yes on day 5 (after the first reminder on day 4): confirmed, reminded no more.
    await env.sleep('4 days');
    await waitFor('the first reminder', timeline(answering.instanceId), (t) => ruleTimes(t, 'remind-invitee').length === 1);
    await db.withTenant(tenant.id, async (tx: Transaction) => {
      await db.sequelize.query("UPDATE task_slots SET state = 'accepted', answered_at = now() WHERE id = $1", { bind: [answering.slotId], transaction: tx });
      await invitationAnswered(db, tx, { tenantId: tenant.id, slotId: answering.slotId, participantId: answering.participantId, answer: 'accept' });
    });
    await waitFor('the acceptance', timeline(answering.instanceId), (t) => t.status === 'accepted');
    await waitFor('the confirmation mail', () => sentTo(answering.address), (m) => m.length === 3);

    // The direct registration's task moves from day 20 to day 25: its task reminder (5 days before, 09:00) moves too.
    const newDate = dayFromNow(25);
    await db.withTenant(tenant.id, async (tx: Transaction) => {
      await db.sequelize.query('UPDATE task_slots SET task_date = $2::date WHERE id = $1', { bind: [moved.slotId, newDate], transaction: tx });
      await taskDateChanged(db, tx, { tenantId: tenant.id, slotId: moved.slotId });
    });
    const expectedReminder = subtractDuration(midnight(newDate), { days: 5, at: '09:00' }, {}, ZONE);
    await waitFor('the moved task reminder', timeline(moved.instanceId), (t) => t.nextDue?.rule === 'task-reminder' && t.nextDue.at === expectedReminder);

    // Past every task date.
    await env.sleep('45 days');
    const silentT = await waitFor('the unanswered end', timeline(silent.instanceId), (t) => t.status === 'unanswered' && t.endedAt !== undefined);
    // Every 4 days from the start while before 7 days ahead of the task (day 30 → until day 23): days 4, 8, …, 20.
    const stop = subtractDuration(midnight(dayFromNow(30)), { days: 7 }, {}, ZONE);
    const expected = [1, 2, 3, 4, 5, 6, 7].map((n) => addDuration(t0, { days: 4 * n }, {}, ZONE)).filter((at) => Date.parse(at) < Date.parse(stop));
    expect(expected.length).toBeGreaterThanOrEqual(4);
    expect(ruleTimes(silentT, 'remind-invitee')).toEqual(expected);
    expect((await sentTo(silent.address)).length).toBe(1 + expected.length);

    // The answered one: one reminder before the answer, the confirmation, the task reminder, then done.
    const answeringT = await waitFor('the answered end', timeline(answering.instanceId), (t) => t.status === 'done');
    expect(ruleTimes(answeringT, 'remind-invitee')).toHaveLength(1);
    expect(ruleTimes(answeringT, 'task-reminder')).toEqual([subtractDuration(midnight(dayFromNow(40)), { days: 5, at: '09:00' }, {}, ZONE)]);
    expect((await logOf(answering.instanceId)).map((l) => l.template_key)).toEqual(['election-invitation', 'election-invitationReminder', 'election-registrationConfirmed', 'election-taskReminder']);

    // The moved one: reminded on the new date's schedule only.
    const movedT = await waitFor('the moved end', timeline(moved.instanceId), (t) => t.status === 'done');
    expect(ruleTimes(movedT, 'task-reminder')).toEqual([expectedReminder]);
    expect((await logOf(moved.instanceId)).map((l) => l.template_key)).toEqual(['election-registrationConfirmed', 'election-taskReminder']);

    // The retracted one: the invitation and the retraction, nothing after.
    const retractedT = await timeline(retracted.instanceId)();
    expect(retractedT.status).toBe('retracted');
    expect(ruleTimes(retractedT, 'remind-invitee')).toEqual([]);
    expect((await logOf(retracted.instanceId)).map((l) => l.template_key)).toEqual(['election-invitation', 'election-invitationRetracted']);

    // The person's record: the queued messages marked sent.
    expect(await q('SELECT event, state FROM participant_messages WHERE slot_id = $1 ORDER BY created_at', [retracted.slotId])).toEqual([
      { event: 'invitation', state: 'sent' },
      { event: 'invitationRetracted', state: 'sent' },
    ]);
    // Ids only: no address or name in the log's recipient, the flows' statuses are fixed words.
    for (const p of [silent, answering, moved, retracted]) for (const l of await logOf(p.instanceId)) expect(l.recipient).not.toMatch(/@|Agnes|Bodil|Carl|Dorte/);
  });
}, 240_000);

it('queues invitations while the election is inactive and sends them on activation (with the registry check); a "no" ends the flow at once', async () => {
  // A second election of the tenant, set up but inactive, 60 days after the test server's now (the first test moved it on).
  const serverNow = DateTime.fromMillis(await env.currentTimeMs(), { zone: ZONE });
  const taskDate = serverNow.plus({ days: 60 }).toISODate()!;
  const [row] = await q<{ id: string }>(
    "INSERT INTO elections (tenant_id, title, election_type_id, election_day, first_task_date, last_task_date, templates, setup_step) SELECT tenant_id, 'Regionsrådsvalg', election_type_id, $2::date, $2::date, $2::date, templates, 'done' FROM elections WHERE id = $1 RETURNING id",
    [f.electionId, taskDate],
  );
  const inactive: ElectionFixture = { ...f, electionId: row!.id };
  await q('INSERT INTO election_work_locations (tenant_id, election_id, work_location_id) SELECT $1, $2, unnest($3::uuid[])', [tenant.id, inactive.electionId, inactive.workLocations]);
  await running(async (temporal) => {
    const erik = await invite(taskDate, 'Erik', false, inactive);
    const frida = await invite(taskDate, 'Frida', false, inactive);
    const gustav = await invite(taskDate, 'Gustav', false, inactive);
    expect([erik.instanceId, frida.instanceId, gustav.instanceId]).toEqual([undefined, undefined, undefined]);
    // Gustav's invitation is retracted before the activation: he is never told anything.
    await db.withTenant(tenant.id, async (tx: Transaction) => {
      await db.sequelize.query("UPDATE task_slots SET participant_id = NULL, state = 'vacant' WHERE id = $1", { bind: [gustav.slotId], transaction: tx });
      await taskUnassigned(db, tx, { tenantId: tenant.id, slotId: gustav.slotId, participantId: gustav.participantId, was: 'invited' });
    });

    await activateElection({ db, keyring }, { tenantId: tenant.id, actor: testAdministrator(tenant.id) }, inactive.electionId);
    const instances = await q<{ id: string; subject_id: string }>(
      "SELECT i.id, i.subject_id FROM flow_instances i JOIN task_assignments a ON a.id = i.subject_id WHERE a.election_id = $1 AND i.subject_type = 'electionTask' ORDER BY a.created_at",
      [inactive.electionId],
    );
    expect(instances).toHaveLength(2);
    const [audit] = await q<{ summary: object }>("SELECT summary FROM audit_log WHERE action = 'election.electionActivated' AND entity_id = $1", [inactive.electionId]);
    expect(audit!.summary).toEqual({ flowsStarted: 2 });
    expect(await q('SELECT reason FROM registry_refreshes WHERE election_id = $1', [inactive.electionId])).toEqual([{ reason: 'activation' }]);
    await waitFor('the queued invitations', async () => [(await sentTo(erik.address)).length, (await sentTo(frida.address)).length], (n) => n[0] === 1 && n[1] === 1);

    // Frida says no on day 2: her flow is declined and ended at once; Erik is reminded on days 4 and 8.
    await env.sleep('2 days');
    await db.withTenant(tenant.id, async (tx: Transaction) => {
      await db.sequelize.query("UPDATE task_slots SET participant_id = NULL, state = 'vacant' WHERE id = $1", { bind: [frida.slotId], transaction: tx });
      await invitationAnswered(db, tx, { tenantId: tenant.id, slotId: frida.slotId, participantId: frida.participantId, answer: 'reject' });
    });
    const timeline = (id: string) => () => flowHandle(temporal, tenant.id, id).query(flowMessages.timelineQuery);
    const declined = await waitFor('the declined end', timeline(instances[1]!.id), (t) => t.status === 'declined' && t.endedAt !== undefined);
    expect(declined.nextDue).toBeUndefined();
    await env.sleep('7 days');
    await waitFor('Erik’s two reminders', timeline(instances[0]!.id), (t) => ruleTimes(t, 'remind-invitee').length === 2);
    expect((await sentTo(erik.address)).length).toBe(3);
    expect((await sentTo(frida.address)).length).toBe(1);
    expect(await sentTo(gustav.address)).toEqual([]);
  });
}, 240_000);
