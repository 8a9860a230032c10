// The figures `npm run bench:flows` prints for each side (the bare baseline and the flow engine), worked out from
// what the run recorded: when each start was asked for and answered, when each first timer was due and when its
// effect (a row, a sent reminder) was written, a sample of histories, and CPU seconds of each process.
import { temporal } from '@temporalio/proto';

const EventType = temporal.api.enums.v1.EventType;

export interface StartRecord {
  /** Date.now() just before the start call: "due" counts from here (the submission), not from the first run. */
  requestedAt: number;
  latencyMs: number;
}

export interface HistoryCounts {
  events: number;
  workflowTasks: number;
  activities: number;
}

export interface CpuShares {
  temporalServer: number;
  worker: number;
  postgres: number;
}

export interface SideFigures {
  n: number;
  startsPerSecond: number;
  startLatencyP50: number;
  startLatencyP99: number;
  /** Completions (first timers fired and their effect written) per second, from the first due time to the last effect. */
  completionsPerSecond: number;
  latenessP50Ms: number;
  latenessP99Ms: number;
  latenessMaxMs: number;
  activitiesPerSecond: number;
  history: HistoryCounts & { maxEvents: number; sampled: number };
  /** Percent of one core over the phase (first start to last effect). */
  cpu: CpuShares;
  wallSeconds: number;
}

export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** Events, completed workflow tasks and activities (scheduled ones and local-activity markers) of one history. */
export function countHistory(events: readonly { eventType?: number | null; markerRecordedEventAttributes?: { markerName?: string | null } | null }[]): HistoryCounts {
  let workflowTasks = 0;
  let activities = 0;
  for (const e of events) {
    if (e.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED) workflowTasks += 1;
    else if (e.eventType === EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED) activities += 1;
    else if (e.eventType === EventType.EVENT_TYPE_MARKER_RECORDED && e.markerRecordedEventAttributes?.markerName === 'core_local_activity') activities += 1;
  }
  return { events: events.length, workflowTasks, activities };
}

export function meanHistory(samples: readonly HistoryCounts[]): HistoryCounts & { maxEvents: number; sampled: number } {
  const mean = (f: (h: HistoryCounts) => number) => samples.reduce((s, h) => s + f(h), 0) / samples.length;
  return { events: mean((h) => h.events), workflowTasks: mean((h) => h.workflowTasks), activities: mean((h) => h.activities), maxEvents: Math.max(...samples.map((h) => h.events)), sampled: samples.length };
}

/**
 * One side's figures. `effects[i]` is when instance i's first timer had its effect (ms since the epoch), `dueMs`
 * the timer's length; starts[i] is instance i's start. The phase runs from the first start to the last effect.
 */
export function sideFigures(input: { starts: readonly StartRecord[]; startSeconds: number; effects: readonly number[]; dueMs: number; history: HistoryCounts[]; cpuSeconds: CpuShares }): SideFigures {
  const { starts, effects, dueMs } = input;
  if (effects.length !== starts.length) throw new Error(`${effects.length} effects for ${starts.length} starts`);
  const due = starts.map((s) => s.requestedAt + dueMs);
  const lateness = effects.map((e, i) => e - due[i]!);
  const firstStart = Math.min(...starts.map((s) => s.requestedAt));
  const lastEffect = Math.max(...effects);
  const wallSeconds = (lastEffect - firstStart) / 1000;
  const history = meanHistory(input.history);
  const share = (seconds: number) => (seconds / wallSeconds) * 100;
  return {
    n: starts.length,
    startsPerSecond: starts.length / input.startSeconds,
    startLatencyP50: percentile(starts.map((s) => s.latencyMs), 50),
    startLatencyP99: percentile(starts.map((s) => s.latencyMs), 99),
    completionsPerSecond: starts.length / Math.max(0.001, (lastEffect - Math.min(...due)) / 1000),
    latenessP50Ms: percentile(lateness, 50),
    latenessP99Ms: percentile(lateness, 99),
    latenessMaxMs: Math.max(...lateness),
    activitiesPerSecond: (history.activities * starts.length) / wallSeconds,
    history,
    cpu: { temporalServer: share(input.cpuSeconds.temporalServer), worker: share(input.cpuSeconds.worker), postgres: share(input.cpuSeconds.postgres) },
    wallSeconds,
  };
}

const f1 = (x: number) => x.toFixed(1);
const ms = (x: number) => (Math.abs(x) >= 10_000 ? `${(x / 1000).toFixed(1)} s` : `${x.toFixed(0)} ms`);

export function describeSide(name: string, s: SideFigures): string[] {
  return [
    `${name}: ${s.n} instances`,
    `  starts ${s.startsPerSecond.toFixed(0)}/s; start latency p50 ${f1(s.startLatencyP50)} ms, p99 ${f1(s.startLatencyP99)} ms`,
    `  first timers: ${s.completionsPerSecond.toFixed(1)} completions/s once due; lateness (effect minus due, due counted from the start request) p50 ${ms(s.latenessP50Ms)}, p99 ${ms(s.latenessP99Ms)}`,
    `  activities ${s.activitiesPerSecond.toFixed(1)}/s; per instance (mean of ${s.history.sampled} histories): ${f1(s.history.events)} history events (largest ${s.history.maxEvents}), ${f1(s.history.workflowTasks)} workflow tasks, ${f1(s.history.activities)} activities`,
    `  CPU over the ${s.wallSeconds.toFixed(0)} s from first start to last effect, % of one core: Temporal server ${s.cpu.temporalServer.toFixed(0)}, worker process ${s.cpu.worker.toFixed(0)}, PostgreSQL ${s.cpu.postgres.toFixed(0)}`,
  ];
}

export interface Ratios {
  completions: number;
  latenessP99: number;
  historyEvents: number;
  starts: number;
}

/** flow engine ÷ baseline. Lateness below 1 s on the baseline is taken as 1 s, so a near-zero baseline does not make a ratio of noise. */
export function ratios(baseline: SideFigures, flows: SideFigures): Ratios {
  return {
    completions: flows.completionsPerSecond / baseline.completionsPerSecond,
    latenessP99: Math.max(flows.latenessP99Ms, 1000) / Math.max(baseline.latenessP99Ms, 1000),
    historyEvents: flows.history.events / baseline.history.events,
    starts: flows.startsPerSecond / baseline.startsPerSecond,
  };
}

export function describeRatios(r: Ratios): string[] {
  return [
    `ratio to baseline: completions/s ${r.completions.toFixed(2)} (target ≥ 0.7, aim 0.9)`,
    `  first-timer lateness p99 ${r.latenessP99.toFixed(2)}× (target ≤ 1.5×); history events per instance ${r.historyEvents.toFixed(2)}× (target ≤ 1.5×); starts/s ${r.starts.toFixed(2)}`,
  ];
}
