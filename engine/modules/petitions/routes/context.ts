// What the petitions' route files share: their dependencies and the site checks.
import type { Request } from 'express';
import type { Actor } from '../../../actors';
import type { Site } from '../../../db/database';
import { NotFoundError } from '../../../errors';
import type { AuditedRegistry } from '../../../registry/audited';
import type { PetitionDeps } from '../db';
import type { ProposalRateLimits } from './rate-limits';
import type { VoterResolver } from './voter';

export interface PetitionRouteDeps extends PetitionDeps {
  registry?: AuditedRegistry;
  voters: VoterResolver;
  limits: ProposalRateLimits;
}

/** A route of one site answers 404 on the other, like a path that is not there. */
export function onSite(req: Request, site: Site): void {
  if (req.tenant?.site !== site) throw new NotFoundError();
}

/** What anyone sees: published petitions, no moderation, whoever is logged in (a moderator on the public site too). */
export const publicViewer = (tenantId: string): Actor => ({ kind: 'anonymous', tenantId });
