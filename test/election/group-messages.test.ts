// Group messages (election staffing), over HTTP against a running platform with PostgreSQL and Temporal: the
// filter picks exactly the participants holding a matching task slot (team, work location, task type, date,
// status), the preview counts them and renders a few with their own merge fields, refusals name the field and
// write nothing; the send fixes the recipients and its workflow reaches the e-mail outbox once per person, the
// progress read from the record until done. A worker stopped in the middle of a send and a platform started again
// on the same task queue finish it without sending anyone the message twice; so does a batch that crashed after
// its sends and before its marks (the idempotency key group/<message>/<participant>).
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { simpleParser } from 'mailparser';
import { QueryTypes } from 'sequelize';
import type { Problem } from '../../schemas/types/api-problem';
import type { ElectionGroupMessage } from '../../schemas/types/election-group-message';
import type { ElectionGroupMessageList } from '../../schemas/types/election-group-message-list';
import type { ElectionGroupMessagePreview } from '../../schemas/types/election-group-message-preview';
import { groupIdempotencyKey } from '../../engine/modules/election/group-messages/run';
import { sendParticipantMessage } from '../../engine/modules/election/group-messages/participant-messaging';
import { requestGroupMessageSend } from '../../engine/modules/election/group-messages/commands';
import { resumeGroupMessages } from '../../engine/modules/election/group-messages/workflow-start';
import { createTestTenant, ownerDb, suiteDatabase, type TestTenant } from '../helpers/factories';
import { request } from '../helpers/http';
import { startTestPlatform } from '../helpers/platform';
import { startEmployeeSession, testAdministrator, type TestSession } from '../helpers/sessions';

suiteDatabase();
type TestPlatform = Awaited<ReturnType<typeof startTestPlatform>>;
let platform: TestPlatform;
let dk: TestTenant;
let se: TestTenant;
let admin: TestSession;
let operator: TestSession;
const TASK_QUEUE = `group-messages-${randomUUID().slice(0, 8)}`;
const PATH = '/api/election/group-messages';

const q = <T extends object>(sql: string, bind: unknown[] = []) => ownerDb().query<T>(sql, { bind, type: QueryTypes.SELECT });
const one = async <T extends object>(sql: string, bind: unknown[] = []): Promise<T> => (await q<T>(sql, bind))[0]!;
const countOf = async (sql: string, bind: unknown[]) => Number((await q<{ n: string }>(sql, bind))[0]!.n);

const call = (method: string, path: string, opts: Parameters<typeof request>[4] = {}, session = admin, host = dk.adminHost, p = platform) =>
  request(p.port, host, method, path, { ...opts, headers: { ...session.headers, ...opts.headers } });

interface Fixture {
  electionId: string;
  otherElectionId: string;
  teams: [string, string];
  locations: [string, string];
  taskTypes: [string, string];
}

async function fixture(tenantId: string): Promise<Fixture> {
  const type = await one<{ id: string }>("INSERT INTO election_types (tenant_id, name) VALUES ($1, 'Folketingsvalg') RETURNING id", [tenantId]);
  const elections = await q<{ id: string }>(
    "INSERT INTO elections (tenant_id, title, election_type_id, election_day, first_task_date, last_task_date) VALUES ($1, 'Folketingsvalg 2030', $2, DATE '2030-06-02', DATE '2030-06-01', DATE '2030-06-02'), ($1, 'Regionsrådsvalg 2030', $2, DATE '2030-11-18', DATE '2030-11-18', DATE '2030-11-18') RETURNING id",
    [tenantId, type.id],
  );
  const area = await one<{ id: string }>("INSERT INTO election_areas (tenant_id, name) VALUES ($1, 'Nord') RETURNING id", [tenantId]);
  const locations = await q<{ id: string }>("INSERT INTO work_locations (tenant_id, area_id, name, address) VALUES ($1, $2, 'Skolen', 'Skolevej 1'), ($1, $2, 'Hallen', 'Halvej 2') RETURNING id", [tenantId, area.id]);
  const types = await q<{ id: string }>("INSERT INTO task_types (tenant_id, title, short_name, start_time, end_time) VALUES ($1, 'Valgstyrer', 'VS', '07:00', '20:00'), ($1, 'Tilforordnet', 'TF', '08:00', '20:00') RETURNING id", [tenantId]);
  const teams = await q<{ id: string }>("INSERT INTO teams (tenant_id, name, short_name) VALUES ($1, 'Borgerservice', 'BS'), ($1, 'Frivillige', 'FR') RETURNING id", [tenantId]);
  return {
    electionId: elections[0]!.id,
    otherElectionId: elections[1]!.id,
    teams: [teams[0]!.id, teams[1]!.id],
    locations: [locations[0]!.id, locations[1]!.id],
    taskTypes: [types[0]!.id, types[1]!.id],
  };
}

