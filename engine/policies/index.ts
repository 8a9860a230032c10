// The one place that decides who may do what. Handlers and commands call authorize() before they act.
// The tenant check comes first, and a resource of another tenant is reported exactly like a missing one.
import { actorRoles, type Actor, type Role } from '../actors';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../errors';

export type Action =
  | 'site.view'
  | 'auditLog.read'
  | 'tenant.updateContact'
  | 'auditLog.purge'
  | 'sessions.purge'
  | 'workflows.view'
  | 'payloads.decode'
  | 'payloads.encode';

export interface Resource {
  tenantId: string;
}

const hasRole = (role: Role) => (actor: Actor) => actorRoles(actor).includes(role);

const rules: Record<Action, (actor: Actor) => boolean> = {
  'site.view': () => true,
  'auditLog.read': hasRole('administrator'),
  'tenant.updateContact': hasRole('administrator'),
  // Retention runs as the tenant's housekeeping workflow, never on a person's request.
  'auditLog.purge': (actor) => actor.kind === 'system',
  'sessions.purge': (actor) => actor.kind === 'system',
  // Operators read the tenant's workflows in the Temporal Web UI and may decrypt their payloads.
  'workflows.view': hasRole('operator'),
  'payloads.decode': hasRole('operator'),
  'payloads.encode': hasRole('operator'),
};

export function can(actor: Actor, action: Action, resource: Resource): boolean {
  return actor.tenantId === resource.tenantId && rules[action](actor);
}

export function authorize(actor: Actor, action: Action, resource: Resource): void {
  if (actor.tenantId !== resource.tenantId) throw new NotFoundError();
  if (rules[action](actor)) return;
  throw actor.kind === 'anonymous' ? new UnauthenticatedError() : new ForbiddenError();
}
