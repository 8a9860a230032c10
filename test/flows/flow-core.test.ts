// The interpreter's pure core on a virtual clock: the built-in application flow and the patterns the next
// modules need, run to their end with every fire time checked, in the tenant's time zone.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadBuiltinFlow, parameterDefaults } from '../../engine/flows/builtin';
import { addDuration } from '../../workflows/flow/core/durations';
import { simulate } from '../../workflows/flow/core/simulate';
import { nextDue, start, step } from '../../workflows/flow/core/step';
import type { FlowContext, FlowDefinition } from '../../workflows/flow/core/types';

/** A vote window whose votes reach the flow as events (test/fixtures): the engine's counters and thresholds. */
const countedVoteWindow = () => JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'counted-vote-window.flow.json'), 'utf8')) as FlowDefinition;

const ZONE = 'Europe/Copenhagen';
const T0 = '2026-03-02T08:00:00.000Z'; // a Monday, 09:00 in Copenhagen
const ctxOf = (def: FlowDefinition, facts: Record<string, unknown> = {}, overrides: Record<string, unknown> = {}): FlowContext => ({ zone: ZONE, parameters: { ...parameterDefaults(def), ...overrides }, facts });
const day = (n: number, from = T0) => addDuration(from, { days: n }, {}, ZONE);
const actionsOf = (r: ReturnType<typeof simulate>, action: string) => r.commands.filter((c) => c.action === action);

describe('durations', () => {
  it('adds calendar units in the tenant time zone, across daylight saving and month ends', () => {
    // Copenhagen moves to summer time on 29 March 2026: 09:00 stays 09:00 local, 07:00 UTC.
    expect(addDuration('2026-03-28T08:00:00.000Z', { days: 2 }, {}, ZONE)).toBe('2026-03-30T07:00:00.000Z');
    expect(addDuration('2026-01-31T10:00:00.000Z', { months: 1 }, {}, ZONE)).toBe('2026-02-28T10:00:00.000Z');
    expect(addDuration(T0, { days: 1, at: '16:30' }, {}, ZONE)).toBe('2026-03-03T15:30:00.000Z');
    expect(addDuration(T0, { days: { $param: 'n' } }, { n: 3 }, ZONE)).toBe(day(3));
    expect(() => addDuration(T0, { days: { $param: 'missing' } }, {}, ZONE)).toThrow(/missing/);
  });
});

describe('the application flow', () => {
  const def = loadBuiltinFlow('application.flow.json');

  it('never answered: a receipt, a task, and a reminder every 2 days until the cap', () => {
    const r = simulate(def, ctxOf(def), T0, {});
    expect(r.commands.slice(0, 3).map((c) => [c.action, c.at])).toEqual([
      ['notify', T0],
      ['createTask', T0],
      ['setStatus', T0],
    ]);
    const reminders = actionsOf(r, 'notify').filter((c) => c.rule === 'remind-caseworker');
    expect(reminders.map((c) => c.at)).toEqual(Array.from({ length: 15 }, (_, i) => day(2 * (i + 1))));
    expect(r.endedAt).toBeUndefined();
    expect(r.warnings.map((w) => w.kind)).toEqual(['noDeletion', 'notEnded']);
  });

  it('approved on day 6: two reminders, the citizen told, data deleted 6 months after the decision, then ended', () => {
    const r = simulate(def, ctxOf(def), T0, { inputs: [{ after: { days: 6 }, kind: 'decide', task: 'decide', decision: 'approve' }] });
    expect(actionsOf(r, 'notify').map((c) => [c.rule, c.at, c.config.template])).toEqual([
      ['receive', T0, 'application-received'],
      ['remind-caseworker', day(2), 'task-reminder'],
      ['remind-caseworker', day(4), 'task-reminder'],
      ['approved', day(6), 'application-approved'],
    ]);
    // Day 6 is also when the third reminder was due: an input at the same moment comes first and stops it.
    expect(actionsOf(r, 'deletePersonalData').map((c) => c.at)).toEqual([addDuration(day(6), { months: 6 }, {}, ZONE)]);
    expect(r.state.status).toBe('approved');
    expect(r.endedAt).toBe(addDuration(day(6), { months: 6 }, {}, ZONE));
    expect(r.warnings).toEqual([]);
  });

  it('a parameter change moves every reminder (3 days instead of 2)', () => {
    const r = simulate(def, ctxOf(def, {}, { reminderDays: 3 }), T0, { inputs: [{ after: { days: 10 }, kind: 'decide', task: 'decide', decision: 'reject' }] });
    expect(actionsOf(r, 'notify').filter((c) => c.rule === 'remind-caseworker').map((c) => c.at)).toEqual([day(3), day(6), day(9)]);
    expect(r.state.status).toBe('rejected');
  });

  it('warns when the deletion comes later than the municipality allows', () => {
    const r = simulate(def, ctxOf(def, {}, { retentionMonths: 30 }), T0, { inputs: [{ after: { days: 1 }, kind: 'decide', task: 'decide', decision: 'approve' }] }, { retentionMonths: 24 });
    expect(r.warnings.map((w) => w.kind)).toEqual(['deletionTooLate']);
  });

  it('refuses a decision that is not offered and one on a closed task', () => {
    const { state } = start(def, ctxOf(def), T0);
    expect(() => step(def, ctxOf(def), state, { kind: 'decide', at: day(1), task: 'decide', decision: 'maybe', by: 'u' })).toThrow(/not a decision/);
    const decided = step(def, ctxOf(def), state, { kind: 'decide', at: day(1), task: 'decide', decision: 'approve', by: 'u' }).state;
    expect(() => step(def, ctxOf(def), decided, { kind: 'decide', at: day(2), task: 'decide', decision: 'reject', by: 'u' })).toThrow(/no open task/);
  });
});

