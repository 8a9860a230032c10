// The participant's own pages on the public site (routes/public-me.ts) on a running platform against the real
// PostgreSQL: an invitation by its link's token — shown without login and without anything about the person,
// accepted only by the invited person logged in with e-ID (and only while eligible), rejected without login, an
// answered, expired and unknown one; my tasks with the task type's files, unregistering (refused inside the
// lock period with the day it ends, and for another person's slot); my profile (read, edit, bad input refused
// naming the field), deleting it (refused after a worked task and inside a lock period, otherwise erasing the
// person and vacating the tasks); my data as JSON and PDF, audited; the admin site does not have these routes.
import { randomBytes } from 'node:crypto';
import { parsePersonalNumber } from '../../forms/formats/personal-number';
import type { Problem } from '../../schemas/types/api-problem';
import type { ElectionPublicMeInvitation } from '../../schemas/types/election-public-me-invitation';
import type { ElectionPublicMeProfile } from '../../schemas/types/election-public-me-profile';
import type { ElectionPublicMeTasks } from '../../schemas/types/election-public-me-tasks';
import { newInvitationToken } from '../../engine/modules/election/commands/assignments/invitation-link';
import { completeLogin } from '../../engine/identity/login';
import { csrfTokenFor } from '../../engine/identity/sessions';
import { cookieName } from '../../engine/http/session-cookie';
import { createTestTenant, suiteDatabase, type TestTenant } from '../helpers/factories';
import { request, type TestResponse } from '../helpers/http';
import { startTestPlatform } from '../helpers/platform';
import { startEmployeeSession } from '../helpers/sessions';
import { electionFixture, insertParticipants, insertSlots, one, q, slotRow, type ElectionFixture } from './assignment-fixtures';

suiteDatabase();
let platform: Awaited<ReturnType<typeof startTestPlatform>>;
let dk: TestTenant;
let se: TestTenant;
let f: ElectionFixture;

type Headers = Record<string, string>;
let pnNext = 0;
/** A fresh valid CPR number per login (born 1980; the serial's first digit 1 keeps the century). */
const nextPn = (n = pnNext++) => `${String(1 + (n % 28)).padStart(2, '0')}${String(1 + (Math.floor(n / 28) % 12)).padStart(2, '0')}801${String(n).padStart(3, '0')}`;

/** A citizen logged in on the public site by the real login code; linked to `participantId` when given. */
async function citizen(tenantId: string, participantId?: string): Promise<Headers> {
  const pn = parsePersonalNumber('DK', nextPn())!;
  const { db, users, sessions, keyring } = platform.identity;
  const started = await db.withTenant(tenantId, (tx) =>
    completeLogin({ db, users, sessions, keyring }, tx, {
      tenantId,
      site: 'public',
      now: new Date(),
      login: { identity: { kind: 'citizen', displayName: 'Test Borger', assurance: 'substantial', personalNumber: pn, roles: [] }, issuer: 'test-idp', nameId: `citizen-${randomBytes(6).toString('hex')}`, relayState: null },
    }),
  );
  if (participantId) await q('UPDATE participants SET user_id = $1 WHERE id = $2', [started.userId, participantId]);
  return { cookie: `${cookieName('public')}=${started.token}`, 'x-csrf-token': csrfTokenFor(started.token) };
}

const call = (method: string, path: string, headers?: Headers, json?: unknown, host = dk.publicHost) =>
  request(platform.port, host, method, path, { ...(headers ? { headers } : {}), ...(json === undefined ? {} : { json }) });
const codesOf = (res: TestResponse) => (res.json<Problem>().errors ?? []).map((e) => e.code);
const auditOf = (res: TestResponse) => q<{ action: string; entity_id: string | null; summary: Record<string, unknown> }>('SELECT action, entity_id, summary FROM audit_log WHERE request_id = $1 ORDER BY seq', [String(res.headers['x-request-id'])]);
const isoDay = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** Puts the participant on the slot as invited, with a fresh link token. */
async function invite(slotId: string, participantId: string): Promise<string> {
  const { token, hash } = newInvitationToken();
  await q("UPDATE task_slots SET participant_id = $2, state = 'invited', invited_at = now(), invitation_token_hash = $3 WHERE id = $1", [slotId, participantId, hash]);
  return token;
}
async function holdAccepted(slotId: string, participantId: string): Promise<void> {
  await q("UPDATE task_slots SET participant_id = $2, state = 'accepted', invited_at = now(), answered_at = now() WHERE id = $1", [slotId, participantId]);
}
/** Another election of the fixture's type on `day` with `lockDays`, the fixture's work locations in it. */
async function electionOn(day: string, lockDays: number): Promise<ElectionFixture> {
  const e = await one<{ id: string }>(
    "INSERT INTO elections (tenant_id, title, election_type_id, election_day, first_task_date, last_task_date, lock_days) SELECT tenant_id, 'Valg ' || $2, election_type_id, $2::date, $2::date, $2::date, $3 FROM elections WHERE id = $1 RETURNING id",
    [f.electionId, day, lockDays],
  );
  await q('INSERT INTO election_work_locations (tenant_id, election_id, work_location_id) SELECT $1, $2, unnest($3::uuid[])', [f.tenantId, e.id, f.workLocations]);
  return { ...f, electionId: e.id };
}

