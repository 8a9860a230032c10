// Who is acting. Every actor belongs to exactly one tenant; the policy module compares that first.
export type Role = 'administrator' | 'operator';

export type Actor =
  | { kind: 'anonymous'; tenantId: string }
  | { kind: 'user'; tenantId: string; id: string; displayName: string; roles: Role[] }
  | { kind: 'system'; tenantId: string; id: string };

export function systemActor(tenantId: string, id: string): Actor {
  return { kind: 'system', tenantId, id };
}

export function actorRoles(actor: Actor): Role[] {
  return actor.kind === 'user' ? actor.roles : [];
}
