// Flow definitions in words, in the page's language, for the editor's rule summaries and the version diff.
// Statuses and tasks are named by their labels and parameters by their values where the definition is at hand
// (flowNames); message templates, deadlines and counters keep the administrator's own keys, in quotes.
import type { TFunction } from 'i18next';
import type { FlowDefinition } from '../../../../workflows/flow/core/types';

type Rule = NonNullable<FlowDefinition['rules']>[number];
type Amount = number | { $param: string };
type Duration = Partial<Record<'months' | 'weeks' | 'days' | 'hours' | 'minutes', Amount>> & { at?: string };
type EventMatch = { event: string; status?: string; task?: string; decision?: string };

const UNITS = ['months', 'weeks', 'days', 'hours', 'minutes'] as const;
/** The engine's own events, named in words (a module's events keep their names). */
const CORE_EVENTS: Record<string, string> = { 'flow.started': 'flowStarted', statusEntered: 'statusEntered', taskCreated: 'taskCreated', taskCompleted: 'taskCompleted', deadlineExtended: 'deadlineExtended' };

/**
 * How the sentences name a flow's own things: statuses, tasks, decisions, rules, deadlines and counters by
 * their labels, parameters by their values (or, in a diff, by their titles). A thing without a label keeps its key.
 */
export interface FlowNames {
  status(key: string): string;
  task(key: string): string;
  decision(key: string): string;
  rule(id: string): string;
  deadline(key: string): string;
  counter(key: string): string;
  /** A parameter's current value, when it is a number. */
  param(name: string): number | undefined;
  /** A parameter's title in the page's language. */
  paramTitle(name: string): string;
}

/** Without a definition at hand: the keys as they are, a parameter as its name. */
const KEYS: FlowNames = { status: (k) => k, task: (k) => k, decision: (k) => k, rule: (k) => k, deadline: (k) => k, counter: (k) => k, param: () => undefined, paramTitle: (k) => k };

type Lang = 'da' | 'sv' | 'en';
type Localized = Partial<Record<Lang, string>> | undefined;

/** The names of `def`'s things in `locale`: labels of statuses, tasks, decisions, rules, deadlines, counters; parameter defaults and titles. */
export function flowNames(def: FlowDefinition, locale: string): FlowNames {
  const lang = locale as Lang;
  const tasks = new Map<string, Localized>();
  const decisions = new Map<string, Localized>();
  for (const r of def.rules ?? []) for (const a of r.then ?? []) if (a.action === 'createTask') {
    const c = a.config as { task?: string; title?: Localized; decisions?: { key: string; label?: Localized }[] } | undefined;
    if (c?.task && c.title) tasks.set(c.task, c.title);
    for (const d of c?.decisions ?? []) if (d.label) decisions.set(d.key, d.label);
  }
  const label = (l: Localized, key: string) => l?.[lang] ?? l?.en ?? key;
  return {
    status: (k) => label(def.statuses?.find((st) => st.key === k)?.label, k),
    task: (k) => label(tasks.get(k), k),
    decision: (k) => label(decisions.get(k), k),
    rule: (id) => label((def.rules ?? []).find((r) => r.id === id)?.label, id),
    deadline: (k) => label((def.deadlines ?? []).find((d) => d.key === k)?.label, k),
    counter: (k) => label((def.counters ?? []).find((c) => c.key === k)?.label, k),
    param: (name) => {
      const value = def.parameters?.properties?.[name]?.default;
      return typeof value === 'number' ? value : undefined;
    },
    paramTitle: (name) => {
      const p = def.parameters?.properties?.[name];
      return p?.titles?.[lang] ?? p?.titles?.en ?? p?.title ?? name;
    },
  };
}

