// Task slots under contention, against the real PostgreSQL: the assignment commands run concurrently, released
// together from a gate (a transaction of the test's that holds the row lock they queue on; the test waits until
// all of them are blocked behind it, so they really race). The last vacant slot goes to exactly one person and the
// other is told election.slotTaken; 20 assignments to 5 slots fill each slot once; an invitation answered twice
// counts once; a removal racing an acceptance ends in one consistent state; the same person sent to two overlapping
// slots at once gets one of them. Behind the locks, the database's own rules: one slot of a task type per person
// and date, and a vacated slot keeps nothing of its holder.
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'sequelize';
import { QueryTypes } from 'sequelize';
import type { CommandContext } from '../../engine/audit/record';
import { Keyring } from '../../engine/crypto/keyring';
import { parseKeySpec } from '../../engine/crypto/key-spec';
import { ConflictError, NotFoundError } from '../../engine/errors';
import type { ElectionDeps } from '../../engine/modules/election/db';
import { answerInvitation } from '../../engine/modules/election/commands/assignments/answer-invitation';
import { assignTask } from '../../engine/modules/election/commands/assignments/assign-task';
import { unassignTask } from '../../engine/modules/election/commands/assignments/unassign-task';
import { createTestTenant, ownerDb, suiteDatabase } from '../helpers/factories';
import { testAdministrator } from '../helpers/sessions';
import { electionFixture, insertParticipants, insertSlots, messagesOf, one, q, slotRow, TASK_DATE, type ElectionFixture } from './assignment-fixtures';

const db = suiteDatabase();
const deps: ElectionDeps = { db, keyring: new Keyring(db, parseKeySpec(process.env.DATA_MASTER_KEYS!)) };
const ORIGIN = 'https://valg.example';
let f: ElectionFixture;
const admin = (): CommandContext => ({ tenantId: f.tenantId, actor: testAdministrator(f.tenantId), requestId: `req-${randomUUID()}` });
const anonymous = (): CommandContext => ({ tenantId: f.tenantId, actor: { kind: 'anonymous', tenantId: f.tenantId }, requestId: `req-${randomUUID()}` });

beforeAll(async () => {
  const tenant = await createTestTenant({ country: 'DK' });
  f = await electionFixture(tenant.id);
}, 60_000);

/** The code of a refusal (ConflictError's field error), 'notFound', or the value itself when it succeeded. */
function outcome(r: PromiseSettledResult<unknown>): string {
  if (r.status === 'fulfilled') return 'ok';
  const err: unknown = r.reason;
  if (err instanceof ConflictError) return err.fields?.[0]?.code ?? 'conflict';
  if (err instanceof NotFoundError) return 'notFound';
  throw err;
}

/**
 * Holds the rows' locks in a transaction of its own, runs the commands (which queue on those locks), waits until
 * `waiters` of them are blocked behind it, then lets them all go at once; answers their settled results.
 */
async function race(lock: { table: 'task_slots' | 'participants'; ids: string[] }, waiters: number, commands: (() => Promise<unknown>)[]): Promise<PromiseSettledResult<unknown>[]> {
  const gate: Transaction = await ownerDb().transaction();
  let released = false;
  try {
    const [{ pid }] = (await ownerDb().query<{ pid: number }>('SELECT pg_backend_pid() AS pid', { type: QueryTypes.SELECT, transaction: gate })) as [{ pid: number }];
    await ownerDb().query(`SELECT id FROM ${lock.table} WHERE id = ANY($1::uuid[]) FOR UPDATE`, { bind: [lock.ids], transaction: gate });
    const running = commands.map((c) => c());
    running.forEach((p) => p.catch(() => undefined));
    const deadline = Date.now() + 20_000;
    for (;;) {
      // Behind the gate directly, or behind one that waits for it (a row's second waiter queues on the first).
      const [{ n }] = (await ownerDb().query<{ n: number }>(
        `WITH RECURSIVE w(pid) AS (SELECT pid FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))
                                   UNION SELECT a.pid FROM pg_stat_activity a JOIN w ON w.pid = ANY(pg_blocking_pids(a.pid)))
         SELECT count(*)::integer AS n FROM w`,
        { bind: [pid], type: QueryTypes.SELECT },
      )) as [{ n: number }];
      if (n >= waiters) break;
      if (Date.now() > deadline) throw new Error(`only ${n} of ${waiters} commands queued behind the gate`);
      await new Promise((r) => setTimeout(r, 10));
    }
    await gate.commit();
    released = true;
    return await Promise.allSettled(running);
  } finally {
    if (!released) await gate.rollback();
  }
}

