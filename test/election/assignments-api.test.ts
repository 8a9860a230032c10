// The assignment API of election staffing on a running platform, against the real PostgreSQL: inviting a
// participant to a vacant slot (the invitation queued, a link whose token only the link holds), registering one
// directly, answering on the person's behalf (accept; reject — the slot vacant, the rejection remembered and
// listed, the same task type refused afterwards), a second answer refused, removing (the message queued: retracted
// or removed), the candidates' search with eligibility and overlap, eligibility and overlap refusals with their
// reasons, a new invitation link replacing the old, another tenant's ids answered 404 and bad input 400 naming the
// field — nothing written on any refusal; audit rows with ids only.
import { createHash } from 'node:crypto';
import type { Problem } from '../../schemas/types/api-problem';
import type { ElectionCandidateList } from '../../schemas/types/election-assignment-candidates';
import type { ElectionRejectionList } from '../../schemas/types/election-assignment-rejections';
import type { ElectionAssignedSlot } from '../../schemas/types/election-assignment-slot';
import { testPeople } from '../../engine/simulators/test-people';
import { createTestTenant, suiteDatabase, type TestTenant } from '../helpers/factories';
import { request, type TestResponse } from '../helpers/http';
import { startTestPlatform } from '../helpers/platform';
import { startEmployeeSession, type TestSession } from '../helpers/sessions';
import { electionFixture, insertParticipants, insertSlots, messagesOf, one, q, slotRow, TASK_DATE, type ElectionFixture } from './assignment-fixtures';

suiteDatabase();
let platform: Awaited<ReturnType<typeof startTestPlatform>>;
let dk: TestTenant;
let other: TestTenant;
let admin: TestSession;
let otherAdmin: TestSession;
let clerk: TestSession;
let f: ElectionFixture;
let g: ElectionFixture; // the other tenant's

const call = (method: string, path: string, json?: unknown, session = admin, host = dk.adminHost) => request(platform.port, host, method, `/api${path}`, { headers: session.headers, ...(json === undefined ? {} : { json }) });
const fieldsOf = (res: TestResponse) => (res.json<Problem>().errors ?? []).map((e) => [e.field, e.code]);
const paramsOf = (res: TestResponse) => res.json<Problem>().errors?.[0]?.params;
const auditOf = (res: TestResponse) => q<{ action: string; entity_id: string | null; summary: Record<string, unknown> }>('SELECT action, entity_id, summary FROM audit_log WHERE request_id = $1 ORDER BY seq', [String(res.headers['x-request-id'])]);
const slotPath = (slotId: string, electionId = f.electionId) => `/election/elections/${electionId}/slots/${slotId}`;
const assign = (slotId: string, participantId: string, registerDirectly?: boolean) => call('POST', `${slotPath(slotId)}/assignment`, { participantId, ...(registerDirectly === undefined ? {} : { registerDirectly }) });
const reply = (slotId: string, answer: string) => call('POST', `${slotPath(slotId)}/reply`, { answer });
const counts = async () => ({
  audit: (await one<{ n: number }>('SELECT count(*)::integer AS n FROM audit_log WHERE tenant_id = $1', [dk.id])).n,
  messages: (await one<{ n: number }>('SELECT count(*)::integer AS n FROM participant_messages WHERE tenant_id = $1', [dk.id])).n,
  held: (await one<{ n: number }>("SELECT count(*)::integer AS n FROM task_slots WHERE tenant_id = $1 AND state <> 'vacant'", [dk.id])).n,
});

let people: string[]; // eligible: Anna Person0 … Person7
let young: string;
let foreigner: string;

beforeAll(async () => {
  [dk, other] = await Promise.all([createTestTenant({ country: 'DK' }), createTestTenant({ country: 'DK' })]);
  platform = await startTestPlatform([dk.id, other.id]);
  [admin, otherAdmin, clerk] = await Promise.all([
    startEmployeeSession(platform.identity, dk.id, ['administrator']),
    startEmployeeSession(platform.identity, other.id, ['administrator']),
    startEmployeeSession(platform.identity, dk.id, []),
  ]);
  [f, g] = await Promise.all([electionFixture(dk.id), electionFixture(other.id)]);
  people = await insertParticipants(dk.id, Array.from({ length: 8 }, (_, i) => ({ givenName: 'Anna', familyName: `Person${i}` })));
  [young, foreigner] = (await insertParticipants(dk.id, [
    { givenName: 'Ung', familyName: 'Ungersen', birthDate: '2013-09-01' },
    { givenName: 'Udlænding', familyName: 'Udensen', municipalityCode: '0101', citizenship: 'US' },
  ])) as [string, string];
}, 60_000);