/** Both versions' names: a thing is named as the newer version calls it, or as the older did if it was removed. */
function eitherNames(after: FlowNames, before: FlowNames): FlowNames {
  const pick = (f: keyof Omit<FlowNames, 'param'>) => (k: string) => (after[f](k) !== k ? after[f](k) : before[f](k));
  return { status: pick('status'), task: pick('task'), decision: pick('decision'), rule: pick('rule'), deadline: pick('deadline'), counter: pick('counter'), param: after.param, paramTitle: pick('paramTitle') };
}

const amount = (a: Amount | undefined, n: FlowNames) => (a === undefined ? '' : typeof a === 'number' ? String(a) : String(n.param(a.$param) ?? `⟨${a.$param}⟩`));
/** A parameter without a number here reads as a plural. */
const countOf = (a: Amount, n: FlowNames) => (typeof a === 'number' ? a : (n.param(a.$param) ?? 2));

export function describeDuration(t: TFunction, d: Duration | undefined, n: FlowNames = KEYS): string {
  if (!d) return '?';
  const parts = UNITS.filter((u) => d[u] !== undefined).map((u) => t(`flows.describe.units.${u}`, { count: countOf(d[u]!, n), amount: amount(d[u], n) }));
  const span = parts.join(' ') || t('flows.describe.units.days', { count: 0, amount: '0' });
  return d.at ? t('flows.describe.durationAt', { duration: span, time: d.at }) : span;
}

function describeEvent(t: TFunction, e: EventMatch | undefined, n: FlowNames): string {
  if (!e) return '?';
  const core = CORE_EVENTS[e.event];
  const name = core ? t(`flows.describe.events.${core}`) : t('flows.describe.events.other', { event: e.event });
  const named = { status: n.status(e.status ?? ''), task: n.task(e.task ?? ''), decision: n.decision(e.decision ?? '') };
  const details = (['status', 'task', 'decision'] as const).filter((k) => e[k]).map((k) => t(`flows.describe.details.${k}`, { value: named[k] }));
  return details.length ? t('flows.describe.withDetails', { event: name, details: details.join(', ') }) : name;
}

function describeUntil(t: TFunction, u: { on: string; event?: EventMatch; date?: string; deadline?: string; duration?: Duration }, n: FlowNames): string {
  if (u.on === 'event') return describeEvent(t, u.event, n);
  if (u.on === 'before') return t('flows.describe.untilBefore', { duration: describeDuration(t, u.duration, n), date: u.date });
  return t('flows.describe.untilDeadline', { deadline: n.deadline(u.deadline ?? '') });
}

export function describeWhen(t: TFunction, when: Rule['when'], n: FlowNames = KEYS): string {
  const w = when as Record<string, unknown> & { on: string };
  switch (w.on) {
    case 'event':
      return t('flows.describe.when.event', { event: describeEvent(t, w.event as EventMatch, n) });
    case 'after':
      return t('flows.describe.when.after', { duration: describeDuration(t, w.duration as Duration, n), from: w.date ? t('flows.describe.theDate', { date: String(w.date) }) : describeEvent(t, w.event as EventMatch, n) });
    case 'before':
      return t('flows.describe.when.before', { duration: describeDuration(t, w.duration as Duration, n), date: String(w.date) });
    case 'every': {
      const until = ((w.until as Parameters<typeof describeUntil>[1][] | undefined) ?? []).map((u) => describeUntil(t, u, n));
      const every = t('flows.describe.when.every', { duration: describeDuration(t, w.duration as Duration, n), event: describeEvent(t, w.event as EventMatch, n), max: amount(w.maxCount as Amount, n) });
      return until.length ? t('flows.describe.when.everyUntil', { every, until: until.join(t('flows.describe.or')) }) : every;
    }
    case 'deadline':
      return t('flows.describe.when.deadline', { deadline: n.deadline(String(w.deadline)) });
    case 'threshold':
      return t('flows.describe.when.threshold', { counter: n.counter(String(w.counter)), amount: amount(w.atLeast as Amount, n) });
    default:
      return JSON.stringify(w);
  }
}