const count = async (sql: string, bind: unknown[]) => (await one<{ n: number }>(sql, bind)).n;
const taskAudits = (action: string, slotIds: string[]) => count('SELECT count(*)::integer AS n FROM audit_log WHERE action = $1 AND entity_id = ANY($2::text[])', [action, slotIds]);

describe('the last vacant slot', () => {
  it('two transactions racing for it: exactly one wins, the other is told election.slotTaken; one message, one audit row', async () => {
    const [slot] = await insertSlots(f, 1);
    const [a, b] = await insertParticipants(f.tenantId, [{}, {}]);
    const results = await race({ table: 'task_slots', ids: [slot!] }, 2, [a!, b!].map((p) => () => assignTask(deps, admin(), f.electionId, slot!, { participantId: p }, { publicOrigin: ORIGIN })));
    expect(results.map(outcome).sort()).toEqual(['election.slotTaken', 'ok']);
    const winner = results[0]!.status === 'fulfilled' ? a : b;
    expect(await slotRow(slot!)).toMatchObject({ participant_id: winner, state: 'invited' });
    expect(await messagesOf(slot!)).toEqual([{ participant_id: winner, event: 'invitation', state: 'queued' }]);
    expect(await taskAudits('election.taskAssigned', [slot!])).toBe(1);
  });

  it('20 concurrent assignments of 20 people to 5 slots: each slot filled once, 15 refusals, no one twice', async () => {
    const slots = await insertSlots(f, 5, f.taskTypes.valgstyrer, f.workLocations[1]);
    const people = await insertParticipants(f.tenantId, Array.from({ length: 20 }, () => ({})));
    const results = await race(
      { table: 'task_slots', ids: slots },
      10, // the suite's pool has 10 connections: 10 commands queue on the locks, the other 10 on the pool, and all race
      people.map((p, i) => () => assignTask(deps, admin(), f.electionId, slots[i % 5]!, { participantId: p, registerDirectly: i % 2 === 0 }, { publicOrigin: ORIGIN })),
    );
    const outcomes = results.map(outcome);
    expect(outcomes.filter((o) => o === 'ok')).toHaveLength(5);
    expect(outcomes.filter((o) => o === 'election.slotTaken')).toHaveLength(15);
    const rows = await q<{ id: string; participant_id: string }>("SELECT id, participant_id FROM task_slots WHERE id = ANY($1::uuid[]) AND state IN ('invited', 'accepted')", [slots]);
    expect(rows).toHaveLength(5);
    expect(new Set(rows.map((r) => r.participant_id)).size).toBe(5);
    // Each slot went to one of the people who asked for it, and the winners are exactly those told ok.
    const winners = people.filter((_, i) => outcomes[i] === 'ok');
    expect(rows.map((r) => r.participant_id).sort()).toEqual([...winners].sort());
    for (const r of rows) expect(slots[people.indexOf(r.participant_id) % 5]).toBe(r.id);
    expect(await count('SELECT count(*)::integer AS n FROM participant_messages WHERE slot_id = ANY($1::uuid[])', [slots])).toBe(5);
  });
});

