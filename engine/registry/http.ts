// The network path of the registry clients: Node's fetch with a timeout per attempt, a small bounded retry
// with exponential backoff on network errors, timeouts, 5xx and 429 (never on another 4xx), and typed errors.
// Nothing here logs a URL query, a body or a personal number: the clients send numbers in POST bodies only.
import type { Logger } from 'pino';
import { RegistryBadResponseError, RegistryUnavailableError } from '../errors';
import { schemaProblems } from '../validation';

export interface RegistryClientOptions {
  /** Base URL of the registry service (the simulator serves both protocols under one: `/cpr/…`, `/navet/…`). */
  baseUrl: string;
  credentials: { user: string; password: string };
  /** Per attempt, including reading the body. Default 3000 ms. */
  timeoutMs?: number;
  /** Attempts after the first. Default 2. */
  retries?: number;
  /** Wait before the first retry, doubled for each next one (with up to 25 % jitter). Default 200 ms. */
  backoffMs?: number;
  /** Longest wait a Retry-After header may ask for. Default 2000 ms. */
  maxRetryAfterMs?: number;
  logger?: Pick<Logger, 'warn'>;
}

export interface RegistryResponse {
  status: number;
  body: unknown;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function retryAfterMs(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/** Why an attempt failed, in words that name no person. */
function failureOf(err: unknown, timeoutMs: number): string {
  // Duck-typed: fetch's DOMException (and errors from another realm, e.g. under jest) fail instanceof Error.
  const e = (err && typeof err === 'object' ? err : {}) as { name?: unknown; cause?: unknown };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return `no answer within ${timeoutMs} ms`;
  const cause = e.cause && typeof e.cause === 'object' ? (e.cause as { code?: unknown }).code : undefined;
  return typeof cause === 'string' ? `network error ${cause}` : 'network error';
}

/**
 * Sends one JSON request and returns the answer of the first attempt that is not a network error, timeout,
 * 5xx or 429. Throws RegistryUnavailableError when every attempt failed so, or the credentials were refused.
 */
export async function requestJson(protocol: string, opts: RegistryClientOptions, path: string, init: { headers: Record<string, string>; body: unknown }): Promise<RegistryResponse> {
  const timeoutMs = opts.timeoutMs ?? 3000;
  const retries = opts.retries ?? 2;
  const backoffMs = opts.backoffMs ?? 200;
  const url = new URL(path.replace(/^\//, ''), opts.baseUrl.endsWith('/') ? opts.baseUrl : `${opts.baseUrl}/`);
  let lastFailure = '';
  for (let attempt = 0; attempt <= retries; attempt++) {
    let wait = backoffMs * 2 ** attempt * (1 + Math.random() / 4);
    try {
      const signal = AbortSignal.timeout(timeoutMs);
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json', ...init.headers }, body: JSON.stringify(init.body), signal, redirect: 'error' });
      const text = await res.text();
      if (res.status === 401 || res.status === 403) throw new RegistryUnavailableError(`The ${protocol} registry refused our credentials (${res.status}).`);
      if (res.status >= 500 || res.status === 429) {
        lastFailure = `status ${res.status}`;
        const asked = retryAfterMs(res.headers.get('retry-after'));
        if (asked !== undefined) wait = Math.min(asked, opts.maxRetryAfterMs ?? 2000);
      } else {
        let body: unknown;
        try {
          body = text === '' ? undefined : JSON.parse(text);
        } catch {
          throw new RegistryBadResponseError(`The ${protocol} registry answered ${res.status} with a body that is not JSON.`);
        }
        return { status: res.status, body };
      }
    } catch (err) {
      if (err instanceof RegistryUnavailableError || err instanceof RegistryBadResponseError) throw err;
      lastFailure = failureOf(err, timeoutMs);
    }
    if (attempt < retries) {
      opts.logger?.warn({ registry: protocol, attempt: attempt + 1, failure: lastFailure }, 'civil registry: attempt failed, retrying');
      await sleep(wait);
    }
  }
  throw new RegistryUnavailableError(`The ${protocol} registry did not answer after ${retries + 1} attempts (last: ${lastFailure}).`);
}

/** Checks an answer against its schema under schemas/registry/; the problems name fields, never values. */
export function checkAnswer<T>(protocol: string, schemaPath: string, body: unknown): T {
  const problems = schemaProblems(schemaPath, body);
  if (problems.length > 0) {
    throw new RegistryBadResponseError(`The ${protocol} registry's answer does not follow its protocol: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}.`);
  }
  return body as T;
}
