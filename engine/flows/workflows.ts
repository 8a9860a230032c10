// Starting and reaching flow workflows. The workflow id and search attributes hold ids, keys and numbers only.
import { WorkflowIdConflictPolicy, type Client, type WorkflowHandle } from '@temporalio/client';
import { flowInstance } from '../../workflows';
import { workflowIds } from '../temporal/ids';
import { flowSearchAttributes, type ModuleName } from '../temporal/search-attributes';

export interface FlowTemporal {
  client: Client;
  taskQueue: string;
}

export interface StartedInstance {
  instanceId: string;
  flowKey: string;
  module: string;
  version: number;
  status: string;
}

/** Idempotent: a second start of the same instance finds the running workflow. */
export async function startFlowWorkflow(t: FlowTemporal, tenantId: string, i: StartedInstance): Promise<void> {
  await t.client.workflow.start(flowInstance, {
    workflowId: workflowIds.flow(tenantId, i.instanceId),
    taskQueue: t.taskQueue,
    args: [{ tenantId, instanceId: i.instanceId }],
    typedSearchAttributes: flowSearchAttributes(tenantId, i.module as ModuleName, i.flowKey, i.version, i.status),
    workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
  });
}

export function flowHandle(t: FlowTemporal, tenantId: string, instanceId: string): WorkflowHandle<typeof flowInstance> {
  return t.client.workflow.getHandle<typeof flowInstance>(workflowIds.flow(tenantId, instanceId));
}