/** `n` participants, each with an e-mail address of their own (the outbox is counted by address). */
async function participants(tenantId: string, n: number, tag: string): Promise<string[]> {
  const rows = await q<{ id: string }>(
    `INSERT INTO participants (tenant_id, personal_number_country, personal_number_sealed, personal_number_hash, personal_number_masked,
                               given_name, family_name, birth_date, municipality_code, citizenship, registry_checked_at, email)
     SELECT $1, 'DK', '\\x00'::bytea, 'hash-' || $3 || '-' || g, '010190-xxxx', 'Deltager', $4 || ' ' || g, DATE '1990-01-01', '0101', 'DK', now(), lower($4) || '-' || g || '@example.test'
       FROM generate_series(1, $2) g ORDER BY g RETURNING id`,
    [tenantId, n, randomUUID(), tag],
  );
  return rows.map((r) => r.id);
}

async function holdSlots(tenantId: string, electionId: string, holders: string[], slot: { team: string; location: string; taskType: string; date: string; state: 'invited' | 'accepted' | 'rejected' }): Promise<void> {
  await ownerDb().query(
    `INSERT INTO task_slots (tenant_id, election_id, work_location_id, task_type_id, team_id, task_date, participant_id, state)
     SELECT $1, $2, $3, $4, $5, $6::date, p, $7 FROM unnest($8::uuid[]) p`,
    { bind: [tenantId, electionId, slot.location, slot.taskType, slot.team, slot.date, slot.state, holders] },
  );
}

/** Every e-mail in the given outbox folders, as its address and subject. */
async function mails(dirs: string[]): Promise<{ to: string; subject: string }[]> {
  const out: { to: string; subject: string }[] = [];
  for (const dir of dirs) {
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.eml'))) {
      const mail = await simpleParser(readFileSync(`${dir}/${file}`));
      const to = Array.isArray(mail.to) ? mail.to[0]?.value[0]?.address : mail.to?.value[0]?.address;
      out.push({ to: to ?? '', subject: mail.subject ?? '' });
    }
  }
  return out;
}

