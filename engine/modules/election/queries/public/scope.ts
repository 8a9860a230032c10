// Who may see a team or a work location on the public site: its responsible (a grant carried by the session) and
// an administrator (policies.ts). Anyone else is told the row is not there — another team's members are never
// visible, not even that the team exists — and someone not logged in is asked to log in.
import type { Actor } from '../../../../actors';
import { NotFoundError, UnauthenticatedError } from '../../../../errors';
import { foundUuid } from '../../../../ids';
import { can, type ElectionAction } from '../../policies';

export function authorizeScope(actor: Actor, tenantId: string, action: ElectionAction, scopeId: string): void {
  if (actor.kind === 'anonymous') throw new UnauthenticatedError();
  foundUuid(scopeId);
  if (!can(actor, action, { tenantId, scopeId })) throw new NotFoundError();
}

/** The ids of the actor's grants of one kind (a logged-in person; else UnauthenticatedError). */
export function grantedScopes(actor: Actor, kind: 'teamResponsible' | 'workLocationResponsible'): string[] {
  if (actor.kind === 'anonymous') throw new UnauthenticatedError();
  if (actor.kind !== 'user') return [];
  return (actor.grants ?? []).filter((g) => g.kind === kind).map((g) => g.scopeId);
}
