// The one place that decides who may do what. Handlers and commands call authorize() before they act.
// The tenant check comes first, and a resource of another tenant is reported exactly like a missing one.
import { actorGrants, actorRoles, type Actor, type GrantKind, type Role } from '../actors';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../errors';

export type Action =
  | 'site.view'
  | 'auditLog.read'
  | 'tenant.updateContact'
  | 'auditLog.purge'
  | 'sessions.purge'
  | 'workflows.view'
  | 'payloads.decode'
  | 'payloads.encode'
  | 'responsibilities.manage'
  | 'team.view'
  | 'workLocation.view'
  | 'forms.manage'
  | 'forms.submit'
  | 'submissions.read'
  | 'consent.withdraw'
  | 'flows.manage'
  | 'flows.view'
  | 'tasks.decide'
  | 'messages.manage'
  | 'outbox.view';

export interface Resource {
  tenantId: string;
  /** For team.view: the team asked about. */
  teamId?: string;
  /** For workLocation.view: the work location asked about. */
  workLocationId?: string;
  /** For a person's own things (consent.withdraw): whose it is. */
  ownerId?: string;
  /** For tasks.decide: the task's assignee role. */
  role?: string;
}

type Rule = (actor: Actor, resource: Resource) => boolean;

const hasRole =
  (role: Role): Rule =>
  (actor) =>
    actorRoles(actor).includes(role);

const holdsGrant =
  (kind: GrantKind, scopeOf: (r: Resource) => string | undefined): Rule =>
  (actor, resource) => {
    const scope = scopeOf(resource);
    return scope !== undefined && actorGrants(actor).some((g) => g.kind === kind && g.scopeId === scope);
  };

const anyOf =
  (...rules: Rule[]): Rule =>
  (actor, resource) =>
    rules.some((rule) => rule(actor, resource));

const rules: Record<Action, Rule> = {
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
  'responsibilities.manage': hasRole('administrator'),
  // A team's responsible sees that team; a work location's responsible sees that location; administrators all.
  'team.view': anyOf(hasRole('administrator'), holdsGrant('teamResponsible', (r) => r.teamId)),
  'forms.manage': hasRole('administrator'),
  // Anyone may fill a published form (petitions are proposed without login); modules narrow this further.
  'forms.submit': () => true,
  'submissions.read': hasRole('administrator'),
  // Only the person who gave a consent withdraws it (an administrator records a withdrawal by letter later).
  'consent.withdraw': (actor, resource) => actor.kind === 'user' && resource.ownerId !== undefined && actor.id === resource.ownerId,
  'flows.manage': hasRole('administrator'),
  'flows.view': hasRole('administrator'),
  // A task goes to everyone holding its assignee role.
  'tasks.decide': (actor, resource) => resource.role !== undefined && (actorRoles(actor) as string[]).includes(resource.role),
  'messages.manage': hasRole('administrator'),
  'outbox.view': hasRole('administrator'),
  'workLocation.view': anyOf(hasRole('administrator'), holdsGrant('workLocationResponsible', (r) => r.workLocationId)),
};

export function can(actor: Actor, action: Action, resource: Resource): boolean {
  return actor.tenantId === resource.tenantId && rules[action](actor, resource);
}

export function authorize(actor: Actor, action: Action, resource: Resource): void {
  if (actor.tenantId !== resource.tenantId) throw new NotFoundError();
  if (rules[action](actor, resource)) return;
  throw actor.kind === 'anonymous' ? new UnauthenticatedError() : new ForbiddenError();
}
