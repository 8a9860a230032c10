// Sign-ups in a rush, on a running platform against the real PostgreSQL: requests for the same group that arrive
// together are taken in one transaction (commands/public/signup-batch.ts), and each still gets its own answer —
// exactly as many 201s as vacant slots, each to a different person; the under-18 told election.notEligible, the
// person already busy at that time election.overlap, the same person's second request and the late ones refused;
// someone not yet a participant goes the one-by-one way through the registry; refused requests write nothing; one
// audit row and one queued confirmation per slot taken; the receipt in each 201. And the group commit did carry
// several sign-ups in one batch (its counters), so the test can fail if everything went alone.
import { parsePersonalNumber } from '../../forms/formats/personal-number';
import type { Problem } from '../../schemas/types/api-problem';
import type { ElectionLink } from '../../schemas/types/election-link-record';
import type { ElectionSignupReceipt } from '../../schemas/types/election-signup-receipt';
import { PersonalNumbers } from '../../engine/identity/personal-numbers';
import { csrfTokenFor } from '../../engine/identity/sessions';
import { cookieName } from '../../engine/http/session-cookie';
import { signupBatchCounts } from '../../engine/modules/election/commands/public/signup-batch';
import { residentMunicipalityCode } from '../../engine/registry/municipality';
import { syntheticCpr } from '../../engine/simulators/synthetic-personal-numbers';
import { testPeople } from '../../engine/simulators/test-people';
import { createTestTenant, suiteDatabase, type TestTenant } from '../helpers/factories';
import { request, type TestResponse } from '../helpers/http';
import { startTestPlatform } from '../helpers/platform';
import { startEmployeeSession, type TestSession } from '../helpers/sessions';
import { electionFixture, insertSlots, q, type ElectionFixture } from './assignment-fixtures';

suiteDatabase();
let platform: Awaited<ReturnType<typeof startTestPlatform>>;
let dk: TestTenant;
let f: ElectionFixture;
let token = '';
const DATE = '2028-06-01';
const SLOTS = 5;

interface Citizen {
  label: string;
  userId: string;
  participantId?: string;
  headers: Record<string, string>;
}

/** A participant already (sealed number and keyed hash, as an import would make one) with an e-ID session. */
async function participant(label: string, i: number, birthDate = '1980-03-15'): Promise<Citizen> {
  const pn = syntheticCpr(900_000 + i);
  const { users, sessions, keyring } = platform.identity;
  return platform.db.withTenant(dk.id, async (tx) => {
    const sealed = await new PersonalNumbers(keyring).protect(tx, dk.id, pn);
    const [row] = await platform.db.sequelize.query<{ id: string }>(
      `INSERT INTO participants (tenant_id, personal_number_country, personal_number_sealed, personal_number_hash, personal_number_masked, given_name, family_name, birth_date, municipality_code, citizenship, registry_checked_at)
       VALUES ($1, 'DK', $2, $3, $4, 'Batch', $5, $6::date, $7, 'DK', now()) RETURNING id`,
      { bind: [dk.id, sealed.ciphertext, sealed.lookupHash, sealed.masked, label, birthDate, residentMunicipalityCode('DK')], type: 'SELECT' as never, transaction: tx },
    );
    const userId = await users.citizen(tx, dk.id, pn, `Batch ${label}`);
    const { token: t } = await sessions.start(tx, { tenantId: dk.id, userId, site: 'public', now: new Date() });
    return { label, userId, participantId: row!.id, headers: { cookie: `${cookieName('public')}=${t}`, 'x-csrf-token': csrfTokenFor(t) } };
  });
}

/** Someone the civil registry knows who is no participant yet. */
async function newcomer(id: string): Promise<Citizen> {
  const person = testPeople.citizens.find((c) => c.id === id)!;
  const { users, sessions } = platform.identity;
  return platform.db.withTenant(dk.id, async (tx) => {
    const userId = await users.citizen(tx, dk.id, parsePersonalNumber('DK', person.personalNumber)!, `${person.givenName} ${person.familyName}`);
    const { token: t } = await sessions.start(tx, { tenantId: dk.id, userId, site: 'public', now: new Date() });
    return { label: id, userId, headers: { cookie: `${cookieName('public')}=${t}`, 'x-csrf-token': csrfTokenFor(t) } };
  });
}

const codeOf = (res: TestResponse) => res.json<Problem>().errors?.[0]?.code;

beforeAll(async () => {
  dk = await createTestTenant({ country: 'DK', builtinForms: true });
  platform = await startTestPlatform([dk.id]);
  const admin: TestSession = await startEmployeeSession(platform.identity, dk.id, ['administrator']);
  f = await electionFixture(dk.id);
  await q('UPDATE elections SET election_day = $2, first_task_date = $2, last_task_date = $2, active = true WHERE id = $1', [f.electionId, DATE]);
  await insertSlots(f, SLOTS, f.taskTypes.valgstyrer, f.workLocations[0], DATE);
  await insertSlots(f, 1, f.taskTypes.fintaeller, f.workLocations[1], DATE);
  const res = await request(platform.port, dk.adminHost, 'POST', `/api/election/elections/${f.electionId}/links`, { headers: admin.headers, json: { kind: 'tasks', filters: {} } });
  expect(res.status).toBe(201);
  token = /\/([A-Za-z0-9_-]{43})$/.exec(res.json<ElectionLink>().url)![1]!;
}, 120_000);

