// What it takes to publish a flow: the strict shape (schemas/flows/flow-definition-publishable), each action's
// config against its own schema, and the cross-references JSON Schema cannot see: statuses reachable from the
// initial one, every `every` bounded, every template, role, form, task, deadline, counter and parameter that is
// named exists, conditions use allowed operators only, and personal data is deleted within the tenant's maximum.
// Every problem comes back at once as a field error with a stable code and params (the pages translate it)
// and an English message (for API users and logs).
import { fieldError, type CodedFieldError, type FieldError, type ProblemParams } from '../../forms/validation';
import type { Duration, Rule } from '../../schemas/types/flows-flow-definition-draft';
import { resolveAmount } from '../../workflows/flow/core/durations';
import { inspectLogic } from '../../workflows/flow/core/logic';
import type { FlowDefinition } from '../../workflows/flow/core/types';
import { ValidationError } from '../errors';
import { fieldErrorsOf, schemaProblems } from '../validation';
import { flowAction, isInstalledModule, isKnownSubjectType, requiresDeletion } from './registry';
import { parameterDefaults } from './builtin';
import type { PublishReferences } from './action-types';

export type { PublishReferences } from './action-types';

/**
 * Every code a flow's publish check gives besides Ajv's `schema.<keyword>`, the actions' checks' included
 * (engine/flows/actions); each has its text in the admin site's locale files.
 */
export const FLOW_PROBLEM_CODES = [
  'flow.initialStatusCount',
  'flow.moduleNotInstalled',
  'flow.subjectTypeUnknown',
  'flow.parameterDefaultMissing',
  'flow.parameterBoundsMissing',
  'flow.parameterDefaultOutOfRange',
  'flow.parameterUnknown',
  'flow.parameterNotInteger',
  'flow.statusUnknown',
  'flow.taskUnknown',
  'flow.eventUnknown',
  'flow.roleUnknown',
  'flow.deadlineIncomplete',
  'flow.repetitionCount',
  'flow.repetitionInterval',
  'flow.deadlineUnknown',
  'flow.counterUnknown',
  'flow.operatorsForbidden',
  'flow.actionUnknown',
  'flow.actionConfigInvalid',
  'flow.retentionExceeded',
  'flow.statusUnreachable',
  'flow.deletionMissing',
  'flow.templateUnknown',
  'flow.formUnknown',
  'flow.flowUnknown',
] as const;
type FlowProblemCode = (typeof FLOW_PROBLEM_CODES)[number];

/**
 * An action's check may come from a module that gives only a message: it still gets a code, with the
 * action's name, so the pages have something to translate.
 */
function codedConfigProblem(field: string, action: string, p: { field: string; message: string; code?: unknown; params?: unknown }): CodedFieldError {
  if (typeof p.code === 'string') return fieldError(field, p.code, (p.params ?? {}) as ProblemParams, p.message);
  return fieldError(field, 'flow.actionConfigInvalid', { action }, p.message);
}

const MAX_EVERY = 100;
const CORE_EVENTS = new Set(['flow.started', 'statusEntered', 'taskCreated', 'taskCompleted', 'deadlineExtended']);

/** Roughly how many months a duration spans (months as months, the rest in 30-day months). */
function monthsOf(d: Duration, params: Record<string, unknown>): number {
  const days = resolveAmount(d.weeks, params) * 7 + resolveAmount(d.days, params) + resolveAmount(d.hours, params) / 24 + resolveAmount(d.minutes, params) / 1440;
  return resolveAmount(d.months, params) + days / 30;
}

function collectParamRefs(node: unknown, at: string, out: { path: string; name: string }[]): void {
  if (Array.isArray(node)) node.forEach((n, i) => collectParamRefs(n, `${at}/${i}`, out));
  else if (node && typeof node === 'object') {
    const rec = node as Record<string, unknown>;
    if (typeof rec.$param === 'string' && Object.keys(rec).length === 1) out.push({ path: at, name: rec.$param });
    else for (const [k, v] of Object.entries(rec)) if (k !== 'parameters') collectParamRefs(v, `${at}/${k}`, out);
  }
}

