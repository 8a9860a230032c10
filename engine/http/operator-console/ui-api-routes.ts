// The Web UI API calls the proxy lets through: a fixed list of method + path pattern, each with the query
// parameters it may carry. It is what the UI (ui-server v2.42.1, in the Temporal CLI v1.5.1 dev server) calls
// when an operator browses the workflow list and a workflow's pages; anything else answers 404 (403 for a write).
// Schedules, batch operations, archived workflows, standalone activities, Nexus, namespace details and the
// task-queue routes other than one queue's pollers are left out on purpose.
import { MalformedRequestError } from '../../errors';
import { TEMPORAL_UI_PATH } from './ui-path';

export type UiApiRouteName =
  | 'settings'
  | 'namespaces'
  | 'clusterInfo'
  | 'systemInfo'
  | 'searchAttributes'
  | 'listWorkflows'
  | 'countWorkflows'
  | 'describeWorkflow'
  | 'workflowHistory'
  | 'workflowHistoryReverse'
  | 'queryWorkflow'
  | 'describeTaskQueue';

const RUN_ID = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})?$/;
const PAGE_TOKEN = /^[A-Za-z0-9+/=_-]{0,8192}$/;
const BOOLEAN = /^(true|false)$/;
const PAGE_SIZE = /^[0-9]{1,5}$/;
/** The visibility query is parsed later; here only its size is bounded. */
const ANY_QUERY = /^[\s\S]{0,4096}$/;

const PARAMS = {
  none: {},
  page: { pageSize: PAGE_SIZE, nextPageToken: PAGE_TOKEN },
  list: { query: ANY_QUERY, pageSize: PAGE_SIZE, nextPageToken: PAGE_TOKEN },
  count: { query: ANY_QUERY },
  run: { 'execution.runId': RUN_ID },
  history: { 'execution.runId': RUN_ID, nextPageToken: PAGE_TOKEN, maximumPageSize: PAGE_SIZE, waitNewEvent: BOOLEAN, skipArchival: BOOLEAN, historyEventFilterType: /^(HISTORY_EVENT_FILTER_TYPE_[A-Z_]{1,40}|[0-9])$/ },
  historyReverse: { 'execution.runId': RUN_ID, nextPageToken: PAGE_TOKEN, maximumPageSize: PAGE_SIZE },
  taskQueue: { taskQueueType: /^([0-9]|TASK_QUEUE_TYPE_[A-Z_]{1,40})$/ },
} satisfies Record<string, Record<string, RegExp>>;

interface RouteSpec {
  name: UiApiRouteName;
  method: 'GET' | 'POST';
  /** Segments after `/temporal/api/`; the `:name` ones are variable (their forms below). */
  pattern: string;
  params: Record<string, RegExp>;
}

export const UI_API_ROUTES: readonly RouteSpec[] = [
  { name: 'settings', method: 'GET', pattern: 'v1/settings', params: PARAMS.none },
  { name: 'namespaces', method: 'GET', pattern: 'v1/namespaces', params: PARAMS.page },
  { name: 'clusterInfo', method: 'GET', pattern: 'v1/cluster-info', params: PARAMS.none },
  { name: 'systemInfo', method: 'GET', pattern: 'v1/system-info', params: PARAMS.none },
  { name: 'searchAttributes', method: 'GET', pattern: 'v1/namespaces/:namespace/search-attributes', params: PARAMS.none },
  { name: 'listWorkflows', method: 'GET', pattern: 'v1/namespaces/:namespace/workflows', params: PARAMS.list },
  { name: 'countWorkflows', method: 'GET', pattern: 'v1/namespaces/:namespace/workflow-count', params: PARAMS.count },
  { name: 'describeWorkflow', method: 'GET', pattern: 'v1/namespaces/:namespace/workflows/:workflowId', params: PARAMS.run },
  { name: 'workflowHistory', method: 'GET', pattern: 'v1/namespaces/:namespace/workflows/:workflowId/history', params: PARAMS.history },
  { name: 'workflowHistoryReverse', method: 'GET', pattern: 'v1/namespaces/:namespace/workflows/:workflowId/history-reverse', params: PARAMS.historyReverse },
  // Queries only read (the call stack, the workflow's declared queries); the body is checked and rebuilt.
  { name: 'queryWorkflow', method: 'POST', pattern: 'v1/namespaces/:namespace/workflows/:workflowId/query/:queryType', params: PARAMS.none },
  // A workflow's page shows whether workers poll its queue (and waits for the answer): only for a queue that
  // the tenant's own workflows use.
  { name: 'describeTaskQueue', method: 'GET', pattern: 'v1/namespaces/:namespace/task-queues/:taskQueue', params: PARAMS.taskQueue },
];

