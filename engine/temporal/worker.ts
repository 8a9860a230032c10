import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { createActivities, type ActivityDeps } from '../../activities';
import type { CodecKey } from './codec';
import { dataConverter } from './client';

export interface WorkerSetup {
  address: string;
  namespace: string;
  taskQueue: string;
  keys: CodecKey[];
  deps: ActivityDeps;
  /** A prebuilt bundle (tests build one per run); otherwise the worker bundles workflows/ itself. */
  workflowBundlePath?: string;
  /** A connection to reuse (the time-skipping test environment brings its own). */
  connection?: NativeConnection;
}

export const workflowsPath = require.resolve('../../workflows');

export async function createWorker(setup: WorkerSetup): Promise<Worker> {
  const connection = setup.connection ?? (await NativeConnection.connect({ address: setup.address }));
  const options: WorkerOptions = {
    connection,
    namespace: setup.namespace,
    taskQueue: setup.taskQueue,
    activities: createActivities(setup.deps),
    dataConverter: dataConverter(setup.keys),
    ...(setup.workflowBundlePath ? { workflowBundle: { codePath: setup.workflowBundlePath } } : { workflowsPath }),
  };
  return Worker.create(options);
}
