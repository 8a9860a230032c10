// The body of a workflow query the Web UI sends (`POST …/workflows/<id>/query/<type>`), read and rebuilt from
// its known fields: the UI server lets the body name the execution, so the body must name the same workflow
// as the path, and its run is the run the ownership check describes. Nothing else is passed on.
import { json, type Request, type Response } from 'express';
import { ValidationError } from '../../errors';

export interface QueryRequestBody {
  execution: { workflowId: string; runId?: string };
  query: { queryType: string; queryArgs?: { payloads: { metadata?: Record<string, string>; data?: string }[] } };
  queryRejectCondition?: string;
}

const QUERY_BODY_LIMIT = '64kb';
const RUN_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const BASE64 = /^[A-Za-z0-9+/=_-]*$/;
const REJECT_CONDITIONS = /^(QUERY_REJECT_CONDITION_[A-Z_]{1,40}|[0-9])$/;

// Whatever Content-Type the UI's fetch sets, the body is read as JSON (and sent on as JSON).
const parseBody = json({ limit: QUERY_BODY_LIMIT, type: () => true });

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function payloadsOf(args: unknown, problems: { field: string; message: string }[]): QueryRequestBody['query']['queryArgs'] {
  if (args === undefined || args === null) return undefined;
  if (!isObject(args) || !Array.isArray(args.payloads)) {
    problems.push({ field: '/query/queryArgs', message: 'must be { payloads: [...] }' });
    return undefined;
  }
  const payloads = args.payloads.map((p: unknown, i) => {
    const metadata = isObject(p) && isObject(p.metadata) ? p.metadata : {};
    const ok = isObject(p) && Object.values(metadata).every((v) => typeof v === 'string' && BASE64.test(v)) && (p.data === undefined || (typeof p.data === 'string' && BASE64.test(p.data)));
    if (!ok) problems.push({ field: `/query/queryArgs/payloads/${i}`, message: 'must be a payload (base64 metadata and data)' });
    return { metadata: metadata as Record<string, string>, ...(isObject(p) && typeof p.data === 'string' ? { data: p.data } : {}) };
  });
  return { payloads };
}

/** The body, checked against the path and rebuilt; ValidationError names every field that is wrong. */
export async function readQueryRequest(req: Request, res: Response, path: { workflowId: string; queryType: string }): Promise<QueryRequestBody> {
  await new Promise<void>((resolve, reject) => parseBody(req, res, (err?: unknown) => (err ? reject(err) : resolve())));
  const body: unknown = req.body ?? {};
  const problems: { field: string; message: string }[] = [];
  const execution = isObject(body) && isObject(body.execution) ? body.execution : {};
  const query = isObject(body) && isObject(body.query) ? body.query : {};
  if (!isObject(body)) problems.push({ field: '/', message: 'must be an object' });
  if (execution.workflowId !== undefined && execution.workflowId !== path.workflowId) problems.push({ field: '/execution/workflowId', message: 'must be the workflow of the path' });
  const runId = execution.runId === undefined || execution.runId === '' ? undefined : execution.runId;
  if (runId !== undefined && (typeof runId !== 'string' || !RUN_ID.test(runId))) problems.push({ field: '/execution/runId', message: 'must be a run id' });
  if (query.queryType !== undefined && query.queryType !== path.queryType) problems.push({ field: '/query/queryType', message: 'must be the query type of the path' });
  const queryArgs = payloadsOf(query.queryArgs, problems);
  const reject = isObject(body) ? body.queryRejectCondition : undefined;
  if (reject !== undefined && (typeof reject !== 'string' || !REJECT_CONDITIONS.test(reject))) problems.push({ field: '/queryRejectCondition', message: 'must be a reject condition' });
  if (problems.length) throw new ValidationError(problems);
  return {
    execution: { workflowId: path.workflowId, ...(runId ? { runId: runId as string } : {}) },
    query: { queryType: path.queryType, ...(queryArgs ? { queryArgs } : {}) },
    ...(reject ? { queryRejectCondition: reject as string } : {}),
  };
}
