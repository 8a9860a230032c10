// The figures bench:flows prints are worked out from what the run recorded; these check the arithmetic on a
// recording whose answers are known.
import { temporal } from '@temporalio/proto';
import { countHistory, percentile, ratios, sideFigures } from '../../scripts/bench-flows/figures';

const E = temporal.api.enums.v1.EventType;

test('percentiles by rank', () => {
  const xs = Array.from({ length: 100 }, (_, i) => 100 - i); // 100 … 1
  expect(percentile(xs, 50)).toBe(50);
  expect(percentile(xs, 99)).toBe(99);
  expect(percentile([7], 99)).toBe(7);
});

test('a history counts its workflow tasks and activities, local ones by their marker', () => {
  const counts = countHistory([
    { eventType: E.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED },
    { eventType: E.EVENT_TYPE_WORKFLOW_TASK_COMPLETED },
    { eventType: E.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED },
    { eventType: E.EVENT_TYPE_MARKER_RECORDED, markerRecordedEventAttributes: { markerName: 'core_local_activity' } },
    { eventType: E.EVENT_TYPE_MARKER_RECORDED, markerRecordedEventAttributes: { markerName: 'core_patch' } },
    { eventType: E.EVENT_TYPE_WORKFLOW_TASK_COMPLETED },
  ]);
  expect(counts).toEqual({ events: 6, workflowTasks: 2, activities: 2 });
});

test('lateness counts from the start request, completions from the first due time, and the ratios divide flow by baseline', () => {
  // Four starts 1 s apart, each due 60 s later; effects 2, 2, 4 and 8 s late.
  const starts = [0, 1000, 2000, 3000].map((t) => ({ requestedAt: 1_000_000 + t, latencyMs: 10 + t / 100 }));
  const effects = [62_000, 63_000, 66_000, 71_000].map((t) => 1_000_000 + t);
  const history = [{ events: 20, workflowTasks: 4, activities: 2 }, { events: 30, workflowTasks: 4, activities: 2 }];
  const flows = sideFigures({ starts, startSeconds: 4, effects, dueMs: 60_000, history, cpuSeconds: { temporalServer: 7.1, worker: 3.55, postgres: 0 } });
  expect(flows.latenessP50Ms).toBe(2000);
  expect(flows.latenessP99Ms).toBe(8000);
  expect(flows.latenessMaxMs).toBe(8000);
  expect(flows.completionsPerSecond).toBeCloseTo(4 / 11); // first due at 60 s, last effect at 71 s
  expect(flows.wallSeconds).toBe(71);
  expect(flows.cpu.temporalServer).toBeCloseTo(10);
  expect(flows.history).toMatchObject({ events: 25, maxEvents: 30, sampled: 2 });
  const baseline = sideFigures({ starts, startSeconds: 2, effects: effects.map((e) => e - 1000), dueMs: 60_000, history: [{ events: 16, workflowTasks: 3, activities: 1 }], cpuSeconds: { temporalServer: 1, worker: 1, postgres: 1 } });
  const r = ratios(baseline, flows);
  expect(r.completions).toBeCloseTo(10 / 11);
  expect(r.latenessP99).toBeCloseTo(8000 / 7000);
  expect(r.historyEvents).toBeCloseTo(25 / 16);
  expect(r.starts).toBeCloseTo(0.5);
  expect(() => sideFigures({ starts, startSeconds: 1, effects: effects.slice(1), dueMs: 1, history, cpuSeconds: { temporalServer: 0, worker: 0, postgres: 0 } })).toThrow('3 effects for 4 starts');
});
