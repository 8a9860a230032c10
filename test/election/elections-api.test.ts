// The elections' HTTP API on a running platform (admin site, an administrator's session): created in steps
// (title/type/lock/election day → dates → polling stations → messages) with the setup step advancing and each
// step revisitable; activation refused before the setup is done; the list with its counts and filter, the
// current election; duplicate to a new date (dates and every slot's date shifted, slots copied vacant, never a
// participant); delete refused while active or while a slot has a participant, else the election and its vacant
// slots are gone; bad input answers 400 naming the field and writes nothing; another tenant's election is 404;
// the public site has none of it; every change is audited with ids only.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { QueryTypes } from 'sequelize';
import { MESSAGE_EVENTS } from '../../schemas/election/message-events';
import { createTestTenant, ownerDb, type TestTenant } from '../helpers/factories';
import { request, type TestResponse } from '../helpers/http';
import { startTestPlatform } from '../helpers/platform';
import { startEmployeeSession } from '../helpers/sessions';

let platform: Awaited<ReturnType<typeof startTestPlatform>>;
let a: TestTenant;
let b: TestTenant;
let adminA: Record<string, string>;
let adminB: Record<string, string>;

interface Fixture {
  electionTypeId: string;
  workLocationIds: string[];
  taskTypeId: string;
  teamId: string;
  participantIds: string[];
}
let fa: Fixture;
let fb: Fixture;

interface Detail {
  id: string;
  title: string;
  electionTypeId: string;
  electionTypeName: string;
  electionDay: string;
  firstTaskDate: string | null;
  lastTaskDate: string | null;
  lockDays: number;
  active: boolean;
  setupStep: string;
  workLocations: number;
  slots: number;
  filledSlots: number;
  templates: Record<string, string>;
  taskTypeOverrides: Record<string, Record<string, string>>;
  workLocationIds: string[];
  canDelete: boolean;
}

const ownerRows = <T extends object>(sql: string, bind: unknown[] = []) => ownerDb().query<T>(sql, { bind, type: QueryTypes.SELECT });
const one = async <T extends object>(sql: string, bind: unknown[] = []): Promise<T> => (await ownerRows<T>(sql, bind))[0]!;

/** What a tenant needs around an election, written as the owner (other issues' commands make these). */
async function fixture(tenantId: string): Promise<Fixture> {
  const tag = randomBytes(3).toString('hex');
  const { id: electionTypeId } = await one<{ id: string }>(`INSERT INTO election_types (tenant_id, name) VALUES ($1, $2) RETURNING id`, [tenantId, `Folketingsvalg ${tag}`]);
  const { id: areaId } = await one<{ id: string }>(`INSERT INTO election_areas (tenant_id, name) VALUES ($1, $2) RETURNING id`, [tenantId, `Nord ${tag}`]);
  const workLocationIds: string[] = [];
  for (const name of ['Skolen', 'Hallen', 'Biblioteket']) workLocationIds.push((await one<{ id: string }>(`INSERT INTO work_locations (tenant_id, area_id, name) VALUES ($1, $2, $3) RETURNING id`, [tenantId, areaId, name])).id);
  const { id: taskTypeId } = await one<{ id: string }>(`INSERT INTO task_types (tenant_id, title, short_name, start_time, end_time) VALUES ($1, 'Valgstyrer', 'VS', '08:00', '20:00') RETURNING id`, [tenantId]);
  const { id: teamId } = await one<{ id: string }>(`INSERT INTO teams (tenant_id, name, short_name) VALUES ($1, $2, 'T') RETURNING id`, [tenantId, `Borgerservice ${tag}`]);
  const participantIds: string[] = [];
  for (let i = 0; i < 2; i++) {
    participantIds.push(
      (
        await one<{ id: string }>(
          `INSERT INTO participants (tenant_id, personal_number_country, personal_number_sealed, personal_number_hash, personal_number_masked, given_name, family_name, birth_date, municipality_code, citizenship, registry_checked_at)
           VALUES ($1, 'DK', '\\x00'::bytea, $2, 'xxxxxx-xxxx', 'Test', 'Deltager', '1980-01-01', '999', 'DK', now()) RETURNING id`,
          [tenantId, randomBytes(16).toString('hex')],
        )
      ).id,
    );
  }
  for (const key of ['invitationDa', 'reminderDa', 'removedDa']) {
    await ownerDb().query(`INSERT INTO message_templates (tenant_id, key, subject, body) VALUES ($1, $2, '{"da": "Emne"}', '{"da": "Tekst"}')`, { bind: [tenantId, key] });
  }
  return { electionTypeId, workLocationIds, taskTypeId, teamId, participantIds };
}

