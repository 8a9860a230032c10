// The election module's registry refresh on the time-skipping test server with its real activities, a real
// database and the civil-registry simulator over the network: the tenant's weekly schedule asks for a refresh a
// week after it starts, which updates a participant whose name changed and takes a participant who moved away off
// their task (the "removed by validation" message recorded for the person), with its progress answered by a
// query; and a refresh whose worker stops after the first batch carries on from its cursor under a new worker,
// reading nobody twice.
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { startTimeSkippingEnvironment } from '../../engine/dev/time-skipping-env';
import { Worker } from '@temporalio/worker';
import pino from 'pino';
import { createElectionActivities } from '../../activities/election';
import { parsePersonalNumber } from '../../forms/formats/personal-number';
import { systemActor } from '../../engine/actors';
import { Keyring } from '../../engine/crypto/keyring';
import { parseKeySpec } from '../../engine/crypto/key-spec';
import { insertParticipant } from '../../engine/modules/election/participants/insert';
import { requestRegistryRefresh } from '../../engine/modules/election/registry-refresh/request';
import { registryRefreshWorkflowId, resumeRegistryRefreshes, weeklyRefreshWorkflowId } from '../../engine/modules/election/registry-refresh/workflows';
import { AuditedRegistry, createCivilRegistries } from '../../engine/registry';
import type { RegistryPerson } from '../../engine/registry/types';
import { startRegistrySimulator, type RegistrySimulator } from '../../engine/simulators/registry-server';
import { syntheticCpr } from '../../engine/simulators/synthetic-personal-numbers';
import { dataConverter } from '../../engine/temporal/client';
import { parseCodecKeys } from '../../engine/temporal/codec';
import { ensureSearchAttributes } from '../../engine/temporal/ensure-search-attributes';
import { FlowStatusKey, ModuleKey, TenantIdKey } from '../../engine/temporal/search-attributes';
import { electionRegistryRefreshMessages } from '../../workflows';
import { electionFixture, insertSlots, q, one, type ElectionFixture } from '../election/assignment-fixtures';
import { testServices } from '../helpers/env';
import { closeOwnerDb, createTestTenant, suiteDatabase } from '../helpers/factories';
import { quietTemporalRuntime } from '../helpers/platform';

const TASK_QUEUE = 'election-registry-refresh-test';
const AGNES = '1205784123';
const MADS = '0309623517';
let env: TestWorkflowEnvironment;
let sim: RegistrySimulator;
let registry: AuditedRegistry;
const db = suiteDatabase();
const keyring = new Keyring(db, parseKeySpec(process.env.DATA_MASTER_KEYS!));
const converter = dataConverter(parseCodecKeys(process.env.TEMPORAL_CODEC_KEYS!));
const logger = pino({ level: 'silent' });

beforeAll(async () => {
  quietTemporalRuntime();
  env = await startTimeSkippingEnvironment(testServices().testServerPath, converter);
  await ensureSearchAttributes(env.connection, env.namespace ?? 'default');
  sim = await startRegistrySimulator();
  registry = new AuditedRegistry({ db, keyring, registries: createCivilRegistries({ baseUrl: sim.url, credentials: sim.credentials, logger }) });
});

afterAll(async () => {
  await sim?.stop();
  await env?.teardown();
  await closeOwnerDb();
});

const temporal = () => ({ client: env.client, taskQueue: TASK_QUEUE });

function worker(activities = createElectionActivities({ db, keyring, registry })) {
  return Worker.create({ connection: env.nativeConnection, taskQueue: TASK_QUEUE, workflowBundle: { codePath: testServices().workflowBundlePath }, activities, dataConverter: converter });
}

/** A participant from the registry's answer now (the test people), or a synthetic number the registry does not know. */
async function participant(tenantId: string, number: string): Promise<string> {
  const pn = parsePersonalNumber('DK', number)!;
  const ctx = { tenantId, actor: systemActor(tenantId, 'test') };
  return db.withTenant(tenantId, async (tx) => {
    const person: RegistryPerson = (await registry.lookup(tx, ctx, number, { purpose: 'test.setup' })) ?? {
      country: 'DK',
      personalNumber: pn.canonical,
      givenName: 'Syntetisk',
      familyName: 'Person',
      birthDate: '1980-01-01',
      municipalityCode: '999',
      citizenship: 'DK',
      protectedAddress: false,
      deceased: false,
      disenfranchised: false,
    };
    return (await insertParticipant(db, keyring, tx, tenantId, { pn, person, dietIds: [], signupFields: {} }))!;
  });
}

/** Puts each participant on a slot of their own, accepted, with the assignment whose flow runs (started). */
async function accepted(f: ElectionFixture, participantIds: string[]): Promise<string[]> {
  const slots = await insertSlots(f, participantIds.length);
  for (const [i, slotId] of slots.entries()) {
    await q("UPDATE task_slots SET participant_id = $2, state = 'accepted', answered_at = now() WHERE id = $1", [slotId, participantIds[i]]);
    await q('INSERT INTO task_assignments (tenant_id, election_id, slot_id, participant_id, started_at) VALUES ($1, $2, $3, $4, now())', [f.tenantId, f.electionId, slotId, participantIds[i]]);
  }
  return slots;
}

