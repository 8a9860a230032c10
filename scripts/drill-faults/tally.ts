// The drill's arithmetic, apart from any I/O so a unit test can check it (test/integration/drill-faults-tally.test.ts):
// which stage each instance is at, how many are at each, which have not moved on since a fault, and duplicates.

/** Where an instance of the drill's flow is, in the order it passes them. */
export const STAGES = ['queued', 'started', 'timer', 'due', 'ended'] as const;
export type Stage = (typeof STAGES)[number];

export const STAGE_MEANING: Record<Stage, string> = {
  queued: 'its start in the outbox, not delivered',
  started: 'workflow started, receipt not sent yet',
  timer: 'receipt sent, its timer running',
  due: 'timer due, approval not finished',
  ended: 'approved, both e-mails sent, ended',
};

/** Stages where the instance's next step is due now (as opposed to waiting on its timer, or done). */
const MID_STEP: ReadonlySet<Stage> = new Set(['queued', 'started', 'due']);

export type Tally = Record<Stage, number>;

export function tally(stages: ReadonlyMap<string, Stage>): Tally {
  const t = Object.fromEntries(STAGES.map((s) => [s, 0])) as Tally;
  for (const s of stages.values()) t[s]++;
  return t;
}

export const formatTally = (t: Tally): string => STAGES.map((s) => `${s} ${t[s]}`).join(' · ');

/** The instances whose next step was due at that moment: those a fault then could interrupt. */
export function midStep(stages: ReadonlyMap<string, Stage>): string[] {
  return [...stages].filter(([, s]) => MID_STEP.has(s)).map(([id]) => id);
}

/** Of `ids`, those not yet past the stage they were at `before` (an instance missing now has not moved on). */
export function notMovedOn(before: ReadonlyMap<string, Stage>, now: ReadonlyMap<string, Stage>, ids: readonly string[]): string[] {
  const rank = (s: Stage | undefined) => (s === undefined ? -1 : STAGES.indexOf(s));
  return ids.filter((id) => rank(now.get(id)) <= rank(before.get(id)));
}

export interface Duplicate {
  key: string;
  count: number;
}

/** How often each key occurs, most frequent first. */
export function countBy<T>(items: readonly T[], keyOf: (item: T) => string): Duplicate[] {
  const counts = new Map<string, number>();
  for (const item of items) {
    const key = keyOf(item);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

/** Keys that occur more than once, most frequent first. */
export function duplicatesBy<T>(items: readonly T[], keyOf: (item: T) => string): Duplicate[] {
  return countBy(items, keyOf).filter((d) => d.count > 1);
}

/** Groups whose items carry more than one distinct value (e.g. one notification under two references). */
export function groupsWithSeveral<T>(items: readonly T[], groupOf: (item: T) => string, valueOf: (item: T) => string): { key: string; values: string[] }[] {
  const groups = new Map<string, Set<string>>();
  for (const item of items) {
    const key = groupOf(item);
    groups.set(key, (groups.get(key) ?? new Set()).add(valueOf(item)));
  }
  return [...groups].filter(([, values]) => values.size > 1).map(([key, values]) => ({ key, values: [...values].sort() }));
}

/** Of the expected keys, those absent from `found`; and the keys found that none expected. */
export function missingAndUnexpected(expected: Iterable<string>, found: Iterable<string>): { missing: string[]; unexpected: string[] } {
  const want = new Set(expected);
  const got = new Set(found);
  return { missing: [...want].filter((k) => !got.has(k)), unexpected: [...got].filter((k) => !want.has(k)) };
}

export const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