beforeAll(async () => {
  [dk, se] = await Promise.all([createTestTenant({ country: 'DK' }), createTestTenant({ country: 'SE' })]);
  platform = await startTestPlatform([dk.id, se.id]);
  f = await electionFixture(dk.id);
}, 120_000);

afterAll(async () => {
  await platform?.stop();
});

describe('an invitation', () => {
  it('is shown by its token without login, with the task and nothing about the person; accepted by the invited person logged in', async () => {
    const [agnes, other] = await insertParticipants(dk.id, [{ givenName: 'Agnes', familyName: 'Hansen' }, { givenName: 'Bent' }]);
    const [slot] = await insertSlots(f, 1);
    const token = await invite(slot!, agnes!);
    const shown = await call('GET', `/api/election/public/invitations/${token}`);
    expect(shown.status).toBe(200);
    expect(shown.json<ElectionPublicMeInvitation>()).toMatchObject({ status: 'open', date: '2030-06-01', start: '07:00', end: '20:00', taskType: { title: 'Valgstyrer' }, workLocation: { name: 'Skolen' }, team: 'Borgerservice', election: { title: 'Folketingsvalg 2030' } });
    expect(shown.text).not.toMatch(/Agnes|Hansen/);

    expect((await call('POST', `/api/election/public/invitations/${token}/accept`)).status).toBe(401);
    const wrong = await call('POST', `/api/election/public/invitations/${token}/accept`, await citizen(dk.id, other));
    expect([wrong.status, codesOf(wrong)]).toEqual([409, ['election.notYourInvitation']]);
    expect((await slotRow(slot!)).state).toBe('invited');

    const res = await call('POST', `/api/election/public/invitations/${token}/accept`, await citizen(dk.id, agnes));
    expect([res.status, res.json()]).toEqual([200, { state: 'accepted' }]);
    expect(await slotRow(slot!)).toMatchObject({ participant_id: agnes, state: 'accepted', answered_on_behalf: false });
    expect((await auditOf(res)).map((a) => [a.action, a.entity_id, a.summary.answer])).toEqual([['election.taskAnswered', slot, 'accept']]);
    expect((await call('GET', `/api/election/public/invitations/${token}`)).json<ElectionPublicMeInvitation>().status).toBe('answered');
    const again = await call('POST', `/api/election/public/invitations/${token}/reject`);
    expect([again.status, codesOf(again)]).toEqual([409, ['election.alreadyAnswered']]);
  });

  it('is rejected without login: the slot is vacant, the rejection remembered, the link says it was answered', async () => {
    const [p] = await insertParticipants(dk.id, [{}]);
    const [slot] = await insertSlots(f, 1);
    const token = await invite(slot!, p!);
    const res = await call('POST', `/api/election/public/invitations/${token}/reject`);
    expect([res.status, res.json()]).toEqual([200, { state: 'rejected' }]);
    expect(await slotRow(slot!)).toMatchObject({ participant_id: null, state: 'vacant', invitation_token_hash: null });
    expect(await q('SELECT participant_id FROM task_rejections WHERE slot_id = $1', [slot])).toEqual([{ participant_id: p }]);
    const shown = await call('GET', `/api/election/public/invitations/${token}`);
    expect([shown.status, shown.json<ElectionPublicMeInvitation>().status]).toEqual([200, 'answered']);
    const again = await call('POST', `/api/election/public/invitations/${token}/reject`);
    expect([again.status, codesOf(again)]).toEqual([409, ['election.alreadyAnswered']]);
  });

  it('retracted by the municipality says so, and can no longer be answered; a replaced link too', async () => {
    const [p, q2] = await insertParticipants(dk.id, [{}, {}]);
    const [slot, other] = await insertSlots(f, 2);
    const token = await invite(slot!, p!);
    const admin = await startEmployeeSession(platform.identity, dk.id, ['administrator']);
    const off = await call('DELETE', `/api/election/elections/${f.electionId}/slots/${slot}/assignment`, admin.headers, undefined, dk.adminHost);
    expect(off.status).toBeLessThan(300);
    expect(await slotRow(slot!)).toMatchObject({ participant_id: null, state: 'vacant', invitation_token_hash: null });
    const shown = await call('GET', `/api/election/public/invitations/${token}`);
    expect([shown.status, shown.json<ElectionPublicMeInvitation>().status]).toEqual([200, 'retracted']);
    expect(shown.text).not.toContain(p!);
    for (const answer of ['accept', 'reject']) {
      const res = await call('POST', `/api/election/public/invitations/${token}/${answer}`, answer === 'accept' ? await citizen(dk.id, p) : undefined);
      expect([answer, res.status, codesOf(res)]).toEqual([answer, 409, ['election.notInvited']]);
    }
    // A fresh link replaces the old one: the old one is retracted, the new one open.
    const first = await invite(other!, q2!);
    const link = await call('GET', `/api/election/elections/${f.electionId}/slots/${other}/invitation-link`, admin.headers, undefined, dk.adminHost);
    expect(link.status).toBe(200);
    expect((await call('GET', `/api/election/public/invitations/${first}`)).json<ElectionPublicMeInvitation>().status).toBe('retracted');
    const fresh = /([A-Za-z0-9_-]{43})$/.exec(link.json<{ url: string }>().url)![1]!;
    expect((await call('GET', `/api/election/public/invitations/${fresh}`)).json<ElectionPublicMeInvitation>().status).toBe('open');
  });

  it('is not accepted by a person no longer eligible (the reasons named), nor after its date (expired)', async () => {
    const [p] = await insertParticipants(dk.id, [{}]);
    const [slot] = await insertSlots(f, 1);
    const token = await invite(slot!, p!);
    const headers = await citizen(dk.id, p);
    await q('UPDATE participants SET disenfranchised = true WHERE id = $1', [p]);
    const res = await call('POST', `/api/election/public/invitations/${token}/accept`, headers);
    expect([res.status, codesOf(res)]).toEqual([409, ['election.notEligible']]);
    expect(JSON.stringify(res.json())).toContain('election.disenfranchised');
    expect((await slotRow(slot!)).state).toBe('invited');

    await q('UPDATE participants SET disenfranchised = false WHERE id = $1', [p]);
    const past = await electionOn(isoDay(-3), 0);
    const [old] = await insertSlots(past, 1, f.taskTypes.morgenvagt, f.workLocations[1], isoDay(-3));
    const oldToken = await invite(old!, p!);
    expect((await call('GET', `/api/election/public/invitations/${oldToken}`)).json<ElectionPublicMeInvitation>().status).toBe('expired');
    const late = await call('POST', `/api/election/public/invitations/${oldToken}/accept`, headers);
    expect([late.status, codesOf(late)]).toEqual([409, ['election.invitationExpired']]);
  });

  it('answers 404 for an unknown token, another tenant’s token, and on the admin site', async () => {
    const [p] = await insertParticipants(dk.id, [{}]);
    const [slot] = await insertSlots(f, 1);
    const token = await invite(slot!, p!);
    expect((await call('GET', `/api/election/public/invitations/${'A'.repeat(43)}`)).status).toBe(404);
    expect((await call('GET', `/api/election/public/invitations/${token}`, undefined, undefined, se.publicHost)).status).toBe(404);
    expect((await call('POST', `/api/election/public/invitations/${token}/reject`, undefined, undefined, se.publicHost)).status).toBe(404);
    expect((await call('GET', `/api/election/public/invitations/${token}`, undefined, undefined, dk.adminHost)).status).toBe(404);
    expect((await slotRow(slot!)).state).toBe('invited');
  });
});