beforeAll(async () => {
  [a, b] = await Promise.all([createTestTenant(), createTestTenant()]);
  [fa, fb] = [await fixture(a.id), await fixture(b.id)];
  platform = await startTestPlatform();
  adminA = (await startEmployeeSession(platform.identity, a.id, ['administrator'])).headers;
  adminB = (await startEmployeeSession(platform.identity, b.id, ['administrator'])).headers;
}, 60_000);

afterAll(async () => {
  await platform?.stop();
});

const call = (method: string, path: string, json?: unknown, t: TestTenant = a, headers = adminA) => request(platform.port, t.adminHost, method, `/api${path}`, { headers, ...(json === undefined ? {} : { json }) });
const fieldsOf = (res: TestResponse) => res.json<{ errors?: { field: string; code?: string }[] }>().errors?.map((e) => [e.field, e.code]);

async function auditedBy(...responses: TestResponse[]): Promise<{ action: string; entity_id: string | null; summary: Record<string, unknown> }[]> {
  const ids = responses.map((r) => String(r.headers['x-request-id']));
  return ownerRows('SELECT action, entity_id, summary FROM audit_log WHERE request_id = ANY($1::text[]) ORDER BY seq', [ids]);
}

async function tables(tenantId: string): Promise<Record<string, unknown>> {
  const counts: Record<string, unknown> = {};
  for (const t of ['elections', 'election_work_locations', 'task_slots']) counts[t] = (await one<{ n: number }>(`SELECT count(*)::integer AS n FROM ${t} WHERE tenant_id = $1`, [tenantId])).n;
  counts.elections_state = await ownerRows('SELECT id, title, election_day::text, first_task_date::text, lock_days, templates, setup_step, active FROM elections WHERE tenant_id = $1 ORDER BY id', [tenantId]);
  counts.task_type_templates = await ownerRows('SELECT id, templates FROM task_types WHERE tenant_id = $1 ORDER BY id', [tenantId]);
  return counts;
}

let seq = 0;
async function created(overrides: Record<string, unknown> = {}): Promise<Detail> {
  const res = await call('POST', '/election/elections', { title: `Valg ${++seq}`, electionTypeId: fa.electionTypeId, lockDays: 7, electionDay: '2027-06-06', ...overrides });
  expect(res.status).toBe(201);
  return res.json<Detail>();
}

/** An election with its whole setup done. */
async function setUp(electionDay = '2027-06-06', first = '2027-06-01', last = '2027-06-08'): Promise<Detail> {
  const e = await created({ electionDay });
  expect((await call('PUT', `/election/elections/${e.id}/dates`, { electionDay, firstTaskDate: first, lastTaskDate: last })).status).toBe(200);
  expect((await call('PUT', `/election/elections/${e.id}/work-locations`, { workLocationIds: fa.workLocationIds.slice(0, 2) })).status).toBe(200);
  const res = await call('PUT', `/election/elections/${e.id}/messages`, { templates: { invitation: 'invitationDa', invitationReminder: 'reminderDa' } });
  expect(res.status).toBe(200);
  return res.json<Detail>();
}

async function addSlot(electionId: string, taskDate: string, participantId: string | null = null, workLocationId = fa.workLocationIds[0]): Promise<string> {
  return (
    await one<{ id: string }>(
      'INSERT INTO task_slots (tenant_id, election_id, work_location_id, task_type_id, team_id, task_date, participant_id, state) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id',
      [a.id, electionId, workLocationId, fa.taskTypeId, fa.teamId, taskDate, participantId, participantId ? 'accepted' : 'vacant'],
    )
  ).id;
}