async function waitUntilFinished(id: string, p = platform, timeoutMs = 120_000): Promise<{ seen: ElectionGroupMessage[]; last: ElectionGroupMessage }> {
  const seen: ElectionGroupMessage[] = [];
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await call('GET', `${PATH}/${id}`, {}, admin, dk.adminHost, p);
    expect(res.status).toBe(200);
    const body = res.json<ElectionGroupMessage>();
    seen.push(body);
    if (body.status !== 'sending') return { seen, last: body };
    if (Date.now() > deadline) throw new Error(`the group message is still sending: ${JSON.stringify(body)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

let f: Fixture;
// Who holds what (election 1 unless said):
let teamA: string[]; // team 0, Skolen, Valgstyrer, 2030-06-02, accepted
let teamB: string[]; // team 1, Hallen, Tilforordnet, 2030-06-01, accepted
let invited: string[]; // team 0, Hallen, Valgstyrer, 2030-06-02, invited
let rejected: string[]; // team 0, Skolen, Valgstyrer, rejected: never a recipient
let otherElection: string[]; // election 2 only
let noTask: string[];

beforeAll(async () => {
  [dk, se] = await Promise.all([createTestTenant({ country: 'DK' }), createTestTenant({ country: 'SE' })]);
  platform = await startTestPlatform([dk.id, se.id], { TEMPORAL_TASK_QUEUE: TASK_QUEUE });
  [admin, operator] = await Promise.all([startEmployeeSession(platform.identity, dk.id, ['administrator']), startEmployeeSession(platform.identity, dk.id, ['operator'])]);
  f = await fixture(dk.id);
  [teamA, teamB, invited, rejected, otherElection, noTask] = [
    await participants(dk.id, 4, 'Alfa'),
    await participants(dk.id, 3, 'Bravo'),
    await participants(dk.id, 2, 'Charlie'),
    await participants(dk.id, 2, 'Delta'),
    await participants(dk.id, 2, 'Echo'),
    await participants(dk.id, 1, 'Foxtrot'),
  ];
  await holdSlots(dk.id, f.electionId, teamA, { team: f.teams[0], location: f.locations[0], taskType: f.taskTypes[0], date: '2030-06-02', state: 'accepted' });
  // One of team A also holds a second task (the day before): still one recipient, one message.
  await holdSlots(dk.id, f.electionId, [teamA[0]!], { team: f.teams[1], location: f.locations[1], taskType: f.taskTypes[1], date: '2030-06-01', state: 'accepted' });
  await holdSlots(dk.id, f.electionId, teamB, { team: f.teams[1], location: f.locations[1], taskType: f.taskTypes[1], date: '2030-06-01', state: 'accepted' });
  await holdSlots(dk.id, f.electionId, invited, { team: f.teams[0], location: f.locations[1], taskType: f.taskTypes[0], date: '2030-06-02', state: 'invited' });
  await holdSlots(dk.id, f.electionId, rejected, { team: f.teams[0], location: f.locations[0], taskType: f.taskTypes[0], date: '2030-06-02', state: 'rejected' });
  await holdSlots(dk.id, f.otherElectionId, otherElection, { team: f.teams[0], location: f.locations[0], taskType: f.taskTypes[0], date: '2030-11-18', state: 'accepted' });
  void noTask;
});

afterAll(async () => {
  await platform?.stop();
});

const FREE = { subject: 'Husk {{election}}', body: 'Kære {{name}}, vi ses på {{workLocation}} ({{workLocationAddress}}).', sms: 'Hej {{name}}, vi ses på {{workLocation}}.' };

async function draft(filter: Record<string, unknown>, extra: Record<string, unknown> = {}): Promise<string> {
  const res = await call('POST', PATH, { json: { electionId: f.electionId, channels: ['email'], free: FREE, filter, ...extra } });
  expect(res.status).toBe(201);
  const body = res.json<ElectionGroupMessage>();
  expect(body).toMatchObject({ status: 'draft', total: 0, sent: 0, failed: 0, freeText: true, templateEvent: null, electionTitle: 'Folketingsvalg 2030' });
  return body.id;
}

const previewOf = async (id: string) => {
  const res = await call('GET', `${PATH}/${id}/preview`);
  expect(res.status).toBe(200);
  return res.json<ElectionGroupMessagePreview>();
};

describe('the filter and the preview', () => {
  it.each([
    ['everyone holding a task of the election (invited or accepted)', {}, () => [...teamA, ...teamB, ...invited]],
    ['a team', () => ({ teamIds: [f.teams[1]] }), () => [teamA[0]!, ...teamB]],
    ['a work location', () => ({ workLocationIds: [f.locations[0]] }), () => teamA],
    ['a task type', () => ({ taskTypeIds: [f.taskTypes[0]] }), () => [...teamA, ...invited]],
    ['a date', () => ({ dates: ['2030-06-01'] }), () => [teamA[0]!, ...teamB]],
    ['the accepted', () => ({ statuses: ['accepted'] }), () => [...teamA, ...teamB]],
    ['the invited', () => ({ statuses: ['invited'] }), () => invited],
    ['parts together (all must match)', () => ({ teamIds: [f.teams[0]], taskTypeIds: [f.taskTypes[0]], statuses: ['accepted'] }), () => teamA],
  ])('picks %s', async (_label, filterOf, expected) => {
    const filter = typeof filterOf === 'function' ? filterOf() : filterOf;
    const id = await draft(filter);
    const preview = await previewOf(id);
    const want = expected();
    expect(preview.count).toBe(want.length);
    expect(preview.samples.length).toBe(Math.min(3, want.length));
    for (const s of preview.samples) expect(want).toContain(s.participantId);
  });

  it('renders the samples with each participant’s own merge fields, and counts SMS segments when SMS is a channel', async () => {
    const res = await call('POST', PATH, { json: { electionId: f.electionId, channels: ['sms', 'email'], free: FREE, filter: { workLocationIds: [f.locations[0]] } } });
    expect(res.status).toBe(201);
    const preview = await previewOf(res.json<ElectionGroupMessage>().id);
    expect(preview.count).toBe(4);
    const names = await q<{ id: string; family_name: string }>('SELECT id, family_name FROM participants WHERE id = ANY($1::uuid[])', [teamA]);
    for (const s of preview.samples) {
      const name = names.find((n) => n.id === s.participantId)!.family_name;
      expect(s.subject).toBe('Husk Folketingsvalg 2030');
      expect(s.body).toBe(`Kære Deltager ${name}, vi ses på Skolen (Skolevej 1).`);
      expect(s.sms).toBe(`Hej Deltager ${name}, vi ses på Skolen.`);
      expect(s.smsSegments).toBe(1);
      expect(s.skipped).toBe(false);
    }
  });

  it('a template event without a template for the election: the samples say skipped', async () => {
    const res = await call('POST', PATH, { json: { electionId: f.electionId, channels: ['email'], templateEvent: 'taskReminder', filter: { statuses: ['invited'] } } });
    expect(res.status).toBe(201);
    expect(res.json<ElectionGroupMessage>()).toMatchObject({ freeText: false, templateEvent: 'taskReminder' });
    const preview = await previewOf(res.json<ElectionGroupMessage>().id);
    expect(preview.count).toBe(2);
    expect(preview.samples.map((s) => s.skipped)).toEqual([true, true]);
  });

  it('keeps the free text sealed in the row', async () => {
    const id = await draft({});
    const row = await one<{ free_text_sealed: Buffer; filter: unknown }>('SELECT free_text_sealed, filter FROM group_messages WHERE id = $1', [id]);
    expect(row.free_text_sealed.toString('latin1')).not.toContain('Kære');
    expect(row.filter).toEqual({});
  });
});

describe('refusals name the field and write nothing', () => {
  const rows = () => countOf('SELECT count(*) AS n FROM group_messages WHERE tenant_id = $1', [dk.id]);

  it.each([
    ['both a template and free text', () => ({ electionId: f.electionId, channels: ['email'], free: FREE, templateEvent: 'invitation', filter: {} }), '/templateEvent', 'election.groupMessageContent'],
    ['neither', () => ({ electionId: f.electionId, channels: ['email'], filter: {} }), '/free', 'election.groupMessageContent'],
    ['another tenant’s or no election', () => ({ electionId: randomUUID(), channels: ['email'], free: FREE, filter: {} }), '/electionId', 'election.unknownId'],
    ['an unknown team', () => ({ electionId: f.electionId, channels: ['email'], free: FREE, filter: { teamIds: [f.teams[0], randomUUID()] } }), '/filter/teamIds/1', 'election.unknownId'],
    ['an unknown work location', () => ({ electionId: f.electionId, channels: ['email'], free: FREE, filter: { workLocationIds: [randomUUID()] } }), '/filter/workLocationIds/0', 'election.unknownId'],
  ])('refuses %s', async (_label, body, field, code) => {
    const before = await rows();
    const res = await call('POST', PATH, { json: body() });
    expect(res.status).toBe(400);
    expect(res.json<Problem>().errors?.map((e) => [e.field, e.code])).toEqual([[field, code]]);
    expect(await rows()).toBe(before);
  });

  it('refuses a schema violation (no channel, an unknown status, a subject too long) naming the field', async () => {
    const before = await rows();
    for (const [body, field] of [
      [{ electionId: f.electionId, channels: [], free: FREE, filter: {} }, '/channels'],
      [{ electionId: f.electionId, channels: ['email'], free: FREE, filter: { statuses: ['rejected'] } }, '/filter/statuses/0'],
      [{ electionId: f.electionId, channels: ['email'], free: { ...FREE, subject: 'x'.repeat(201) }, filter: {} }, '/free/subject'],
    ] as const) {
      const res = await call('POST', PATH, { json: body });
      expect(res.status).toBe(400);
      expect(res.json<Problem>().errors?.map((e) => e.field)).toContain(field);
    }
    expect(await rows()).toBe(before);
  });

  it('refuses to send when the filter picks nobody (409), and keeps the draft a draft', async () => {
    const id = await draft({ dates: ['2030-06-05'] });
    const res = await call('POST', `${PATH}/${id}/send`);
    expect(res.status).toBe(409);
    expect(res.json<Problem>().errors?.map((e) => e.code)).toEqual(['election.groupMessageNoRecipients']);
    expect(await one<{ status: string }>('SELECT status FROM group_messages WHERE id = $1', [id])).toEqual({ status: 'draft' });
  });

  it('is for administrators on the admin site only; another tenant’s message is not there', async () => {
    const id = await draft({});
    expect((await call('GET', `${PATH}/${id}/preview`, {}, operator)).status).toBe(403);
    expect((await call('POST', `${PATH}/${id}/send`, {}, operator)).status).toBe(403);
    expect((await request(platform.port, dk.publicHost, 'GET', PATH, { headers: admin.headers })).status).toBe(404);
    const seAdmin = await startEmployeeSession(platform.identity, se.id, ['administrator']);
    expect((await call('GET', `${PATH}/${id}`, {}, seAdmin, se.adminHost)).status).toBe(404);
    expect((await call('POST', `${PATH}/${id}/send`, {}, seAdmin, se.adminHost)).status).toBe(404);
  });
});

describe('sending', () => {
  it('reaches the e-mail outbox once per person, with progress up to done, and only once however often it is sent', async () => {
    const id = await draft({});
    // The draft may change until it is sent.
    const put = await call('PUT', `${PATH}/${id}`, { json: { electionId: f.electionId, channels: ['email'], free: { ...FREE, subject: 'Mødetid {{election}}' }, filter: {} } });
    expect(put.status).toBe(200);
    const res = await call('POST', `${PATH}/${id}/send`);
    expect(res.status).toBe(202);
    expect(res.json()).toEqual({ id, total: 9 });
    // A second send is refused, the draft cannot change any more.
    expect((await call('POST', `${PATH}/${id}/send`)).status).toBe(409);
    expect((await call('PUT', `${PATH}/${id}`, { json: { electionId: f.electionId, channels: ['email'], free: FREE, filter: {} } })).status).toBe(409);

    const { last } = await waitUntilFinished(id);
    expect(last).toMatchObject({ status: 'done', total: 9, sent: 9, failed: 0 });
    const sent = (await mails([platform.outbox!.dir])).filter((m) => m.subject === 'Mødetid Folketingsvalg 2030');
    const expected = (await q<{ email: string }>('SELECT email FROM participants WHERE id = ANY($1::uuid[])', [[...teamA, ...teamB, ...invited]])).map((r) => r.email).sort();
    expect(sent.map((m) => m.to).sort()).toEqual(expected);

    // Each recipient's row is marked, and the communication log has one row per person under the group's key.
    const recipients = await q<{ status: string }>('SELECT status FROM group_message_recipients WHERE group_message_id = $1', [id]);
    expect(recipients.map((r) => r.status)).toEqual(Array(9).fill('sent'));
    expect(await countOf("SELECT count(*) AS n FROM communication_log WHERE tenant_id = $1 AND idempotency_key LIKE $2", [dk.id, `group/${id}/%`])).toBe(9);

    // Listed among the sent, audited by ids and counts only.
    const list = (await call('GET', PATH)).json<ElectionGroupMessageList>();
    expect(list.groupMessages.map((g) => g.id)).toContain(id);
    expect(list.groupMessages.every((g) => g.status !== 'draft')).toBe(true);
    const audits = await q<{ action: string; summary: object }>("SELECT action, summary FROM audit_log WHERE tenant_id = $1 AND entity_id = $2 ORDER BY id", [dk.id, id]);
    expect(audits.map((a) => a.action)).toEqual(['election.groupMessageDrafted', 'election.groupMessageDrafted', 'election.groupMessageSent', 'election.groupMessageFinished']);
    expect(JSON.stringify(audits)).not.toMatch(/Deltager|example\.test|Mødetid/);
  });

  it('a batch that crashed after its sends and before its marks sends nobody twice', async () => {
    const id = await draft({ statuses: ['accepted'] });
    // Recipients fixed, the workflow not started (as if the start were lost).
    const { total } = await requestGroupMessageSend({ db: platform.db }, { tenantId: dk.id, actor: testAdministrator(dk.id) }, id);
    expect(total).toBe(7);
    const recipients = await q<{ participant_id: string; slot_id: string }>('SELECT participant_id, slot_id FROM group_message_recipients WHERE group_message_id = $1 ORDER BY participant_id LIMIT 3', [id]);
    for (const r of recipients) {
      const result = await sendParticipantMessage(
        { db: platform.db, keyring: platform.identity.keyring, channels: platform.channels },
        { tenantId: dk.id, participantId: r.participant_id, electionId: f.electionId, slotId: r.slot_id, free: { subject: 'Genstart {{election}}', body: 'x' }, channels: ['email'], idempotencyKey: groupIdempotencyKey(id, r.participant_id) },
      );
      expect(result).toMatchObject({ status: 'sent' });
    }
    // The resumer starts it (age 0: at once).
    expect(await resumeGroupMessages({ db: platform.db, temporal: { client: platform.client, taskQueue: platform.worker!.options.taskQueue } }, { tenantIds: [dk.id], minAgeSeconds: 0 })).toBeGreaterThanOrEqual(1);
    const { last } = await waitUntilFinished(id);
    expect(last).toMatchObject({ status: 'done', total: 7, sent: 7 });
    const all = (await mails([platform.outbox!.dir])).filter((m) => m.subject === 'Genstart Folketingsvalg 2030' || m.subject === 'Husk Folketingsvalg 2030');
    const byAddress = new Map<string, number>();
    for (const m of all) byAddress.set(m.to, (byAddress.get(m.to) ?? 0) + 1);
    expect([...byAddress.values()].every((n) => n === 1)).toBe(true);
    expect(byAddress.size).toBe(7);
  });
});

describe('a worker stopped in the middle of a send', () => {
  it('finishes after a restart on the same task queue, nobody messaged twice', async () => {
    const many = await participants(dk.id, 400, 'Golf');
    await holdSlots(dk.id, f.electionId, many, { team: f.teams[1], location: f.locations[0], taskType: f.taskTypes[1], date: '2030-06-01', state: 'invited' });
    const res = await call('POST', PATH, { json: { electionId: f.electionId, channels: ['email'], free: { subject: 'Stop og start {{election}}', body: 'Kære {{name}}' }, filter: { workLocationIds: [f.locations[0]], taskTypeIds: [f.taskTypes[1]], statuses: ['invited'] } } });
    const id = res.json<ElectionGroupMessage>().id;
    expect((await call('POST', `${PATH}/${id}/send`)).json()).toEqual({ id, total: 400 });

    // Stop the platform (its worker) as soon as some have gone and not all.
    const deadline = Date.now() + 60_000;
    for (;;) {
      const row = await one<{ sent: number; pending: string }>("SELECT sent, (SELECT count(*) FROM group_message_recipients r WHERE r.group_message_id = g.id AND r.status = 'pending') AS pending FROM group_messages g WHERE id = $1", [id]);
      if (row.sent > 0 || Number(row.pending) < 400) break;
      if (Date.now() > deadline) throw new Error('nothing was sent');
      await new Promise((r) => setTimeout(r, 20));
    }
    const firstDir = platform.outbox!.dir;
    await platform.stop();
    const midway = await one<{ sent: number; status: string }>('SELECT sent, status FROM group_messages WHERE id = $1', [id]);
    expect(midway.status).toBe('sending');
    expect(midway.sent).toBeLessThan(400);

    platform = await startTestPlatform([dk.id, se.id], { TEMPORAL_TASK_QUEUE: TASK_QUEUE });
    admin = await startEmployeeSession(platform.identity, dk.id, ['administrator']);
    const { last } = await waitUntilFinished(id, platform, 180_000);
    expect(last).toMatchObject({ status: 'done', total: 400, sent: 400, failed: 0 });

    const got = (await mails([firstDir, platform.outbox!.dir])).filter((m) => m.subject === 'Stop og start Folketingsvalg 2030');
    const expected = (await q<{ email: string }>('SELECT email FROM participants WHERE id = ANY($1::uuid[])', [many])).map((r) => r.email).sort();
    expect(got.map((m) => m.to).sort()).toEqual(expected);
  }, 300_000);
});
