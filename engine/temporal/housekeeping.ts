// Every tenant has one housekeeping workflow, started when the tenant is created and re-ensured at start.
import { WorkflowIdConflictPolicy, type Client } from '@temporalio/client';
import { tenantHousekeeping } from '../../workflows';
import { workflowIds } from './ids';
import { platformSearchAttributes } from './search-attributes';

export async function ensureHousekeeping(client: Client, taskQueue: string, tenantId: string): Promise<void> {
  await client.workflow.start(tenantHousekeeping, {
    workflowId: workflowIds.housekeeping(tenantId),
    taskQueue,
    args: [{ tenantId }],
    typedSearchAttributes: platformSearchAttributes(tenantId, 'platform'),
    workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
  });
}
