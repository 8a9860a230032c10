// Who is acting. Every actor belongs to exactly one tenant; the policy module compares that first.
// Roles: administrator and operator come from the municipal SSO's privilege attribute; participant is every
// citizen logged in on the public site. Team and work-location responsibility are grants stored in data.
export const ROLES = ['administrator', 'operator', 'participant'] as const;
export type Role = (typeof ROLES)[number];

export type GrantKind = 'teamResponsible' | 'workLocationResponsible';

export interface Grant {
  kind: GrantKind;
  /** The team's or work location's id. */
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