const VARIABLE_SEGMENTS: Record<string, RegExp> = {
  ':namespace': /^[A-Za-z0-9][A-Za-z0-9._-]{0,254}$/,
  // Ids are built from ids only (engine/temporal/ids.ts): `tenant/<uuid>/…`, parts of plain characters.
  ':workflowId': /^(?=.{1,255}$)[A-Za-z0-9_:-][A-Za-z0-9._:-]*(\/[A-Za-z0-9_:-][A-Za-z0-9._:-]*)*$/,
  // `@@temporal-internal__list` is how the UI asks which queries a workflow has.
  ':queryType': /^[A-Za-z0-9_@.:-]{1,200}$/,
  ':taskQueue': /^[A-Za-z0-9_.:-]{1,200}$/,
};

export interface UiApiRoute {
  name: UiApiRouteName;
  method: 'GET' | 'POST';
  namespace?: string;
  workflowId?: string;
  queryType?: string;
  taskQueue?: string;
  /** The allowed query parameters, each once and in its expected form; the rest is dropped. */
  params: URLSearchParams;
}

function matchSegments(pattern: string, segments: string[]): Record<string, string> | undefined {
  const parts = pattern.split('/');
  if (parts.length !== segments.length) return undefined;
  const bound: Record<string, string> = {};
  for (const [i, part] of parts.entries()) {
    const segment = segments[i]!;
    const variable = VARIABLE_SEGMENTS[part];
    if (variable) {
      if (!variable.test(segment)) return undefined;
      bound[part.slice(1)] = segment;
    } else if (part !== segment) {
      return undefined;
    }
  }
  return bound;
}

function allowedParams(search: URLSearchParams, allowed: Record<string, RegExp>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [name, form] of Object.entries(allowed)) {
    const values = search.getAll(name);
    // Which of two values would the UI server take? Neither: a repeated parameter is refused.
    if (values.length > 1) throw new MalformedRequestError(`The parameter ${name} is given more than once.`);
    if (values.length === 0) continue;
    if (!form.test(values[0]!)) throw new MalformedRequestError(`The parameter ${name} is not in its expected form.`);
    params.set(name, values[0]!);
  }
  return params;
}

/** The allowed route for this method and (normalised, decoded) path, or undefined. HEAD counts as GET. */
export function matchUiApiRoute(method: string, segments: string[], search: URLSearchParams): UiApiRoute | undefined {
  const asMethod = method === 'HEAD' ? 'GET' : method;
  for (const spec of UI_API_ROUTES) {
    if (spec.method !== asMethod) continue;
    const bound = matchSegments(spec.pattern, segments);
    if (!bound) continue;
    return { name: spec.name, method: spec.method, ...bound, params: allowedParams(search, spec.params) };
  }
  return undefined;
}

/** The path the UI server is asked, built from the matched route (segments encoded as the UI encodes them). */
export function upstreamPathOf(segments: string[], params?: URLSearchParams): string {
  const query = params?.toString();
  return `${TEMPORAL_UI_PATH}/api/${segments.map(encodeURIComponent).join('/')}${query ? `?${query}` : ''}`;
}
