// The benchmarks' tenant, and their `--cluster` setting: the production topology (engine/dev/cluster-stack.ts)
// instead of the CLI dev server — a Temporal server v1.29.1 on the embedded PostgreSQL and two worker processes
// (no API process: a bench serves or submits in-process, through an `api`-role platform that polls nothing).
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Sequelize } from 'sequelize';
import { loadConfig, type Config } from '../engine/config';
import { createSequelize, Database } from '../engine/db/database';
import { ClusterStack, freeClusterPorts } from '../engine/dev/cluster-stack';
import { createTenant } from '../engine/tenancy/create-tenant';
import { provisionTenant } from '../engine/tenancy/provision';

export const TENANT_HOST = 'votes.localhost';

/** The benchmarks' tenant: Stemmeby Kommune (DK) at votes.localhost, provisioned (built-in forms and flows). */
export async function createBenchTenant(owner: Sequelize, appUrl: string): Promise<string> {
  const tenantId = await createTenant(owner, {
    slug: 'votes',
    name: 'Stemmeby Kommune',
    country: 'DK',
    defaultLocale: 'da',
    publicHosts: [TENANT_HOST],
    adminHosts: [`admin.${TENANT_HOST}`],
    settings: { contact: { email: 'borgerservice@votes.example', phone: '+45 11 22 33 44', address: 'Torvet 1' }, frontPage: { da: { heading: 'Stemmeby', intro: '' } }, retention: { auditLogMonths: 6 } },
  });
  const provisioning = Database.connect(appUrl);
  await provisionTenant(provisioning, tenantId, 'DK').finally(() => provisioning.close());
  return tenantId;
}

export interface BenchCluster {
  config: Config;
  stack: ClusterStack;
  tenantId: string;
  dataDir: string;
  workerPids: number[];
  stop(): Promise<void>;
}

export async function startBenchCluster(say: (line: string) => void): Promise<BenchCluster> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tingvalla-bench-cluster-'));
  chmodSync(dataDir, 0o755); // as root, PostgreSQL runs as the postgres user, who must reach its folder
  // A throwaway stack: none of the caller's services is used.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !['DATABASE_URL', 'DATABASE_APP_URL', 'TEMPORAL_ADDRESS', 'SMTP_URL', 'REGISTRY_URL', 'PUBLIC_CALLBACK_ORIGIN', 'PORT'].includes(k)));
  const config = loadConfig({ ...env, NODE_ENV: 'development', DATA_DIR: dataDir, LOG_LEVEL: 'warn', DEV_SMTP_PORT: '0', TEST_IDP: 'off', ...(await freeClusterPorts(2)) });
  let tenantId = '';
  const stack = new ClusterStack({
    config,
    apis: 0,
    workers: 2,
    seed: async ({ ownerUrl, appUrl }) => {
      const owner = createSequelize(ownerUrl);
      tenantId = await createBenchTenant(owner, appUrl).finally(() => owner.close());
    },
    roleEnv: { TEST_IDP: 'off', LOG_LEVEL: 'warn' },
    log: (line) => say(`  stack: ${line}`),
    roleOutput: () => undefined,
  });
  try {
    await stack.start();
  } catch (err) {
    await stack.stop();
    throw err;
  }
  return { config, stack, tenantId, dataDir, workerPids: stack.roles.map((r) => r.child.pid!), stop: () => stack.stop() };
}
