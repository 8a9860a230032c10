// The timeline preview: the pure core run on a virtual clock over a scenario ("never answers", "approved on
// day 6", "extended by 30 days"). No side effect happens; the commands it would have given are listed with
// their times. The same function is what the agreement test compares with a real run on Temporal.
import type { Duration } from '../../../schemas/types/flows-flow-definition-draft';
import { addDuration } from './durations';
import { deadlineAt, FlowInputError, nextDue, start, step } from './step';
import type { FlowCommand, FlowContext, FlowDefinition, FlowInput, FlowState, TimelineEntry } from './types';

/** A date as an offset from the start, or as a time (ISO). */
type ScenarioDate = Duration | string;
type ScenarioInput = { kind: 'event'; type: string; status?: string } | { kind: 'decide'; task: string; decision: string } | { kind: 'extendDeadline'; deadline: string; by: Duration } | { kind: 'datesChanged'; dates: Record<string, ScenarioDate> };

export interface Scenario {
  name?: string;
  /** The subject's dates, as offsets from the start or as times. */
  dates?: Record<string, ScenarioDate>;
  /** What happens, each at an offset from the start; in order. */
  inputs?: ({ after: Duration } & ScenarioInput)[];
  /** How far to look; 5 years by default. */
  horizon?: Duration;
}

/** The codes a preview warning can have; each has its text in the admin site's locale files. */
export const PREVIEW_WARNING_CODES = ['preview.reminderAfterDeadline', 'preview.deletionTooLate', 'preview.noDeletion', 'preview.decisionRefused', 'preview.extensionRefused', 'preview.inputRefused', 'preview.notEnded'] as const;

export interface PreviewWarning {
  kind: 'reminderAfterDeadline' | 'deletionTooLate' | 'noDeletion' | 'inputRefused' | 'notEnded';
  /** Stable code and params, which the admin site translates; `message` is the English text for API users. */
  code: (typeof PREVIEW_WARNING_CODES)[number];
  params: Record<string, string | number>;
  at?: string;
  rule?: string;
  message: string;
}

export interface PreviewResult {
  timeline: TimelineEntry[];
  commands: FlowCommand[];
  warnings: PreviewWarning[];
  endedAt?: string;
  state: FlowState;
}

export interface PreviewLimits {
  /** The tenant's longest allowed keeping of personal data after the flow started, in months. */
  retentionMonths?: number;
}

const STEP_LIMIT = 5000;
const REMINDER_ACTIONS = new Set(['notify']);

function offsetDates(startAt: string, dates: Record<string, ScenarioDate> | undefined, ctx: FlowContext): Record<string, string> {
  return Object.fromEntries(Object.entries(dates ?? {}).map(([k, d]) => [k, typeof d === 'string' ? d : addDuration(startAt, d, ctx.parameters, ctx.zone)]));
}

export function simulate(def: FlowDefinition, ctx: FlowContext, startAt: string, scenario: Scenario, limits: PreviewLimits = {}): PreviewResult {
  const warnings: PreviewWarning[] = [];
  const horizon = addDuration(startAt, scenario.horizon ?? { months: 60 }, ctx.parameters, ctx.zone);
  let { state, commands } = start(def, ctx, startAt, offsetDates(startAt, scenario.dates, ctx));
  const all = [...commands];
  const pending = (scenario.inputs ?? []).map((i) => ({ ...i, at: addDuration(startAt, i.after, ctx.parameters, ctx.zone) }));
  for (let n = 0; n < STEP_LIMIT && !state.endedAt; n++) {
    const due = nextDue(def, ctx, state);
    const input = pending[0];
    let next: FlowInput;
    if (input && (!due || Date.parse(input.at) <= Date.parse(due.at))) {
      pending.shift();
      next = toInput(input, startAt, ctx);
    } else if (due && Date.parse(due.at) <= Date.parse(horizon)) {
      next = { kind: 'tick', at: due.at };
    } else break;
    try {
      ({ state, commands } = step(def, ctx, state, next));
      all.push(...commands);
    } catch (err) {
      if (!(err instanceof FlowInputError)) throw err;
      warnings.push({ kind: 'inputRefused', ...refusal(next), at: next.at, message: err.message });
    }
  }
  warnings.push(...reviewTimeline(def, ctx, state, all, startAt, limits));
  return { timeline: state.timeline, commands: all, warnings, ...(state.endedAt ? { endedAt: state.endedAt } : {}), state };
}

