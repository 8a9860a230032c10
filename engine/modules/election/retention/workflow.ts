// Starting the deletion-after-the-election workflow of each election, and starting it again when its start was
// lost: the module's resumer asks, every few minutes, for the elections whose deletion is not done (one SECURITY
// DEFINER function, ids only) and starts each one's workflow — id `tenant/<tenantId>/election-retention/
// <electionId>`, input those two ids, search attributes TenantId, Module=election and FlowStatus (the phase).
// A running one is found as it is (USE_EXISTING); a closed one runs again only if it did not complete.
import { QueryTypes } from 'sequelize';
import { electionPostElectionDeletion } from '../../../../workflows/election/post-election-deletion/workflow';
import type { FlowTemporal } from '../../../flows/workflows';
import { workflowIds } from '../../../temporal/ids';
import type { ModuleWorkflowDeps } from '../../module';
import { startModuleWorkflow } from '../start-module-workflow';

export const RETENTION_KIND = 'election-retention';
const RESUME_PER_ROUND = 200;

export const retentionWorkflowId = (tenantId: string, electionId: string): string => workflowIds.module(tenantId, RETENTION_KIND, electionId);

export async function startRetentionWorkflow(t: FlowTemporal, tenantId: string, electionId: string): Promise<void> {
  await startModuleWorkflow(t, electionPostElectionDeletion, { workflowId: retentionWorkflowId(tenantId, electionId), tenantId, input: { tenantId, electionId }, status: 'waiting' });
}

/** Module.resumeWorkflows' part: each election whose deletion is not done has its workflow running. */
export async function resumeElectionRetentions(deps: ModuleWorkflowDeps, scope: { tenantIds?: readonly string[] }): Promise<void> {
  if (scope.tenantIds?.length === 0) return;
  const rows = await deps.db.sequelize.query<{ tenant_id: string; election_id: string }>('SELECT tenant_id, election_id FROM election_retentions_to_run($1::uuid[], $2)', {
    bind: [scope.tenantIds ?? null, RESUME_PER_ROUND],
    type: QueryTypes.SELECT,
  });
  for (const row of rows) await startRetentionWorkflow(deps.temporal, row.tenant_id, row.election_id);
}
