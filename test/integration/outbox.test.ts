// The flow outbox (engine/flows/gateway.ts, engine/flows/outbox/): a submission is answered 201 as soon as it is
// committed, whether Temporal is up or not, and its workflow is started once Temporal answers again; a process
// that died between the commit and the start is made good by the next dispatcher; two dispatchers over the same
// rows deliver each row once. The suite has a database of its own (so its dispatchers may deliver every row, as
// in production, without taking other suites' rows) and a Temporal dev server of its own, which it stops and
// restarts; the run's shared server is left alone.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import pino from 'pino';
import { QueryTypes, type Sequelize } from 'sequelize';
import { publishFlow, saveFlowDraft } from '../../engine/commands/flows';
import { createSequelize, Database } from '../../engine/db/database';
import { createDatabaseIfMissing, prepareDatabase } from '../../engine/db/prepare';
import { startTemporalDevServer, type RunningDevServer } from '../../engine/dev/temporal-dev-server';
import { ensureTemporalCli } from '../../engine/dev/tools';
import { flowGateway } from '../../engine/flows/gateway';
import { OutboxDispatcher } from '../../engine/flows/outbox/dispatcher';
import { claimDueRows, markDelivered, markFailed } from '../../engine/flows/outbox/rows';
import { connectTemporal } from '../../engine/temporal/client';
import { workflowIds } from '../../engine/temporal/ids';
import { loadCodecKeys } from '../../engine/temporal/keys';
import { createTenant } from '../../engine/tenancy/create-tenant';
import { provisionTenant } from '../../engine/tenancy/provision';
import type { FlowDefinition } from '../../workflows/flow/core/types';
import { testConfig, testServices } from '../helpers/env';
import { request } from '../helpers/http';
import { startTestPlatform } from '../helpers/platform';
import { startEmployeeSession, testAdministrator } from '../helpers/sessions';
import { freePort } from '../helpers/ports';

type TestPlatform = Awaited<ReturnType<typeof startTestPlatform>>;

const config = testConfig();
const silent = pino({ level: 'silent' });
let owner: Sequelize;
let appUrl: string;
let databaseName: string;
let serverUrl: string;
let tenantId: string;
let formId: string;
let temporal: RunningDevServer | undefined;
let temporalOptions: Parameters<typeof startTemporalDevServer>[0];
const platforms: TestPlatform[] = [];
const closers: (() => Promise<void>)[] = [];

beforeAll(async () => {
  const ownerUrl = new URL(testServices().ownerUrl);
  databaseName = `${ownerUrl.pathname.slice(1)}_outbox`;
  const server = new URL(ownerUrl);
  server.pathname = '/postgres';
  serverUrl = server.toString();
  await createDatabaseIfMissing(serverUrl, databaseName);
  ownerUrl.pathname = `/${databaseName}`;
  appUrl = await prepareDatabase({ ownerUrl: ownerUrl.toString(), appPassword: config.DATABASE_APP_PASSWORD });
  owner = createSequelize(ownerUrl.toString());
  tenantId = await createTenant(owner, {
    slug: 'outbox',
    name: 'Udbakkerup Kommune',
    country: 'DK',
    defaultLocale: 'da',
    publicHosts: ['outbox.localhost'],
    adminHosts: ['admin.outbox.localhost'],
    settings: { contact: { email: 'sagsbehandling@outbox.example', phone: '+45 11 22 33 44', address: 'Torvet 1' }, frontPage: { da: { heading: 'Udbakkerup', intro: '' } }, retention: { auditLogMonths: 6 } },
  });
  const provisioning = Database.connect(appUrl);
  await provisionTenant(provisioning, tenantId, 'DK').finally(() => provisioning.close());
  const [form] = await owner.query<{ id: string }>("SELECT id FROM form_definitions WHERE builtin = 'application-form.json'", { type: QueryTypes.SELECT });
  formId = form!.id;

  // A SQLite file keeps the server's workflows across its restart, so "no duplicate" is checked on real history.
  const cli = await ensureTemporalCli(config.TOOLS_CACHE_DIR, () => undefined);
  temporalOptions = { cli, namespace: config.TEMPORAL_NAMESPACE, port: await freePort(), uiPort: await freePort(), dbFile: join(mkdtempSync(join(tmpdir(), 'tingvalla-outbox-temporal-')), 'temporal.sqlite') };
  temporal = await startTemporalDevServer(temporalOptions);
}, 120_000);

