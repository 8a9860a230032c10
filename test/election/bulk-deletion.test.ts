// Bulk deletion of participants (election staffing), over HTTP against a running platform: the confirmation
// word of the tenant's language, every id a participant of the tenant, nothing written on a refusal; then the
// workflow deletes them in batches — memberships and comments with them, their task slots vacant —, one audit
// row per person by id, the deletion's progress read from its record until it is done. A deletion whose
// workflow start was lost is started by the resumer.
import { randomUUID } from 'node:crypto';
import { QueryTypes } from 'sequelize';
import type { Problem } from '../../schemas/types/api-problem';
import type { ElectionParticipantDeletion } from '../../schemas/types/election-participant-deletion';
import { resumeParticipantDeletions } from '../../engine/modules/election/bulk-deletion-workflow';
import { requestParticipantDeletion } from '../../engine/modules/election/commands/participants/start-bulk-deletion';
import { FlowStatusKey, ModuleKey, TenantIdKey } from '../../engine/temporal/search-attributes';
import { createTestTenant, ownerDb, suiteDatabase, type TestTenant } from '../helpers/factories';
import { request } from '../helpers/http';
import { startTestPlatform } from '../helpers/platform';
import { startEmployeeSession, testAdministrator, type TestSession } from '../helpers/sessions';

suiteDatabase();
let platform: Awaited<ReturnType<typeof startTestPlatform>>;
let dk: TestTenant;
let se: TestTenant;
let admin: TestSession;
let adminSe: TestSession;
let operator: TestSession;

const PATH = '/api/election/participant-deletions';

const q = <T extends object>(sql: string, bind: unknown[]) => ownerDb().query<T>(sql, { bind, type: QueryTypes.SELECT });
const countOf = async (sql: string, bind: unknown[]) => Number((await q<{ n: string }>(sql, bind))[0]!.n);

/** `n` participants with dummy sealed bytes, written as the owner (the participants' own routes are not this test's). */
async function insertParticipants(tenantId: string, n: number): Promise<string[]> {
  const rows = await q<{ id: string }>(
    `INSERT INTO participants (tenant_id, personal_number_country, personal_number_sealed, personal_number_hash, personal_number_masked,
                               given_name, family_name, birth_date, municipality_code, citizenship, registry_checked_at)
     SELECT $1, 'DK', '\\x00'::bytea, 'hash-' || $3 || '-' || g, '010190-xxxx', 'Test', 'Person ' || g, DATE '1990-01-01', '0101', 'DK', now()
       FROM generate_series(1, $2) g RETURNING id`,
    [tenantId, n, randomUUID()],
  );
  return rows.map((r) => r.id);
}

/** An election with one work location, task type and team; task slots held by the given participants. */
async function insertSlots(tenantId: string, holders: string[]): Promise<{ team: string }> {
  const [type] = await q<{ id: string }>("INSERT INTO election_types (tenant_id, name) VALUES ($1, 'Folketingsvalg') RETURNING id", [tenantId]);
  const [election] = await q<{ id: string }>("INSERT INTO elections (tenant_id, title, election_type_id, election_day) VALUES ($1, 'Valget', $2, DATE '2030-06-01') RETURNING id", [tenantId, type!.id]);
  const [area] = await q<{ id: string }>("INSERT INTO election_areas (tenant_id, name) VALUES ($1, 'Nord') RETURNING id", [tenantId]);
  const [location] = await q<{ id: string }>("INSERT INTO work_locations (tenant_id, area_id, name) VALUES ($1, $2, 'Skolen') RETURNING id", [tenantId, area!.id]);
  const [taskType] = await q<{ id: string }>("INSERT INTO task_types (tenant_id, title, short_name, start_time, end_time) VALUES ($1, 'Valgstyrer', 'VS', '07:00', '20:00') RETURNING id", [tenantId]);
  const [team] = await q<{ id: string }>("INSERT INTO teams (tenant_id, name, short_name) VALUES ($1, 'Hold A', 'A') RETURNING id", [tenantId]);
  await ownerDb().query(
    `INSERT INTO task_slots (tenant_id, election_id, work_location_id, task_type_id, team_id, task_date, participant_id, state)
     SELECT $1, $2, $3, $4, $5, DATE '2030-06-01', p, 'accepted' FROM unnest($6::uuid[]) p`,
    { bind: [tenantId, election!.id, location!.id, taskType!.id, team!.id, holders] },
  );
  await ownerDb().query('INSERT INTO team_members (tenant_id, team_id, participant_id) SELECT $1, $2, p FROM unnest($3::uuid[]) p', { bind: [tenantId, team!.id, holders] });
  await ownerDb().query("INSERT INTO participant_comments (tenant_id, participant_id, author_name, body) SELECT $1, p, 'Admin', 'Ringede' FROM unnest($2::uuid[]) p", { bind: [tenantId, holders] });
  return { team: team!.id };
}

