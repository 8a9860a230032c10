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
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { Client, Connection } from '@temporalio/client';
import { startPlatform } from '../engine/platform';
import { startStack } from './bench-votes';
import { runBaseline } from './bench-flows/baseline';
import { describeRatios, describeSide, ratios } from './bench-flows/figures';
import { runFlowEngine } from './bench-flows/flow-engine';

const N = Number(process.argv[2] ?? 10_000);
const DELAY_MS = 60_000; // one minute: the flow editor's shortest duration
const say = (line: string) => console.log(`[bench:flows] ${line}`);

async function main(): Promise<void> {
  if (!Number.isInteger(N) || N < 10) throw new Error(`N must be a whole number ≥ 10 (got ${process.argv[2]})`);
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const stack = await startStack(say);
  const connection = await Connection.connect({ address: stack.temporalAddress });
  try {
    const servers = { client: new Client({ connection, namespace: stack.config.TEMPORAL_NAMESPACE }), temporalAddress: stack.temporalAddress, namespace: stack.config.TEMPORAL_NAMESPACE, ...(stack.temporalPid ? { temporalPid: stack.temporalPid } : {}), pgDataDir: stack.pg.databaseDir, ownerUrl: stack.ownerUrl };
    say(`Temporal CLI dev server (SQLite file) and embedded PostgreSQL in ${stack.dataDir}; N = ${N}, first timer after ${DELAY_MS / 1000} s`);

    say('(a) bare baseline: one timer, then one activity writing one row…');
    const baseline = await runBaseline(servers, N, DELAY_MS, say);
    for (const line of describeSide('(a) bare baseline', baseline)) say(line);

    say('(b) flow engine: the built-in application flow…');
    const platform = await startPlatform({ config: stack.config, appUrl: stack.appUrl, temporalAddress: stack.temporalAddress, tenantIds: [stack.tenantId], port: 0, dispatcher: 'off' }); // the bench starts the workflows itself, to time the starts
    try {
      // The platform's client carries the payload codec; histories are read through it too.
      const flows = await runFlowEngine({ ...servers, client: platform.client }, platform, stack.config.TEMPORAL_TASK_QUEUE, stack.owner, stack.tenantId, N, DELAY_MS, say);
      for (const line of describeSide('(b) flow engine', flows)) say(line);
      for (const line of describeRatios(ratios(baseline, flows))) say(line);
      say(`no workflow history above 10,000 events in the samples: ${Math.max(baseline.history.maxEvents, flows.history.maxEvents) <= 10_000 ? 'yes' : 'NO'}`);
    } finally {
      await platform.stop();
    }
  } finally {
    await connection.close();
    await stack.stop();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