afterAll(async () => {
  for (const p of platforms) await p.stop().catch(() => undefined);
  for (const close of closers) await close().catch(() => undefined);
  await temporal?.stop();
  await owner?.close();
  const admin = createSequelize(serverUrl);
  await admin.query(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
  await admin.close();
});

async function platform(dispatcher: 'all' | 'off', taskQueue: string): Promise<TestPlatform> {
  const p = await startTestPlatform([], { TEMPORAL_TASK_QUEUE: taskQueue }, { temporalAddress: `127.0.0.1:${temporalOptions.port}`, appUrl, dispatcher });
  platforms.push(p);
  return p;
}

async function temporalClient(): Promise<Client> {
  const client = await connectTemporal({ address: `127.0.0.1:${temporalOptions.port}`, namespace: config.TEMPORAL_NAMESPACE, keys: loadCodecKeys(config) });
  closers.push(() => client.connection.close());
  return client;
}

async function waitFor<T>(fn: () => Promise<T | undefined>, what: string, ms = 60_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await fn().catch(() => undefined);
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

const answers = (i: number) => ({ applicantName: `Ansøger ${i}`, applicantEmail: `a${i}@example.dk`, association: 'Udbakkerup Sangkor', amount: 100 + i, purpose: 'Julekoncert i kirken for alle' });

async function submit(p: TestPlatform, i: number): Promise<{ submissionId: string; instanceId: string }> {
  const res = await request(p.port, 'outbox.localhost', 'POST', `/api/forms/${formId}/versions/1/submissions`, { json: answers(i) });
  expect(res.status).toBe(201);
  const submissionId = res.json<{ id: string }>().id;
  const [instance] = await owner.query<{ id: string }>("SELECT id FROM flow_instances WHERE subject_type = 'formSubmission' AND subject_id = $1", { bind: [submissionId], type: QueryTypes.SELECT });
  return { submissionId, instanceId: instance!.id };
}

interface OutboxRow {
  kind: string;
  attempts: number;
  last_error: string | null;
  delivered_at: Date | null;
  payload: Record<string, unknown>;
}
const outboxRows = (instanceId: string) => owner.query<OutboxRow>('SELECT kind, attempts, last_error, delivered_at, payload FROM flow_outbox WHERE instance_id = $1 ORDER BY seq', { bind: [instanceId], type: QueryTypes.SELECT });

/** Every run of the instance's workflow the server knows (more than one would be a duplicate start). */
async function runsOf(client: Client, instanceId: string): Promise<{ runId: string; status: string }[]> {
  const runs: { runId: string; status: string }[] = [];
  for await (const w of client.workflow.list({ query: `WorkflowId = '${workflowIds.flow(tenantId, instanceId)}'` })) runs.push({ runId: w.runId, status: w.status.name });
  return runs;
}

async function signalsInHistory(client: Client, instanceId: string): Promise<string[]> {
  const history = await client.workflow.getHandle(workflowIds.flow(tenantId, instanceId)).fetchHistory();
  return (history.events ?? []).flatMap((e) => (e.workflowExecutionSignaledEventAttributes?.signalName ? [e.workflowExecutionSignaledEventAttributes.signalName] : []));
}

/**
 * The signals in the workflow's history once one has been written. The server accepts a signal at once but
 * writes it to the history only when the workflow task then running completes, and that task now runs the
 * first step's local activities, so a delivered signal can be missing from the history for a moment.
 * Comparing the whole list once it is there still catches a duplicate or a wrong one.
 */
async function signalsOf(client: Client, instanceId: string): Promise<string[]> {
  return waitFor(async () => {
    const signals = await signalsInHistory(client, instanceId);
    return signals.length > 0 ? signals : undefined;
  }, `a signal in the history of instance ${instanceId}`, 30_000);
}

describe('while Temporal is down', () => {
  it('a submission is answered 201, stored and audited; a migration too; once Temporal is back the workflow starts, once, and gets the migration', async () => {
    const a = await platform('all', 'outbox-a');
    const session = await startEmployeeSession(a.identity, tenantId, ['administrator']);
    await temporal!.stop();
    temporal = undefined;

    const { submissionId, instanceId } = await submit(a, 1);
    const [stored] = await owner.query<{ n: number }>('SELECT count(*)::int AS n FROM form_submissions WHERE id = $1', { bind: [submissionId], type: QueryTypes.SELECT });
    expect(stored!.n).toBe(1);
    const audited = await owner.query<{ action: string }>('SELECT action FROM audit_log WHERE tenant_id = $1 AND entity_id IN ($2, $3) ORDER BY seq', { bind: [tenantId, submissionId, instanceId], type: QueryTypes.SELECT });
    expect(audited.map((r) => r.action)).toEqual(['form.submitted', 'flowInstance.started']);

    // An administrator moves the running instance to a version 2 meanwhile: answered at once too.
    const [flow] = await owner.query<{ id: string; draft: FlowDefinition }>("SELECT id, draft FROM flow_definitions WHERE key = 'application'", { type: QueryTypes.SELECT });
    const changed = structuredClone(flow!.draft);
    changed.parameters!.properties!.reminderDays!.default = 3;
    const admin = { tenantId, actor: testAdministrator(tenantId) };
    await saveFlowDraft(a.db, admin, flow!.id, changed);
    await publishFlow(a.db, admin, flow!.id);
    const migrated = await request(a.port, 'admin.outbox.localhost', 'POST', `/api/flows/${flow!.id}/migrate`, { json: { fromVersion: 1, statusMap: {} }, headers: session.headers });
    expect(migrated.status).toBe(200);
    expect(migrated.json()).toEqual({ version: 2, moved: 1 });

    // The dispatcher has tried the start and failed, and says why with a code, not a message; the migration
    // waits behind the start, untried (an instance's rows go out in the order they were written).
    const failed = await waitFor(async () => {
      const rows = await outboxRows(instanceId);
      return rows[0]?.attempts && rows[0].attempts >= 2 && rows[0].last_error ? rows : undefined;
    }, 'failed delivery attempts while Temporal is down', 30_000);
    expect(failed.map((r) => ({ kind: r.kind, delivered: r.delivered_at !== null, payload: r.payload, tried: r.attempts > 0 }))).toEqual([
      { kind: 'start', delivered: false, payload: {}, tried: true },
      { kind: 'migrate', delivered: false, payload: { statusMap: {} }, tried: false },
    ]);
    expect(failed[0]!.last_error).toMatch(/^[a-z_0-9A-Z]{1,60}$/);

    temporal = await startTemporalDevServer(temporalOptions);
    const restartedAt = Date.now();
    const client = await temporalClient();
    await waitFor(async () => ((await outboxRows(instanceId)).every((r) => r.delivered_at) ? true : undefined), 'the outbox delivered after the restart', 30_000);
    process.stderr.write(`[outbox.test] delivered ${Date.now() - restartedAt} ms after Temporal answered again\n`);
    // The workflow runs on the platform's worker: it opened the caseworker's task.
    await waitFor(async () => {
      const [task] = await owner.query('SELECT 1 FROM flow_tasks WHERE instance_id = $1', { bind: [instanceId], type: QueryTypes.SELECT });
      return task ? true : undefined;
    }, "the workflow's first task");
    expect(await runsOf(client, instanceId)).toEqual([{ runId: expect.any(String), status: 'RUNNING' }]);
    expect(await signalsOf(client, instanceId)).toEqual(['migrate']);
    expect((await client.workflow.getHandle(workflowIds.flow(tenantId, instanceId)).describe()).typedSearchAttributes.getAll().find((p) => p.key.name === 'FlowVersion')?.value).toBe(2);
  });
});

describe('when the process dies between the commit and the start', () => {
  it('the next dispatcher delivers what was committed; two dispatchers at once deliver each row once', async () => {
    for (const p of platforms.splice(0)) await p.stop();
    const b = await platform('off', 'outbox-b');
    const client = await temporalClient();
    const submitted: { submissionId: string; instanceId: string }[] = [];
    for (let i = 0; i < 12; i++) submitted.push(await submit(b, 100 + i));
    // The subjects' facts change too: one row per running instance of each subject.
    const told = await b.db.withTenant(tenantId, async (tx) => {
      let n = 0;
      for (const s of submitted) n += await flowGateway.subjectChanged(b.db, tx, tenantId, { subjectType: 'formSubmission', subjectId: s.submissionId });
      return n;
    });
    expect(told).toBe(12);
    for (const s of submitted) await expect(client.workflow.getHandle(workflowIds.flow(tenantId, s.instanceId)).describe()).rejects.toThrow(WorkflowNotFoundError);

    const ids = submitted.map((s) => s.instanceId);
    const pending = () => owner.query<{ n: number }>('SELECT count(*)::int AS n FROM flow_outbox WHERE instance_id = ANY($1::uuid[]) AND delivered_at IS NULL', { bind: [ids], type: QueryTypes.SELECT }).then(([r]) => r!.n);
    expect(await pending()).toBe(24);

    // A dispatcher that claimed three rows and died before delivering them: they come back when the lease ends.
    const crashed = Database.connect(appUrl);
    const abandoned = await claimDueRows(crashed, { limit: 3, leaseSeconds: 2 });
    await crashed.close();
    expect(abandoned).toHaveLength(3);

    // Two dispatchers, as two processes: each its own pool, LISTEN connection and Temporal client.
    const dispatchers = await Promise.all(
      [1, 2].map(async () => {
        const db = Database.connect(appUrl);
        const own = await temporalClient();
        const d = OutboxDispatcher.start({ db, listenUrl: appUrl, temporal: { client: own, taskQueue: 'outbox-b' }, logger: silent, batchSize: 3, concurrency: 3, pollMs: 500 });
        closers.push(async () => {
          await d.stop();
          await db.close();
        });
        return d;
      }),
    );
    await waitFor(async () => ((await pending()) === 0 ? true : undefined), 'both dispatchers to deliver every row');
    for (const d of dispatchers) await d.stop();

    const delivered = dispatchers.map((d) => d.counts.delivered);
    expect(delivered[0]! + delivered[1]!).toBe(24);
    expect(dispatchers.map((d) => [d.counts.failed, d.counts.released])).toEqual([[0, 0], [0, 0]]);
    const attempts = await owner.query<{ id: string; attempts: number }>('SELECT id, attempts FROM flow_outbox WHERE instance_id = ANY($1::uuid[])', { bind: [ids], type: QueryTypes.SELECT });
    const reclaimed = new Set(abandoned.map((r) => r.id));
    for (const r of attempts) expect({ id: r.id, attempts: r.attempts }).toEqual({ id: r.id, attempts: reclaimed.has(r.id) ? 2 : 1 });
    for (const s of submitted) {
      expect(await runsOf(client, s.instanceId)).toEqual([{ runId: expect.any(String), status: 'RUNNING' }]);
      expect(await signalsOf(client, s.instanceId)).toEqual(['subjectChanged']);
    }
    process.stderr.write(`[outbox.test] deliveries per dispatcher: ${delivered.join(' + ')}\n`);
  });
});

describe('one instance’s rows', () => {
  it('go out in the order they were written, one at a time; a row waiting for its retry holds back the later ones', async () => {
    const db = Database.connect(appUrl);
    closers.push(() => db.close());
    const [instance] = await owner.query<{ id: string }>('SELECT id FROM flow_instances WHERE ended_at IS NULL LIMIT 1', { type: QueryTypes.SELECT });
    // Three rows in one transaction: the same created_at, so only their sequence orders them.
    await db.withTenant(tenantId, async (tx) => {
      for (const event of ['first.event', 'second.event', 'third.event']) await flowGateway.signalInstance(db, tx, tenantId, instance!.id, { kind: 'event', event });
    });
    const claimOwn = async () => (await claimDueRows(db, { limit: 50, leaseSeconds: 30 })).filter((r) => r.instanceId === instance!.id);
    const first = await claimOwn();
    expect(first.map((r) => r.payload.event)).toEqual(['first.event']);
    // Leased but not delivered: the later rows still wait behind it.
    expect(await claimOwn()).toEqual([]);
    await markDelivered(db, first[0]!);
    const second = await claimOwn();
    expect(second.map((r) => r.payload.event)).toEqual(['second.event']);
    await markFailed(db, second[0]!, 60_000, 'unavailable');
    expect(await claimOwn()).toEqual([]);
    // Its retry comes due: it goes first, then the third.
    await owner.query('UPDATE flow_outbox SET next_attempt_at = now() WHERE id = $1', { bind: [second[0]!.id] });
    const retried = await claimOwn();
    expect(retried.map((r) => [r.payload.event, r.attempts])).toEqual([['second.event', 2]]);
    await markDelivered(db, retried[0]!);
    const third = await claimOwn();
    expect(third.map((r) => r.payload.event)).toEqual(['third.event']);
    await markDelivered(db, third[0]!);
    expect(await claimOwn()).toEqual([]);
  });
});

describe('the gateway and the purge', () => {
  it('tells only running instances of the subject, takes names only, and rows delivered a week ago are purged', async () => {
    const db = Database.connect(appUrl);
    closers.push(() => db.close());
    const [instance] = await owner.query<{ id: string; subject_id: string }>('SELECT id, subject_id FROM flow_instances WHERE ended_at IS NULL LIMIT 1', { type: QueryTypes.SELECT });
    await db.withTenant(tenantId, async (tx) => {
      expect(await flowGateway.signal(db, tx, tenantId, { subjectType: 'formSubmission', subjectId: instance!.subject_id, event: 'payment.received' })).toBe(1);
      expect(await flowGateway.signal(db, tx, tenantId, { subjectType: 'formSubmission', subjectId: '00000000-0000-4000-8000-000000000000', event: 'payment.received' })).toBe(0);
      await expect(flowGateway.signal(db, tx, tenantId, { subjectType: 'formSubmission', subjectId: instance!.subject_id, event: 'Anna Hansen 010190-1234' })).rejects.toThrow(/not an event name/);
      await expect(flowGateway.signalInstance(db, tx, tenantId, instance!.id, { kind: 'migrate', statusMap: { submitted: 'anna@example.dk' } })).rejects.toThrow(/status keys only/);
      throw new Error('roll back');
    }).catch((err: Error) => expect(err.message).toBe('roll back'));
    // Without a tenant the application role sees no outbox row; the dispatcher's reads go through the claim function.
    expect(await db.sequelize.query('SELECT * FROM flow_outbox', { type: QueryTypes.SELECT })).toEqual([]);

    const [{ n: before } = { n: 0 }] = await owner.query<{ n: number }>('SELECT count(*)::int AS n FROM flow_outbox WHERE delivered_at IS NOT NULL', { type: QueryTypes.SELECT });
    expect(before).toBeGreaterThan(2);
    await owner.query("UPDATE flow_outbox SET delivered_at = now() - interval '8 days' WHERE id IN (SELECT id FROM flow_outbox WHERE delivered_at IS NOT NULL LIMIT 2)");
    const d = OutboxDispatcher.start({ db, listenUrl: appUrl, temporal: { client: await temporalClient(), taskQueue: 'unused' }, logger: silent });
    closers.unshift(() => d.stop());
    await waitFor(async () => {
      const [{ n } = { n: 0 }] = await owner.query<{ n: number }>('SELECT count(*)::int AS n FROM flow_outbox WHERE delivered_at IS NOT NULL', { type: QueryTypes.SELECT });
      return n === before - 2 ? true : undefined;
    }, 'the purge at the dispatcher start', 10_000);
    expect(await d.purge()).toBe(0);
  });
});
