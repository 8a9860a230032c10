// Starting a group message's workflow, and starting it again when its start was lost (as the bulk deletion's,
// ../bulk-deletion-workflow.ts). The workflow id is made from the tenant's and the message's ids
// (`tenant/<tenantId>/election-group-message/<groupMessageId>`), its input is those two ids, its search attributes
// the tenant, the module and a status word: nothing about a person or the message's text.
import { QueryTypes } from 'sequelize';
import { electionGroupMessage } from '../../../../workflows/election/group-message/workflow';
import type { FlowTemporal } from '../../../flows/workflows';
import { workflowIds } from '../../../temporal/ids';
import type { ModuleWorkflowDeps } from '../../module';
import { startModuleWorkflow } from '../start-module-workflow';

export const GROUP_MESSAGE_KIND = 'election-group-message';

/** A message is left to the start right after its send for this long before the resumer starts it. */
const RESUME_AFTER_SECONDS = 60;
const RESUME_PER_ROUND = 200;

export const groupMessageWorkflowId = (tenantId: string, groupMessageId: string): string => workflowIds.module(tenantId, GROUP_MESSAGE_KIND, groupMessageId);

/** Idempotent: a second start of the same message finds its workflow running, or completed. */
export async function startGroupMessageWorkflow(t: FlowTemporal, tenantId: string, groupMessageId: string): Promise<void> {
  await startModuleWorkflow(t, electionGroupMessage, { workflowId: groupMessageWorkflowId(tenantId, groupMessageId), tenantId, input: { tenantId, groupMessageId }, status: 'running' });
}

/** Starts the workflow of every group message still 'sending' asked for at least `minAgeSeconds` ago. */
export async function resumeGroupMessages(deps: Pick<ModuleWorkflowDeps, 'db' | 'temporal'>, scope: { tenantIds?: readonly string[]; minAgeSeconds?: number }): Promise<number> {
  if (scope.tenantIds?.length === 0) return 0;
  const rows = await deps.db.sequelize.query<{ tenant_id: string; id: string }>('SELECT tenant_id, id FROM sending_group_messages($1, $2::uuid[], $3)', {
    bind: [scope.minAgeSeconds ?? RESUME_AFTER_SECONDS, scope.tenantIds ?? null, RESUME_PER_ROUND],
    type: QueryTypes.SELECT,
  });
  for (const row of rows) await startGroupMessageWorkflow(deps.temporal, row.tenant_id, row.id);
  return rows.length;
}