afterAll(async () => {
  await platform?.stop();
});

describe('assigning a vacant slot', () => {
  it('invites: state invited, the invitation queued, a link on the public site whose token only its hash is kept of; audited with ids', async () => {
    const [slot] = await insertSlots(f, 1);
    const res = await assign(slot!, people[0]!);
    expect([res.status, res.status === 201 ? '' : res.text]).toEqual([201, '']);
    const body = res.json<ElectionAssignedSlot>();
    expect(body).toMatchObject({
      id: slot,
      date: TASK_DATE,
      state: 'invited',
      participant: { id: people[0], name: 'Anna Person0', personalNumberMasked: '150380-****' },
      taskType: { id: f.taskTypes.valgstyrer, title: 'Valgstyrer', shortName: 'VS', start: '07:00', end: '20:00', trusted: false },
      team: { id: f.teamId, name: 'Borgerservice' },
      registeredDirectly: false,
      answeredOnBehalf: false,
      everInvited: true,
    });
    expect(body.answeredAt).toBeUndefined();
    const link = new URL(body.invitationLink!);
    expect(link.host).toBe(`${dk.publicHost}:${platform.port}`);
    const token = /^\/valg\/invitation\/([A-Za-z0-9_-]{43})$/.exec(link.pathname)![1]!;
    const row = await slotRow(slot!);
    expect(row).toMatchObject({ participant_id: people[0], state: 'invited', registered_directly: false, invitation_token_hash: createHash('sha256').update(token).digest('hex') });
    expect(row.invited_at).not.toBeNull();
    expect(await messagesOf(slot!)).toEqual([{ participant_id: people[0], event: 'invitation', state: 'queued' }]);
    const audit = await auditOf(res);
    expect(audit).toEqual([{ action: 'election.taskAssigned', entity_id: slot, summary: { slotId: slot, participantId: people[0], direct: false } }]);
    expect(JSON.stringify(audit)).not.toMatch(/Anna|Person0|150380/);
  });

  it('registers directly: accepted at once, no link, registrationConfirmed queued', async () => {
    const [slot] = await insertSlots(f, 1, f.taskTypes.valgstyrer, f.workLocations[1]);
    const res = await assign(slot!, people[1]!, true);
    expect(res.status).toBe(201);
    const body = res.json<ElectionAssignedSlot>();
    expect(body).toMatchObject({ state: 'accepted', registeredDirectly: true, answeredOnBehalf: false, participant: { id: people[1] } });
    expect(body.invitationLink).toBeUndefined();
    expect(body.answeredAt).toBeDefined();
    expect(await slotRow(slot!)).toMatchObject({ state: 'accepted', registered_directly: true, invitation_token_hash: null, invited_at: null });
    expect(await messagesOf(slot!)).toEqual([{ participant_id: people[1], event: 'registrationConfirmed', state: 'queued' }]);
    expect((await auditOf(res))[0]!.summary).toEqual({ slotId: slot, participantId: people[1], direct: true });
  });

  it('refuses a slot that is not vacant: 409 election.slotTaken {slotId}, nothing written', async () => {
    const [slot] = await insertSlots(f, 1, f.taskTypes.morgenvagt);
    expect((await assign(slot!, people[2]!)).status).toBe(201);
    const before = await counts();
    const res = await assign(slot!, people[3]!);
    expect([res.status, fieldsOf(res), paramsOf(res)]).toEqual([409, [['/', 'election.slotTaken']], { slotId: slot }]);
    expect(await counts()).toEqual(before);
    expect((await slotRow(slot!)).participant_id).toBe(people[2]);
  });
});

