// Whether a workflow is the tenant's, asked before the proxy answers anything about it: its id must carry the
// tenant's prefix (`tenant/<uuid>/…`) AND the UI server's own description of it (run included) must show the
// tenant's id in its TenantId search attribute. Either check alone could be fooled — an id is only a name, and
// a search attribute is only as good as whoever started the workflow — so both must agree. Anything else is
// "not found", exactly like a workflow that does not exist.
import type { Request } from 'express';
import { NotFoundError } from '../../errors';
import { tenantOfWorkflowId } from '../../temporal/ids';
import { TenantIdKey } from '../../temporal/search-attributes';
import { quoteString, tenantScopedQuery } from '../../temporal/visibility-query';
import { upstreamPathOf } from './ui-api-routes';
import { getFromUi, jsonOf } from './ui-upstream';

/** A payload as the UI server writes it in JSON: metadata and data base64-encoded. */
interface JsonPayload {
  metadata?: Record<string, string>;
  data?: string;
}

export interface JsonSearchAttributes {
  indexedFields?: Record<string, JsonPayload>;
}

interface DescribeAnswer {
  workflowExecutionInfo?: { execution?: { workflowId?: string; runId?: string }; searchAttributes?: JsonSearchAttributes };
}

/** The TenantId search attribute of a workflow, as the UI server shows it; undefined unless a plain JSON string. */
export function tenantIdAttribute(attributes: JsonSearchAttributes | undefined): string | undefined {
  const field = attributes?.indexedFields?.[TenantIdKey.name];
  if (!field || Buffer.from(field.metadata?.encoding ?? '', 'base64').toString() !== 'json/plain') return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(field.data ?? '', 'base64').toString());
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

export interface TenantWorkflow {
  /** The UI server's description, as the UI would have received it. */
  described: string;
  /** The run that was checked: callers pin their request to it, so a newer run cannot slip in between. */
  runId: string;
}

/**
 * The UI server's description of the workflow, when it is the tenant's; NotFoundError otherwise. `runId` narrows
 * it to one run, the run the request is about; without it, the current run is checked.
 */
export async function describeTenantWorkflow(uiUrl: string, req: Request, at: { tenantId: string; namespace: string; workflowId: string; runId?: string }): Promise<TenantWorkflow> {
  if (tenantOfWorkflowId(at.workflowId) !== at.tenantId) throw new NotFoundError();
  const params = new URLSearchParams(at.runId ? { 'execution.runId': at.runId } : {});
  const answer = await getFromUi(uiUrl, upstreamPathOf(['v1', 'namespaces', at.namespace, 'workflows', at.workflowId], params), req);
  const info = jsonOf<DescribeAnswer>(answer)?.workflowExecutionInfo;
  const { workflowId, runId } = info?.execution ?? {};
  const sameRun = workflowId === at.workflowId && runId !== undefined && runId !== '' && (!at.runId || runId === at.runId);
  if (!sameRun || tenantIdAttribute(info?.searchAttributes) !== at.tenantId) throw new NotFoundError();
  return { described: answer.text, runId };
}

/**
 * NotFoundError unless one of the tenant's workflows (any state) runs on this task queue: a queue's pollers are
 * shown for the queues the tenant's workflows use, not for any name someone tries.
 */
export async function assertTenantUsesTaskQueue(uiUrl: string, req: Request, at: { tenantId: string; namespace: string; taskQueue: string }): Promise<void> {
  const params = new URLSearchParams({ query: tenantScopedQuery(at.tenantId, `TaskQueue = ${quoteString(at.taskQueue)}`) });
  const counted = jsonOf<{ count?: string }>(await getFromUi(uiUrl, upstreamPathOf(['v1', 'namespaces', at.namespace, 'workflow-count'], params), req));
  if (!(Number(counted?.count ?? 0) > 0)) throw new NotFoundError();
}