function toInput(i: { at: string } & ScenarioInput, startAt: string, ctx: FlowContext): FlowInput {
  switch (i.kind) {
    case 'event':
      return { kind: 'event', at: i.at, type: i.type, ...(i.status ? { status: i.status } : {}) };
    case 'decide':
      return { kind: 'decide', at: i.at, task: i.task, decision: i.decision, by: 'preview' };
    case 'extendDeadline':
      return { kind: 'extendDeadline', at: i.at, deadline: i.deadline, by: i.by, actor: 'preview' };
    case 'datesChanged':
      return { kind: 'datesChanged', at: i.at, dates: offsetDates(startAt, i.dates, ctx) };
  }
}

/**
 * What a refused scenario input was, as a code and params: the core's reason (a passed deadline, a task not
 * open) is English text of the workflow's own, so it stays in the message.
 */
function refusal(input: FlowInput): Pick<PreviewWarning, 'code' | 'params'> {
  if (input.kind === 'decide') return { code: 'preview.decisionRefused', params: { task: input.task, decision: input.decision } };
  if (input.kind === 'extendDeadline') return { code: 'preview.extensionRefused', params: { deadline: input.deadline } };
  return { code: 'preview.inputRefused', params: { input: input.kind } };
}

/** What an administrator should look at twice: reminders after their deadline, deletion late or never. */
function reviewTimeline(def: FlowDefinition, ctx: FlowContext, state: FlowState, commands: FlowCommand[], startAt: string, limits: PreviewLimits): PreviewWarning[] {
  const warnings: PreviewWarning[] = [];
  const deadlines = (def.deadlines ?? []).map((d) => ({ key: d.key, at: deadlineAt(def, ctx, state, d.key)?.at })).filter((d): d is { key: string; at: string } => !!d.at);
  for (const c of commands) {
    if (!REMINDER_ACTIONS.has(c.action)) continue;
    const when = def.rules?.find((r) => r.id === c.rule)?.when.on;
    if (when !== 'every' && when !== 'after' && when !== 'before') continue;
    const passed = deadlines.find((d) => Date.parse(d.at) < Date.parse(c.at));
    if (passed) {
      warnings.push({ kind: 'reminderAfterDeadline', code: 'preview.reminderAfterDeadline', params: { rule: c.rule, deadline: passed.key }, at: c.at, rule: c.rule, message: `The reminder of rule "${c.rule}" is sent after deadline "${passed.key}" has passed.` });
    }
  }
  const deletion = commands.find((c) => c.action === 'deletePersonalData');
  if (!deletion) warnings.push({ kind: 'noDeletion', code: 'preview.noDeletion', params: {}, message: 'Personal data is never deleted in this scenario.' });
  else if (limits.retentionMonths !== undefined) {
    const latest = addDuration(startAt, { months: limits.retentionMonths }, {}, ctx.zone);
    if (Date.parse(deletion.at) > Date.parse(latest)) {
      const params = { months: limits.retentionMonths, rule: deletion.rule };
      warnings.push({ kind: 'deletionTooLate', code: 'preview.deletionTooLate', params, at: deletion.at, rule: deletion.rule, message: `Personal data is deleted after the municipality's longest allowed keeping (${limits.retentionMonths} months from the start).` });
    }
  }
  if (!state.endedAt) warnings.push({ kind: 'notEnded', code: 'preview.notEnded', params: {}, message: 'The flow has not ended within the preview horizon.' });
  return warnings;
}