describe('answering on the person’s behalf', () => {
  it('accepts: accepted, answered on behalf, registrationConfirmed queued, audited {answer, onBehalf: true}', async () => {
    const [slot] = await insertSlots(f, 1, f.taskTypes.fintaeller);
    expect((await assign(slot!, people[3]!)).status).toBe(201);
    const res = await reply(slot!, 'accept');
    expect(res.status).toBe(200);
    expect(res.json<ElectionAssignedSlot>()).toMatchObject({ id: slot, state: 'accepted', answeredOnBehalf: true, registeredDirectly: false, participant: { id: people[3] } });
    expect((await slotRow(slot!)).answered_at).not.toBeNull();
    expect((await messagesOf(slot!)).map((m) => m.event)).toEqual(['invitation', 'registrationConfirmed']);
    expect(await auditOf(res)).toEqual([{ action: 'election.taskAnswered', entity_id: slot, summary: { slotId: slot, participantId: people[3], answer: 'accept', onBehalf: true } }]);
  });

  it('refuses a second answer: 409 election.alreadyAnswered, nothing written', async () => {
    const [slot] = await insertSlots(f, 1, f.taskTypes.fintaeller, f.workLocations[1]);
    expect((await assign(slot!, people[4]!)).status).toBe(201);
    expect((await reply(slot!, 'accept')).status).toBe(200);
    const before = await counts();
    for (const answer of ['accept', 'reject']) {
      const res = await reply(slot!, answer);
      expect([res.status, fieldsOf(res)]).toEqual([409, [['/', 'election.alreadyAnswered']]]);
    }
    expect(await counts()).toEqual(before);
    expect((await slotRow(slot!)).state).toBe('accepted');
  });

  it('refuses an answer where no one is invited: 409 election.notInvited', async () => {
    const [slot] = await insertSlots(f, 1, f.taskTypes.morgenvagt, f.workLocations[1]);
    const res = await reply(slot!, 'accept');
    expect([res.status, fieldsOf(res)]).toEqual([409, [['/', 'election.notInvited']]]);
  });

  describe('rejecting', () => {
    let slot: string;
    let rejectedAt: string;
    it('makes the slot vacant at once and remembers who said no (task_rejections), the link gone', async () => {
      [slot] = (await insertSlots(f, 1, f.taskTypes.valgstyrer, f.workLocations[1], '2030-05-31')) as [string];
      expect((await assign(slot, people[5]!)).status).toBe(201);
      const res = await reply(slot, 'reject');
      expect(res.status).toBe(200);
      const body = res.json<ElectionAssignedSlot>();
      expect(body).toMatchObject({ id: slot, state: 'vacant', everInvited: true, registeredDirectly: false, answeredOnBehalf: false });
      expect(body.participant).toBeUndefined();
      expect(await slotRow(slot)).toMatchObject({ participant_id: null, state: 'vacant', invitation_token_hash: null, answered_at: null });
      const rows = await q<{ participant_id: string; task_type_id: string; slot_id: string; on_behalf: boolean; rejected_at: Date }>('SELECT participant_id, task_type_id, slot_id, on_behalf, rejected_at FROM task_rejections WHERE slot_id = $1', [slot]);
      expect(rows).toMatchObject([{ participant_id: people[5], task_type_id: f.taskTypes.valgstyrer, slot_id: slot, on_behalf: true }]);
      rejectedAt = rows[0]!.rejected_at.toISOString();
      expect((await auditOf(res))[0]!.summary).toEqual({ slotId: slot, participantId: people[5], answer: 'reject', onBehalf: true });
    });

    it('a second answer after the rejection is refused as already answered', async () => {
      const res = await reply(slot, 'accept');
      expect([res.status, fieldsOf(res)]).toEqual([409, [['/', 'election.alreadyAnswered']]]);
    });

    it('the same person is not invited to that task type of the election again: 409 election.rejectedBefore (another type is fine)', async () => {
      const [again] = await insertSlots(f, 1, f.taskTypes.valgstyrer, f.workLocations[0], '2030-05-29');
      const before = await counts();
      const res = await assign(again!, people[5]!);
      expect([res.status, fieldsOf(res), paramsOf(res)]).toEqual([409, [['/', 'election.rejectedBefore']], { taskTypeId: f.taskTypes.valgstyrer }]);
      expect(await counts()).toEqual(before);
      const [otherType] = await insertSlots(f, 1, f.taskTypes.morgenvagt, f.workLocations[0], '2030-05-29');
      expect((await assign(otherType!, people[5]!)).status).toBe(201);
    });

    it('lists it among the election’s rejected tasks', async () => {
      const res = await call('GET', `/election/elections/${f.electionId}/rejections`);
      expect(res.status).toBe(200);
      const list = res.json<ElectionRejectionList>();
      expect(list.find((r) => r.slotId === slot)).toEqual({
        id: expect.any(String),
        participant: { id: people[5], name: 'Anna Person5' },
        taskType: { id: f.taskTypes.valgstyrer, title: 'Valgstyrer', shortName: 'VS' },
        workLocation: { id: f.workLocations[1], name: 'Hallen' },
        date: '2030-05-31',
        rejectedAt,
        onBehalf: true,
        slotId: slot,
      });
      expect((await call('GET', `/election/elections/${g.electionId}/rejections`)).status).toBe(404);
    });
  });
});

