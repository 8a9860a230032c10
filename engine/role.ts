// `npm run start:api` and `npm run start:worker`: one part of the production topology (engine/platform.ts) in a
// process of its own — any number of each, stateless, against the PostgreSQL of DATABASE_URL (migrated beforehand
// with `npm run migrate`) and the Temporal of TEMPORAL_ADDRESS. Both are required: a role starts no embedded
// service (`npm start` is the one-command development stack). The API listens on PORT; a worker serves only
// /healthz and /readyz on PORT. SIGINT or SIGTERM stops it in order (a worker finishes the tasks it holds).
import { Sequelize } from 'sequelize';
import { ConfigError, loadConfig } from './config';
import { describeFailure } from './dev/describe-failure';
import { startPlatform, type PlatformRole } from './platform';
import { appUrlFromOwnerUrl } from './db/roles';
import { allTenantIds } from './tenancy/create-tenant';
import { createLogger } from './logging/create-logger';
import { apiProcessReady, isApiClusterProcess, runApiPrimary } from './api-cluster';

const ROLES: readonly PlatformRole[] = ['api', 'worker'];

async function main(role: PlatformRole): Promise<void> {
  const say = (line: string) => console.log(`[tingvalla ${role}] ${line}`);
  const config = loadConfig();
  const missing = [
    ...(config.DATABASE_URL ? [] : [`DATABASE_URL: required by the ${role} role, which starts no embedded PostgreSQL (migrate it with npm run migrate)`]),
    ...(config.TEMPORAL_ADDRESS ? [] : [`TEMPORAL_ADDRESS: required by the ${role} role, which starts no Temporal dev server`]),
  ];
  if (missing.length) throw new ConfigError(missing);
  // API_PROCESSES > 1: this process only shares the port among that many api processes (api-cluster.ts).
  if (role === 'api' && config.API_PROCESSES > 1 && !isApiClusterProcess()) {
    runApiPrimary({ processes: config.API_PROCESSES, say });
    return;
  }
  // The application log: stdout, and with LOG_DIR the day files too (engine/logging/).
  const logger = createLogger(config);
  const ownerUrl = config.DATABASE_URL!;
  const appUrl = config.DATABASE_APP_URL ?? appUrlFromOwnerUrl(ownerUrl, config.DATABASE_APP_PASSWORD);
  // A worker keeps every tenant's housekeeping workflow running: it reads which tenants there are.
  let tenantIds: string[] = [];
  if (role === 'worker') {
    const owner = new Sequelize(ownerUrl, { logging: false });
    tenantIds = await allTenantIds(owner).finally(() => owner.close());
  }
  const platform = await startPlatform({ config, appUrl, temporalAddress: config.TEMPORAL_ADDRESS!, tenantIds, role, logger });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      say(`${signal}: stopping…`);
      void platform.stop().then(() => process.exit(0));
    });
  }
  if (isApiClusterProcess()) {
    say(`api process ${process.pid} listening on port ${platform.port}`);
    apiProcessReady(platform.port);
  } else say(`ready on port ${platform.port}${role === 'worker' ? ` (task queue ${config.TEMPORAL_TASK_QUEUE}; ${tenantIds.length} tenants' housekeeping)` : ''}`);
}

const role = process.argv[2] as PlatformRole;
if (!ROLES.includes(role)) {
  console.error(`usage: node --import tsx engine/role.ts ${ROLES.join('|')}`);
  process.exit(2);
}
main(role).catch((err: unknown) => {
  console.error(`[tingvalla ${role}] ${err instanceof ConfigError ? err.message : `failed to start: ${describeFailure(err)}`}`);
  process.exit(1);
});