function referenceProblems(def: FlowDefinition, refs: PublishReferences): CodedFieldError[] {
  const problems: CodedFieldError[] = [];
  const add = (field: string, code: FlowProblemCode, params: ProblemParams, message: string) => problems.push(fieldError(field, code, params, message));
  const statuses = new Set((def.statuses ?? []).map((s) => s.key));
  const initials = (def.statuses ?? []).filter((s) => s.initial);
  if (initials.length !== 1) add('/statuses', 'flow.initialStatusCount', { count: initials.length }, `exactly one status must be the initial one (${initials.length} are)`);
  if (!isInstalledModule(def.module)) add('/module', 'flow.moduleNotInstalled', { module: def.module }, `"${def.module}" is not an installed module`);
  if (!isKnownSubjectType(def.subjectType)) add('/subjectType', 'flow.subjectTypeUnknown', { subjectType: def.subjectType }, `"${def.subjectType}" is not a subject type any module provides`);

  const params = def.parameters?.properties ?? {};
  for (const [name, p] of Object.entries(params)) {
    if (p.default === undefined) add(`/parameters/properties/${name}/default`, 'flow.parameterDefaultMissing', { parameter: name }, 'every parameter needs a default');
    if ((p.type === 'integer' || p.type === 'number') && (p.minimum === undefined || p.maximum === undefined)) add(`/parameters/properties/${name}`, 'flow.parameterBoundsMissing', { parameter: name }, 'a number needs a minimum and a maximum');
    if (typeof p.default === 'number' && ((p.minimum !== undefined && p.default < p.minimum) || (p.maximum !== undefined && p.default > p.maximum))) {
      add(`/parameters/properties/${name}/default`, 'flow.parameterDefaultOutOfRange', { parameter: name, default: p.default, minimum: p.minimum ?? null, maximum: p.maximum ?? null }, `the default ${p.default} is outside ${p.minimum}–${p.maximum}`);
    }
  }
  const refsToParams: { path: string; name: string }[] = [];
  collectParamRefs(def, '', refsToParams);
  for (const r of refsToParams) if (!params[r.name]) add(r.path, 'flow.parameterUnknown', { parameter: r.name }, `there is no parameter "${r.name}"`);
  else if (params[r.name]!.type !== 'integer') add(r.path, 'flow.parameterNotInteger', { parameter: r.name }, `parameter "${r.name}" must be a whole number to be used here`);
  if (problems.length) return problems; // the checks below resolve parameters
  const values = parameterDefaults(def);

  const tasks = new Set<string>();
  const targets = new Set<string>();
  (def.rules ?? []).forEach((rule) =>
    (rule.then ?? []).forEach((a) => {
      const c = (a.config ?? {}) as Record<string, unknown>;
      if (a.action === 'createTask') tasks.add(String(c.task));
      if (a.action === 'setStatus') targets.add(String(c.status));
    }),
  );
  const deadlines = new Set((def.deadlines ?? []).map((d) => d.key));
  const counters = new Set((def.counters ?? []).map((c) => c.key));
  const checkMatch = (m: { event: string; status?: string; task?: string } | undefined, field: string) => {
    if (!m) return;
    if (m.status !== undefined && !statuses.has(m.status)) add(`${field}/status`, 'flow.statusUnknown', { status: m.status }, `there is no status "${m.status}"`);
    if (m.task !== undefined && !tasks.has(m.task)) add(`${field}/task`, 'flow.taskUnknown', { task: m.task }, `no rule creates a task "${m.task}"`);
    if (m.event.startsWith('flow.') && !CORE_EVENTS.has(m.event)) add(`${field}/event`, 'flow.eventUnknown', { event: m.event }, `"${m.event}" is not an event of the engine`);
  };
  (def.deadlines ?? []).forEach((d, i) => {
    if (d.from && 'event' in d.from) checkMatch(d.from.event, `/deadlines/${i}/from/event`);
    if (d.extension && !refs.roles.has(d.extension.role)) add(`/deadlines/${i}/extension/role`, 'flow.roleUnknown', { role: d.extension.role }, `there is no role "${d.extension.role}"`);
    if (!d.from || !d.duration) add(`/deadlines/${i}`, 'flow.deadlineIncomplete', { deadline: d.key }, 'a deadline needs a start (from) and a duration');
  });

  let deletes = 0;
  (def.rules ?? []).forEach((rule: Rule, i) => {
    const at = `/rules/${i}`;
    const w = rule.when;
    if (w.on === 'event' || w.on === 'every' || (w.on === 'after' && w.event)) checkMatch(w.event, `${at}/when/event`);
    if (w.on === 'every') {
      const max = resolveAmount(w.maxCount, values);
      if (max < 1 || max > MAX_EVERY) add(`${at}/when/maxCount`, 'flow.repetitionCount', { max: MAX_EVERY }, `a repetition must stop after 1 to ${MAX_EVERY} times`);
      if (monthsOf(w.duration, values) <= 0) add(`${at}/when/duration`, 'flow.repetitionInterval', {}, 'a repetition needs an interval longer than nothing');
      (w.until ?? []).forEach((s, j) => {
        if (s.on === 'event') checkMatch(s.event, `${at}/when/until/${j}/event`);
        if (s.on === 'deadline' && !deadlines.has(s.deadline)) add(`${at}/when/until/${j}/deadline`, 'flow.deadlineUnknown', { deadline: s.deadline }, `there is no deadline "${s.deadline}"`);
      });
    }
    if (w.on === 'deadline' && !deadlines.has(w.deadline)) add(`${at}/when/deadline`, 'flow.deadlineUnknown', { deadline: w.deadline }, `there is no deadline "${w.deadline}"`);
    if (w.on === 'threshold' && !counters.has(w.counter)) add(`${at}/when/counter`, 'flow.counterUnknown', { counter: w.counter }, `there is no counter "${w.counter}"`);
    if (rule.if !== undefined) {
      const { forbidden } = inspectLogic(rule.if);
      if (forbidden.length) add(`${at}/if`, 'flow.operatorsForbidden', { operators: forbidden }, `the condition uses operators that are not allowed: ${forbidden.join(', ')}`);
    }
    (rule.then ?? []).forEach((a, j) => {
      const field = `${at}/then/${j}`;
      const action = flowAction(a.action);
      if (!action) return add(`${field}/action`, 'flow.actionUnknown', { action: a.action }, `there is no action "${a.action}"`);
      const before = problems.length;
      problems.push(...schemaProblems(action.configSchema, a.config ?? {}, `${field}/config`));
      if (problems.length > before) return;
      for (const p of action.check?.((a.config ?? {}) as Record<string, unknown>, { refs, statuses, deadlines }) ?? []) problems.push(codedConfigProblem(`${field}/config${p.field}`, a.action, p));
      if (action.deletesPersonalData) {
        deletes++;
        const months = w.on === 'after' ? monthsOf(w.duration, values) : 0;
        if (months > refs.retentionMonths) {
          add(`${at}/when/duration`, 'flow.retentionExceeded', { months: Math.round(months), maxMonths: refs.retentionMonths }, `personal data would be kept about ${Math.round(months)} months; the municipality allows at most ${refs.retentionMonths}`);
        }
      }
    });
  });
  for (const s of def.statuses ?? []) if (!s.initial && !targets.has(s.key)) add(`/statuses/${def.statuses!.indexOf(s)}`, 'flow.statusUnreachable', { status: s.key }, `status "${s.key}" cannot be reached: no rule sets it`);
  if (deletes === 0 && requiresDeletion(def.subjectType)) add('/rules', 'flow.deletionMissing', {}, 'no rule deletes the personal data (add a deletePersonalData action)');
  return problems;
}

export function assertPublishableFlow(draft: unknown, refs: PublishReferences): FlowDefinition {
  const shape = schemaProblems('flows/flow-definition-publishable.schema.json', draft);
  const problems = shape.length ? shape : referenceProblems(draft as FlowDefinition, refs);
  if (problems.length) throw new ValidationError(problems, 'The flow cannot be published yet: see the problems for each field.');
  return draft as FlowDefinition;
}

export function flowPublishProblems(draft: unknown, refs: PublishReferences): FieldError[] {
  return fieldErrorsOf(() => assertPublishableFlow(draft, refs));
}
