// The Web UI proxy's path normalisation and its fixed list of API routes (engine/http/operator-console/), on
// their own: which paths count as plain, and which method + path + parameters reach which route.
import { MalformedRequestError } from '../../engine/errors';
import { matchUiApiRoute, upstreamPathOf, UI_API_ROUTES } from '../../engine/http/operator-console/ui-api-routes';
import { readUiPath } from '../../engine/http/operator-console/ui-path';

const id = 'tenant/11111111-1111-4111-8111-111111111111/housekeeping';
const encoded = encodeURIComponent(id);
const runId = '01a231c0-0965-7789-8efa-79c77acfcd67';

describe('readUiPath', () => {
  it('passes the UI’s pages and assets, and reads API paths into decoded segments', () => {
    expect(readUiPath('/temporal')).toEqual({ kind: 'page' });
    expect(readUiPath('/temporal/')).toEqual({ kind: 'page' });
    expect(readUiPath('/temporal/_app/immutable/chunks/wzfd2ij_.js')).toEqual({ kind: 'page' });
    expect(readUiPath(`/temporal/namespaces/tingvalla/workflows/${encoded}/${runId}/history`)).toEqual({ kind: 'page' });
    expect(readUiPath(`/temporal/api/v1/namespaces/tingvalla/workflows/${encoded}/history`)).toEqual({ kind: 'api', segments: ['v1', 'namespaces', 'tingvalla', 'workflows', id, 'history'] });
  });

  it.each([
    '/temporal//api/v1/namespaces/tingvalla/workflows',
    '/temporal/api/v1//namespaces/tingvalla/workflows',
    '/temporal/api/v1/namespaces/tingvalla//workflows',
    '/temporal/api/v1/namespaces/tingvalla/workflows/',
    '/temporal/api/v1/namespaces/./tingvalla/workflows',
    '/temporal/api/v1/namespaces/tingvalla/workflows/x/../../workflows',
    '/temporal/api/v1/namespaces/tingvalla/%2e%2e/workflows',
    '/temporal/api%2Fv1/namespaces/tingvalla/workflows',
    '/temporal/api/v1/namespaces/tingvalla%2fworkflows',
    '/temporal/api/v1/namespaces/tingvalla%5Cworkflows',
    '/temporal/api/v1/namespaces/tingvalla\\workflows',
    '/temporal/api/v1/namespaces/tingvalla%252Fworkflows',
    `/temporal/api/v1/namespaces/tingvalla/workflows/${encodeURIComponent(encoded)}`,
    '/temporal/api/v1/namespaces/tingvalla/workflows/tenant%2F..%2Fx',
    '/temporal/api/v1/namespaces/tingvalla/workflows/tenant%2F%2Fx',
    '/temporal/api/v1/namespaces/tingvalla/workflows/%00',
    '/temporal/api/v1/namespaces/tingvalla/workflows/%E0%A4%A',
    '/temporal/API/v1/namespaces/tingvalla/workflows',
    '/temporal%2Fapi/v1/namespaces/tingvalla/workflows',
    '/temporal/namespaces/tingvalla%2Fworkflows',
    '/temporal/namespaces/tingvalla/workflows/tenant%2F..%2F..%2Fapi',
    '/temporalx',
  ])('refuses %s as malformed', (path) => {
    expect(() => readUiPath(path)).toThrow(MalformedRequestError);
  });
});

describe('the fixed list of API routes', () => {
  const match = (method: string, path: string, query = '') => {
    const read = readUiPath(path);
    return read.kind === 'api' ? matchUiApiRoute(method, read.segments, new URLSearchParams(query)) : undefined;
  };
  const api = '/temporal/api/v1/namespaces/tingvalla';

  it('is the list the UI needs for the workflow list and a workflow’s pages', () => {
    expect(UI_API_ROUTES.map((r) => `${r.method} ${r.pattern}`)).toEqual([
      'GET v1/settings',
      'GET v1/namespaces',
      'GET v1/cluster-info',
      'GET v1/system-info',
      'GET v1/namespaces/:namespace/search-attributes',
      'GET v1/namespaces/:namespace/workflows',
      'GET v1/namespaces/:namespace/workflow-count',
      'GET v1/namespaces/:namespace/workflows/:workflowId',
      'GET v1/namespaces/:namespace/workflows/:workflowId/history',
      'GET v1/namespaces/:namespace/workflows/:workflowId/history-reverse',
      'POST v1/namespaces/:namespace/workflows/:workflowId/query/:queryType',
      'GET v1/namespaces/:namespace/task-queues/:taskQueue',
    ]);
  });

  it('matches by method and path, binds the variable segments and keeps only the known parameters', () => {
    const history = match('GET', `${api}/workflows/${encoded}/history`, `execution.runId=${runId}&waitNewEvent=true&execution.run_id=other&foo=bar`)!;
    expect(history).toMatchObject({ name: 'workflowHistory', namespace: 'tingvalla', workflowId: id });
    expect(history.params.toString()).toBe(`execution.runId=${runId}&waitNewEvent=true`);
    expect(match('HEAD', `${api}/workflows`)?.name).toBe('listWorkflows');
    expect(match('POST', `${api}/workflows/${encoded}/query/__stack_trace`)).toMatchObject({ name: 'queryWorkflow', queryType: '__stack_trace' });
    expect(match('GET', `${api}/workflows/${encoded}/query/__stack_trace`)).toBeUndefined();
    expect(match('POST', `${api}/workflows/${encoded}/terminate`)).toBeUndefined();
    expect(match('DELETE', `${api}/workflows/${encoded}`)).toBeUndefined();
    for (const path of [`${api}/task-queues/q/compatibility`, `${api}/archived-workflows`, `${api}/schedules`, `${api}/workflows/count/x`, `${api}/workflows/${encoded}/runs`, '/temporal/api/v2/namespaces', '/temporal/api/v1/me']) {
      expect(match('GET', path)).toBeUndefined();
    }
  });

  it('refuses a repeated parameter or one not in its form', () => {
    expect(() => match('GET', `${api}/workflows`, 'query=a&query=b')).toThrow(MalformedRequestError);
    expect(() => match('GET', `${api}/workflows/${encoded}`, 'execution.runId=not-a-run')).toThrow(MalformedRequestError);
    expect(() => match('GET', `${api}/workflows`, 'pageSize=-1')).toThrow(MalformedRequestError);
  });

  it('builds the upstream path from the decoded segments, encoded as the UI encodes them', () => {
    expect(upstreamPathOf(['v1', 'namespaces', 'tingvalla', 'workflows', id, 'history'], new URLSearchParams({ 'execution.runId': runId }))).toBe(`/temporal/api/v1/namespaces/tingvalla/workflows/${encoded}/history?execution.runId=${runId}`);
  });
});
