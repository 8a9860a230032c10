// The interpreter's core: step(definition, context, state, input) → { state, commands }. Pure and
// deterministic: no clock, no I/O; every time comes in with the input. The workflow (../workflow.ts) and the
// administrator's timeline preview (./simulate.ts) both run exactly this code, so the preview is what will
// happen. Timers are not stored: nextDue() computes them from the state every time, so a changed date of the
// subject or an extended deadline moves them without any bookkeeping.
import type { EventMatch, Rule, Stop } from '../../../schemas/types/flows-flow-definition-draft';
import { addDuration, addDurations, resolveAmount, spanMinutes, subtractDuration } from './durations';
import { evaluateCondition } from './logic';
import type { DueOccurrence, Duration, FlowCommand, FlowContext, FlowDefinition, FlowEvent, FlowInput, FlowState, StepResult, TimelineEntry } from './types';

const MAX_CASCADE = 20;
const MAX_FIRINGS_PER_STEP = 1000;
/** Kept in the state (and so across continue-as-new); older entries are dropped. */
export const TIMELINE_LIMIT = 500;
const EVENTS_LIMIT = 500;

export class FlowInputError extends Error {}

const before = (a: string, b: string) => Date.parse(a) < Date.parse(b);
const notAfter = (a: string, b: string) => Date.parse(a) <= Date.parse(b);

function matches(m: EventMatch, e: FlowEvent): boolean {
  return m.event === e.type && (m.status === undefined || m.status === e.status) && (m.task === undefined || m.task === e.task) && (m.decision === undefined || m.decision === e.decision);
}

function lastMatching(state: FlowState, m: EventMatch): FlowEvent | undefined {
  for (let i = state.events.length - 1; i >= 0; i--) if (matches(m, state.events[i]!)) return state.events[i];
  return undefined;
}

/** When the deadline falls (with its extensions), or undefined while its anchor has not happened. */
export function deadlineAt(def: FlowDefinition, ctx: FlowContext, state: FlowState, key: string): { at: string; base: string; anchor: string } | undefined {
  const d = def.deadlines?.find((x) => x.key === key);
  if (!d?.from || !d.duration) return undefined;
  let from: string | undefined;
  let anchor: string;
  if ('event' in d.from) {
    const e = lastMatching(state, d.from.event);
    from = e?.at;
    anchor = `e${e?.seq}`;
  } else {
    from = state.dates[d.from.date];
    anchor = `d${from}`;
  }
  if (!from) return undefined;
  const base = addDuration(from, d.duration, ctx.parameters, ctx.zone);
  const extended = addDurations(base, state.extensions[key] ?? [], ctx.parameters, ctx.zone);
  // Closed early: the deadline falls when it was closed (never later than it would have).
  const early = state.closedEarly?.[key];
  return { at: early && before(early, extended) ? early : extended, base, anchor };
}

function stopped(def: FlowDefinition, ctx: FlowContext, state: FlowState, stops: Stop[] | undefined, anchor: FlowEvent, at: string): boolean {
  return (stops ?? []).some((s) => {
    if (s.on === 'event') return state.events.some((e) => e.seq > anchor.seq && matches(s.event, e));
    if (s.on === 'before') {
      const date = state.dates[s.date];
      return date !== undefined && !before(at, subtractDuration(date, s.duration, ctx.parameters, ctx.zone));
    }
    const dl = deadlineAt(def, ctx, state, s.deadline);
    return dl !== undefined && !before(at, dl.at);
  });
}

