// The security headers of every response: helmet's, with the platform's options, worked out once at start and set
// from a list. helmet runs a dozen small middlewares per request, one per header (~4% of the API's CPU per vote in
// bench:votes --profile); with options that hold no per-request value (no CSP nonce, no function directive) every
// response gets the same headers, so the list is exactly what helmet would set.
import type { RequestHandler } from 'express';
import helmet, { type HelmetOptions } from 'helmet';

/** helmet's options for this platform: HSTS and upgrade-insecure-requests only in production. */
export function securityHeaderOptions(nodeEnv: string): HelmetOptions {
  return {
    hsts: nodeEnv === 'production',
    contentSecurityPolicy: { useDefaults: true, directives: { upgradeInsecureRequests: nodeEnv === 'production' ? [] : null } },
  };
}

/** A directive given as a function is worked out per request: such options cannot be replayed. */
function perRequestValue(options: HelmetOptions): boolean {
  const csp = options.contentSecurityPolicy;
  if (typeof csp !== 'object') return false;
  return Object.values(csp.directives ?? {}).some((value) => typeof value === 'function' || (Array.isArray(value) && value.some((v) => typeof v === 'function')));
}

export function securityHeaders(options: HelmetOptions): RequestHandler {
  if (perRequestValue(options)) throw new Error('securityHeaders: a per-request directive needs helmet() itself');
  const set = new Map<string, string>();
  const removed = new Set<string>();
  const recorder = {
    setHeader(name: string, value: unknown) {
      set.set(name, String(value));
      removed.delete(name);
    },
    removeHeader(name: string) {
      set.delete(name);
      removed.add(name);
    },
  };
  let finished = false;
  helmet(options)({} as never, recorder as never, (err?: unknown) => {
    if (err) throw err instanceof Error ? err : new Error(String(err));
    finished = true;
  });
  if (!finished) throw new Error('securityHeaders: helmet did not finish at once');
  const headers = [...set];
  const remove = [...removed];
  return (_req, res, next) => {
    for (const [name, value] of headers) res.setHeader(name, value);
    for (const name of remove) res.removeHeader(name);
    next();
  };
}