describe('answers', () => {
  it('an invitation answered twice at once (on behalf and by its link) counts once: one acceptance, one election.alreadyAnswered', async () => {
    const [slot] = await insertSlots(f, 1, f.taskTypes.morgenvagt);
    const [p] = await insertParticipants(f.tenantId, [{}]);
    const invited = await assignTask(deps, admin(), f.electionId, slot!, { participantId: p! }, { publicOrigin: ORIGIN });
    const token = invited.invitationLink!.split('/').pop()!;
    const results = await race({ table: 'participants', ids: [p!] }, 2, [
      () => answerInvitation(deps, admin(), { electionId: f.electionId, slotId: slot! }, 'accept'),
      () => answerInvitation(deps, anonymous(), { token }, 'accept'),
    ]);
    expect(results.map(outcome).sort()).toEqual(['election.alreadyAnswered', 'ok']);
    expect(await slotRow(slot!)).toMatchObject({ participant_id: p, state: 'accepted' });
    expect((await messagesOf(slot!)).map((m) => m.event)).toEqual(['invitation', 'registrationConfirmed']);
    expect(await taskAudits('election.taskAnswered', [slot!])).toBe(1);
  });

  it('an acceptance racing a rejection: one of them, and the state says which (accepted, or vacant with the rejection remembered)', async () => {
    for (let i = 0; i < 4; i++) {
      const [slot] = await insertSlots(f, 1, f.taskTypes.morgenvagt, f.workLocations[1]);
      const [p] = await insertParticipants(f.tenantId, [{}]);
      await assignTask(deps, admin(), f.electionId, slot!, { participantId: p! }, { publicOrigin: ORIGIN });
      const results = await race({ table: 'participants', ids: [p!] }, 2, [
        () => answerInvitation(deps, admin(), { electionId: f.electionId, slotId: slot! }, 'accept'),
        () => answerInvitation(deps, admin(), { electionId: f.electionId, slotId: slot! }, 'reject'),
      ]);
      const [accept, reject] = results.map(outcome);
      expect([accept, reject].sort()).toEqual(['election.alreadyAnswered', 'ok']);
      const row = await slotRow(slot!);
      const rejections = await count('SELECT count(*)::integer AS n FROM task_rejections WHERE slot_id = $1', [slot]);
      if (accept === 'ok') expect([row.state, row.participant_id, rejections]).toEqual(['accepted', p, 0]);
      else expect([row.state, row.participant_id, row.invitation_token_hash, rejections]).toEqual(['vacant', null, null, 1]);
    }
  });
});

describe('a removal racing an acceptance', () => {
  it('ends consistent every time: removed before the answer (the answer refused, invitation retracted) or after it (accepted, then removed and told so)', async () => {
    const seen = new Set<string>();
    for (let i = 0; i < 6; i++) {
      const [slot] = await insertSlots(f, 1, f.taskTypes.fintaeller, f.workLocations[i % 2]);
      const [p] = await insertParticipants(f.tenantId, [{}]);
      const invited = await assignTask(deps, admin(), f.electionId, slot!, { participantId: p! }, { publicOrigin: ORIGIN });
      const token = invited.invitationLink!.split('/').pop()!;
      const results = await race({ table: 'participants', ids: [p!] }, 2, [() => unassignTask(deps, admin(), f.electionId, slot!), () => answerInvitation(deps, anonymous(), { token }, 'accept')]);
      const [removal, answer] = results.map(outcome);
      expect(removal).toBe('ok'); // the removal always applies: before the answer, or after it
      const row = await slotRow(slot!);
      expect([row.state, row.participant_id, row.invitation_token_hash, row.answered_at]).toEqual(['vacant', null, null, null]);
      const events = (await messagesOf(slot!)).map((m) => m.event);
      if (answer === 'ok') {
        seen.add('accepted first');
        expect(events).toEqual(['invitation', 'registrationConfirmed', 'removedFromTask']);
      } else {
        seen.add('removed first');
        expect(['election.notInvited', 'notFound']).toContain(answer);
        expect(events).toEqual(['invitation', 'invitationRetracted']);
        expect(await taskAudits('election.taskAnswered', [slot!])).toBe(0);
      }
    }
    // Which order happened is the database's choice; each run above checked the invariant of the order it took.
    expect(seen.size).toBeGreaterThan(0);
  });
});

