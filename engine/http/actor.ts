// Who is making the request. Until the identity issue brings SAML sessions, an admin-site request is the
// development administrator when DEV_ACTOR=administrator (refused in production), else anonymous.
import type { RequestHandler } from 'express';
import { developmentAdministrator, type Actor } from '../actors';
import type { Config } from '../config';

export function resolveActor(config: Pick<Config, 'DEV_ACTOR'>): RequestHandler {
  return (req, _res, next) => {
    const tenant = req.tenant!;
    const actor: Actor =
      tenant.site === 'admin' && config.DEV_ACTOR === 'administrator' ? developmentAdministrator(tenant.id) : { kind: 'anonymous', tenantId: tenant.id };
    req.actor = actor;
    next();
  };
}
