// Scenarios the preview offers for a definition, built from what it contains: nobody ever answers; each task
// decided each way on day 6; each extendable deadline extended by 30 days; dates of the subject 30 days out.
import type { Scenario } from '../../workflows/flow/core/simulate';
import type { FlowDefinition } from '../../workflows/flow/core/types';

export interface NamedScenario extends Scenario {
  id: string;
  name: string;
}

/** Names of the subject's dates the definition counts from. */
export function subjectDates(def: FlowDefinition): string[] {
  const names = new Set<string>();
  for (const r of def.rules ?? []) {
    const w = r.when as { date?: string; until?: { date?: string }[] };
    if (w.date) names.add(w.date);
    for (const u of w.until ?? []) if (u.date) names.add(u.date);
  }
  for (const d of def.deadlines ?? []) if (d.from && 'date' in d.from) names.add(d.from.date);
  return [...names];
}

export function suggestScenarios(def: FlowDefinition): NamedScenario[] {
  const dates = Object.fromEntries(subjectDates(def).map((d) => [d, { days: 30 }]));
  const base = Object.keys(dates).length ? { dates } : {};
  const out: NamedScenario[] = [{ id: 'never', name: 'Nobody answers', ...base }];
  for (const r of def.rules ?? []) {
    for (const a of r.then ?? []) {
      if (a.action !== 'createTask') continue;
      const c = a.config as { task: string; decisions?: { key: string }[] };
      for (const d of c.decisions ?? []) out.push({ id: `${c.task}-${d.key}-6`, name: `Task "${c.task}" decided "${d.key}" on day 6`, ...base, inputs: [{ after: { days: 6 }, kind: 'decide', task: c.task, decision: d.key }] });
    }
  }
  for (const d of def.deadlines ?? []) {
    if (d.extension) out.push({ id: `${d.key}-extended-30`, name: `Deadline "${d.key}" extended by 30 days on day 10`, ...base, inputs: [{ after: { days: 10 }, kind: 'extendDeadline', deadline: d.key, by: { days: 30 } }] });
  }
  return out;
}