describe('removing a participant from a slot', () => {
  it('of an invitation: the slot vacant, invitationRetracted queued, audited', async () => {
    const [slot] = await insertSlots(f, 1, f.taskTypes.morgenvagt, f.workLocations[0], '2030-05-28');
    expect((await assign(slot!, people[6]!)).status).toBe(201);
    const res = await call('DELETE', `${slotPath(slot!)}/assignment`);
    expect(res.status).toBe(204);
    expect(await slotRow(slot!)).toMatchObject({ participant_id: null, state: 'vacant', invitation_token_hash: null });
    expect(await messagesOf(slot!)).toEqual([
      { participant_id: people[6], event: 'invitation', state: 'queued' },
      { participant_id: people[6], event: 'invitationRetracted', state: 'queued' },
    ]);
    expect(await auditOf(res)).toEqual([{ action: 'election.taskUnassigned', entity_id: slot, summary: { slotId: slot, participantId: people[6], was: 'invited' } }]);
  });

  it('of an accepted task: removedFromTask queued; a slot with no one on it answers 404', async () => {
    const [slot] = await insertSlots(f, 1, f.taskTypes.morgenvagt, f.workLocations[1], '2030-05-28');
    expect((await assign(slot!, people[7]!, true)).status).toBe(201);
    expect((await call('DELETE', `${slotPath(slot!)}/assignment`)).status).toBe(204);
    expect((await messagesOf(slot!)).map((m) => m.event)).toEqual(['registrationConfirmed', 'removedFromTask']);
    expect((await slotRow(slot!)).registered_directly).toBe(false);
    expect((await call('DELETE', `${slotPath(slot!)}/assignment`)).status).toBe(404);
  });
});

