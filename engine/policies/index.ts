// Who may do what on the platform: commands and queries call authorize() on the row they loaded. The tenant
// check comes first, and a resource of another tenant is reported exactly like a missing one (rules.ts).
// Modules keep their own table of rules beside their commands; engine/modules/index.ts lists them all.
import { actorRoles } from '../actors';
import { anyOf, authorizer, hasRole, provisioning, type Rule } from './rules';

export type { Resource } from './rules';

export type Action =
  | 'site.view'
  | 'auditLog.read'
  | 'tenant.updateContact'
  | 'tenant.updateAccessibilityStatement'
  | 'auditLog.purge'
  | 'sessions.purge'
  | 'communicationLog.purge'
  | 'workflows.view'
  | 'payloads.decode'
  | 'payloads.encode'
  | 'forms.manage'
  | 'forms.submit'
  | 'submissions.read'
  | 'consent.withdraw'
  | 'flows.manage'
  | 'flows.view'
  | 'tasks.decide'
  | 'messages.manage'
  | 'outbox.view';

const PLATFORM_RULES: Record<Action, Rule> = {
  'site.view': () => true,
  'auditLog.read': hasRole('administrator'),
  'tenant.updateContact': hasRole('administrator'),
  // Administrators; provisioning gives the demo tenants theirs.
  'tenant.updateAccessibilityStatement': anyOf(hasRole('administrator'), provisioning),
  // Retention runs as the tenant's housekeeping workflow, never on a person's request.
  'auditLog.purge': (actor) => actor.kind === 'system',
  'sessions.purge': (actor) => actor.kind === 'system',
  'communicationLog.purge': (actor) => actor.kind === 'system',
  // Operators read the tenant's workflows in the Temporal Web UI and may decrypt their payloads.
  'workflows.view': hasRole('operator'),
  'payloads.decode': hasRole('operator'),
  'payloads.encode': hasRole('operator'),
  'forms.manage': anyOf(hasRole('administrator'), provisioning),
  // Anyone may fill a published form (some are meant to be filled without login); modules narrow this further.
  'forms.submit': () => true,
  'submissions.read': hasRole('administrator'),
  // Only the person who gave a consent withdraws it (an administrator records a withdrawal by letter later).
  'consent.withdraw': (actor, resource) => actor.kind === 'user' && resource.ownerId !== undefined && actor.id === resource.ownerId,
  'flows.manage': anyOf(hasRole('administrator'), provisioning),
  'flows.view': hasRole('administrator'),
  // A task goes to everyone holding its assignee role.
  'tasks.decide': (actor, resource) => resource.role !== undefined && (actorRoles(actor) as string[]).includes(resource.role),
  'messages.manage': anyOf(hasRole('administrator'), provisioning),
  'outbox.view': hasRole('administrator'),
};

const platform = authorizer(PLATFORM_RULES);

/** The platform's actions; a module's commands use their module's own authorizer (engine/modules/<name>/policies.ts). */
export const authorize = platform.authorize;
export const can = platform.can;

/** The names of the platform's actions, for the check that no module claims one. */
export const PLATFORM_ACTIONS = Object.keys(PLATFORM_RULES) as Action[];
