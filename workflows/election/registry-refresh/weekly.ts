// The weekly registry refresh of one tenant: sleeps a week, asks for the week's refresh (an activity writes its
// row, idempotent by this run's id), starts its workflow as a child that outlives this one, and continues as new
// for the next week. Its history stays a handful of events; its input is the tenant's id. The module's resumer
// starts it when it is not running (USE_EXISTING: never twice).
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { ParentClosePolicy, WorkflowIdReusePolicy, continueAsNew, proxyActivities, sleep, startChild, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../../../activities/election';
import type { RegistryRefreshWeeklyInput } from './messages';
import { electionRegistryRefresh } from './workflow';

export const WEEK = '7 days';

const { requestWeeklyRegistryRefresh } = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { maximumInterval: '10 minutes' },
});

export async function electionRegistryRefreshWeekly(input: RegistryRefreshWeeklyInput): Promise<void> {
  await sleep(WEEK);
  const requested = await requestWeeklyRegistryRefresh({ tenantId: input.tenantId, scheduleKey: `weekly/${workflowInfo().runId}` });
  if (requested) {
    try {
      await startChild(electionRegistryRefresh, {
        workflowId: requested.workflowId,
        args: [{ tenantId: input.tenantId, refreshId: requested.refreshId }],
        parentClosePolicy: ParentClosePolicy.ABANDON,
        workflowIdReusePolicy: WorkflowIdReusePolicy.ALLOW_DUPLICATE_FAILED_ONLY,
        typedSearchAttributes: [
          { key: { name: 'TenantId', type: 'KEYWORD' }, value: input.tenantId },
          { key: { name: 'Module', type: 'KEYWORD' }, value: 'election' },
          { key: { name: 'FlowStatus', type: 'KEYWORD' }, value: 'running' },
        ],
      });
    } catch (err) {
      // Started already (the resumer, or an earlier attempt of this run): it runs without us.
      if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
    }
  }
  await continueAsNew<typeof electionRegistryRefreshWeekly>(input);
}