describe('eligibility and overlap', () => {
  it('refuses a person the election type’s rules exclude: 409 election.notEligible with every reason, nothing written', async () => {
    const [slot] = await insertSlots(f, 1, f.taskTypes.valgstyrer, f.workLocations[0], '2030-05-27');
    const before = await counts();
    const res = await assign(slot!, young);
    expect([res.status, fieldsOf(res)]).toEqual([409, [['/', 'election.notEligible']]]);
    expect(paramsOf(res)).toEqual({ reasons: [{ code: 'election.under18', params: { turns18On: '2031-09-01' } }] });
    const res2 = await assign(slot!, foreigner);
    expect(paramsOf(res2)).toEqual({ reasons: [{ code: 'election.notResident', params: {} }, { code: 'election.notCitizen', params: { scope: 'national', country: 'DK' } }] });
    expect(await counts()).toEqual(before);
    expect(JSON.stringify([res.json(), res2.json()])).not.toMatch(/Ungersen|Udensen/);
  });

  it('refuses a task overlapping one the person holds: 409 election.overlap naming the held task’s date and hours', async () => {
    const [held, clash] = [(await insertSlots(f, 1, f.taskTypes.valgstyrer, f.workLocations[0], '2030-05-26'))[0]!, (await insertSlots(f, 1, f.taskTypes.fintaeller, f.workLocations[1], '2030-05-26'))[0]!];
    const [p] = await insertParticipants(dk.id, [{ givenName: 'Overlap', familyName: 'Olsen' }]);
    expect((await assign(held, p!)).status).toBe(201);
    const before = await counts();
    const res = await assign(clash, p!);
    expect([res.status, fieldsOf(res), paramsOf(res)]).toEqual([409, [['/', 'election.overlap']], { date: '2030-05-26', start: '07:00', end: '20:00' }]);
    expect(await counts()).toEqual(before);
  });

  it('shows candidates by name with eligibility, overlap and earlier rejection for THIS slot', async () => {
    const [slot] = await insertSlots(f, 1, f.taskTypes.valgstyrer, f.workLocations[1], '2030-05-29');
    const res = await call('GET', `${slotPath(slot!)}/candidates?q=${encodeURIComponent('anna person')}`);
    expect(res.status).toBe(200);
    const { candidates } = res.json<ElectionCandidateList>();
    expect(candidates).toHaveLength(8);
    expect(candidates.map((c) => c.name)).toEqual(Array.from({ length: 8 }, (_, i) => `Anna Person${i}`));
    const p5 = candidates.find((c) => c.id === people[5])!;
    // Person5 rejected valgstyrer and holds a morgenvagt 06–07 on 2030-05-29 (touching, not overlapping).
    expect(p5).toMatchObject({ rejectedBefore: true, holdsThisSlot: false, eligibility: { eligible: true, reasons: [] } });
    expect(p5.overlap).toBeUndefined();
    const u = (await call('GET', `${slotPath(slot!)}/candidates?q=ungersen`)).json<ElectionCandidateList>().candidates;
    expect(u).toEqual([{ id: young, name: 'Ung Ungersen', personalNumberMasked: '010913-****', birthDate: '2013-09-01', eligibility: { eligible: false, reasons: [{ code: 'election.under18', params: { turns18On: '2031-09-01' } }] }, rejectedBefore: false, holdsThisSlot: false }]);
    // By the date part of the personal number.
    const byDate = (await call('GET', `${slotPath(slot!)}/candidates?q=010913-`)).json<ElectionCandidateList>().candidates;
    expect(byDate.map((c) => c.id)).toEqual([young]);
  });

  it('finds a person by the whole personal number (its keyed hash), never by a number that is not theirs', async () => {
    const agnes = testPeople.citizens.find((c) => c.id === 'dk-agnes')!;
    const created = await call('POST', '/election/participants', { personalNumber: agnes.personalNumber });
    expect(created.status).toBe(201);
    const id = created.json<{ id: string }>().id;
    const [slot] = await insertSlots(f, 1, f.taskTypes.valgstyrer, f.workLocations[1], '2030-05-22');
    const found = (await call('GET', `${slotPath(slot!)}/candidates?q=${agnes.personalNumber.slice(0, 6)}-${agnes.personalNumber.slice(6)}`)).json<ElectionCandidateList>().candidates;
    expect(found.map((c) => [c.id, c.name, c.personalNumberMasked, c.eligibility.eligible])).toEqual([[id, 'Agnes Jensen', '120578-****', true]]);
    const other = testPeople.citizens.find((c) => c.id === 'dk-mads')!;
    expect((await call('GET', `${slotPath(slot!)}/candidates?q=${other.personalNumber}`)).json<ElectionCandidateList>().candidates).toEqual([]);
  });

  it('names the held task a candidate would overlap', async () => {
    const [slot] = await insertSlots(f, 1, f.taskTypes.fintaeller, f.workLocations[0], '2030-05-26');
    const { candidates } = (await call('GET', `${slotPath(slot!)}/candidates?q=Olsen`)).json<ElectionCandidateList>();
    expect(candidates).toHaveLength(1);
    expect(candidates[0]!.overlap).toEqual({ slotId: expect.any(String), date: '2030-05-26', start: '07:00', end: '20:00' });
  });
});