afterAll(async () => {
  await platform?.stop();
});

describe('a rush for one group', () => {
  it('is taken in batches, and each request gets its own answer', async () => {
    const people = await Promise.all(Array.from({ length: 10 }, (_, i) => participant(`p${i}`, i)));
    const young = await participant('young', 10, '2015-01-01');
    const busy = await participant('busy', 11);
    // The busy one holds Fintæller 19–23 at Hallen that day: Valgstyrer 07–20 overlaps it.
    await q("UPDATE task_slots SET participant_id = $1, state = 'accepted' WHERE tenant_id = $2 AND task_type_id = $3", [busy.participantId, dk.id, f.taskTypes.fintaeller]);
    const fresh = await newcomer('dk-agnes');
    const before = signupBatchCounts(platform.db);
    const choice = { workLocationId: f.workLocations[0], taskTypeId: f.taskTypes.valgstyrer, teamId: f.teamId, date: DATE };
    // The under-18 and the busy one ask first: a request that reaches the database only after the slots are gone is
    // told they are taken before anything else is looked at (the one-by-one path's order of checks), so asked last
    // they would hear election.slotTaken whenever the first batches were quick enough to take all five.
    const askers = [young, busy, ...people, people[0]!, fresh];
    const answers = await Promise.all(
      askers.map((c) => request(platform.port, dk.publicHost, 'POST', '/api/election/public/signups', { headers: c.headers, json: { linkToken: token, choice, phone: '+45 20 30 40 50' } })),
    );
    const after = signupBatchCounts(platform.db);
    const byLabel = (label: string) => answers.filter((_, i) => askers[i]!.label === label);

    // Exactly as many sign-ups as slots, each a different person's, each answered with its receipt.
    const won = answers.map((res, i) => ({ res, who: askers[i]! })).filter(({ res }) => res.status === 201);
    expect(won).toHaveLength(SLOTS);
    expect(new Set(won.map((w) => w.who.userId)).size).toBe(SLOTS);
    const held = await q<{ id: string; user_id: string; state: string }>(
      'SELECT s.id, p.user_id, s.state FROM task_slots s JOIN participants p ON p.id = s.participant_id WHERE s.tenant_id = $1 AND s.task_type_id = $2',
      [dk.id, f.taskTypes.valgstyrer],
    );
    expect(held.map((h) => h.state)).toEqual(Array(SLOTS).fill('accepted'));
    for (const { res, who } of won) {
      const receipt = res.json<ElectionSignupReceipt>();
      expect(held.find((h) => h.id === receipt.slotId)?.user_id).toBe(who.userId);
      expect(receipt).toMatchObject({ state: 'accepted', date: DATE, taskType: { title: 'Valgstyrer' }, consentRecorded: false });
    }

    // The refusals, each with its own reason.
    expect(byLabel('young').map((r) => [r.status, codeOf(r)])).toEqual([[409, 'election.notEligible']]);
    expect(byLabel('busy').map((r) => [r.status, codeOf(r)])).toEqual([[409, 'election.overlap']]);
    // p0 asked twice at once: at most one of them stands.
    expect(byLabel('p0').filter((r) => r.status === 201).length).toBeLessThanOrEqual(1);
    for (const res of answers.filter((r) => r.status !== 201)) {
      expect(res.status).toBe(409);
      expect(['election.slotTaken', 'election.overlap', 'election.notEligible']).toContain(codeOf(res));
    }
    expect(answers.filter((r) => codeOf(r) === 'election.slotTaken').length).toBeGreaterThanOrEqual(askers.length - SLOTS - 3);

    // Nothing written for whoever was refused: one audit row and one queued confirmation per slot taken, no more.
    const slotIds = held.map((h) => h.id);
    const [audits] = await q<{ n: string }>("SELECT count(*) AS n FROM audit_log WHERE tenant_id = $1 AND action = 'election.taskSignedUp'", [dk.id]);
    expect(Number(audits!.n)).toBe(SLOTS);
    const messages = await q<{ slot_id: string }>("SELECT slot_id FROM participant_messages WHERE tenant_id = $1 AND event = 'registrationConfirmed'", [dk.id]);
    expect(messages.map((m) => m.slot_id).sort()).toEqual([...slotIds].sort());
    const [refusedHolding] = await q<{ n: string }>("SELECT count(*) AS n FROM task_slots WHERE tenant_id = $1 AND participant_id = ANY($2::uuid[]) AND task_type_id = $3", [dk.id, [young.participantId, busy.participantId], f.taskTypes.valgstyrer]);
    expect(Number(refusedHolding!.n)).toBe(0);
    // Whoever won gave their phone, and is the login's participant now.
    const winners = await q<{ phone: string | null; user_id: string }>('SELECT phone, user_id FROM participants WHERE tenant_id = $1 AND user_id = ANY($2::uuid[])', [dk.id, won.map((w) => w.who.userId)]);
    expect(winners.map((w) => w.phone)).toEqual(Array(winners.length).fill('+45 20 30 40 50'));

    // The group commit carried several sign-ups in one batch.
    const batches = after.batches - before.batches;
    const items = after.items - before.items;
    expect(batches).toBeGreaterThan(0);
    expect(items).toBeGreaterThan(batches);
  });
});