describe('creating an election in steps', () => {
  it('advances the setup step by step, each step revisitable, and audits each change with ids only', async () => {
    const create = await call('POST', '/election/elections', { title: 'Folketingsvalg 2027', electionTypeId: fa.electionTypeId, lockDays: 14, electionDay: '2027-06-06' });
    expect(create.status).toBe(201);
    const e = create.json<Detail>();
    expect(e).toMatchObject({ title: 'Folketingsvalg 2027', electionTypeId: fa.electionTypeId, lockDays: 14, electionDay: '2027-06-06', firstTaskDate: null, lastTaskDate: null, active: false, setupStep: 'dates', templates: {}, workLocationIds: [], canDelete: true });
    expect(e.electionTypeName).toMatch(/^Folketingsvalg /);

    // A later step before its turn is refused; so is activation.
    const early = await call('PUT', `/election/elections/${e.id}/messages`, { templates: {} });
    expect([early.status, fieldsOf(early)]).toEqual([409, [['/', 'election.setupStepNotReached']]]);
    const tooSoon = await call('POST', `/election/elections/${e.id}/activate`);
    expect([tooSoon.status, fieldsOf(tooSoon)]).toEqual([409, [['/', 'election.setupIncomplete']]]);

    const dates = await call('PUT', `/election/elections/${e.id}/dates`, { electionDay: '2027-06-07', firstTaskDate: '2027-06-01', lastTaskDate: '2027-06-07' });
    expect(dates.status).toBe(200);
    expect(dates.json<Detail>()).toMatchObject({ electionDay: '2027-06-07', firstTaskDate: '2027-06-01', lastTaskDate: '2027-06-07', setupStep: 'workLocations' });

    const locations = await call('PUT', `/election/elections/${e.id}/work-locations`, { workLocationIds: fa.workLocationIds });
    expect(locations.status).toBe(200);
    expect(locations.json<Detail>()).toMatchObject({ setupStep: 'messages', workLocations: 3 });
    expect(locations.json<Detail>().workLocationIds.sort()).toEqual([...fa.workLocationIds].sort());

    const messages = await call('PUT', `/election/elections/${e.id}/messages`, { templates: { invitation: 'invitationDa', taskReminder: 'reminderDa' }, taskTypeOverrides: { [fa.taskTypeId]: { invitation: 'removedDa' } } });
    expect(messages.status).toBe(200);
    expect(messages.json<Detail>()).toMatchObject({ setupStep: 'done', templates: { invitation: 'invitationDa', taskReminder: 'reminderDa' }, taskTypeOverrides: { [fa.taskTypeId]: { invitation: 'removedDa' } } });
    expect(await one('SELECT templates FROM task_types WHERE id = $1', [fa.taskTypeId])).toEqual({ templates: { invitation: 'removedDa' } });

    // Revisited: the step stays done. The first step's fields change with PATCH.
    const again = await call('PUT', `/election/elections/${e.id}/work-locations`, { workLocationIds: [fa.workLocationIds[1]] });
    expect(again.json<Detail>()).toMatchObject({ setupStep: 'done', workLocations: 1, workLocationIds: [fa.workLocationIds[1]] });
    const datesAgain = await call('PUT', `/election/elections/${e.id}/dates`, { electionDay: '2027-06-06', firstTaskDate: '2027-06-06', lastTaskDate: '2027-06-06' });
    expect(datesAgain.json<Detail>()).toMatchObject({ setupStep: 'done', electionDay: '2027-06-06', firstTaskDate: '2027-06-06', lastTaskDate: '2027-06-06' });
    const patch = await call('PATCH', `/election/elections/${e.id}`, { title: 'Folketingsvalg 2027 (flyttet)', lockDays: 3 });
    expect(patch.json<Detail>()).toMatchObject({ title: 'Folketingsvalg 2027 (flyttet)', lockDays: 3, setupStep: 'done' });
    // Clearing a task type's overrides with {}.
    const cleared = await call('PUT', `/election/elections/${e.id}/messages`, { templates: { invitation: 'invitationDa' }, taskTypeOverrides: { [fa.taskTypeId]: {} } });
    expect(cleared.json<Detail>()).toMatchObject({ templates: { invitation: 'invitationDa' }, taskTypeOverrides: {} });

    const activate = await call('POST', `/election/elections/${e.id}/activate`);
    expect([activate.status, activate.json<Detail>().active]).toEqual([200, true]);
    const deactivate = await call('POST', `/election/elections/${e.id}/deactivate`);
    expect([deactivate.status, deactivate.json<Detail>().active]).toEqual([200, false]);
    const got = await call('GET', `/election/elections/${e.id}`);
    expect(got.json<Detail>()).toMatchObject({ id: e.id, active: false, setupStep: 'done', lockDays: 3, canDelete: true });

    const audit = await auditedBy(create, early, tooSoon, dates, locations, messages, again, datesAgain, patch, cleared, activate, deactivate);
    expect(audit.map((r) => r.action)).toEqual([
      'election.electionCreated',
      'election.electionUpdated',
      'election.electionUpdated',
      'election.electionUpdated',
      'election.electionUpdated',
      'election.electionUpdated',
      'election.electionUpdated',
      'election.electionUpdated',
      'election.electionActivated',
      'election.electionDeactivated',
    ]);
    expect(new Set(audit.map((r) => r.entity_id))).toEqual(new Set([e.id]));
    expect(audit[2]!.summary).toEqual({ step: 'workLocations', added: 3, removed: 0 });
    expect(audit[3]!.summary).toEqual({ step: 'messages', events: ['invitation', 'taskReminder'], taskTypeIds: [fa.taskTypeId] });
    expect(audit[4]!.summary).toEqual({ step: 'workLocations', added: 0, removed: 2 });
    expect(audit[6]!.summary).toEqual({ fields: ['lockDays', 'title'] });
    // Ids, field names, counts and template keys only: no title.
    expect(JSON.stringify(audit)).not.toMatch(/Folketingsvalg/);
  });

  it('lets several elections be active at once', async () => {
    const [x, y] = [await setUp(), await setUp()];
    expect((await call('POST', `/election/elections/${x.id}/activate`)).status).toBe(200);
    expect((await call('POST', `/election/elections/${y.id}/activate`)).status).toBe(200);
    const both = await ownerRows<{ active: boolean }>('SELECT active FROM elections WHERE id = ANY($1::uuid[])', [[x.id, y.id]]);
    expect(both.map((r) => r.active)).toEqual([true, true]);
  });

  it('keeps task slots inside the task dates and at the election’s polling stations', async () => {
    const e = await setUp();
    await addSlot(e.id, '2027-06-02', null, fa.workLocationIds[0]);
    const before = await tables(a.id);
    const narrower = await call('PUT', `/election/elections/${e.id}/dates`, { electionDay: '2027-06-06', firstTaskDate: '2027-06-03', lastTaskDate: '2027-06-08' });
    expect([narrower.status, fieldsOf(narrower)]).toEqual([409, [['/firstTaskDate', 'election.slotsOutsideDates']]]);
    const without = await call('PUT', `/election/elections/${e.id}/work-locations`, { workLocationIds: [fa.workLocationIds[1]] });
    expect([without.status, fieldsOf(without)]).toEqual([409, [['/workLocationIds', 'election.workLocationHasSlots']]]);
    expect(await tables(a.id)).toEqual(before);
    expect(await auditedBy(narrower, without)).toEqual([]);
  });
});

