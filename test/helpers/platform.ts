// A whole running platform (API, both sites, worker) on a free port, against the run's database and Temporal.
import type { Module } from '../../engine/modules/module';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import type { Logger } from 'pino';
import { startPlatform, type Platform } from '../../engine/platform';
import { testConfig, testServices } from './env';

let runtimeInstalled = false;

/** The worker's own log lines (state changes) would drown the test output: warnings and errors only. */
export function quietTemporalRuntime(): void {
  if (runtimeInstalled) return;
  Runtime.install({ logger: new DefaultLogger('WARN') });
  runtimeInstalled = true;
}

export interface TestPlatformOptions {
  /** Another Temporal server than the run's (a suite that stops and restarts its own). */
  temporalAddress?: string;
  /** Another database than the run's (the application role's URL). */
  appUrl?: string;
  /**
   * The flow outbox dispatcher. By default it delivers only the rows this test process wrote: the suites share
   * one database, and another platform's dispatcher would start this suite's workflows on its own task queue.
   */
  dispatcher?: 'all' | 'rowsWrittenHere' | 'off';
  /** The installed modules, for a suite that adds a module of its own to the list. */
  modules?: readonly Module[];
  /** The platform's logger, for a suite that reads what was logged. */
  logger?: Logger;
  /** Only the API, or only the worker (engine/platform.ts); everything by default. */
  role?: 'all' | 'api' | 'worker';
}

export async function startTestPlatform(tenantIds: string[] = [], configOverrides: Record<string, string> = {}, options: TestPlatformOptions = {}): Promise<Platform & { url: (host: string, path?: string) => string }> {
  quietTemporalRuntime();
  const services = testServices();
  const platform = await startPlatform({
    // Each platform gets its own development outbox (a fresh folder, any free port) and its own task queue:
    // suites run side by side on one Temporal server, and another platform's worker must not run this one's
    // activities (its e-mail would land in the other platform's outbox).
    config: testConfig({ DATA_DIR: mkdtempSync(join(tmpdir(), 'tingvalla-platform-')), DEV_SMTP_PORT: '0', TEMPORAL_TASK_QUEUE: `test-${randomBytes(4).toString('hex')}`, ...configOverrides }),
    appUrl: options.appUrl ?? services.appUrl,
    temporalAddress: options.temporalAddress ?? services.temporalAddress,
    dispatcher: options.dispatcher ?? 'rowsWrittenHere',
    ...(options.modules ? { modules: options.modules } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.role ? { role: options.role } : {}),
    workflowBundlePath: services.workflowBundlePath,
    tenantIds,
    port: 0,
  });
  return Object.assign(platform, { url: (host: string, path = '/') => `http://${host}:${platform.port}${path}` });
}
