// What both sides of `npm run bench:flows` do the same way: start N workflows from a pool of callers, recording
// each start; read CPU seconds of the Temporal server, this process (the worker) and PostgreSQL; wait for N
// effects with progress; sample histories.
import type { Client } from '@temporalio/client';
import { cpuSeconds, postgresCpuSeconds } from '../bench-votes';
import { countHistory, type CpuShares, type HistoryCounts, type StartRecord } from './figures';

export interface BenchServers {
  client: Client;
  temporalAddress: string;
  namespace: string;
  /** The Temporal server's pid (dev server or cluster server), for its CPU share. */
  temporalPid?: number;
  /** The worker processes (the cluster's roles), for their CPU share; without them the worker is this process. */
  workerPids?: number[];
  /** PostgreSQL's data folder (its postmaster.pid), for its CPU share. */
  pgDataDir: string;
  ownerUrl: string;
}

export async function startAll(n: number, concurrency: number, startOne: (i: number) => Promise<void>): Promise<{ starts: StartRecord[]; seconds: number }> {
  const starts: StartRecord[] = new Array(n);
  let next = 0;
  const t0 = Date.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) {
        const i = next++;
        const requestedAt = Date.now();
        const s = performance.now();
        await startOne(i);
        starts[i] = { requestedAt, latencyMs: performance.now() - s };
      }
    }),
  );
  return { starts, seconds: (Date.now() - t0) / 1000 };
}

export function cpuSnapshot(servers: BenchServers): () => CpuShares {
  const read = (): CpuShares => ({
    temporalServer: servers.temporalPid ? cpuSeconds(servers.temporalPid) : NaN,
    worker: servers.workerPids
      ? servers.workerPids.reduce((sum, pid) => sum + cpuSeconds(pid), 0)
      : (() => {
          const u = process.cpuUsage();
          return (u.user + u.system) / 1e6;
        })(),
    postgres: postgresCpuSeconds(servers.pgDataDir),
  });
  const before = read();
  return () => {
    const after = read();
    return { temporalServer: after.temporalServer - before.temporalServer, worker: after.worker - before.worker, postgres: after.postgres - before.postgres };
  };
}

/** Polls `count` every second until it reaches n, saying how far it is every 10 s; gives up after `limitMs`. */
export async function waitForEffects(n: number, count: () => Promise<number>, say: (line: string) => void, what: string, limitMs = 60 * 60_000): Promise<void> {
  const t0 = Date.now();
  let lastReport = t0;
  for (;;) {
    const done = await count();
    if (done >= n) return;
    if (Date.now() - lastReport >= 10_000) {
      say(`  ${done}/${n} ${what} after ${((Date.now() - t0) / 1000).toFixed(0)} s`);
      lastReport = Date.now();
    }
    if (Date.now() - t0 > limitMs) throw new Error(`gave up after ${limitMs / 60_000} min with ${done}/${n} ${what}`);
    await new Promise((r) => setTimeout(r, 1000));
  }
}

/** History counts of up to `sample` workflows, spread evenly over the ids. */
export async function sampleHistories(client: Client, workflowIds: readonly string[], sample = 25): Promise<HistoryCounts[]> {
  const step = Math.max(1, Math.floor(workflowIds.length / sample));
  const picked = workflowIds.filter((_, i) => i % step === 0).slice(0, sample);
  return Promise.all(
    picked.map(async (id) => {
      const history = await client.workflow.getHandle(id).fetchHistory();
      return countHistory(history.events ?? []);
    }),
  );
}