describe('refusals', () => {
  it('answers 400 naming the field and writes nothing', async () => {
    const e = await setUp();
    const before = await tables(a.id);
    const bad: [TestResponse, [string, string][]][] = [];
    const expectFields = async (res: Promise<TestResponse>, fields: [string, string][]) => bad.push([await res, fields]);
    const base = { title: 'X', electionTypeId: fa.electionTypeId, lockDays: 7, electionDay: '2027-06-06' };
    await expectFields(call('POST', '/election/elections', { ...base, title: undefined }), [['/title', 'schema.required']]);
    await expectFields(call('POST', '/election/elections', { ...base, electionTypeId: fb.electionTypeId }), [['/electionTypeId', 'election.unknownElectionType']]);
    await expectFields(call('POST', '/election/elections', { ...base, electionDay: '2027-02-30' }), [['/electionDay', 'schema.format']]);
    await expectFields(call('POST', '/election/elections', { ...base, lockDays: 400 }), [['/lockDays', 'schema.maximum']]);
    await expectFields(call('POST', '/election/elections', { ...base, title: 'x'.repeat(201) }), [['/title', 'schema.maxLength']]);
    await expectFields(call('PATCH', `/election/elections/${e.id}`, { lockDays: -1 }), [['/lockDays', 'schema.minimum']]);
    await expectFields(call('PUT', `/election/elections/${e.id}/dates`, { electionDay: '2027-06-06', firstTaskDate: '2027-06-07', lastTaskDate: '2027-06-05' }), [
      ['/firstTaskDate', 'election.datesOutOfOrder'],
      ['/lastTaskDate', 'election.datesOutOfOrder'],
    ]);
    await expectFields(call('PUT', `/election/elections/${e.id}/dates`, { electionDay: '2027-06-06', firstTaskDate: '2027-06-01' }), [['/lastTaskDate', 'schema.required']]);
    await expectFields(call('PUT', `/election/elections/${e.id}/work-locations`, { workLocationIds: [fa.workLocationIds[0], fb.workLocationIds[0]] }), [['/workLocationIds/1', 'election.unknownWorkLocation']]);
    await expectFields(call('PUT', `/election/elections/${e.id}/messages`, { templates: { invitation: 'invitationDa', taskReminder: 'noSuchTemplate' } }), [['/templates/taskReminder', 'election.unknownTemplate']]);
    await expectFields(call('PUT', `/election/elections/${e.id}/messages`, { templates: { invitation: 'invitationDa', birthday: 'reminderDa' } }), [['/templates/birthday', 'schema.additionalProperties']]);
    await expectFields(call('PUT', `/election/elections/${e.id}/messages`, { templates: {}, taskTypeOverrides: { [fb.taskTypeId]: { invitation: 'invitationDa' } } }), [[`/taskTypeOverrides/${fb.taskTypeId}`, 'election.unknownTaskType']]);
    await expectFields(call('PUT', `/election/elections/${e.id}/messages`, { templates: {}, taskTypeOverrides: { [fa.taskTypeId]: { invitation: 'nope' } } }), [[`/taskTypeOverrides/${fa.taskTypeId}/invitation`, 'election.unknownTemplate']]);
    await expectFields(call('POST', `/election/elections/${e.id}/duplicate`, { title: 'Kopi', electionDay: 'næste år' }), [['/electionDay', 'schema.format']]);
    for (const [res, fields] of bad) {
      expect([res.status, fieldsOf(res)]).toEqual([400, fields]);
    }
    expect(await tables(a.id)).toEqual(before);
    expect(await auditedBy(...bad.map(([r]) => r))).toEqual([]);
  });

  it('answers 404 for another tenant’s election, and on the public site', async () => {
    const theirs = (await call('POST', '/election/elections', { title: 'Deres valg', electionTypeId: fb.electionTypeId, lockDays: 0, electionDay: '2027-06-06' }, b, adminB)).json<Detail>();
    const before = await tables(b.id);
    const tries = [
      await call('GET', `/election/elections/${theirs.id}`),
      await call('PATCH', `/election/elections/${theirs.id}`, { title: 'Mit nu' }),
      await call('PUT', `/election/elections/${theirs.id}/dates`, { electionDay: '2027-06-06', firstTaskDate: '2027-06-06', lastTaskDate: '2027-06-06' }),
      await call('PUT', `/election/elections/${theirs.id}/work-locations`, { workLocationIds: [] }),
      await call('PUT', `/election/elections/${theirs.id}/messages`, { templates: {} }),
      await call('POST', `/election/elections/${theirs.id}/activate`),
      await call('POST', `/election/elections/${theirs.id}/deactivate`),
      await call('POST', `/election/elections/${theirs.id}/duplicate`, { title: 'Kopi', electionDay: '2028-06-06' }),
      await call('DELETE', `/election/elections/${theirs.id}`),
      await call('GET', '/election/elections/not-a-uuid'),
    ];
    expect(tries.map((r) => r.status)).toEqual(tries.map(() => 404));
    expect((await call('GET', '/election/elections')).json<{ items: { id: string }[] }>().items.map((i) => i.id)).not.toContain(theirs.id);
    expect(await tables(b.id)).toEqual(before);

    const publicSite = await request(platform.port, a.publicHost, 'GET', '/api/election/elections', { headers: adminA });
    expect(publicSite.status).toBe(404);
    const anonymous = await request(platform.port, a.adminHost, 'GET', '/api/election/elections');
    expect(anonymous.status).toBe(401);
  });

  it('is for administrators only', async () => {
    const mine = await setUp();
    const employee = (await startEmployeeSession(platform.identity, a.id, [])).headers;
    const before = await tables(a.id);
    const tries = [
      await call('GET', '/election/elections', undefined, a, employee),
      await call('GET', `/election/elections/${mine.id}`, undefined, a, employee),
      await call('POST', '/election/elections', { title: 'Nej', electionTypeId: fa.electionTypeId, lockDays: 0, electionDay: '2027-06-06' }, a, employee),
      await call('POST', `/election/elections/${mine.id}/activate`, undefined, a, employee),
      await call('DELETE', `/election/elections/${mine.id}`, undefined, a, employee),
    ];
    expect(tries.map((r) => r.status)).toEqual(tries.map(() => 403));
    expect(await tables(a.id)).toEqual(before);
  });
});

