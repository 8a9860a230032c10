// Reads a problem+json answer into a message and per-field errors a form can show next to each field.
import type { Problem } from '../../schemas/types/api-problem';

export class ProblemError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.title);
  }

  /** Field errors keyed by top-level property name (`/email` → `email`). */
  fieldErrors(): Record<string, string> {
    return Object.fromEntries((this.problem.errors ?? []).map((e) => [e.field.split('/')[1] ?? '', e.message]));
  }
}

let csrfToken: string | undefined;

/** Set once from /api/site when the visitor has a login session; sent with every state-changing request. */
export function rememberCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

export async function sendJson<T>(method: 'POST' | 'PUT' | 'PATCH', url: string, body: unknown): Promise<T> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json', ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}) };
  const res = await fetch(url, { method, headers, body: JSON.stringify(body) });
  if (!res.ok) throw new ProblemError((await res.json()) as Problem);
  return (res.status === 204 ? undefined : await res.json()) as T;
}

export async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url, { headers: { accept: 'application/json' } });
  if (!res.ok) throw new ProblemError((await res.json()) as Problem);
  return (await res.json()) as T;
}