/** The next occurrence of every timed rule, earliest first. */
export function dueOccurrences(def: FlowDefinition, ctx: FlowContext, state: FlowState): DueOccurrence[] {
  const out: DueOccurrence[] = [];
  for (const rule of def.rules ?? []) {
    const w = rule.when;
    const push = (series: string, at: string) => {
      const occurrence = (state.fired[series] ?? 0) + 1;
      out.push({ at, rule: rule.id, series, occurrence });
    };
    if (w.on === 'after' && w.date !== undefined) {
      const date = state.dates[w.date];
      const series = `${rule.id}@${date}`;
      if (date && !state.fired[series]) push(series, addDuration(date, w.duration, ctx.parameters, ctx.zone));
    } else if (w.on === 'after' && w.event) {
      for (const e of state.events) {
        const series = `${rule.id}@${e.seq}`;
        if (matches(w.event!, e) && !state.fired[series]) push(series, addDuration(e.at, w.duration, ctx.parameters, ctx.zone));
      }
    } else if (w.on === 'every') {
      const anchor = lastMatching(state, w.event);
      if (!anchor) continue;
      const series = `${rule.id}@${anchor.seq}`;
      const n = (state.fired[series] ?? 0) + 1;
      if (n > resolveAmount(w.maxCount ?? 1, ctx.parameters)) continue;
      const at = addDuration(anchor.at, w.duration, ctx.parameters, ctx.zone, n);
      if (!stopped(def, ctx, state, w.until, anchor, at)) push(series, at);
    } else if (w.on === 'before') {
      const date = state.dates[w.date];
      const series = `${rule.id}@${date}`;
      if (date && !state.fired[series]) push(series, subtractDuration(date, w.duration, ctx.parameters, ctx.zone));
    } else if (w.on === 'deadline') {
      const dl = deadlineAt(def, ctx, state, w.deadline);
      const series = `${rule.id}@${dl?.anchor}`;
      if (dl && !state.fired[series]) push(series, dl.at);
    }
  }
  return out.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

export function nextDue(def: FlowDefinition, ctx: FlowContext, state: FlowState): DueOccurrence | undefined {
  return state.endedAt ? undefined : dueOccurrences(def, ctx, state)[0];
}

/** A working copy of the state plus the commands and cascade depth of one step. */
class Stepper {
  readonly commands: FlowCommand[] = [];
  private firings = 0;

  constructor(
    readonly def: FlowDefinition,
    readonly ctx: FlowContext,
    readonly state: FlowState,
  ) {}

  note(entry: TimelineEntry): void {
    this.state.timeline.push(entry);
    if (this.state.timeline.length > TIMELINE_LIMIT) this.state.timeline.splice(0, this.state.timeline.length - TIMELINE_LIMIT);
  }

  /** Records an event, counts it, and fires the rules it triggers (and the thresholds it crosses). */
  emit(event: Omit<FlowEvent, 'seq'>, depth: number): void {
    if (depth > MAX_CASCADE) throw new Error(`rules trigger each other more than ${MAX_CASCADE} times in a row`);
    const e: FlowEvent = { ...event, seq: ++this.state.seq };
    this.state.events.push(e);
    if (this.state.events.length > EVENTS_LIMIT) this.state.events.splice(0, this.state.events.length - EVENTS_LIMIT);
    for (const c of this.def.counters ?? []) if (c.event === e.type) this.state.counters[c.key] = (this.state.counters[c.key] ?? 0) + 1;
    for (const rule of this.def.rules ?? []) {
      if (rule.when.on === 'event' && matches(rule.when.event, e)) this.fire(rule, `${rule.id}@${e.seq}`, e.at, e, depth);
    }
    for (const rule of this.def.rules ?? []) {
      const w = rule.when;
      if (w.on === 'threshold' && !this.state.fired[rule.id] && (this.state.counters[w.counter] ?? 0) >= resolveAmount(w.atLeast, this.ctx.parameters)) this.fire(rule, rule.id, e.at, e, depth);
    }
  }

  fire(rule: Rule, series: string, at: string, event: FlowEvent | undefined, depth: number): void {
    if (++this.firings > MAX_FIRINGS_PER_STEP) throw new Error(`more than ${MAX_FIRINGS_PER_STEP} rule firings in one step`);
    const occurrence = (this.state.fired[series] = (this.state.fired[series] ?? 0) + 1);
    const data = { ...this.ctx.facts, dates: this.state.dates, event: event ?? null, counters: this.state.counters, parameters: this.ctx.parameters, status: this.state.status };
    if (!evaluateCondition(rule.if, data)) {
      this.note({ at, kind: 'skipped', rule: rule.id, detail: 'condition' });
      return;
    }
    (rule.then ?? []).forEach((action, i) => {
      const config = (action.config ?? {}) as Record<string, unknown>;
      this.apply(rule, action.action, config, `${series}#${occurrence}/${i}`, at, depth);
    });
  }

  private apply(rule: Rule, action: string, config: Record<string, unknown>, key: string, at: string, depth: number): void {
    const command = { key, rule: rule.id, action, config, at };
    switch (action) {
      case 'setStatus': {
        const status = String(config.status);
        if (status === this.state.status) return;
        this.state.status = status;
        this.commands.push(command);
        this.note({ at, kind: 'status', rule: rule.id, action, detail: status });
        this.emit({ type: 'statusEntered', at, status }, depth + 1);
        return;
      }
      case 'createTask': {
        const task = String(config.task);
        if (this.state.tasks[task] && !this.state.tasks[task].decision) return; // already open
        const decisions = Array.isArray(config.decisions) ? config.decisions.map((d) => String((d as { key: string }).key)) : [];
        this.state.tasks[task] = { key: task, rule: rule.id, role: String(config.role), decisions, openedAt: at, ...(typeof config.form === 'string' ? { form: config.form } : {}) };
        this.commands.push(command);
        this.note({ at, kind: 'task', rule: rule.id, action, detail: task });
        this.emit({ type: 'taskCreated', at, task }, depth + 1);
        return;
      }
      case 'extendDeadline': {
        const deadline = String(config.deadline);
        if (this.extend(deadline, config.by as Duration, at, rule.id)) this.note({ at, kind: 'skipped', rule: rule.id, action, detail: `${deadline}: over the cap` });
        else this.commands.push(command);
        return;
      }
      default:
        this.commands.push(command);
        this.note({ at, kind: 'action', rule: rule.id, action, detail: typeof config.template === 'string' ? config.template : undefined });
    }
  }

  /** Adds an extension if it may be granted (see extensionProblem); otherwise changes nothing and says why. */
  extend(deadline: string, by: Duration, at: string, rule?: string): string | undefined {
    const problem = extensionProblem(this.def, this.ctx, this.state, deadline, by, at);
    if (problem) return problem;
    (this.state.extensions[deadline] ??= []).push(by);
    this.note({ at, kind: 'deadlineExtended', ...(rule ? { rule } : {}), detail: deadline });
    this.emit({ type: 'deadlineExtended', at }, 1);
    return undefined;
  }

  /** Fires every timer occurrence due at or before `at` (strictly before, if `strict`), earliest first, at its own due time. */
  runDue(at: string, strict = false): void {
    for (;;) {
      const due = nextDue(this.def, this.ctx, this.state);
      if (!due || !(strict ? before(due.at, at) : notAfter(due.at, at))) return;
      const rule = this.def.rules!.find((r) => r.id === due.rule)!;
      if (rule.when.on === 'before' && before(due.at, this.state.datesAt)) {
        // The date became known too late for this occurrence: say so rather than fire it late.
        this.state.fired[due.series] = due.occurrence;
        this.note({ at: this.state.datesAt, kind: 'skipped', rule: rule.id, detail: 'too late' });
        continue;
      }
      this.fire(rule, due.series, due.at, undefined, 0);
    }
  }

  settle(at: string): void {
    this.runDue(at);
    const final = this.def.statuses?.find((s) => s.key === this.state.status)?.final;
    const openTask = Object.values(this.state.tasks).some((t) => !t.decision);
    if (final && !openTask && !this.state.endedAt && !nextDue(this.def, this.ctx, this.state)) {
      // It ended with the last thing that happened (a timer fires at its due time, however late the tick).
      const endedAt = this.state.timeline[this.state.timeline.length - 1]?.at ?? at;
      this.state.endedAt = endedAt;
      this.note({ at: endedAt, kind: 'ended', detail: this.state.status });
    }
  }
}

/**
 * Why this deadline may not be closed early now (unknown, not one a person may move, not started, passed), or
 * undefined. A deadline a person may extend (it names who) is one they may also close early.
 */
export function closeProblem(def: FlowDefinition, ctx: FlowContext, state: FlowState, deadline: string, at: string): string | undefined {
  const d = def.deadlines?.find((x) => x.key === deadline);
  if (!d) return `no deadline "${deadline}"`;
  if (!d.extension) return `deadline "${deadline}" cannot be closed early`;
  const current = deadlineAt(def, ctx, state, deadline);
  if (!current) return `deadline "${deadline}" has not started`;
  if (!before(at, current.at)) return `deadline "${deadline}" has passed`;
  return undefined;
}

/** Why this extension may not be granted (unknown deadline, not extendable, passed, over the cap), or undefined. */
export function extensionProblem(def: FlowDefinition, ctx: FlowContext, state: FlowState, deadline: string, by: Duration, at: string): string | undefined {
  const d = def.deadlines?.find((x) => x.key === deadline);
  if (!d) return `no deadline "${deadline}"`;
  if (!d.extension) return `deadline "${deadline}" cannot be extended`;
  const current = deadlineAt(def, ctx, state, deadline);
  if (!current) return `deadline "${deadline}" has not started`;
  if (!before(at, current.at)) return `deadline "${deadline}" has passed`;
  if (spanMinutes(current.at, [by], ctx.parameters, ctx.zone) <= 0) return 'an extension must be longer than nothing';
  const granted = [...(state.extensions[deadline] ?? []), by];
  if (spanMinutes(current.base, granted, ctx.parameters, ctx.zone) > spanMinutes(current.base, [d.extension.max], ctx.parameters, ctx.zone)) return `deadline "${deadline}" may be extended by at most its cap in total`;
  return undefined;
}

function clone(state: FlowState): FlowState {
  return JSON.parse(JSON.stringify(state)) as FlowState;
}

/** A new instance at `at`: the initial status, `flow.started`, and whatever that triggers. */
export function start(def: FlowDefinition, ctx: FlowContext, at: string, dates: Record<string, string> = {}): StepResult {
  const initial = def.statuses?.find((s) => s.initial) ?? def.statuses?.[0];
  if (!initial) throw new Error('the flow has no statuses');
  const state: FlowState = { status: initial.key, startedAt: at, seq: 0, events: [], fired: {}, counters: {}, extensions: {}, dates: { ...dates }, datesAt: at, tasks: {}, timeline: [] };
  const s = new Stepper(def, ctx, state);
  s.note({ at, kind: 'started', detail: initial.key });
  s.emit({ type: 'flow.started', at }, 0);
  s.emit({ type: 'statusEntered', at, status: initial.key }, 0);
  s.settle(at);
  return { state, commands: s.commands };
}

export function step(def: FlowDefinition, ctx: FlowContext, previous: FlowState, input: FlowInput): StepResult {
  if (previous.endedAt) return { state: previous, commands: [] };
  const s = new Stepper(def, ctx, clone(previous));
  // Timers due before this input happen first, as they would have in real time; one due at the very same
  // moment comes after it (a decision taken at 09:00 stops the reminder of 09:00).
  s.runDue(input.at, true);
  switch (input.kind) {
    case 'tick':
      break;
    case 'event':
      s.note({ at: input.at, kind: 'event', detail: input.type });
      s.emit({ type: input.type, at: input.at, ...(input.status ? { status: input.status } : {}), ...(input.task ? { task: input.task } : {}), ...(input.decision ? { decision: input.decision } : {}) }, 0);
      break;
    case 'decide': {
      const problem = decisionProblem(s.state, input.task, input.decision);
      if (problem) throw new FlowInputError(problem);
      Object.assign(s.state.tasks[input.task]!, { decision: input.decision, decidedAt: input.at, decidedBy: input.by });
      s.note({ at: input.at, kind: 'decision', detail: `${input.task}: ${input.decision}` });
      s.emit({ type: 'taskCompleted', at: input.at, task: input.task, decision: input.decision }, 0);
      break;
    }
    case 'extendDeadline': {
      const problem = s.extend(input.deadline, input.by, input.at);
      if (problem) throw new FlowInputError(problem);
      break;
    }
    case 'closeDeadline': {
      const problem = closeProblem(def, ctx, s.state, input.deadline, input.at);
      if (problem) throw new FlowInputError(problem);
      (s.state.closedEarly ??= {})[input.deadline] = input.at;
      s.note({ at: input.at, kind: 'deadlineClosed', detail: input.deadline });
      break;
    }
    case 'datesChanged':
      Object.assign(s.state.dates, input.dates);
      s.state.datesAt = input.at;
      s.note({ at: input.at, kind: 'event', detail: 'datesChanged' });
      break;
  }
  s.settle(input.at);
  return { state: s.state, commands: s.commands };
}

/** Why this decision cannot be taken now, or undefined. */
export function decisionProblem(state: FlowState, task: string, decision: string): string | undefined {
  const t = state.tasks[task];
  if (!t || t.decision) return `no open task "${task}"`;
  if (!t.decisions.includes(decision)) return `"${decision}" is not a decision of task "${task}" (${t.decisions.join(', ')})`;
  return undefined;
}
