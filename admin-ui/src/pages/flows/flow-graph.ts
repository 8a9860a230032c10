// A flow definition as a graph for the editor's diagram: its statuses and its rules as nodes; an edge from the
// status a rule fires in to the rule, and from the rule to each status it sets. Where a rule fires is read
// from its `when`: on entering a status, at the start (the initial status), or when a task completes (the
// status the rule that opened the task left the flow in). Rules that fire on dates, deadlines, counters or a
// module's events have no status to come from and stand on their own. Pure, so it is tested without a browser.
import type { FlowDefinition } from '../../../../workflows/flow/core/types';

type Rule = NonNullable<FlowDefinition['rules']>[number];
type EventMatch = { event: string; status?: string; task?: string };

export interface GraphNode {
  id: string;
  kind: 'status' | 'rule';
  /** The status's or rule's own key, for selecting its editor. */
  key: string;
  label: string;
  initial?: boolean;
  final?: boolean;
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
}

const statusNode = (key: string) => `status:${key}`;
const ruleNode = (id: string) => `rule:${id}`;

function eventOf(when: Rule['when']): EventMatch | undefined {
  return (when as { event?: EventMatch }).event;
}

function statusesSet(rule: Rule): string[] {
  return (rule.then ?? []).filter((a) => a.action === 'setStatus').map((a) => String((a.config as { status?: unknown } | undefined)?.status ?? ''));
}

function tasksOpened(rule: Rule): string[] {
  return (rule.then ?? []).filter((a) => a.action === 'createTask').map((a) => String((a.config as { task?: unknown } | undefined)?.task ?? ''));
}

export function flowGraph(def: FlowDefinition, locale: string): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const statuses = def.statuses ?? [];
  const rules = def.rules ?? [];
  const known = new Set(statuses.map((s) => s.key));
  const initial = statuses.find((s) => s.initial)?.key;
  const labelOf = (l: { da?: string; sv?: string; en?: string } | undefined, fallback: string) => l?.[locale as 'da' | 'sv' | 'en'] ?? l?.da ?? l?.sv ?? l?.en ?? fallback;

  /** The statuses a rule fires in; `seen` stops a task chain that loops. */
  const firesIn = (rule: Rule, seen = new Set<string>()): string[] => {
    const e = eventOf(rule.when);
    if (!e) return [];
    if (e.event === 'flow.started') return initial ? [initial] : [];
    if (e.event === 'statusEntered' && e.status) return [e.status];
    if ((e.event === 'taskCompleted' || e.event === 'taskCreated') && e.task) {
      const opener = rules.find((r) => tasksOpened(r).includes(e.task!));
      if (!opener || seen.has(opener.id)) return [];
      seen.add(opener.id);
      const left = statusesSet(opener);
      return left.length ? left : firesIn(opener, seen);
    }
    return [];
  };

  const nodes: GraphNode[] = [
    ...statuses.map((s) => ({ id: statusNode(s.key), kind: 'status' as const, key: s.key, label: labelOf(s.label, s.key), ...(s.initial ? { initial: true } : {}), ...(s.final ? { final: true } : {}) })),
    ...rules.map((r) => ({ id: ruleNode(r.id), kind: 'rule' as const, key: r.id, label: labelOf(r.label, r.id) })),
  ];
  const edges: GraphEdge[] = [];
  const add = (source: string, target: string) => {
    const id = `${source}->${target}`;
    if (!edges.some((e) => e.id === id)) edges.push({ id, source, target });
  };
  for (const rule of rules) {
    for (const from of firesIn(rule)) if (known.has(from)) add(statusNode(from), ruleNode(rule.id));
    for (const to of statusesSet(rule)) if (known.has(to)) add(ruleNode(rule.id), statusNode(to));
  }
  return { nodes, edges };
}
