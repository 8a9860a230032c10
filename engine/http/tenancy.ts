// Resolves the tenant and site from the request's host name. This is the one place a request gets its
// tenant; an unknown host gets a plain 404 page and never reaches any tenant's data.
import type { RequestHandler } from 'express';
import type { Database } from '../db/database';

export const unknownHostPage = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Not found</title></head><body><main><h1>Not found</h1><p>There is no site at this address.</p></main></body></html>';

export function resolveTenant(db: Database): RequestHandler {
  return async (req, res, next) => {
    const found = await db.resolveHost(req.hostname.toLowerCase());
    if (!found) {
      res.status(404).type('html').send(unknownHostPage);
      return;
    }
    req.tenant = { id: found.tenantId, site: found.site };
    next();
  };
}
