// What the proxy does with each allowed Web UI API route: answer it itself from the UI server's answer
// (rewritten or checked), or let it through to the UI server once the workflow is known to be the tenant's
// (pinned to the run that was checked). Lists and counts take the tenant clause in front of the parsed query.
import type { Request, Response } from 'express';
import { MalformedRequestError, NotFoundError } from '../../errors';
import { QUERYABLE_SEARCH_ATTRIBUTES, tenantScopedQuery, VisibilityQuerySyntaxError } from '../../temporal/visibility-query';
import { upstreamPathOf, type UiApiRoute } from './ui-api-routes';
import { getFromUi, jsonOf, type UpstreamAnswer } from './ui-upstream';
import { assertTenantUsesTaskQueue, describeTenantWorkflow, tenantIdAttribute, type JsonSearchAttributes } from './workflow-ownership';
import { readQueryRequest, type QueryRequestBody } from './query-request';

/** Forward this path (and body) to the UI server as it stands. */
export interface PassThrough {
  path: string;
  body?: QueryRequestBody;
}

export interface UiApiContext {
  uiUrl: string;
  tenantId: string;
  req: Request;
  res: Response;
}

/** Settings the UI reads to decide what to offer: it hides what this proxy refuses anyway. */
const READ_ONLY_SETTINGS = { DisableWriteActions: true, BatchActionsDisabled: true, StartWorkflowDisabled: true };

function sendUpstream(res: Response, answer: UpstreamAnswer, json?: unknown): void {
  res.status(answer.status).type('application/json').send(json === undefined ? answer.text : JSON.stringify(json));
}

function scopedQuery(tenantId: string, route: UiApiRoute, allowGroupBy: boolean): URLSearchParams {
  const params = new URLSearchParams(route.params);
  try {
    params.set('query', tenantScopedQuery(tenantId, params.get('query') ?? '', { allowGroupBy }));
  } catch (err) {
    if (err instanceof VisibilityQuerySyntaxError) throw new MalformedRequestError(`The visibility query is not one the console accepts: ${err.message}.`);
    throw err;
  }
  return params;
}

/** Only the search attributes the console's queries accept, so the UI offers no filter that would be refused. */
function queryableOnly(attributes: Record<string, string> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(attributes ?? {}).filter(([name]) => QUERYABLE_SEARCH_ATTRIBUTES.has(name)));
}

/**
 * Handles an allowed route: answers it (and returns undefined) or returns what to pass through. Throws
 * NotFoundError for another tenant's workflow and MalformedRequestError for a query or body it cannot read.
 */
export async function handleUiApi(route: UiApiRoute, segments: string[], ctx: UiApiContext): Promise<PassThrough | undefined> {
  const { uiUrl, tenantId, req, res } = ctx;
  /** The workflow of the route, and the run asked for (none: the current run). */
  const workflow = (runId: string | null | undefined) => ({ tenantId, namespace: route.namespace!, workflowId: route.workflowId!, ...(runId ? { runId } : {}) });
  switch (route.name) {
    case 'settings': {
      const answer = await getFromUi(uiUrl, upstreamPathOf(segments), req);
      const settings = jsonOf<Record<string, unknown>>(answer);
      sendUpstream(res, answer, settings && { ...settings, ...READ_ONLY_SETTINGS });
      return undefined;
    }
    case 'namespaces':
    case 'clusterInfo':
    case 'systemInfo':
      return { path: upstreamPathOf(segments, route.params) };
    case 'searchAttributes': {
      const answer = await getFromUi(uiUrl, upstreamPathOf(segments), req);
      const all = jsonOf<{ customAttributes?: Record<string, string>; systemAttributes?: Record<string, string> }>(answer);
      sendUpstream(res, answer, all && { customAttributes: queryableOnly(all.customAttributes), systemAttributes: queryableOnly(all.systemAttributes) });
      return undefined;
    }
    case 'listWorkflows': {
      const answer = await getFromUi(uiUrl, upstreamPathOf(segments, scopedQuery(tenantId, route, false)), req);
      const list = jsonOf<{ executions?: { searchAttributes?: JsonSearchAttributes }[] }>(answer);
      // The query already narrows the list; a row of another tenant here would be a bug upstream, and is dropped.
      sendUpstream(res, answer, list && { ...list, executions: (list.executions ?? []).filter((e) => tenantIdAttribute(e.searchAttributes) === tenantId) });
      return undefined;
    }
    case 'countWorkflows':
      sendUpstream(res, await getFromUi(uiUrl, upstreamPathOf(segments, scopedQuery(tenantId, route, true)), req));
      return undefined;
    case 'describeWorkflow': {
      const { described } = await describeTenantWorkflow(uiUrl, req, workflow(route.params.get('execution.runId')));
      res.type('application/json').send(described);
      return undefined;
    }
    case 'workflowHistory':
    case 'workflowHistoryReverse': {
      const { runId } = await describeTenantWorkflow(uiUrl, req, workflow(route.params.get('execution.runId')));
      const params = new URLSearchParams(route.params);
      params.set('execution.runId', runId);
      return { path: upstreamPathOf(segments, params) };
    }
    case 'queryWorkflow': {
      const body = await readQueryRequest(req, res, { workflowId: route.workflowId!, queryType: route.queryType! });
      const { runId } = await describeTenantWorkflow(uiUrl, req, workflow(body.execution.runId));
      return { path: upstreamPathOf(segments), body: { ...body, execution: { ...body.execution, runId } } };
    }
    case 'describeTaskQueue':
      await assertTenantUsesTaskQueue(uiUrl, req, { tenantId, namespace: route.namespace!, taskQueue: route.taskQueue! });
      return { path: upstreamPathOf(segments, route.params) };
    default:
      throw new NotFoundError();
  }
}
