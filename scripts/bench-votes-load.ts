// The load process of `npm run bench:votes` (scripts/bench-votes.ts starts it as a child, so the load never shares
// an event loop with the server it measures): autocannon, programmatic, sending the requests of a plan read from
// the JSON file named by argv[2], and writing its results as one JSON document to stdout (nothing else goes there).
//
// The plan: the URL, the method, the body and the headers every request carries, and a list of per-request
// headers (each voter's session cookie and CSRF token). Request k carries the per-request headers
// perRequest[k % perRequest.length], in that order across all connections (one shared counter, one process: no
// autocannon workers), so with `amount` = perRequest.length every entry is sent exactly once. With `record`, the
// status of every request is written back by its index, so the caller can tell which voter got what.
import autocannon from 'autocannon';
import { readFileSync } from 'node:fs';

export interface LoadPlan {
  url: string;
  method: 'POST' | 'GET';
  body?: string;
  /** Headers of every request (Host, Content-Type, …). */
  headers: Record<string, string>;
  /** Headers of request k: perRequest[k % length]. */
  perRequest: Record<string, string>[];
  connections: number;
  /** Exactly this many requests (takes precedence over duration) … */
  amount?: number;
  /** … or this many seconds. */
  duration?: number;
  /** Write every request's status by its index (only with amount). */
  record?: boolean;
  /** A seconds timeout per request (autocannon's default is 10). */
  timeout?: number;
}

export interface LoadResult {
  sent: number;
  answered: number;
  /** From the first request sent to the last answer (see `firstSent`). */
  seconds: number;
  statusCounts: Record<string, number>;
  errors: number;
  timeouts: number;
  /** Milliseconds, from every answered request (all statuses), at full precision. */
  latency: { p50: number; p90: number; p99: number; max: number; mean: number };
  requestsPerSecond: number;
  /** statuses[k]: the status request k got, 0 when none (only with record). */
  statuses?: number[];
  /** CPU seconds this load process used during the run (user + system). */
  cpuSeconds: number;
  /** The latency of each status's answers (which answers are slow: the winners or the refused). */
  latencyByStatus: Record<string, { count: number; p50: number; p99: number; max: number }>;
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
}

async function main(): Promise<void> {
  const plan = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as LoadPlan;
  const per = plan.perRequest;
  if (per.length === 0) throw new Error('the plan has no requests');
  const statuses = plan.record && plan.amount ? new Array<number>(plan.amount).fill(0) : undefined;
  const latencies: number[] = [];
  const byStatus = new Map<number, number[]>();
  let next = 0;
  // The run's span, from the first request sent to the last answer: autocannon's own duration is rounded up to its
  // one-second tick (a 3.05 s rush reads 4.07 s), which in a run of a few seconds skews requests/s by up to a third.
  let firstSent: number | undefined;
  let lastAnswered: number | undefined;
  const cpu0 = process.cpuUsage();

  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({
      url: plan.url,
      method: plan.method,
      connections: plan.connections,
      pipelining: 1,
      timeout: plan.timeout ?? 10,
      ...(plan.amount ? { amount: plan.amount } : { duration: plan.duration ?? 10 }),
      ...(plan.body !== undefined ? { body: plan.body } : {}),
      headers: plan.headers,
      requests: [
        {
          // Called once for every request sent (and for nothing else): the shared counter picks its voter.
          setupRequest: (req, context) => {
            firstSent ??= performance.now();
            const k = next++;
            (context as { k?: number }).k = k;
            return { ...req, headers: { ...req.headers, ...per[k % per.length]! } };
          },
          onResponse: (status, _body, context) => {
            const k = (context as { k?: number }).k;
            if (statuses && k !== undefined && k < statuses.length) statuses[k] = status;
          },
        },
      ],
    }, (err: unknown, res: autocannon.Result) => (err ? reject(err instanceof Error ? err : new Error(String(err))) : resolve(res)));
    instance.on('response', (_client, status, _bytes, responseTime) => {
      lastAnswered = performance.now();
      latencies.push(responseTime);
      const of = byStatus.get(status) ?? [];
      of.push(responseTime);
      byStatus.set(status, of);
    });
  });
  const cpu = process.cpuUsage(cpu0);
  const sorted = Float64Array.from(latencies).sort();
  const statusCounts: Record<string, number> = {};
  for (const [code, stat] of Object.entries(result.statusCodeStats ?? {})) statusCounts[code] = stat.count ?? 0;
  const answered = latencies.length;
  const seconds = firstSent !== undefined && lastAnswered !== undefined ? (lastAnswered - firstSent) / 1000 : result.duration;
  const out: LoadResult = {
    sent: result.requests.sent,
    answered,
    seconds,
    statusCounts,
    errors: result.errors,
    timeouts: result.timeouts,
    latency: {
      p50: percentile(sorted, 0.5),
      p90: percentile(sorted, 0.9),
      p99: percentile(sorted, 0.99),
      max: sorted.length ? sorted[sorted.length - 1]! : NaN,
      mean: sorted.length ? sorted.reduce((a, b) => a + b, 0) / sorted.length : NaN,
    },
    requestsPerSecond: answered / seconds,
    ...(statuses ? { statuses } : {}),
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    latencyByStatus: Object.fromEntries(
      [...byStatus].map(([status, times]) => {
        const t = Float64Array.from(times).sort();
        return [String(status), { count: t.length, p50: percentile(t, 0.5), p99: percentile(t, 0.99), max: t[t.length - 1]! }];
      }),
    ),
  };
  process.stdout.write(JSON.stringify(out));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