describe('the list and the current election', () => {
  it('lists the elections with their counts, latest election day first, filtered by active', async () => {
    const t = await createTestTenant();
    const f = await fixture(t.id);
    const admin = (await startEmployeeSession(platform.identity, t.id, ['administrator'])).headers;
    const post = async (title: string, electionDay: string) =>
      (await call('POST', '/election/elections', { title, electionTypeId: f.electionTypeId, lockDays: 0, electionDay }, t, admin)).json<Detail>();
    expect((await call('GET', '/election/elections/current', undefined, t, admin)).status).toBe(404);

    const past = await post('Gammelt', '2020-11-17');
    const later = await post('Senere', '2099-05-01');
    const sooner = await post('Snart', '2098-05-01');
    // Only the later one is set up and active.
    await call('PUT', `/election/elections/${later.id}/dates`, { electionDay: '2099-05-01', firstTaskDate: '2099-04-30', lastTaskDate: '2099-05-01' }, t, admin);
    await call('PUT', `/election/elections/${later.id}/work-locations`, { workLocationIds: f.workLocationIds }, t, admin);
    await call('PUT', `/election/elections/${later.id}/messages`, { templates: {} }, t, admin);
    expect((await call('POST', `/election/elections/${later.id}/activate`, undefined, t, admin)).status).toBe(200);
    const slot = (d: string, p: string | null) =>
      ownerDb().query('INSERT INTO task_slots (tenant_id, election_id, work_location_id, task_type_id, team_id, task_date, participant_id, state) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)', {
        bind: [t.id, later.id, f.workLocationIds[0], f.taskTypeId, f.teamId, d, p, p ? 'accepted' : 'vacant'],
      });
    await slot('2099-05-01', null);
    await slot('2099-05-01', f.participantIds[0]!);
    await ownerDb().query("INSERT INTO task_slots (tenant_id, election_id, work_location_id, task_type_id, team_id, task_date, participant_id, state) VALUES ($1, $2, $3, $4, $5, '2099-04-30', $6, 'invited')", {
      bind: [t.id, later.id, f.workLocationIds[1], f.taskTypeId, f.teamId, f.participantIds[1]],
    });

    const list = (await call('GET', '/election/elections', undefined, t, admin)).json<{ items: Detail[] }>().items;
    expect(list.map((i) => i.title)).toEqual(['Senere', 'Snart', 'Gammelt']);
    expect(list[0]).toMatchObject({ active: true, setupStep: 'done', workLocations: 3, slots: 3, filledSlots: 1 });
    expect(list[1]).toMatchObject({ active: false, setupStep: 'dates', workLocations: 0, slots: 0, filledSlots: 0 });
    const active = (await call('GET', '/election/elections?active=true', undefined, t, admin)).json<{ items: Detail[] }>().items;
    expect(active.map((i) => i.id)).toEqual([later.id]);
    const inactive = (await call('GET', '/election/elections?active=false', undefined, t, admin)).json<{ items: Detail[] }>().items;
    expect(inactive.map((i) => i.id)).toEqual([sooner.id, past.id]);
    expect((await call('GET', '/election/elections?active=maybe', undefined, t, admin)).status).toBe(400);

    // The next upcoming active one, though an inactive one comes sooner.
    expect((await call('GET', '/election/elections/current', undefined, t, admin)).json<Detail>().id).toBe(later.id);
    // Without an upcoming active one: the latest election day.
    await call('POST', `/election/elections/${later.id}/deactivate`, undefined, t, admin);
    expect((await call('GET', '/election/elections/current', undefined, t, admin)).json<Detail>().id).toBe(later.id);
    await ownerDb().query('DELETE FROM task_slots WHERE election_id = $1', { bind: [later.id] });
    expect((await call('DELETE', `/election/elections/${later.id}`, undefined, t, admin)).status).toBe(204);
    expect((await call('GET', '/election/elections/current', undefined, t, admin)).json<Detail>().id).toBe(sooner.id);
  });

  it('offers the events and the tenant’s templates for the messages step', async () => {
    const res = await call('GET', '/election/message-events');
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({
      events: ['registrationConfirmed', 'cancellationConfirmed', 'invitation', 'invitationReminder', 'taskReminder', 'invitationRetracted', 'removedFromTask', 'removedByValidation'],
      templates: ['invitationDa', 'reminderDa', 'removedDa'],
    });
  });
});

