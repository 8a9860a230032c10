// Proposing, the one petitions request whose refusal carries something outside the problem body: a 429 says in
// its Retry-After header how long to wait. The shared client (forms/ui/api.ts) does not pass headers on, so
// this request is sent here, with the same CSRF header and the same ProblemError for every other refusal.
import type { Problem } from '../../../../schemas/types/api-problem';
import { ProblemError } from '../../../../forms/ui/problem';

/** Too many proposals in a while: wait `seconds` before the next. */
export class RateLimitedError extends ProblemError {
  constructor(
    problem: Problem,
    readonly seconds: number,
  ) {
    super(problem);
  }
}

export async function sendReadingRetryAfter<T>(method: 'POST' | 'PUT', path: string, body: unknown, csrfToken: string | undefined): Promise<T> {
  const res = await fetch(path, {
    method,
    headers: { accept: 'application/json', 'content-type': 'application/json', ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}) },
    body: JSON.stringify(body),
  });
  if (res.ok) return (await res.json()) as T;
  const text = await res.text().catch(() => '');
  let problem: Problem = { type: 'about:blank', title: res.statusText || `HTTP ${res.status}`, status: res.status, code: res.status >= 500 ? 'internal_error' : res.status === 404 ? 'not_found' : 'unknown' };
  try {
    const parsed = JSON.parse(text) as Partial<Problem>;
    if (typeof parsed.code === 'string' && typeof parsed.title === 'string') problem = { ...problem, ...parsed } as Problem;
  } catch {
    // not JSON: described from the status above
  }
  if (res.status === 429) throw new RateLimitedError(problem, Math.max(1, Number(res.headers.get('retry-after')) || 60));
  throw new ProblemError(problem);
}

/** The first field error's code of a refusal (`petition.alreadyVoted`), if it has one. */
export function fieldCode(error: unknown): string | undefined {
  return error instanceof ProblemError ? error.problem.errors?.[0]?.code : undefined;
}

/** The params of that field error. */
export function fieldParams(error: unknown): Record<string, unknown> {
  return (error instanceof ProblemError ? error.problem.errors?.[0]?.params : undefined) ?? {};
}
