// The proxy's own calls to the Web UI server (checks before forwarding, answers it rewrites). They carry what
// the UI server may need from the browser (its own cookies, an Authorization header), never the platform's
// session cookies, and follow no redirects: a redirect would name a path that was never checked.
import type { IncomingHttpHeaders } from 'node:http';
import type { Request } from 'express';
import { cookieName } from '../session-cookie';

const SESSION_COOKIES = new Set([cookieName('admin'), cookieName('public')]);
const UPSTREAM_TIMEOUT_MS = 30_000;

/** A Cookie header without the platform's session cookies (the UI server has no business with them). */
export function withoutSessionCookies(header: string | undefined): string | undefined {
  // Pairs are kept as they were sent: the UI server reads its own cookies' values byte for byte.
  const kept = (header ?? '')
    .split(';')
    .map((pair) => pair.trim())
    .filter((pair) => pair && !SESSION_COOKIES.has(pair.split('=', 1)[0]!.trim()));
  return kept.length ? kept.join('; ') : undefined;
}

function forwardedHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const cookie = withoutSessionCookies(headers.cookie);
  return { accept: 'application/json', ...(cookie ? { cookie } : {}), ...(headers.authorization ? { authorization: headers.authorization } : {}) };
}

export interface UpstreamAnswer {
  status: number;
  text: string;
}

/** GET of a path (already built from an allowed route) on the UI server, on behalf of this request. */
export async function getFromUi(uiUrl: string, path: string, req: Request): Promise<UpstreamAnswer> {
  const res = await fetch(new URL(path, uiUrl), { headers: forwardedHeaders(req.headers), redirect: 'manual', signal: AbortSignal.timeout(UPSTREAM_TIMEOUT_MS) });
  return { status: res.status, text: await res.text() };
}

/** JSON of a 2xx answer, else undefined (errors are passed on as they came). */
export function jsonOf<T>(answer: UpstreamAnswer): T | undefined {
  if (answer.status < 200 || answer.status > 299) return undefined;
  try {
    return JSON.parse(answer.text) as T;
  } catch {
    return undefined;
  }
}
