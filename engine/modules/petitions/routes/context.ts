// What the petitions' route files share: their dependencies and the site checks.
import type { Actor } from '../../../actors';
import type { AuditedRegistry } from '../../../registry/audited';
import type { PetitionDeps } from '../db';
import type { ProposalRateLimits } from './rate-limits';
import type { VoterResolver } from './voter';

export interface PetitionRouteDeps extends PetitionDeps {
  registry?: AuditedRegistry;
  voters: VoterResolver;
  limits: ProposalRateLimits;
}

/** The platform's site check (engine/http/route.ts), where the route files of the module find it. */
export { onSite } from '../../../http/route';

/** What anyone sees: published petitions, no moderation, whoever is logged in (a moderator on the public site too). */
export const publicViewer = (tenantId: string): Actor => ({ kind: 'anonymous', tenantId });