describe('the invitation link', () => {
  it('is made anew on request (the old token stops matching), audited; a slot not invited: 409 election.notInvited', async () => {
    const [slot] = await insertSlots(f, 1, f.taskTypes.morgenvagt, f.workLocations[0], '2030-05-25');
    const first = (await assign(slot!, people[0]!)).json<ElectionAssignedSlot>().invitationLink!;
    const res = await call('GET', `${slotPath(slot!)}/invitation-link`);
    expect(res.status).toBe(200);
    const { url } = res.json<{ url: string }>();
    expect(url).not.toBe(first);
    const token = url.split('/').pop()!;
    expect((await slotRow(slot!)).invitation_token_hash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(res.headers['cache-control']).toBe('no-store');
    expect(await auditOf(res)).toEqual([{ action: 'election.invitationLinkIssued', entity_id: slot, summary: { slotId: slot, participantId: people[0] } }]);
    expect(JSON.stringify(await auditOf(res))).not.toContain(token);
    const [vacant] = await insertSlots(f, 1, f.taskTypes.morgenvagt, f.workLocations[1], '2030-05-25');
    const refused = await call('GET', `${slotPath(vacant!)}/invitation-link`);
    expect([refused.status, fieldsOf(refused)]).toEqual([409, [['/', 'election.notInvited']]]);
  });
});

describe('who and what', () => {
  it('answers 404 for another tenant’s election, slot or a slot of another election, and writes nothing', async () => {
    const [theirs] = await insertSlots(g, 1);
    const [ours] = await insertSlots(f, 1, f.taskTypes.morgenvagt, f.workLocations[0], '2030-05-24');
    const before = await counts();
    for (const path of [slotPath(theirs!, g.electionId), slotPath(theirs!), slotPath(ours!, g.electionId)]) {
      expect((await call('POST', `${path}/assignment`, { participantId: people[0] })).status).toBe(404);
      expect((await call('POST', `${path}/reply`, { answer: 'accept' })).status).toBe(404);
      expect((await call('DELETE', `${path}/assignment`)).status).toBe(404);
      expect((await call('GET', `${path}/invitation-link`)).status).toBe(404);
      expect((await call('GET', `${path}/candidates?q=anna`)).status).toBe(404);
    }
    expect((await call('POST', `${slotPath('not-a-uuid')}/assignment`, { participantId: people[0] })).status).toBe(404);
    expect(await counts()).toEqual(before);
    expect((await slotRow(theirs!)).state).toBe('vacant');
  });

  it('refuses another tenant’s participant as an unknown one: 400 election.unknownId on /participantId', async () => {
    const [theirPerson] = await insertParticipants(other.id, [{}]);
    const [slot] = await insertSlots(f, 1, f.taskTypes.morgenvagt, f.workLocations[1], '2030-05-24');
    const res = await assign(slot!, theirPerson!);
    expect([res.status, fieldsOf(res)]).toEqual([400, [['/participantId', 'election.unknownId']]]);
    expect((await slotRow(slot!)).state).toBe('vacant');
    // Their own administrator can use their person on their slot.
    const [theirSlot] = await insertSlots(g, 1, g.taskTypes.morgenvagt);
    expect((await call('POST', `${slotPath(theirSlot!, g.electionId)}/assignment`, { participantId: theirPerson }, otherAdmin, other.adminHost)).status).toBe(201);
  });

  it('answers 400 naming the field for bad input', async () => {
    const [slot] = await insertSlots(f, 1, f.taskTypes.morgenvagt, f.workLocations[0], '2030-05-23');
    const cases: [unknown, string][] = [
      [{}, '/participantId'],
      [{ participantId: 'nope' }, '/participantId'],
      [{ participantId: people[0], registerDirectly: 'yes' }, '/registerDirectly'],
      [{ participantId: people[0], extra: 1 }, '/extra'],
    ];
    for (const [body, field] of cases) {
      const res = await call('POST', `${slotPath(slot!)}/assignment`, body);
      expect([res.status, fieldsOf(res).map(([fld]) => fld)]).toEqual([400, [field]]);
    }
    const badAnswer = await call('POST', `${slotPath(slot!)}/reply`, { answer: 'maybe' });
    expect([badAnswer.status, fieldsOf(badAnswer)]).toEqual([400, [['/answer', 'schema.enum']]]);
    const longQ = await call('GET', `${slotPath(slot!)}/candidates?q=${'a'.repeat(201)}`);
    expect(longQ.status).toBe(400);
    expect((await slotRow(slot!)).state).toBe('vacant');
  });

  it('is for administrators on the admin site: 403 for an employee without the role, 404 on the public site', async () => {
    const [slot] = await insertSlots(f, 1, f.taskTypes.morgenvagt, f.workLocations[1], '2030-05-23');
    expect((await call('POST', `${slotPath(slot!)}/assignment`, { participantId: people[0] }, clerk)).status).toBe(403);
    expect((await call('GET', `/election/elections/${f.electionId}/rejections`, undefined, clerk)).status).toBe(403);
    expect((await call('POST', `${slotPath(slot!)}/assignment`, { participantId: people[0] }, admin, dk.publicHost)).status).toBe(404);
    expect((await slotRow(slot!)).state).toBe('vacant');
  });
});
