// The parts policies are written with: a rule decides one action for an actor and the row it is about, and
// authorizer() turns a table of rules into authorize()/can(). The platform's table is engine/policies/index.ts;
// each module keeps its own in engine/modules/<name>/policies.ts and authorizes its commands with it.
import { actorGrants, actorRoles, PROVISIONING, type Actor, type GrantKind, type Role } from '../actors';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../errors';

export interface Resource {
  tenantId: string;
  /** For a rule that reads grants (holdsGrant): the id of the thing asked about, compared with a grant's scopeId. */
  scopeId?: string;
  /** For a person's own things (consent.withdraw): whose it is. */
  ownerId?: string;
  /** For tasks.decide: the task's assignee role. */
  role?: string;
}

export type Rule = (actor: Actor, resource: Resource) => boolean;

export const hasRole =
  (role: Role): Rule =>
  (actor) =>
    actorRoles(actor).includes(role);

/** The actor holds a grant of this kind (one its module declares) for the resource's scopeId. */
export const holdsGrant =
  (kind: GrantKind): Rule =>
  (actor, resource) => {
    const scope = resource.scopeId;
    return scope !== undefined && actorGrants(actor).some((g) => g.kind === kind && g.scopeId === scope);
  };

export const anyOf =
  (...rules: Rule[]): Rule =>
  (actor, resource) =>
    rules.some((rule) => rule(actor, resource));

/** The tenant's provisioning: it sets up what an administrator could (built-in forms, flows, templates). */
export const provisioning: Rule = (actor) => actor.kind === 'system' && actor.id === PROVISIONING;

/** Anyone logged in as a person (not anonymous, not the system). */
export const signedIn: Rule = (actor) => actor.kind === 'user';

export interface Authorizer<A extends string> {
  /** Throws unless the actor may: another tenant's row is reported exactly like a missing one (404). */
  authorize(actor: Actor, action: A, resource: Resource): void;
  can(actor: Actor, action: A, resource: Resource): boolean;
}

export function authorizer<A extends string>(rules: Record<A, Rule>): Authorizer<A> {
  return {
    authorize(actor, action, resource) {
      if (actor.tenantId !== resource.tenantId) throw new NotFoundError();
      if (rules[action](actor, resource)) return;
      throw actor.kind === 'anonymous' ? new UnauthenticatedError() : new ForbiddenError();
    },
    can: (actor, action, resource) => actor.tenantId === resource.tenantId && rules[action](actor, resource),
  };
}
