// `npm run bench:flows -- N --cluster`: the same two sides on the production topology (engine/dev/cluster-stack.ts)
// instead of the CLI dev server — a Temporal server v1.29.1 on the embedded PostgreSQL and two worker processes
// (no API process: the bench submits in-process, through an `api`-role platform that polls nothing).
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type Config } from '../../engine/config';
import { createSequelize } from '../../engine/db/database';
import { ClusterStack, freeClusterPorts } from '../../engine/dev/cluster-stack';
import { createBenchTenant } from '../bench-votes';

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
