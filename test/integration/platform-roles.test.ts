// The production topology's two roles (engine/platform.ts), against the run's PostgreSQL and Temporal: an `api`
// platform serves the sites and the API and runs no worker (its readiness has no worker check); a `worker`
// platform on the same task queue serves nothing but /healthz and /readyz — and runs the flows the API's commands
// start: a sign-up made through the API gets its invitation flow run (its status set) by the worker.
import { randomBytes } from 'node:crypto';
import type { ElectionLink } from '../../schemas/types/election-link-record';
import { parsePersonalNumber } from '../../forms/formats/personal-number';
import { csrfTokenFor } from '../../engine/identity/sessions';
import { cookieName } from '../../engine/http/session-cookie';
import { testPeople } from '../../engine/simulators/test-people';
import { createTestTenant, suiteDatabase, type TestTenant } from '../helpers/factories';
import { request } from '../helpers/http';
import { startTestPlatform } from '../helpers/platform';
import { startEmployeeSession } from '../helpers/sessions';
import { electionFixture, insertSlots, q } from '../election/assignment-fixtures';

suiteDatabase();
let api: Awaited<ReturnType<typeof startTestPlatform>>;
let worker: Awaited<ReturnType<typeof startTestPlatform>>;
let dk: TestTenant;
const DATE = '2028-06-01';

beforeAll(async () => {
  dk = await createTestTenant({ country: 'DK', builtinForms: true });
  // Both on one task queue, as the processes of one deployment are.
  const queue = { TEMPORAL_TASK_QUEUE: `roles-${randomBytes(4).toString('hex')}` };
  api = await startTestPlatform([dk.id], queue, { role: 'api' });
  // A workflow cache of its own size (TEMPORAL_MAX_CACHED_WORKFLOWS), which the worker must be given.
  worker = await startTestPlatform([dk.id], { ...queue, TEMPORAL_MAX_CACHED_WORKFLOWS: '77' }, { role: 'worker' });
}, 120_000);

afterAll(async () => {
  await api?.stop();
  await worker?.stop();
});

describe('the api role', () => {
  it('runs no worker, and is ready without one', async () => {
    expect(api.role).toBe('api');
    expect(api.worker).toBeUndefined();
    expect(api.dispatcher).toBeUndefined();
    const ready = await request(api.port, '127.0.0.1', 'GET', '/readyz');
    expect(ready.status).toBe(200);
    expect(ready.text).not.toMatch(/worker/);
    expect((await request(api.port, dk.publicHost, 'GET', '/api/election/public/signup-options')).status).toBe(200);
  });
});

describe('the worker role', () => {
  it('serves only its health, and is ready with its worker', async () => {
    expect(worker.role).toBe('worker');
    expect(worker.worker?.getState()).toBe('RUNNING');
    expect(worker.worker?.options.maxCachedWorkflows).toBe(77);
    expect((await request(worker.port, '127.0.0.1', 'GET', '/healthz')).status).toBe(200);
    const ready = await request(worker.port, '127.0.0.1', 'GET', '/readyz');
    expect([ready.status, ready.text]).toEqual([200, expect.stringMatching(/worker/)]);
    for (const path of ['/api/election/public/signup-options', '/', '/temporal/']) {
      expect((await request(worker.port, dk.publicHost, 'GET', path)).status).toBe(404);
    }
  });

  it('runs the flows the API started', async () => {
    const f = await electionFixture(dk.id);
    await q('UPDATE elections SET election_day = $2, first_task_date = $2, last_task_date = $2, active = true WHERE id = $1', [f.electionId, DATE]);
    await insertSlots(f, 1, f.taskTypes.valgstyrer, f.workLocations[0], DATE);
    const admin = await startEmployeeSession(api.identity, dk.id, ['administrator']);
    const link = await request(api.port, dk.adminHost, 'POST', `/api/election/elections/${f.electionId}/links`, { headers: admin.headers, json: { kind: 'tasks', filters: {} } });
    expect(link.status).toBe(201);
    const token = /\/([A-Za-z0-9_-]{43})$/.exec(link.json<ElectionLink>().url)![1]!;
    const person = testPeople.citizens.find((c) => c.id === 'dk-agnes')!;
    const headers = await api.db.withTenant(dk.id, async (tx) => {
      const userId = await api.identity.users.citizen(tx, dk.id, parsePersonalNumber('DK', person.personalNumber)!, 'Agnes');
      const { token: t } = await api.identity.sessions.start(tx, { tenantId: dk.id, userId, site: 'public', now: new Date() });
      return { cookie: `${cookieName('public')}=${t}`, 'x-csrf-token': csrfTokenFor(t) };
    });
    const choice = { workLocationId: f.workLocations[0], taskTypeId: f.taskTypes.valgstyrer, teamId: f.teamId, date: DATE };
    const res = await request(api.port, dk.publicHost, 'POST', '/api/election/public/signups', { headers, json: { linkToken: token, choice } });
    expect(res.status).toBe(201);
    // The API wrote the outbox row; the worker platform's dispatcher and worker took it from there.
    let status: string | undefined;
    for (const until = Date.now() + 60_000; Date.now() < until && status !== 'accepted'; await new Promise((r) => setTimeout(r, 200))) {
      status = (await q<{ status: string }>("SELECT i.status FROM flow_instances i JOIN task_assignments a ON a.id = i.subject_id WHERE i.tenant_id = $1 AND a.slot_id = (SELECT id FROM task_slots WHERE tenant_id = $1 AND state = 'accepted' LIMIT 1)", [dk.id]))[0]?.status;
    }
    expect(status).toBe('accepted');
  });
});