const call = (method: string, path: string, opts: Parameters<typeof request>[4] = {}, session = admin, host = dk.adminHost) =>
  request(platform.port, host, method, path, { ...opts, headers: { ...session.headers, ...opts.headers } });

const auditCount = (tenantId: string) => countOf('SELECT count(*) AS n FROM audit_log WHERE tenant_id = $1', [tenantId]);
const deletionsOf = (tenantId: string) => countOf('SELECT count(*) AS n FROM participant_deletions WHERE tenant_id = $1', [tenantId]);

async function waitUntilFinished(id: string, session = admin, host = dk.adminHost): Promise<{ seen: ElectionParticipantDeletion[]; last: ElectionParticipantDeletion }> {
  const seen: ElectionParticipantDeletion[] = [];
  const deadline = Date.now() + 60_000;
  for (;;) {
    const res = await call('GET', `${PATH}/${id}`, {}, session, host);
    expect(res.status).toBe(200);
    const body = res.json<ElectionParticipantDeletion>();
    seen.push(body);
    if (body.status !== 'running') return { seen, last: body };
    if (Date.now() > deadline) throw new Error(`the deletion is still running: ${JSON.stringify(body)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  [dk, se] = await Promise.all([createTestTenant({ country: 'DK' }), createTestTenant({ country: 'SE' })]);
  platform = await startTestPlatform([dk.id, se.id]);
  [admin, adminSe, operator] = await Promise.all([
    startEmployeeSession(platform.identity, dk.id, ['administrator']),
    startEmployeeSession(platform.identity, se.id, ['administrator']),
    startEmployeeSession(platform.identity, dk.id, ['operator']),
  ]);
});

afterAll(async () => {
  await platform?.stop();
});

describe('refusals write nothing', () => {
  let ids: string[];
  beforeAll(async () => {
    ids = await insertParticipants(dk.id, 3);
  });

  it.each([['DELETE'], ['RADERA'], ['SLET!'], ['']])('refuses the confirmation %j at a Danish tenant (its word is SLET)', async (confirmation) => {
    const [audits, deletions] = [await auditCount(dk.id), await deletionsOf(dk.id)];
    const res = await call('POST', PATH, { json: { participantIds: ids, confirmation } });
    expect(res.status).toBe(400);
    if (confirmation !== '') expect(res.json<Problem>().errors?.map((e) => [e.field, e.code])).toEqual([['/confirmation', 'election.confirmationWord']]);
    expect([await auditCount(dk.id), await deletionsOf(dk.id)]).toEqual([audits, deletions]);
    expect(await countOf('SELECT count(*) AS n FROM participants WHERE id = ANY($1::uuid[])', [ids])).toBe(3);
  });

  it('refuses the whole request when one id is another tenant’s participant (unknown here), naming /participantIds', async () => {
    const [foreign] = await insertParticipants(se.id, 1);
    const [audits, deletions] = [await auditCount(dk.id), await deletionsOf(dk.id)];
    const res = await call('POST', PATH, { json: { participantIds: [...ids, foreign], confirmation: 'SLET' } });
    expect(res.status).toBe(400);
    const problem = res.json<Problem>();
    expect(problem.errors?.map((e) => [e.field, e.code])).toEqual([['/participantIds', 'election.unknownParticipants']]);
    expect(JSON.stringify(problem)).not.toContain(foreign!);
    expect([await auditCount(dk.id), await deletionsOf(dk.id)]).toEqual([audits, deletions]);
    expect(await countOf('SELECT count(*) AS n FROM participants WHERE id = ANY($1::uuid[])', [[...ids, foreign]])).toBe(4);
  });

  it('refuses an id that is no participant at all, and ids that are not uuids', async () => {
    expect((await call('POST', PATH, { json: { participantIds: [randomUUID()], confirmation: 'slet' } })).status).toBe(400);
    const res = await call('POST', PATH, { json: { participantIds: ['Lauritz Jensen'], confirmation: 'slet' } });
    expect(res.status).toBe(400);
    expect(res.json<Problem>().errors?.[0]?.field).toMatch(/^\/participantIds/);
    expect((await call('POST', PATH, { json: { participantIds: [], confirmation: 'slet' } })).status).toBe(400);
  });

  it('takes a selection of 100,000 ids in one request (a body above the API’s usual limit), and still checks each', async () => {
    const many = [...ids, ...Array.from({ length: 100_000 - ids.length }, () => randomUUID())];
    const res = await call('POST', PATH, { json: { participantIds: many, confirmation: 'SLET' } });
    expect(res.status).toBe(400);
    expect(res.json<Problem>().errors?.map((e) => [e.field, e.code, e.params])).toEqual([['/participantIds', 'election.unknownParticipants', { count: 100_000 - ids.length }]]);
    expect((await call('POST', PATH, { json: { participantIds: [...many, randomUUID()], confirmation: 'SLET' } })).status).toBe(400);
    expect(await deletionsOf(dk.id)).toBe(0);
  });

  it('is for administrators on the admin site only', async () => {
    expect((await call('POST', PATH, { json: { participantIds: ids, confirmation: 'SLET' } }, operator)).status).toBe(403);
    expect((await request(platform.port, dk.publicHost, 'POST', PATH, { json: { participantIds: ids, confirmation: 'SLET' }, headers: admin.headers })).status).toBe(404);
    expect(await deletionsOf(dk.id)).toBe(0);
  });
});

describe('a bulk deletion of 250 participants', () => {
  let doomed: string[];
  let kept: string[];
  let deletionId: string;
  let finished: ElectionParticipantDeletion;
  let seen: ElectionParticipantDeletion[];

  beforeAll(async () => {
    const all = await insertParticipants(dk.id, 260);
    doomed = all.slice(0, 250);
    kept = all.slice(250);
    // Slots, memberships and comments for 20 of the doomed and 5 of the kept.
    await insertSlots(dk.id, [...doomed.slice(0, 20), ...kept.slice(0, 5)]);

    // The confirmation word in any case; an id given twice counts once.
    const res = await call('POST', PATH, { json: { participantIds: [...doomed, doomed[0]], confirmation: 'sLeT' } });
    expect(res.status).toBe(201);
    const started = res.json<{ id: string; total: number }>();
    expect(started.total).toBe(250);
    deletionId = started.id;
    ({ seen, last: finished } = await waitUntilFinished(deletionId));
  });

  it('reports progress until every participant is deleted, then done', () => {
    expect(finished).toMatchObject({ id: deletionId, total: 250, deleted: 250, status: 'done' });
    expect(finished.finishedAt).not.toBeNull();
    expect(Date.parse(finished.finishedAt!)).toBeGreaterThanOrEqual(Date.parse(finished.requestedAt));
    // The counter only grows, and never past the total.
    const counts = seen.map((s) => s.deleted);
    expect([...counts].sort((x, y) => x - y)).toEqual(counts);
    expect(counts.every((c) => c <= 250)).toBe(true);
  });

  it('deleted the selected participants and no others, with their memberships and comments', async () => {
    expect(await countOf('SELECT count(*) AS n FROM participants WHERE id = ANY($1::uuid[])', [doomed])).toBe(0);
    expect(await countOf('SELECT count(*) AS n FROM participants WHERE id = ANY($1::uuid[])', [kept])).toBe(10);
    expect(await countOf('SELECT count(*) AS n FROM team_members WHERE participant_id = ANY($1::uuid[])', [doomed])).toBe(0);
    expect(await countOf('SELECT count(*) AS n FROM participant_comments WHERE participant_id = ANY($1::uuid[])', [doomed])).toBe(0);
    expect(await countOf('SELECT count(*) AS n FROM team_members WHERE participant_id = ANY($1::uuid[])', [kept])).toBe(5);
  });

  it('made the deleted participants’ task slots vacant and left the others’ alone', async () => {
    const slots = await q<{ state: string; participant_id: string | null }>('SELECT state, participant_id FROM task_slots WHERE tenant_id = $1', [dk.id]);
    expect(slots).toHaveLength(25);
    expect(slots.filter((s) => s.state === 'vacant' && s.participant_id === null)).toHaveLength(20);
    expect(slots.filter((s) => s.state === 'accepted').map((s) => s.participant_id).sort()).toEqual(kept.slice(0, 5).sort());
  });

  it('audited each person once, by id only, beside the deletion’s start and end', async () => {
    const rows = await q<{ entity_type: string; entity_id: string; summary: Record<string, unknown>; actor_type: string }>(
      "SELECT entity_type, entity_id, summary, actor_type FROM audit_log WHERE tenant_id = $1 AND action = 'election.participantDeleted'",
      [dk.id],
    );
    expect(rows).toHaveLength(250);
    expect(rows.map((r) => r.entity_id).sort()).toEqual([...doomed].sort());
    for (const r of rows) {
      expect(r.entity_type).toBe('electionParticipant');
      expect(r.summary).toEqual({ participantId: r.entity_id, deletionId });
      expect(r.actor_type).toBe('system');
    }
    const [startedRow] = await q<{ summary: unknown; actor_id: string }>("SELECT summary, actor_id FROM audit_log WHERE tenant_id = $1 AND action = 'election.participantsBulkDeletionStarted'", [dk.id]);
    expect(startedRow).toEqual({ summary: { deletionId, total: 250 }, actor_id: admin.userId });
    const [finishedRow] = await q<{ summary: unknown }>("SELECT summary FROM audit_log WHERE tenant_id = $1 AND action = 'election.participantsBulkDeletionFinished'", [dk.id]);
    expect(finishedRow).toEqual({ summary: { deletionId, status: 'done', total: 250, deleted: 250 } });
    const [record] = await q<{ requested_by: string }>('SELECT requested_by FROM participant_deletions WHERE id = $1', [deletionId]);
    expect(record!.requested_by).toBe(admin.userId);
  });

  it('ran as a workflow whose id, input and search attributes hold ids and fixed words only', async () => {
    const handle = platform.client.workflow.getHandle(`tenant/${dk.id}/election-bulk-deletion/${deletionId}`);
    const described = await handle.describe();
    expect(described.status.name).toBe('COMPLETED');
    expect(described.type).toBe('electionParticipantBulkDeletion');
    const attributes = described.typedSearchAttributes;
    expect([attributes.get(TenantIdKey), attributes.get(ModuleKey), attributes.get(FlowStatusKey)]).toEqual([dk.id, 'election', 'done']);
    expect(await handle.result()).toEqual({ total: 250, deleted: 250, done: true });
  });

  it('is not another tenant’s to see, nor the public site’s', async () => {
    expect((await call('GET', `${PATH}/${deletionId}`, {}, adminSe, se.adminHost)).status).toBe(404);
    expect((await request(platform.port, dk.publicHost, 'GET', `${PATH}/${deletionId}`, { headers: admin.headers })).status).toBe(404);
    expect((await call('GET', `${PATH}/${randomUUID()}`)).status).toBe(404);
    expect((await call('GET', `${PATH}/not-an-id`)).status).toBe(404);
  });

  it('refuses to delete the same participants again: they are unknown now', async () => {
    const res = await call('POST', PATH, { json: { participantIds: doomed.slice(0, 2), confirmation: 'SLET' } });
    expect(res.status).toBe(400);
    expect(res.json<Problem>().errors?.map((e) => e.code)).toEqual(['election.unknownParticipants']);
  });
});

describe('a deletion whose workflow start was lost', () => {
  it('is started by the resumer, and a second resume changes nothing', async () => {
    const ids = await insertParticipants(se.id, 30);
    // Recorded as the route would, but without the start that follows the commit (a crash in between).
    const { id, total } = await requestParticipantDeletion({ db: platform.db }, { tenantId: se.id, actor: testAdministrator(se.id) }, { participantIds: ids, confirmation: 'radera' });
    expect(total).toBe(30);
    await new Promise((r) => setTimeout(r, 300));
    expect((await call('GET', `${PATH}/${id}`, {}, adminSe, se.adminHost)).json<ElectionParticipantDeletion>()).toMatchObject({ status: 'running', deleted: 0 });

    const temporal = { client: platform.client, taskQueue: platform.worker!.options.taskQueue };
    // Not yet: a deletion is left to its own start for a minute.
    expect(await resumeParticipantDeletions({ db: platform.db, temporal }, { tenantIds: [se.id] })).toBe(0);
    expect(await resumeParticipantDeletions({ db: platform.db, temporal }, { tenantIds: [se.id], minAgeSeconds: 0 })).toBe(1);
    const { last } = await waitUntilFinished(id, adminSe, se.adminHost);
    expect(last).toMatchObject({ total: 30, deleted: 30, status: 'done' });
    expect(await countOf('SELECT count(*) AS n FROM participants WHERE id = ANY($1::uuid[])', [ids])).toBe(0);

    // Done deletions are not resumed; the audit has each person once.
    expect(await resumeParticipantDeletions({ db: platform.db, temporal }, { tenantIds: [se.id], minAgeSeconds: 0 })).toBe(0);
    expect(await countOf("SELECT count(*) AS n FROM audit_log WHERE tenant_id = $1 AND action = 'election.participantDeleted'", [se.id])).toBe(30);
  });

  it('a Swedish tenant takes RADERA, not SLET', async () => {
    const ids = await insertParticipants(se.id, 1);
    const res = await call('POST', PATH, { json: { participantIds: ids, confirmation: 'SLET' } }, adminSe, se.adminHost);
    expect(res.status).toBe(400);
    expect(res.json<Problem>().errors?.map((e) => e.params)).toEqual([{ word: 'RADERA' }]);
  });
});