describe('my tasks', () => {
  it('lists my tasks with the files; unregistering is refused inside the lock period (with its end) and allowed outside it', async () => {
    const [me, other] = await insertParticipants(dk.id, [{}, {}]);
    const soon = await electionOn(isoDay(3), 7);
    const [lockedSlot] = await insertSlots(soon, 1, f.taskTypes.fintaeller, f.workLocations[0], isoDay(3));
    const [freeSlot, othersSlot] = await insertSlots(f, 2);
    await holdAccepted(lockedSlot!, me!);
    await invite(freeSlot!, me!);
    await holdAccepted(othersSlot!, other!);
    const file = await one<{ id: string }>("INSERT INTO task_type_files (tenant_id, task_type_id, file_name, content_type, size_bytes, content) VALUES ($1, $2, 'Instruks.pdf', 'application/pdf', 4, '\\x25504446'::bytea) RETURNING id", [dk.id, f.taskTypes.valgstyrer]);
    const elsewhere = await one<{ id: string }>("INSERT INTO task_type_files (tenant_id, task_type_id, file_name, content_type, size_bytes, content) VALUES ($1, $2, 'Andet.pdf', 'application/pdf', 4, '\\x25504446'::bytea) RETURNING id", [dk.id, f.taskTypes.morgenvagt]);
    const headers = await citizen(dk.id, me);

    const list = await call('GET', '/api/election/public/me/tasks', headers);
    expect(list.status).toBe(200);
    const items = list.json<ElectionPublicMeTasks>().items;
    expect(items.map((t) => [t.slotId, t.state, t.locked, t.files.map((x) => x.name)])).toEqual([
      [lockedSlot, 'accepted', true, []],
      [freeSlot, 'invited', false, ['Instruks.pdf']],
    ]);

    const got = await call('GET', `/api/election/public/me/files/${file.id}`, headers);
    expect([got.status, got.headers['content-type'], got.text]).toEqual([200, 'application/pdf', '%PDF']);
    expect((await call('GET', `/api/election/public/me/files/${elsewhere.id}`, headers)).status).toBe(404);

    const refused = await call('DELETE', `/api/election/public/me/tasks/${lockedSlot}`, headers);
    expect(refused.status).toBe(409);
    expect(refused.json<Problem>().errors?.[0]).toMatchObject({ code: 'election.lockPeriod', params: { ends: isoDay(3) } });
    expect((await slotRow(lockedSlot!)).state).toBe('accepted');

    expect((await call('DELETE', `/api/election/public/me/tasks/${othersSlot}`, headers)).status).toBe(404);
    expect((await slotRow(othersSlot!)).participant_id).toBe(other);

    const done = await call('DELETE', `/api/election/public/me/tasks/${freeSlot}`, headers);
    expect(done.status).toBe(204);
    expect(await slotRow(freeSlot!)).toMatchObject({ participant_id: null, state: 'vacant' });
    expect((await auditOf(done)).map((a) => [a.action, a.entity_id])).toEqual([['election.myTaskUnregistered', freeSlot]]);
    expect(await q('SELECT event FROM participant_messages WHERE slot_id = $1', [freeSlot])).toEqual([{ event: 'cancellationConfirmed' }]);
  });

  it('needs a login (401) and a participant (404)', async () => {
    expect((await call('GET', '/api/election/public/me/tasks')).status).toBe(401);
    expect((await call('GET', '/api/election/public/me/tasks', await citizen(dk.id))).status).toBe(404);
    expect((await call('GET', '/api/election/public/me')).status).toBe(401);
  });
});

