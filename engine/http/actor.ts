// Who is making the request: the user of a live session for this tenant and site; else, in development
// only, the development administrator on admin hosts (DEV_ACTOR=administrator, refused in production);
// else anonymous. State-changing requests in a session must carry its CSRF token (X-CSRF-Token).
import type { RequestHandler } from 'express';
import { developmentAdministrator, type Actor } from '../actors';
import type { Config } from '../config';
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

export function resolveActor(config: Pick<Config, 'DEV_ACTOR'>, sessions: Sessions): RequestHandler {
  return async (req, _res, next) => {
    const tenant = req.tenant!;
    const token = readSessionToken(req, tenant.site);
    const session = token ? await sessions.resume(tenant.id, tenant.site, token, new Date()) : undefined;
    let actor: Actor;
    if (session) {
      if (!SAFE_METHODS.has(req.method) && !csrfTokenMatches(token!, req.get('x-csrf-token'))) throw new CsrfError();
      req.session = { ...session, token: token! };
      actor = { kind: 'user', tenantId: tenant.id, id: session.userId, displayName: session.displayName, roles: session.roles };
    } else if (tenant.site === 'admin' && config.DEV_ACTOR === 'administrator') {
      actor = developmentAdministrator(tenant.id);
    } else {
      actor = { kind: 'anonymous', tenantId: tenant.id };
    }
    req.actor = actor;
    next();
  };
}
