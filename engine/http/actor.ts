// Who is making the request: the user of a live session for this tenant and site, else anonymous.
// State-changing requests must prove they come from our own pages: the API wants the session's CSRF token
// (X-CSRF-Token); the Temporal Web UI's codec calls cannot carry it, so there the browser's same-origin
// markers (Sec-Fetch-Site, else Origin) must say so.
import type { Request, RequestHandler } from 'express';
import type { Actor } from '../actors';
import { CsrfError } from '../errors';
import { csrfTokenMatches, type ResumedSession, type Sessions } from '../identity/sessions';
import { readSessionToken } from './session-cookie';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      session?: ResumedSession & { token: string };
    }
  }
}

export type CsrfCheck = 'token' | 'sameOrigin';

function isSameOrigin(req: Request): boolean {
  const site = req.get('sec-fetch-site');
  if (site) return site === 'same-origin';
  const origin = req.get('origin');
  return origin !== undefined && origin === `${req.protocol}://${req.get('host')}`;
}

export function resolveActor(sessions: Sessions, csrf: CsrfCheck = 'token'): RequestHandler {
  return async (req, _res, next) => {
    const tenant = req.tenant!;
    const token = readSessionToken(req, tenant.site);
    const session = token ? await sessions.resume(tenant.id, tenant.site, token, new Date()) : undefined;
    let actor: Actor = { kind: 'anonymous', tenantId: tenant.id };
    if (session) {
      if (!SAFE_METHODS.has(req.method)) {
        const ok = csrf === 'token' ? csrfTokenMatches(token!, req.get('x-csrf-token')) : isSameOrigin(req);
        if (!ok) throw new CsrfError();
      }
      req.session = { ...session, token: token! };
      actor = { kind: 'user', tenantId: tenant.id, id: session.userId, displayName: session.displayName, roles: session.roles, grants: session.grants };
    }
    req.actor = actor;
    next();
  };
}
