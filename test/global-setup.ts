// Starts what every suite needs, once per `npm test`: a throwaway PostgreSQL database (embedded server, or
// the server of DATABASE_URL), a Temporal dev server in memory, and one workflow bundle. A missing part
// fails the run here with a message naming it; nothing is skipped.
import { existsSync, mkdtempSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { loadConfig } from '../engine/config';
import { startEmbeddedPostgres } from '../engine/dev/embedded-postgres';
import { startTemporalDevServer } from '../engine/dev/temporal-dev-server';
import { ensureTemporalCli, ensureTestServer } from '../engine/dev/tools';
import { createDatabaseIfMissing, prepareDatabase } from '../engine/db/prepare';
import { failureConverterPath } from '../engine/temporal/client';
import { generateCodecKeySpec } from '../engine/temporal/codec';
import { workflowsPath } from '../engine/temporal/worker';
import { freePort } from './helpers/ports';

export interface RunningTestServices {
  stop: (() => Promise<void>)[];
  databaseName: string;
  serverOwnerUrl: string;
}

declare global {
  var __tingvallaTestServices: RunningTestServices | undefined;
}


function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) throw new Error(`Chromium is missing at ${path}: the browser suites need it (apt-get install chromium, or set CHROMIUM_PATH). .ci/run installs it.`);
  return path;
}

export default async function globalSetup(): Promise<void> {
  const started = Date.now();
  const config = loadConfig({ ...process.env, NODE_ENV: 'test' });
  const log = (line: string) => process.stderr.write(`[test setup] ${line}\n`);
  const running: RunningTestServices = { stop: [], databaseName: `tingvalla_test_${Date.now().toString(36)}_${process.pid}`, serverOwnerUrl: '' };
  globalThis.__tingvallaTestServices = running;

  const chromium = chromiumPath();
  const cli = await ensureTemporalCli(config.TOOLS_CACHE_DIR, log);
  const testServer = ensureTestServer(config.TOOLS_CACHE_DIR, log);

  if (config.DATABASE_URL) {
    const url = new URL(config.DATABASE_URL);
    url.pathname = '/postgres';
    running.serverOwnerUrl = url.toString();
  } else {
    const pg = await startEmbeddedPostgres({ dataDir: join(config.DATA_DIR, 'test'), port: await freePort(), log });
    running.stop.push(() => pg.stop());
    running.serverOwnerUrl = pg.ownerUrl('postgres');
  }
  await createDatabaseIfMissing(running.serverOwnerUrl, running.databaseName);
  const ownerUrl = new URL(running.serverOwnerUrl);
  ownerUrl.pathname = `/${running.databaseName}`;
  const appUrl = await prepareDatabase({ ownerUrl: ownerUrl.toString(), appPassword: config.DATABASE_APP_PASSWORD });

  const temporal = await startTemporalDevServer({ cli, namespace: config.TEMPORAL_NAMESPACE, port: await freePort(), uiPort: await freePort() });
  running.stop.push(() => temporal.stop());

  const bundle = await bundleWorkflowCode({ workflowsPath, failureConverterPath, logger: { log: () => undefined, trace: () => undefined, debug: () => undefined, info: () => undefined, warn: log, error: log } as never });
  const bundlePath = join(mkdtempSync(join(tmpdir(), 'tingvalla-bundle-')), 'workflows.js');
  await writeFile(bundlePath, bundle.code);

  Object.assign(process.env, {
    TEST_OWNER_URL: ownerUrl.toString(),
    TEST_APP_URL: appUrl,
    TEST_TEMPORAL_ADDRESS: temporal.address,
    TEST_TEMPORAL_UI_URL: temporal.uiUrl,
    TEST_WORKFLOW_BUNDLE: bundlePath,
    TEST_TEMPORAL_TEST_SERVER: testServer,
    TEST_CHROMIUM: chromium,
    TEMPORAL_CODEC_KEYS: process.env.TEMPORAL_CODEC_KEYS ?? generateCodecKeySpec('test1'),
    DATA_MASTER_KEYS: process.env.DATA_MASTER_KEYS ?? generateCodecKeySpec('master1'),
  });
  log(`ready in ${Date.now() - started} ms: database ${running.databaseName}, Temporal ${temporal.address}`);
}