describe('my profile', () => {
  it('shows the registry’s data read-only and changes phone, e-mail and diets; bad input is refused naming the field', async () => {
    const [me] = await insertParticipants(dk.id, [{ givenName: 'Karen', familyName: 'Holm' }]);
    const diet = await one<{ id: string }>("INSERT INTO special_diets (tenant_id, name) VALUES ($1, 'Vegetar') RETURNING id", [dk.id]);
    const headers = await citizen(dk.id, me);
    const shown = await call('GET', '/api/election/public/me', headers);
    expect(shown.status).toBe(200);
    expect(shown.json<ElectionPublicMeProfile>()).toMatchObject({ registry: { givenName: 'Karen', familyName: 'Holm', birthDate: '1980-03-15' }, phone: null, email: null, dietIds: [], deletion: { allowed: true } });

    const res = await call('PATCH', '/api/election/public/me', headers, { phone: '+45 12 34 56 78', email: 'karen@example.dk', dietIds: [diet.id] });
    expect(res.status).toBe(200);
    expect(res.json<ElectionPublicMeProfile>()).toMatchObject({ phone: '+45 12 34 56 78', email: 'karen@example.dk', dietIds: [diet.id] });
    expect((await auditOf(res)).map((a) => [a.action, a.summary])).toEqual([['election.myProfileUpdated', { fields: ['phone', 'email', 'diets'] }]]);
    expect(JSON.stringify(await auditOf(res))).not.toContain('karen@example.dk');

    const bad = await call('PATCH', '/api/election/public/me', headers, { email: 'not an address' });
    expect([bad.status, bad.json<Problem>().errors?.[0]?.field]).toEqual([400, '/email']);
    const unknown = await call('PATCH', '/api/election/public/me', headers, { dietIds: ['00000000-0000-4000-8000-000000000000'] });
    expect([unknown.status, codesOf(unknown)]).toEqual([400, ['election.unknownDiet']]);
    const extra = await call('PATCH', '/api/election/public/me', headers, { givenName: 'Someone' });
    expect(extra.status).toBe(400);
    expect(await one('SELECT given_name, email FROM participants WHERE id = $1', [me])).toEqual({ given_name: 'Karen', email: 'karen@example.dk' });
    expect((await call('PATCH', '/api/election/public/me', headers, { phone: null }, dk.adminHost)).status).toBe(404);
  });

  it('is not deleted after a worked task nor inside a lock period (with the reasons); otherwise the person is erased and the tasks vacant', async () => {
    const [worked, locked, free] = await insertParticipants(dk.id, [{}, {}, {}]);
    const past = await electionOn(isoDay(-10), 0);
    const [pastSlot] = await insertSlots(past, 1, f.taskTypes.valgstyrer, f.workLocations[1], isoDay(-10));
    await holdAccepted(pastSlot!, worked!);
    const soon = await electionOn(isoDay(2), 5);
    const [soonSlot] = await insertSlots(soon, 1, f.taskTypes.valgstyrer, f.workLocations[1], isoDay(2));
    await holdAccepted(soonSlot!, locked!);
    const [futureSlot] = await insertSlots(f, 1, f.taskTypes.morgenvagt);
    await invite(futureSlot!, free!);

    const workedHeaders = await citizen(dk.id, worked);
    expect((await call('GET', '/api/election/public/me', workedHeaders)).json<ElectionPublicMeProfile>().deletion).toEqual({ allowed: false, reason: 'taskWorked' });
    const r1 = await call('DELETE', '/api/election/public/me', workedHeaders);
    expect([r1.status, codesOf(r1)]).toEqual([409, ['election.taskWorked']]);
    const r2 = await call('DELETE', '/api/election/public/me', await citizen(dk.id, locked));
    expect(r2.status).toBe(409);
    expect(r2.json<Problem>().errors?.[0]).toMatchObject({ code: 'election.lockPeriod', params: { ends: isoDay(2) } });
    expect(Number((await one<{ n: string }>('SELECT count(*) AS n FROM participants WHERE id = ANY($1::uuid[])', [[worked, locked]])).n)).toBe(2);

    const ok = await call('DELETE', '/api/election/public/me', await citizen(dk.id, free));
    expect(ok.status).toBe(204);
    expect(await q('SELECT id FROM participants WHERE id = $1', [free])).toEqual([]);
    expect(await slotRow(futureSlot!)).toMatchObject({ participant_id: null, state: 'vacant' });
    expect((await auditOf(ok)).map((a) => [a.action, a.entity_id, a.summary])).toEqual([['election.myProfileDeleted', free, { vacatedSlots: 1 }]]);
  });
});

