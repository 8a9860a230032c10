// Starting the registry refresh's workflows, and starting them again when their start was lost. A refresh's
// workflow id is `tenant/<tenantId>/election-registry-refresh/<refreshId>`, the weekly schedule's
// `tenant/<tenantId>/election-registry-weekly/<tenantId>`; inputs are those ids, search attributes the tenant,
// the module and a status word: nothing about a person. Both start with USE_EXISTING (a running one is found as
// it is). The resumer (Module.resumeWorkflows) starts refreshes still 'running' whose start may have been lost,
// and makes sure every tenant with an election has its weekly schedule (once per process and tenant).
import { QueryTypes } from 'sequelize';
import { electionRegistryRefresh } from '../../../../workflows/election/registry-refresh/workflow';
import { electionRegistryRefreshWeekly } from '../../../../workflows/election/registry-refresh/weekly';
import type { FlowTemporal } from '../../../flows/workflows';
import { workflowIds } from '../../../temporal/ids';
import type { ModuleWorkflowDeps } from '../../module';
import { startModuleWorkflow } from '../start-module-workflow';

export const REFRESH_KIND = 'election-registry-refresh';
export const WEEKLY_KIND = 'election-registry-weekly';

const RESUME_AFTER_SECONDS = 60;
const RESUME_PER_ROUND = 200;

export const registryRefreshWorkflowId = (tenantId: string, refreshId: string): string => workflowIds.module(tenantId, REFRESH_KIND, refreshId);
export const weeklyRefreshWorkflowId = (tenantId: string): string => workflowIds.module(tenantId, WEEKLY_KIND, tenantId);

/** Idempotent: a second start of the same refresh finds its workflow running, or completed. */
export async function startRegistryRefreshWorkflow(t: FlowTemporal, tenantId: string, refreshId: string): Promise<void> {
  await startModuleWorkflow(t, electionRegistryRefresh, { workflowId: registryRefreshWorkflowId(tenantId, refreshId), tenantId, input: { tenantId, refreshId }, status: 'running' });
}

/** The tenant's weekly schedule; one running is found as it is. */
export async function ensureWeeklyRegistryRefresh(t: FlowTemporal, tenantId: string): Promise<void> {
  await startModuleWorkflow(t, electionRegistryRefreshWeekly, { workflowId: weeklyRefreshWorkflowId(tenantId), tenantId, input: { tenantId }, status: 'scheduled', again: 'always' });
}

/** Tenants whose weekly schedule this process has made sure of (per Temporal client). */
const ensured = new WeakMap<object, Set<string>>();

export async function resumeRegistryRefreshes(deps: ModuleWorkflowDeps, scope: { tenantIds?: readonly string[]; minAgeSeconds?: number }): Promise<void> {
  if (scope.tenantIds?.length === 0) return;
  const rows = await deps.db.sequelize.query<{ tenant_id: string; id: string }>('SELECT tenant_id, id FROM running_registry_refreshes($1, $2::uuid[], $3)', {
    bind: [scope.minAgeSeconds ?? RESUME_AFTER_SECONDS, scope.tenantIds ?? null, RESUME_PER_ROUND],
    type: QueryTypes.SELECT,
  });
  for (const row of rows) await startRegistryRefreshWorkflow(deps.temporal, row.tenant_id, row.id);

  let done = ensured.get(deps.temporal.client);
  if (!done) ensured.set(deps.temporal.client, (done = new Set()));
  const tenants = await deps.db.sequelize.query<{ tenant_id: string }>('SELECT tenant_id FROM registry_refresh_tenants($1::uuid[])', { bind: [scope.tenantIds ?? null], type: QueryTypes.SELECT });
  let scheduled = 0;
  for (const { tenant_id } of tenants) {
    if (done.has(tenant_id)) continue;
    await ensureWeeklyRegistryRefresh(deps.temporal, tenant_id);
    done.add(tenant_id);
    scheduled++;
  }
  if (rows.length > 0 || scheduled > 0) deps.logger.info({ module: 'election', resumed: rows.length, scheduled }, 'registry refreshes checked for a running workflow');
}
