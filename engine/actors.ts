// Who is acting. Every actor belongs to exactly one tenant; the policy module compares that first.
export type Role = 'administrator' | 'operator';

export type Actor =
  | { kind: 'anonymous'; tenantId: string }
  | { kind: 'user'; tenantId: string; id: string; displayName: string; roles: Role[] }
  | { kind: 'system'; tenantId: string; id: string };

export function systemActor(tenantId: string, id: string): Actor {
  return { kind: 'system', tenantId, id };
}

/** Development-only administrator (DEV_ACTOR=administrator) until the identity issue brings SAML login. */
export function developmentAdministrator(tenantId: string): Actor {
  return { kind: 'user', tenantId, id: 'dev-administrator', displayName: 'Development administrator', roles: ['administrator'] };
}

export function actorRoles(actor: Actor): Role[] {
  return actor.kind === 'user' ? actor.roles : [];
}
