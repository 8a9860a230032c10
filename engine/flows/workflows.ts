// Starting and reaching flow workflows. The workflow id and search attributes hold ids, keys and numbers only.
// Commands do not call these: they write outbox rows through engine/flows/gateway.ts, and the dispatcher
// (engine/flows/outbox/) delivers them with the functions here.
import { WorkflowIdConflictPolicy, WorkflowIdReusePolicy, type Client, type WorkflowHandle } from '@temporalio/client';
import type { SignalDefinition } from '@temporalio/common';
import { flowInstance } from '../../workflows';
import { workflowIds } from '../temporal/ids';
import { flowSearchAttributes } from '../temporal/search-attributes';

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

/**
 * The instance's workflow: its id from tenant and instance ids, inputs two uuids. REJECT_DUPLICATE: an instance
 * whose workflow has closed is never run a second time by a late start or signal.
 */
function startOptions(t: FlowTemporal, tenantId: string, i: StartedInstance) {
  return {
    workflowId: workflowIds.flow(tenantId, i.instanceId),
    taskQueue: t.taskQueue,
    args: [{ tenantId, instanceId: i.instanceId }] as [{ tenantId: string; instanceId: string }],
    typedSearchAttributes: flowSearchAttributes(tenantId, i.module, i.flowKey, i.version, i.status),
    workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
  };
}

/** Idempotent: a second start of the same instance finds the running workflow (a closed one: WorkflowExecutionAlreadyStartedError). */
export async function startFlowWorkflow(t: FlowTemporal, tenantId: string, i: StartedInstance): Promise<void> {
  await t.client.workflow.start(flowInstance, { ...startOptions(t, tenantId, i), workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING });
}

/**
 * Signals the instance's running workflow, starting it first if its start has not been delivered yet, so a
 * signal never waits for (or depends on the order of) the start. A closed workflow: WorkflowExecutionAlreadyStartedError.
 */
export async function signalFlowWithStart<Args extends unknown[]>(t: FlowTemporal, tenantId: string, i: StartedInstance, signal: SignalDefinition<Args>, signalArgs: Args): Promise<void> {
  // The client's option type cannot tell a generic Args with arguments from one without: checked above, widened here.
  await t.client.workflow.signalWithStart<typeof flowInstance, unknown[]>(flowInstance, { ...startOptions(t, tenantId, i), signal: signal as SignalDefinition<unknown[]>, signalArgs });
}

export function flowHandle(t: FlowTemporal, tenantId: string, instanceId: string): WorkflowHandle<typeof flowInstance> {
  return t.client.workflow.getHandle<typeof flowInstance>(workflowIds.flow(tenantId, instanceId));
}