export function describeAction(t: TFunction, a: NonNullable<Rule['then']>[number], n: FlowNames = KEYS): string {
  const c = (a.config ?? {}) as Record<string, unknown>;
  switch (a.action) {
    case 'setStatus':
      return t('flows.describe.actions.setStatus', { status: n.status(String(c.status)) });
    case 'notify': {
      const channels = ((c.channels as string[] | undefined) ?? []).map((ch) => t(`flows.describe.channels.${ch}`, { defaultValue: ch }));
      return t('flows.describe.actions.notify', { template: String(c.template), recipient: t(c.recipient === 'subject' ? 'flows.describe.thePerson' : 'flows.describe.theCaseworkers'), channels: channels.join(', ') });
    }
    case 'createTask':
      return t('flows.describe.actions.createTask', { task: n.task(String(c.task)), role: t(`roles.${String(c.role)}`, { defaultValue: String(c.role) }) });
    case 'extendDeadline':
      return t('flows.describe.actions.extendDeadline', { deadline: n.deadline(String(c.deadline)), duration: describeDuration(t, c.by as Duration, n) });
    case 'startChildFlow':
      return t('flows.describe.actions.startChildFlow', { flow: String(c.flow) });
    case 'deletePersonalData':
      return t('flows.describe.actions.deletePersonalData');
    default:
      return a.action;
  }
}

/** A rule's actions in one line. */
export const describeActions = (t: TFunction, rule: Rule, n: FlowNames = KEYS): string => (rule.then ?? []).map((a) => describeAction(t, a, n)).join('; ');

/**
 * What changed between two versions, in words: parameters' defaults, statuses, rules added, removed or changed,
 * each thing by its label in `locale` (the newer version's, or the older's for what was removed).
 */
export function diffFlows(t: TFunction, before: FlowDefinition, after: FlowDefinition, locale = 'en'): string[] {
  const nAfter = flowNames(after, locale);
  const nBefore = flowNames(before, locale);
  const n = eitherNames(nAfter, nBefore);
  const out: string[] = [];
  const pb = before.parameters?.properties ?? {};
  const pa = after.parameters?.properties ?? {};
  for (const k of new Set([...Object.keys(pb), ...Object.keys(pa)])) {
    if (!pb[k]) out.push(t('flows.describe.diff.parameterAdded', { key: n.paramTitle(k), value: JSON.stringify(pa[k]!.default) }));
    else if (!pa[k]) out.push(t('flows.describe.diff.parameterRemoved', { key: n.paramTitle(k) }));
    else if (JSON.stringify(pb[k]) !== JSON.stringify(pa[k])) out.push(t('flows.describe.diff.parameterChanged', { key: n.paramTitle(k), from: JSON.stringify(pb[k]!.default), to: JSON.stringify(pa[k]!.default) }));
  }
  const sb = new Set((before.statuses ?? []).map((s) => s.key));
  const sa = new Set((after.statuses ?? []).map((s) => s.key));
  for (const s of sa) if (!sb.has(s)) out.push(t('flows.describe.diff.statusAdded', { key: n.status(s) }));
  for (const s of sb) if (!sa.has(s)) out.push(t('flows.describe.diff.statusRemoved', { key: n.status(s) }));
  const rb = new Map((before.rules ?? []).map((r) => [r.id, r]));
  const ra = new Map((after.rules ?? []).map((r) => [r.id, r]));
  for (const [id, r] of ra) {
    const old = rb.get(id);
    if (!old) out.push(t('flows.describe.diff.ruleAdded', { id: n.rule(id), when: describeWhen(t, r.when, nAfter) }));
    else if (JSON.stringify(old) !== JSON.stringify(r)) out.push(t('flows.describe.diff.ruleChanged', { id: n.rule(id), when: describeWhen(t, r.when, nAfter), actions: describeActions(t, r, nAfter) }));
  }
  for (const id of rb.keys()) if (!ra.has(id)) out.push(t('flows.describe.diff.ruleRemoved', { id: nBefore.rule(id) }));
  return out;
}
