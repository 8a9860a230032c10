// The one API client of both sites: JSON in and out, the session's CSRF token on every change, and every
// refusal thrown as a ProblemError — also when the answer is not problem+json (a proxy's HTML error page), so
// pages only ever have one kind of error to show. An aborted request rejects with the AbortError as it is:
// TanStack Query passes its `signal` here and cancels a request whose answer nobody waits for any more.
import type { Problem } from '../../schemas/types/api-problem';
import { ProblemError } from './problem';

let csrfToken: string | undefined;

/** Set once from /api/site when the visitor has a login session; sent with every state-changing request. */
export function rememberCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

export interface RequestOptions {
  signal?: AbortSignal;
}

export async function apiGet<T>(path: string, { signal }: RequestOptions = {}): Promise<T> {
  return answerOf<T>(await fetch(path, { headers: { accept: 'application/json' }, signal }));
}

export async function apiSend<T>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown, { signal }: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}) };
  return answerOf<T>(await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal }));
}

async function answerOf<T>(res: Response): Promise<T> {
  if (!res.ok) throw new ProblemError(await problemOf(res));
  return (res.status === 204 ? undefined : await res.json()) as T;
}

/** Codes the platform gives these statuses, for an answer that came without a problem body. */
const CODE_OF_STATUS: Record<number, string> = {
  400: 'malformed_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
};

async function problemOf(res: Response): Promise<Problem> {
  const text = await res.text().catch(() => '');
  try {
    const body = JSON.parse(text) as Partial<Problem>;
    if (typeof body.code === 'string' && typeof body.title === 'string') return { type: 'about:blank', status: res.status, ...body } as Problem;
  } catch {
    // not JSON: described from the status below
  }
  const code = CODE_OF_STATUS[res.status] ?? (res.status >= 500 ? 'internal_error' : 'unknown');
  return { type: 'about:blank', title: res.statusText || `HTTP ${res.status}`, status: res.status, code };
}
