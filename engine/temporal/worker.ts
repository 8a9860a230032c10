import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { createActivities, type ActivityDeps } from '../../activities';
import { MODULES } from '../modules';
import type { Module } from '../modules/module';
import type { CodecKey } from './codec';
import { dataConverter } from './client';
import { connectNamingTarget, type TemporalConnectionOptions } from './connection-options';
import { moduleActivities } from './module-workflows';

export interface WorkerSetup {
  /** How to reach Temporal when no `connection` is given (temporalConnectionOptions: the address, and for TEMPORAL_ADDRESS its TLS and API key). */
  connectionOptions: TemporalConnectionOptions;
  namespace: string;
  taskQueue: string;
  keys: CodecKey[];
  deps: ActivityDeps;
  /** A prebuilt bundle (tests build one per run); otherwise the worker bundles workflows/ itself. */
  workflowBundlePath?: string;
  /** A connection to reuse (the time-skipping test environment brings its own). */
  connection?: NativeConnection;
  /** The installed modules, whose own activities the worker runs too (a test may add a module of its own). */
  modules?: readonly Module[];
  /** TEMPORAL_MAX_CACHED_WORKFLOWS; unset, the SDK's default (from the heap limit). */
  maxCachedWorkflows?: number;
}

export const workflowsPath = require.resolve('../../workflows');

/** The platform's activities and every module's own (Module.activities), no name taken twice. */
export function workerActivities(deps: ActivityDeps, modules: readonly Module[] = MODULES) {
  const platform = createActivities(deps);
  return { ...platform, ...moduleActivities(modules, deps, Object.keys(platform)) };
}

export async function createWorker(setup: WorkerSetup): Promise<Worker> {
  const connection = setup.connection ?? (await connectNamingTarget(setup.connectionOptions, () => NativeConnection.connect(setup.connectionOptions)));
  const options: WorkerOptions = {
    connection,
    namespace: setup.namespace,
    taskQueue: setup.taskQueue,
    activities: workerActivities(setup.deps, setup.modules ?? MODULES),
    dataConverter: dataConverter(setup.keys),
    ...(setup.maxCachedWorkflows ? { maxCachedWorkflows: setup.maxCachedWorkflows } : {}),
    ...(setup.workflowBundlePath ? { workflowBundle: { codePath: setup.workflowBundlePath } } : { workflowsPath }),
  };
  return Worker.create(options);
}
