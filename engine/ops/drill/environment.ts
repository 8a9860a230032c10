// The parts of a throwaway Tingvalla environment in the production topology, for `npm run drill:restore`: the
// embedded PostgreSQL holding Tingvalla's database and Temporal's two, a real Temporal server on it
// (engine/dev/temporal-server.ts, as `npm run stack:cluster` runs it) and the platform in this process (worker and
// API: startPlatform). Each started on free ports of its own, so the source and the restored environment never
// share anything but the keys, which a backup deliberately does not hold.
import { Connection } from '@temporalio/client';
import { loadConfig, type Config } from '../../config';
import { createDatabaseIfMissing } from '../../db/prepare';
import { startEmbeddedPostgres, type RunningPostgres } from '../../dev/embedded-postgres';
import { EMBEDDED_DATABASE } from '../../dev/owner-connection';
import { freeTemporalServerPort } from '../../dev/cluster-stack';
import { startTemporalServer, temporalSqlFromUrl, type RunningTemporalServer } from '../../dev/temporal-server';
import { generateCodecKeySpec } from '../../temporal/codec';

/** The keys of the drill's environment: given to both, as an operator gives the restored one the production keys. */
export interface DrillKeys {
  TEMPORAL_CODEC_KEYS: string;
  DATA_MASTER_KEYS: string;
}

export const newDrillKeys = (): DrillKeys => ({ TEMPORAL_CODEC_KEYS: generateCodecKeySpec('drill1'), DATA_MASTER_KEYS: generateCodecKeySpec('drill1') });

/** Settings that would point the drill at the operator's own services are dropped: it runs on its own parts only. */
const NOT_INHERITED = ['DATABASE_URL', 'DATABASE_APP_URL', 'TEMPORAL_ADDRESS', 'REGISTRY_URL', 'SMTP_URL', 'DIGITAL_POST_URL', 'SMS_URL', 'LOG_DIR', 'TEMPORAL_TLS', 'TEMPORAL_API_KEY'];

export function drillConfig(dataDir: string, keys: DrillKeys): Config {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !NOT_INHERITED.includes(k) && !k.startsWith('TEMPORAL_TLS_')));
  return loadConfig({ ...env, NODE_ENV: 'development', DATA_DIR: dataDir, LOG_LEVEL: 'warn', DEV_SMTP_PORT: '0', TEST_IDP: 'off', ...keys });
}

export interface DrillPostgres {
  pg: RunningPostgres;
  /** Owner URL of Tingvalla's database. */
  ownerUrl: string;
  /** Owner URL of the server's `postgres` database. */
  serverUrl: string;
}

export async function startDrillPostgres(dataDir: string, port: number): Promise<DrillPostgres> {
  const pg = await startEmbeddedPostgres({ dataDir, port, log: () => undefined });
  await createDatabaseIfMissing(pg.ownerUrl('postgres'), EMBEDDED_DATABASE);
  return { pg, ownerUrl: pg.ownerUrl(EMBEDDED_DATABASE), serverUrl: pg.ownerUrl('postgres') };
}

export async function startDrillTemporal(binary: string, ownerUrl: string, dir: string): Promise<RunningTemporalServer> {
  return startTemporalServer({ binary, sql: temporalSqlFromUrl(ownerUrl), dir, port: await freeTemporalServerPort(), log: () => undefined });
}

/** The namespace as the Temporal server knows it (from its database): registered, with the platform's search attributes. */
export async function describeNamespace(address: string, namespace: string): Promise<{ name: string; searchAttributes: string[] }> {
  const connection = await Connection.connect({ address });
  try {
    const ns = await connection.workflowService.describeNamespace({ namespace });
    const attrs = await connection.operatorService.listSearchAttributes({ namespace });
    return { name: ns.namespaceInfo?.name ?? '', searchAttributes: Object.keys(attrs.customAttributes ?? {}) };
  } finally {
    await connection.close();
  }
}

/** Workflows the server holds open in the namespace (its visibility store), by type. */
export async function openWorkflows(address: string, namespace: string): Promise<Map<string, number>> {
  const connection = await Connection.connect({ address });
  try {
    const byType = new Map<string, number>();
    let nextPageToken: Uint8Array | undefined;
    do {
      const page = await connection.workflowService.listWorkflowExecutions({ namespace, query: 'ExecutionStatus = "Running"', pageSize: 1000, ...(nextPageToken ? { nextPageToken } : {}) });
      for (const e of page.executions ?? []) {
        const type = e.type?.name ?? '?';
        byType.set(type, (byType.get(type) ?? 0) + 1);
      }
      nextPageToken = page.nextPageToken?.length ? page.nextPageToken : undefined;
    } while (nextPageToken);
    return byType;
  } finally {
    await connection.close();
  }
}
