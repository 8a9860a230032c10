// Who is acting. Every actor belongs to exactly one tenant; the policy module compares that first.
// Roles: administrator and operator come from the municipal SSO's privilege attribute; participant is every
// citizen logged in on the public site. Rights a module gives a person in data (responsible for one thing of
// its own) are grants: a kind the module declares (Module.grantKinds) and the id of the thing it is about.
export const ROLES = ['administrator', 'operator', 'participant'] as const;
export type Role = (typeof ROLES)[number];

/** A kind of grant: declared by the module whose policies read it (Module.grantKinds), never by the platform. */
export type GrantKind = string;

export interface Grant {
  kind: GrantKind;
  /** The id of what the grant is about (the thing its module's rules compare with Resource.scopeId). */
  scopeId: string;
}

export type Actor =
  | { kind: 'anonymous'; tenantId: string }
  | { kind: 'user'; tenantId: string; id: string; displayName: string; roles: Role[]; grants?: Grant[] }
  | { kind: 'system'; tenantId: string; id: string };

export function systemActor(tenantId: string, id: string): Actor {
  return { kind: 'system', tenantId, id };
}

/** The tenant's own setup (built-in forms, flows, templates): the system actor the provisioning commands run as. */
export const PROVISIONING = 'provisioning';
export const provisioningActor = (tenantId: string): Actor => systemActor(tenantId, PROVISIONING);

export function actorRoles(actor: Actor): Role[] {
  return actor.kind === 'user' ? actor.roles : [];
}

export function actorGrants(actor: Actor): Grant[] {
  return actor.kind === 'user' ? (actor.grants ?? []) : [];
}