describe('my data', () => {
  it('downloads as JSON and as PDF, each audited with the format only', async () => {
    const [me] = await insertParticipants(dk.id, [{ givenName: 'Ida', familyName: 'Lund' }]);
    const [slot] = await insertSlots(f, 1);
    await holdAccepted(slot!, me!);
    const headers = await citizen(dk.id, me);
    const json = await call('GET', '/api/election/public/me/data.json', headers);
    expect(json.status).toBe(200);
    expect(String(json.headers['content-disposition'])).toMatch(/^attachment/);
    const data = JSON.parse(json.text) as { person: { givenName: string }; tasks: { taskType: string; state: string }[] };
    expect(data.person.givenName).toBe('Ida');
    expect(data.tasks).toEqual([expect.objectContaining({ taskType: 'Valgstyrer', state: 'accepted', date: '2030-06-01' })]);
    expect((await auditOf(json)).map((a) => [a.action, a.entity_id, a.summary])).toEqual([['election.myDataExported', me, { format: 'json' }]]);

    const pdf = await call('GET', '/api/election/public/me/data.pdf', headers);
    expect([pdf.status, pdf.headers['content-type'], pdf.text.slice(0, 5)]).toEqual([200, 'application/pdf', '%PDF-']);
    expect((await auditOf(pdf)).map((a) => a.summary)).toEqual([{ format: 'pdf' }]);
  });
});