describe('duplicating an election', () => {
  it('shifts the dates and copies every slot vacant on its shifted date, never a participant', async () => {
    const old = await setUp('2027-06-06', '2027-06-01', '2027-06-08');
    await call('PUT', `/election/elections/${old.id}/messages`, { templates: { invitation: 'invitationDa', removedFromTask: 'removedDa' } });
    await call('PATCH', `/election/elections/${old.id}`, { lockDays: 10 });
    await addSlot(old.id, '2027-06-01');
    await addSlot(old.id, '2027-06-06', fa.participantIds[0]);
    await addSlot(old.id, '2027-06-06', null, fa.workLocationIds[1]);
    await addSlot(old.id, '2027-06-08', fa.participantIds[1]);
    expect((await call('POST', `/election/elections/${old.id}/activate`)).status).toBe(200);
    const oldSlots = await ownerRows('SELECT id, task_date::text, participant_id, state FROM task_slots WHERE election_id = $1 ORDER BY id', [old.id]);

    // 2028-03-01 is 269 days after 2027-06-06 (across a leap day).
    const dup = await call('POST', `/election/elections/${old.id}/duplicate`, { title: 'Kopi 2028', electionDay: '2028-03-01' });
    expect(dup.status).toBe(201);
    const copy = dup.json<Detail>();
    expect(copy.id).not.toBe(old.id);
    expect(copy).toMatchObject({
      title: 'Kopi 2028',
      electionTypeId: fa.electionTypeId,
      electionDay: '2028-03-01',
      firstTaskDate: '2028-02-25',
      lastTaskDate: '2028-03-03',
      lockDays: 10,
      active: false,
      setupStep: 'done',
      templates: { invitation: 'invitationDa', removedFromTask: 'removedDa' },
      workLocations: 2,
      slots: 4,
      filledSlots: 0,
      canDelete: true,
    });
    expect(copy.workLocationIds.sort()).toEqual(fa.workLocationIds.slice(0, 2).sort());
    const slots = await ownerRows<{ work_location_id: string; task_type_id: string; team_id: string; task_date: string; participant_id: string | null; state: string }>(
      'SELECT work_location_id, task_type_id, team_id, task_date::text, participant_id, state FROM task_slots WHERE election_id = $1 ORDER BY task_date, work_location_id',
      [copy.id],
    );
    expect(slots.map((s) => [s.task_date, s.participant_id, s.state])).toEqual([
      ['2028-02-25', null, 'vacant'],
      ['2028-03-01', null, 'vacant'],
      ['2028-03-01', null, 'vacant'],
      ['2028-03-03', null, 'vacant'],
    ]);
    expect(slots.filter((s) => s.task_date === '2028-03-01').map((s) => s.work_location_id).sort()).toEqual(fa.workLocationIds.slice(0, 2).sort());
    expect(new Set(slots.map((s) => `${s.task_type_id}/${s.team_id}`))).toEqual(new Set([`${fa.taskTypeId}/${fa.teamId}`]));
    // The old election is as it was.
    expect(await ownerRows('SELECT id, task_date::text, participant_id, state FROM task_slots WHERE election_id = $1 ORDER BY id', [old.id])).toEqual(oldSlots);
    expect(await one('SELECT active, election_day::text FROM elections WHERE id = $1', [old.id])).toEqual({ active: true, election_day: '2027-06-06' });

    const audit = await auditedBy(dup);
    expect(audit).toEqual([{ action: 'election.electionDuplicated', entity_id: copy.id, summary: { sourceElectionId: old.id, slots: 4, days: 269 } }]);

    // Backwards in time too, for an election whose setup has not reached the dates.
    const bare = await created({ electionDay: '2027-06-06' });
    const back = (await call('POST', `/election/elections/${bare.id}/duplicate`, { title: 'Tidligere', electionDay: '2027-05-30' })).json<Detail>();
    expect(back).toMatchObject({ electionDay: '2027-05-30', firstTaskDate: null, lastTaskDate: null, setupStep: 'dates', slots: 0 });
  });
});