async function activeElection(): Promise<ElectionFixture> {
  const tenant = await createTestTenant();
  const f = await electionFixture(tenant.id);
  await q('UPDATE elections SET active = true WHERE id = $1', [f.electionId]);
  return f;
}

const refreshRow = (id: string) =>
  one<{ status: string; total: number; done: number; updated: number; unassigned: number; not_found: number; unassigned_reasons: Record<string, number>; cursor: string | null }>(
    'SELECT status, total, done, updated, unassigned, not_found, unassigned_reasons, cursor FROM registry_refreshes WHERE id = $1',
    [id],
  );

async function waitFor<T>(read: () => Promise<T | undefined>, what: string, ms = 30_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

it('runs the weekly refresh a week after the schedule starts: a moved-away participant is taken off the task and told, a new name is written', async () => {
  const f = await activeElection();
  const [agnes, mads] = [await participant(f.tenantId, AGNES), await participant(f.tenantId, MADS)];
  const [agnesSlot, madsSlot] = await accepted(f, [agnes!, mads!]);
  // In the registry: Agnes moves to another municipality, Mads takes a new family name.
  expect(sim.changePerson(AGNES, { municipalityCode: '101', address: 'Strandvejen 7, 2100 København Ø' })).toBe(true);
  expect(sim.changePerson(MADS, { familyName: 'Skjern-Varnæs' })).toBe(true);

  const w = await worker();
  await w.runUntil(async () => {
    // The module's resumer makes sure the tenant's weekly schedule runs (and starts it only once).
    await resumeRegistryRefreshes({ db, temporal: temporal(), logger }, { tenantIds: [f.tenantId], minAgeSeconds: 0 });
    await resumeRegistryRefreshes({ db, temporal: temporal(), logger }, { tenantIds: [f.tenantId], minAgeSeconds: 0 });
    const weekly = env.client.workflow.getHandle(weeklyRefreshWorkflowId(f.tenantId));
    const described = await weekly.describe();
    expect(described.status.name).toBe('RUNNING');
    expect(described.typedSearchAttributes.get(TenantIdKey)).toBe(f.tenantId);
    expect(described.typedSearchAttributes.get(ModuleKey)).toBe('election');
    expect(await q('SELECT id FROM registry_refreshes WHERE tenant_id = $1', [f.tenantId])).toEqual([]);

    await env.sleep('6 days');
    expect(await q('SELECT id FROM registry_refreshes WHERE tenant_id = $1', [f.tenantId])).toEqual([]);
    await env.sleep('1 day');
    const { id } = await waitFor(async () => (await q<{ id: string }>("SELECT id FROM registry_refreshes WHERE tenant_id = $1 AND reason = 'weekly'", [f.tenantId]))[0], 'the weekly refresh');
    const handle = env.client.workflow.getHandle(registryRefreshWorkflowId(f.tenantId, id));
    // Started by the weekly workflow as its child (right after the request's row was written).
    await waitFor(() => handle.describe().then(() => true, () => undefined), 'the refresh workflow');
    // The week's run continues as new once it has started the refresh: wait for the next week's run (terminating
    // by id alone inside that hand-over found the old run completed), then end it — its timer is not this test's business.
    const nextWeek = await waitFor(async () => {
      const d = await weekly.describe().catch(() => undefined);
      return d && d.runId !== described.runId && d.status.name === 'RUNNING' ? d : undefined;
    }, "the next week's run");
    await env.client.workflow.getHandle(weeklyRefreshWorkflowId(f.tenantId), nextWeek.runId).terminate('test done');
    const result = await handle.result();
    expect(result).toEqual({ total: 2, done: 2, updated: 2, unassigned: 1, finished: true });
    expect(await handle.query(electionRegistryRefreshMessages.progressQuery)).toEqual(result);
    const child = await handle.describe();
    expect(child.typedSearchAttributes.get(FlowStatusKey)).toBe('done');
    expect(child.typedSearchAttributes.get(TenantIdKey)).toBe(f.tenantId);
  });

  const [refresh] = await q<{ id: string }>('SELECT id FROM registry_refreshes WHERE tenant_id = $1', [f.tenantId]);
  expect(await refreshRow(refresh!.id)).toMatchObject({ status: 'done', total: 2, done: 2, updated: 2, unassigned: 1, not_found: 0, unassigned_reasons: { 'election.notResident': 1 } });
  // Agnes: moved, off her task, told why; Mads: renamed, still on his.
  expect(await one('SELECT municipality_code, address, postal_code, city FROM participants WHERE id = $1', [agnes])).toEqual({ municipality_code: '101', address: 'Strandvejen 7', postal_code: '2100', city: 'København Ø' });
  expect(await one('SELECT participant_id, state FROM task_slots WHERE id = $1', [agnesSlot])).toEqual({ participant_id: null, state: 'vacant' });
  expect(await q('SELECT participant_id, event FROM participant_messages WHERE slot_id = $1', [agnesSlot])).toEqual([{ participant_id: agnes, event: 'removedByValidation' }]);
  expect(await one('SELECT family_name FROM participants WHERE id = $1', [mads])).toEqual({ family_name: 'Skjern-Varnæs' });
  expect(await one('SELECT participant_id, state FROM task_slots WHERE id = $1', [madsSlot])).toEqual({ participant_id: mads, state: 'accepted' });
  expect(await q('SELECT event FROM participant_messages WHERE slot_id = $1', [madsSlot])).toEqual([]);

  // Audited by id, field names and reason codes: nothing the registry said.
  const audits = await q<{ action: string; summary: Record<string, unknown> }>(
    "SELECT action, summary FROM audit_log WHERE tenant_id = $1 AND action LIKE 'election.%' AND (action ILIKE '%registry%' OR action LIKE '%Validation%') ORDER BY seq",
    [f.tenantId],
  );
  expect(audits.map((a) => a.action).sort()).toEqual(['election.participantRegistryUpdated', 'election.participantRegistryUpdated', 'election.registryRefreshFinished', 'election.registryRefreshRequested', 'election.taskRemovedByValidation']);
  expect(audits.find((a) => a.action === 'election.taskRemovedByValidation')!.summary).toMatchObject({ slotId: agnesSlot, participantId: agnes, reasons: ['election.notResident'], was: 'accepted' });
  expect(audits.find((a) => a.action === 'election.participantRegistryUpdated' && a.summary.participantId === mads)!.summary).toMatchObject({ fields: ['family_name'] });
  expect(JSON.stringify(audits)).not.toMatch(/Skjern|Strandvejen|1205784123|0309623517/);
});

it('carries on from its cursor when its worker stopped after the first batch, reading nobody twice, its progress answered meanwhile', async () => {
  const f = await activeElection();
  const ids: string[] = [];
  const base = 1_000 + Math.floor(Math.random() * 80_000);
  for (let i = 0; i < 62; i++) ids.push(await participant(f.tenantId, syntheticCpr(base + i).canonical));
  await accepted(f, ids);
  const { id } = await db.withTenant(f.tenantId, (tx) => requestRegistryRefresh(db, tx, { tenantId: f.tenantId, electionId: f.electionId, reason: 'manual' }));
  expect(await refreshRow(id)).toMatchObject({ status: 'running', total: 62, done: 0 });

  // The first worker takes one batch; its next attempt is where the worker goes down.
  const real = createElectionActivities({ db, keyring, registry });
  let calls = 0;
  let stop!: () => void;
  const stopped = new Promise<void>((resolve) => (stop = resolve));
  const first = await worker({
    ...real,
    async refreshRegistryBatch(input) {
      calls++;
      if (calls === 1) return real.refreshRegistryBatch(input);
      stop();
      throw new Error('worker going down');
    },
  });
  const handle = env.client.workflow.getHandle(registryRefreshWorkflowId(f.tenantId, id));
  await first.runUntil(async () => {
    // The module's resumer starts the refresh whose start nobody made.
    await resumeRegistryRefreshes({ db, temporal: temporal(), logger }, { tenantIds: [f.tenantId], minAgeSeconds: 0 });
    await stopped;
    expect(await handle.query(electionRegistryRefreshMessages.progressQuery)).toEqual({ total: 62, done: 50, updated: 0, unassigned: 0, finished: false });
    // The run is lost with its worker (as a crash that also lost the workflow would leave it).
    await handle.terminate('worker lost');
  });
  const halfway = await refreshRow(id);
  expect(halfway).toMatchObject({ status: 'running', done: 50, not_found: 50 });
  expect(halfway.cursor).toBe([...ids].sort()[49]);

  // A new worker; the resumer finds the refresh still running without a workflow and starts it again.
  const second = await worker();
  await second.runUntil(async () => {
    await resumeRegistryRefreshes({ db, temporal: temporal(), logger }, { tenantIds: [f.tenantId], minAgeSeconds: 0 });
    const again = env.client.workflow.getHandle(registryRefreshWorkflowId(f.tenantId, id));
    expect(await again.result()).toEqual({ total: 62, done: 62, updated: 0, unassigned: 0, finished: true });
    expect((await again.describe()).typedSearchAttributes.get(FlowStatusKey)).toBe('done');
  });
  expect(await refreshRow(id)).toMatchObject({ status: 'done', total: 62, done: 62, not_found: 62 });
  // Each participant was looked up once for the refresh (and once when the test made them).
  const [looked] = await q<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE tenant_id = $1 AND action = 'civilRegistry.lookedUp' AND summary->>'purpose' = 'election.registryRefresh'", [f.tenantId]);
  expect(looked!.n).toBe(62);
});