describe('the same person, two overlapping slots at once', () => {
  it.each([
    ['valgstyrer 07–20 and fintæller 19–23 at two stations', 'valgstyrer', 'fintaeller'],
    ['two valgstyrer slots on the same day', 'valgstyrer', 'valgstyrer'],
  ] as const)('%s: one assignment, one election.overlap', async (_name, first, second) => {
    const [s1] = await insertSlots(f, 1, f.taskTypes[first], f.workLocations[0]);
    const [s2] = await insertSlots(f, 1, f.taskTypes[second], f.workLocations[1]);
    const [p] = await insertParticipants(f.tenantId, [{}]);
    const results = await race({ table: 'participants', ids: [p!] }, 2, [s1!, s2!].map((s) => () => assignTask(deps, admin(), f.electionId, s, { participantId: p!, registerDirectly: true }, { publicOrigin: ORIGIN })));
    expect(results.map(outcome).sort()).toEqual(['election.overlap', 'ok']);
    expect(await count("SELECT count(*)::integer AS n FROM task_slots WHERE participant_id = $1 AND state IN ('invited', 'accepted')", [p])).toBe(1);
  });

  it('touching tasks (morgenvagt 06–07, valgstyrer 07–20) do not overlap: both given', async () => {
    const [s1] = await insertSlots(f, 1, f.taskTypes.morgenvagt);
    const [s2] = await insertSlots(f, 1, f.taskTypes.valgstyrer);
    const [p] = await insertParticipants(f.tenantId, [{}]);
    const results = await race({ table: 'participants', ids: [p!] }, 2, [s1!, s2!].map((s) => () => assignTask(deps, admin(), f.electionId, s, { participantId: p! }, { publicOrigin: ORIGIN })));
    expect(results.map(outcome)).toEqual(['ok', 'ok']);
  });
});

describe('the database behind the locks', () => {
  it('refuses a second slot of the same task type on the same date for one person, whoever writes it', async () => {
    const [s1, s2] = await insertSlots(f, 2, f.taskTypes.valgstyrer, f.workLocations[1], '2030-05-31');
    const [p] = await insertParticipants(f.tenantId, [{}]);
    await q("UPDATE task_slots SET participant_id = $2, state = 'accepted' WHERE id = $1", [s1, p]);
    const err = (await q("UPDATE task_slots SET participant_id = $2, state = 'invited' WHERE id = $1", [s2, p]).catch((e: unknown) => e)) as { parent?: { constraint?: string } };
    expect(err.parent?.constraint).toBe('task_slots_one_per_type_and_day');
    expect((await slotRow(s2!)).participant_id).toBeNull();
  });

  it('clears a vacated slot’s holder fields and link, whoever vacates it (a participant’s deletion does it its own way)', async () => {
    const [slot] = await insertSlots(f, 1, f.taskTypes.valgstyrer, f.workLocations[0], '2030-05-30');
    const [p] = await insertParticipants(f.tenantId, [{}]);
    await assignTask(deps, admin(), f.electionId, slot!, { participantId: p! }, { publicOrigin: ORIGIN });
    await answerInvitation(deps, admin(), { electionId: f.electionId, slotId: slot! }, 'accept');
    expect(await slotRow(slot!)).toMatchObject({ state: 'accepted', answered_on_behalf: true });
    expect((await slotRow(slot!)).invitation_token_hash).toMatch(/^[0-9a-f]{64}$/);
    await q("UPDATE task_slots SET participant_id = NULL, state = 'vacant' WHERE id = $1", [slot]);
    const row = await slotRow(slot!);
    expect([row.registered_directly, row.answered_on_behalf, row.answered_at, row.invitation_token_hash]).toEqual([false, false, null, null]);
    expect(row.invited_at).not.toBeNull(); // once invited stays so: the slot is not moved to another team
    expect(TASK_DATE).toBe('2030-06-01');
  });
});