describe('the patterns the next modules need', () => {
  it('an invitation reminds every 4 days until answered or 7 days before the task date, then 5 days before the task', () => {
    const def = loadBuiltinFlow('invitation.flow.json');
    const invited = { slot: { status: 'invited' }, taskType: { reminders: true } };
    const sent = (r: ReturnType<typeof simulate>) => actionsOf(r, 'sendParticipantMessage').map((c) => [c.config.event, c.at]);
    // Task on day 30: the invitation, reminders on days 4, 8, …, 20 (day 24 is within 7 days of the task), none after.
    const never = simulate(def, ctxOf(def, invited), T0, { dates: { taskDate: { days: 30 } } });
    expect(sent(never)).toEqual([['invitation', T0], ...[4, 8, 12, 16, 20].map((n) => ['invitationReminder', day(n)])]);
    expect(never.state.status).toBe('unanswered');
    // Answered on day 9 (the slot not accepted: declined): reminders on days 4 and 8, nothing after.
    const declined = simulate(def, ctxOf(def, invited), T0, { dates: { taskDate: { days: 30 } }, inputs: [{ after: { days: 9 }, kind: 'event', type: 'invitation.answered' }] });
    expect(sent(declined)).toEqual([['invitation', T0], ['invitationReminder', day(4)], ['invitationReminder', day(8)]]);
    expect(declined.state.status).toBe('declined');
    // Registered directly: the confirmation, then the task reminder 5 days before the task at 09:00.
    const accepted = { slot: { status: 'accepted' }, taskType: { reminders: true } };
    const direct = simulate(def, ctxOf(def, accepted), T0, { dates: { taskDate: { days: 30 } } });
    expect(sent(direct)).toEqual([['registrationConfirmed', T0], ['taskReminder', addDuration(day(25), { days: 0, at: '09:00' }, {}, ZONE)]]);
    expect(direct.state.status).toBe('done');
    // A task type without reminders: no task reminder.
    const quiet = simulate(def, ctxOf(def, { ...accepted, taskType: { reminders: false } }), T0, { dates: { taskDate: { days: 30 } } });
    expect(sent(quiet)).toEqual([['registrationConfirmed', T0]]);
    // The task date moves 10 days later: the timers follow it.
    const moved = simulate(def, ctxOf(def, accepted), T0, { dates: { taskDate: { days: 30 } }, inputs: [{ after: { days: 12 }, kind: 'datesChanged', dates: { taskDate: { days: 40 } } }] });
    expect(actionsOf(moved, 'sendParticipantMessage').filter((c) => c.rule === 'task-reminder').map((c) => c.at)).toEqual([addDuration(day(35), { days: 0, at: '09:00' }, {}, ZONE)]);
  });

  it('a 90-day vote window closes on time, qualifies at the threshold, and can be extended up to its cap', () => {
    const def = countedVoteWindow();
    const ctx = ctxOf(def, {}, { threshold: 3 });
    const votes = [5, 6, 7, 8].map((n) => ({ after: { days: n }, kind: 'event' as const, type: 'vote.cast' }));
    const r = simulate(def, ctx, T0, { inputs: votes });
    expect(r.commands.filter((c) => c.action === 'setStatus').map((c) => [c.config.status, c.at])).toEqual([
      ['qualified', day(7)],
      ['closed', day(90)],
    ]);
    expect(r.state.counters.votes).toBe(4);
    expect(actionsOf(r, 'deletePersonalData').map((c) => c.at)).toEqual([day(90)]);
    expect(r.endedAt).toBe(day(90));

    const extended = simulate(def, ctx, T0, { inputs: [{ after: { days: 80 }, kind: 'extendDeadline', deadline: 'voting', by: { days: 30 } }] });
    expect(extended.commands.find((c) => c.config.status === 'closed')?.at).toBe(day(120));
    const tooMuch = simulate(def, ctx, T0, {
      inputs: [
        { after: { days: 10 }, kind: 'extendDeadline', deadline: 'voting', by: { days: 40 } },
        { after: { days: 20 }, kind: 'extendDeadline', deadline: 'voting', by: { days: 30 } },
      ],
    });
    expect(tooMuch.warnings.find((w) => w.kind === 'inputRefused')?.message).toMatch(/at most its cap/);
    expect(tooMuch.commands.find((c) => c.config.status === 'closed')?.at).toBe(day(130));
  });

  it('deletes 3 months after election day unless the person consented to be kept', () => {
    const def = loadBuiltinFlow('election-retention.flow.json');
    const electionDay = { days: 20 };
    const plain = simulate(def, ctxOf(def), T0, { dates: { electionDay } });
    expect(actionsOf(plain, 'deletePersonalData').map((c) => c.at)).toEqual([addDuration(day(20), { months: 3 }, {}, ZONE)]);
    expect(plain.state.status).toBe('erased');
    const kept = simulate(def, ctxOf(def, { consent: { keepForNextElection: true } }), T0, { dates: { electionDay } });
    expect(actionsOf(kept, 'deletePersonalData')).toEqual([]);
    expect(kept.state.status).toBe('kept');
  });

  it('computes no timer for an instance that has ended', () => {
    const def = countedVoteWindow();
    const r = simulate(def, ctxOf(def), T0, {});
    expect(r.endedAt).toBeDefined();
    expect(nextDue(def, ctxOf(def), r.state)).toBeUndefined();
  });
});