describe('deleting an election', () => {
  it('is refused while active or while a slot has a participant; otherwise the election and its vacant slots are gone', async () => {
    const e = await setUp();
    await addSlot(e.id, '2027-06-06');
    const held = await addSlot(e.id, '2027-06-06', fa.participantIds[0]);
    await call('POST', `/election/elections/${e.id}/activate`);
    expect((await call('GET', `/election/elections/${e.id}`)).json<Detail>().canDelete).toBe(false);

    const whileActive = await call('DELETE', `/election/elections/${e.id}`);
    expect([whileActive.status, fieldsOf(whileActive)]).toEqual([409, [['/', 'election.electionActive']]]);
    await call('POST', `/election/elections/${e.id}/deactivate`);
    expect((await call('GET', `/election/elections/${e.id}`)).json<Detail>().canDelete).toBe(false);
    const notEmpty = await call('DELETE', `/election/elections/${e.id}`);
    expect([notEmpty.status, fieldsOf(notEmpty)]).toEqual([409, [['/', 'election.electionNotEmpty']]]);
    expect(await one('SELECT count(*)::integer AS n FROM task_slots WHERE election_id = $1', [e.id])).toEqual({ n: 2 });
    expect(await auditedBy(whileActive, notEmpty)).toEqual([]);

    // A rejected slot still has its participant: still not empty.
    await ownerDb().query("UPDATE task_slots SET state = 'rejected' WHERE id = $1", { bind: [held] });
    expect((await call('DELETE', `/election/elections/${e.id}`)).status).toBe(409);

    await ownerDb().query("UPDATE task_slots SET participant_id = NULL, state = 'vacant' WHERE id = $1", { bind: [held] });
    expect((await call('GET', `/election/elections/${e.id}`)).json<Detail>().canDelete).toBe(true);
    const deleted = await call('DELETE', `/election/elections/${e.id}`);
    expect(deleted.status).toBe(204);
    expect(await one('SELECT count(*)::integer AS n FROM elections WHERE id = $1', [e.id])).toEqual({ n: 0 });
    expect(await one('SELECT count(*)::integer AS n FROM task_slots WHERE election_id = $1', [e.id])).toEqual({ n: 0 });
    expect(await one('SELECT count(*)::integer AS n FROM election_work_locations WHERE election_id = $1', [e.id])).toEqual({ n: 0 });
    expect(await auditedBy(deleted)).toEqual([{ action: 'election.electionDeleted', entity_id: e.id, summary: { vacantSlots: 2 } }]);
    expect((await call('GET', `/election/elections/${e.id}`)).status).toBe(404);
  });
});

describe('the message events', () => {
  it('are the same in the one list, in the events schema and in the templates schema', () => {
    const schema = (name: string) => JSON.parse(readFileSync(join('schemas', 'election', `${name}.schema.json`), 'utf8')) as { properties: Record<string, { items?: { enum?: string[] } }> };
    expect(schema('election-message-events').properties.events!.items!.enum).toEqual([...MESSAGE_EVENTS]);
    expect(Object.keys(schema('election-event-templates').properties)).toEqual([...MESSAGE_EVENTS]);
  });
});
