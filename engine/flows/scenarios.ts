// Scenarios the preview offers for a definition, built from what it contains: nobody ever answers; each task
// decided each way on day 6; each extendable deadline extended by 30 days; dates of the subject 30 days out.
// Each has a stable code and params that the admin site translates; `name` is the English text for API users.
import type { Scenario } from '../../workflows/flow/core/simulate';
import type { FlowDefinition } from '../../workflows/flow/core/types';

/** The codes a suggested scenario's name can have; each has its text in the admin site's locale files. */
export const SCENARIO_CODES = ['preview.scenario.never', 'preview.scenario.decided', 'preview.scenario.extended'] as const;

export interface NamedScenario extends Scenario {
  id: string;
  name: string;
  code: (typeof SCENARIO_CODES)[number];
  params: Record<string, string | number>;
}

const DECIDED_ON_DAY = 6;
const EXTENDED_ON_DAY = 10;
const EXTENDED_BY_DAYS = 30;

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
  const out: NamedScenario[] = [{ id: 'never', name: 'Nobody answers', code: 'preview.scenario.never', params: {}, ...base }];
  for (const r of def.rules ?? []) {
    for (const a of r.then ?? []) {
      if (a.action !== 'createTask') continue;
      const c = a.config as { task: string; decisions?: { key: string }[] };
      for (const d of c.decisions ?? []) {
        const params = { task: c.task, decision: d.key, day: DECIDED_ON_DAY };
        out.push({ id: `${c.task}-${d.key}-${DECIDED_ON_DAY}`, name: `Task "${c.task}" decided "${d.key}" on day ${DECIDED_ON_DAY}`, code: 'preview.scenario.decided', params, ...base, inputs: [{ after: { days: DECIDED_ON_DAY }, kind: 'decide', task: c.task, decision: d.key }] });
      }
    }
  }
  for (const d of def.deadlines ?? []) {
    if (!d.extension) continue;
    const params = { deadline: d.key, days: EXTENDED_BY_DAYS, day: EXTENDED_ON_DAY };
    out.push({
      id: `${d.key}-extended-${EXTENDED_BY_DAYS}`,
      name: `Deadline "${d.key}" extended by ${EXTENDED_BY_DAYS} days on day ${EXTENDED_ON_DAY}`,
      code: 'preview.scenario.extended',
      params,
      ...base,
      inputs: [{ after: { days: EXTENDED_ON_DAY }, kind: 'extendDeadline', deadline: d.key, by: { days: EXTENDED_BY_DAYS } }],
    });
  }
  return out;
}
