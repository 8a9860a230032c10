// `npm run bench:flows [-- N]`: the flow engine against a bare Temporal baseline, on the same Temporal server in
// one run (README, "Benchmarks"). In a throwaway data folder it starts the embedded PostgreSQL and the Temporal
// CLI dev server (its SQLite file), then:
//   (a) the bare baseline (scripts/bench-flows/baseline.ts): N workflows of one 60 s timer and one row written;
//   (b) the flow engine (scripts/bench-flows/flow-engine.ts): N instances of the built-in application flow on
//       the platform's worker, its first reminder after 60 s;
// and prints for each: starts/s, start latency, first-timer completions/s once due and lateness, activities/s,
// history events, workflow tasks and activities per instance, CPU shares of the Temporal server, this process
// (the worker) and PostgreSQL; then the ratios (b)/(a) on one line beginning "ratio to baseline".
// N defaults to 10,000 (the size). To profile the worker: node --cpu-prof --import tsx scripts/bench-flows.ts
// With --cluster: on the production topology instead (scripts/bench-cluster.ts): the Temporal server on
// PostgreSQL, two worker processes whose outbox dispatchers start the flows from the submissions.
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { Client, Connection } from '@temporalio/client';
import { startPlatform } from '../engine/platform';
import type { Sequelize } from 'sequelize';
import type { Config } from '../engine/config';
import { createSequelize } from '../engine/db/database';
import { TEMPORAL_SERVER_VERSION } from '../engine/dev/temporal-server';
import { startStack } from './bench-votes';
import { startBenchCluster } from './bench-cluster';
import type { BenchServers } from './bench-flows/phase';
import { runBaseline } from './bench-flows/baseline';
import { describeRatios, describeSide, ratios } from './bench-flows/figures';
import { runFlowEngine } from './bench-flows/flow-engine';

const args = process.argv.slice(2);
const CLUSTER = args.includes('--cluster');
const N = Number(args.find((a) => !a.startsWith('--')) ?? 10_000);
const DELAY_MS = 60_000; // one minute: the flow editor's shortest duration
const say = (line: string) => console.log(`[bench:flows] ${line}`);

/** The servers and what the flow side runs on: the dev server with the platform's worker here, or the cluster. */
interface Setting {
  where: string;
  servers: Omit<BenchServers, 'client'>;
  config: Config;
  appUrl: string;
  tenantId: string;
  owner: Sequelize;
  role: 'all' | 'api';
  /** The cluster's worker processes (on the dev server the worker is this process). */
  workerPids?: number[];
  stop(): Promise<void>;
}

async function devServerSetting(): Promise<Setting> {
  const stack = await startStack(say);
  const servers = { temporalAddress: stack.temporalAddress, namespace: stack.config.TEMPORAL_NAMESPACE, ...(stack.temporalPid ? { temporalPid: stack.temporalPid } : {}), pgDataDir: stack.pg.databaseDir, ownerUrl: stack.ownerUrl };
  return { where: `Temporal CLI dev server (SQLite file) and embedded PostgreSQL in ${stack.dataDir}; the flows on the platform's worker in this process`, servers, config: stack.config, appUrl: stack.appUrl, tenantId: stack.tenantId, owner: stack.owner, role: 'all', stop: () => stack.stop() };
}

async function clusterSetting(): Promise<Setting> {
  const c = await startBenchCluster(say);
  const owner = createSequelize(c.stack.ownerUrl);
  const servers = { temporalAddress: c.stack.temporal.address, namespace: c.config.TEMPORAL_NAMESPACE, temporalPid: c.stack.temporal.pid, pgDataDir: c.stack.postgres!.databaseDir, ownerUrl: c.stack.ownerUrl };
  return {
    where: `Temporal server ${TEMPORAL_SERVER_VERSION} on the embedded PostgreSQL in ${c.dataDir}; the flows on two worker processes, started by their outbox dispatchers`,
    servers,
    config: c.config,
    appUrl: c.stack.appUrl,
    tenantId: c.tenantId,
    owner,
    role: 'api',
    workerPids: c.workerPids,
    stop: async () => {
      await owner.close();
      await c.stop();
    },
  };
}

async function main(): Promise<void> {
  if (!Number.isInteger(N) || N < 10) throw new Error(`N must be a whole number ≥ 10 (got ${args.join(' ')})`);
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const setting = CLUSTER ? await clusterSetting() : await devServerSetting();
  const connection = await Connection.connect({ address: setting.servers.temporalAddress });
  try {
    const servers: BenchServers = { ...setting.servers, client: new Client({ connection, namespace: setting.config.TEMPORAL_NAMESPACE }) };
    say(`${setting.where}; N = ${N}, first timer after ${DELAY_MS / 1000} s`);

    say('(a) bare baseline: one timer, then one activity writing one row, on a worker in this process…');
    const baseline = await runBaseline(servers, N, DELAY_MS, say);
    for (const line of describeSide('(a) bare baseline', baseline)) say(line);

    say('(b) flow engine: the built-in application flow…');
    // The bench starts the workflows itself on the dev server (dispatcher off), to time the starts; on the cluster
    // this process is an API (no worker, no dispatcher) and the workers' dispatchers start them.
    const platform = await startPlatform({ config: setting.config, appUrl: setting.appUrl, temporalAddress: setting.servers.temporalAddress, tenantIds: [setting.tenantId], port: 0, dispatcher: 'off', role: setting.role });
    try {
      // The platform's client carries the payload codec; histories are read through it too.
      const flowServers = { ...servers, client: platform.client, ...(setting.workerPids ? { workerPids: setting.workerPids } : {}) };
      const flows = await runFlowEngine(flowServers, platform, setting.config.TEMPORAL_TASK_QUEUE, setting.owner, setting.tenantId, N, DELAY_MS, say, CLUSTER ? 'outbox' : 'bench');
      for (const line of describeSide('(b) flow engine', flows)) say(line);
      for (const line of describeRatios(ratios(baseline, flows))) say(line);
      say(`no workflow history above 10,000 events in the samples: ${Math.max(baseline.history.maxEvents, flows.history.maxEvents) <= 10_000 ? 'yes' : 'NO'}`);
      if (CLUSTER) say(`every first timer's effect within 30 s of its due time: ${flows.latenessMaxMs <= 30_000 ? 'yes' : 'NO'} (latest ${(flows.latenessMaxMs / 1000).toFixed(1)} s; the bare baseline's latest on the same cluster: ${(baseline.latenessMaxMs / 1000).toFixed(1)} s)`);
    } finally {
      await platform.stop();
    }
  } finally {
    await connection.close();
    await setting.stop();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
