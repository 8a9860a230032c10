// Starting the bulk deletion's workflow, and starting it again when its start was lost. The workflow id is made
// from the tenant's and the deletion's ids (`tenant/<tenantId>/election-bulk-deletion/<deletionId>`), its input
// is those two ids, its search attributes the tenant, the module and a status word: nothing about a person.
// A start finds a running workflow of the same id (USE_EXISTING); a closed one is run again only if it did not
// complete (terminated, failed, timed out: ALLOW_DUPLICATE_FAILED_ONLY), and it carries on from the rows.
import { QueryTypes } from 'sequelize';
import { electionParticipantBulkDeletion } from '../../../workflows/election/bulk-deletion/workflow';
import type { FlowTemporal } from '../../flows/workflows';
import { workflowIds } from '../../temporal/ids';
import type { ModuleWorkflowDeps } from '../module';
import { resumeGroupMessages } from './group-messages/workflow-start';
import { startModuleWorkflow } from './start-module-workflow';

export const BULK_DELETION_KIND = 'election-bulk-deletion';

/** A deletion is left to the start right after its request for this long before the resumer starts it. */
const RESUME_AFTER_SECONDS = 60;
/** Deletions resumed per round at most (the next round takes the rest). */
const RESUME_PER_ROUND = 200;

export const bulkDeletionWorkflowId = (tenantId: string, deletionId: string): string => workflowIds.module(tenantId, BULK_DELETION_KIND, deletionId);

/** Idempotent: a second start of the same deletion finds its workflow running, or completed. */
export async function startBulkDeletionWorkflow(t: FlowTemporal, tenantId: string, deletionId: string): Promise<void> {
  await startModuleWorkflow(t, electionParticipantBulkDeletion, { workflowId: bulkDeletionWorkflowId(tenantId, deletionId), tenantId, input: { tenantId, deletionId }, status: 'running' });
}

/**
 * Starts the workflow of every deletion still 'running' that was requested at least `minAgeSeconds` ago (its
 * own start had the time to happen); one that is running is found as it is. Returns how many it asked for.
 */
export async function resumeParticipantDeletions(deps: Pick<ModuleWorkflowDeps, 'db' | 'temporal'>, scope: { tenantIds?: readonly string[]; minAgeSeconds?: number }): Promise<number> {
  if (scope.tenantIds?.length === 0) return 0;
  const rows = await deps.db.sequelize.query<{ tenant_id: string; id: string }>('SELECT tenant_id, id FROM running_participant_deletions($1, $2::uuid[], $3)', {
    bind: [scope.minAgeSeconds ?? RESUME_AFTER_SECONDS, scope.tenantIds ?? null, RESUME_PER_ROUND],
    type: QueryTypes.SELECT,
  });
  for (const row of rows) await startBulkDeletionWorkflow(deps.temporal, row.tenant_id, row.id);
  return rows.length;
}

/** Module.resumeWorkflows: the module's one workflow type that can lose its start. */
export async function resumeElectionWorkflows(deps: ModuleWorkflowDeps, scope: { tenantIds?: readonly string[] }): Promise<void> {
  const resumed = await resumeParticipantDeletions(deps, scope);
  if (resumed > 0) deps.logger.info({ module: 'election', resumed }, 'bulk deletions checked for a running workflow');
  const groupMessages = await resumeGroupMessages(deps, scope);
  if (groupMessages > 0) deps.logger.info({ module: 'election', resumed: groupMessages }, 'group messages checked for a running workflow');
}
