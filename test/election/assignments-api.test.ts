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

let people: string[]; // eligible: Person0 … Person5
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
  people = await insertParticipants(dk.id, Array.from({ length: 6 }, (_, i) => ({ givenName: 'Anna', familyName: `Person${i}` })));
  [young, foreigner] = await insertParticipants(dk.id, [
    { givenName: 'Ung', familyName: 'Ungersen', birthDate: '2013-09-01' },
    { givenName: 'Udlænding', familyName: 'Udensen', municipalityCode: '0101', citizenship: 'US' },
  ]);
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
