// The platform process of `npm run drill:votes` (scripts/drill-votes.ts starts it, kills it with SIGKILL in the
// middle of a burst of votes, and starts it again): what a restart of a production node does, on the database and
// Temporal the drill runs. From the environment (engine/config.ts): DATABASE_URL (the owner role: the start runs the
// migrations, as `npm start` does), TEMPORAL_ADDRESS, DATA_DIR (the development keys), PORT; DRILL_PLATFORM_LOG, a
// file for the log. Every tenant in the database is served. Prints `{"port":…,"pid":…}` on stdout once it listens;
// SIGTERM stops it in order.
import { DefaultLogger, Runtime } from '@temporalio/worker';
import pino from 'pino';
import { loadConfig } from '../engine/config';
import { createSequelize } from '../engine/db/database';
import { prepareDatabase } from '../engine/db/prepare';
import { startPlatform } from '../engine/platform';
import { allTenantIds } from '../engine/tenancy/create-tenant';

async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.DATABASE_URL || !config.TEMPORAL_ADDRESS) throw new Error('DATABASE_URL and TEMPORAL_ADDRESS are required');
  const appUrl = await prepareDatabase({ ownerUrl: config.DATABASE_URL, appPassword: config.DATABASE_APP_PASSWORD, ...(config.DATABASE_APP_URL ? { appUrl: config.DATABASE_APP_URL } : {}) });
  const owner = createSequelize(config.DATABASE_URL);
  const tenantIds = await allTenantIds(owner).finally(() => owner.close());
  const logFile = process.env.DRILL_PLATFORM_LOG;
  const logger = logFile ? pino({ level: config.LOG_LEVEL }, pino.destination({ dest: logFile, sync: false, append: true })) : pino({ level: config.LOG_LEVEL });
  Runtime.install({ logger: new DefaultLogger('WARN') }); // the worker's own log: warnings only
  const platform = await startPlatform({ config, appUrl, temporalAddress: config.TEMPORAL_ADDRESS, tenantIds, port: config.PORT, logger });
  process.stdout.write(`${JSON.stringify({ port: platform.port, pid: process.pid })}\n`);
  process.once('SIGTERM', () => {
    platform.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
