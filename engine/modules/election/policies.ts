// Who may do what in election staffing. Administrators configure the tenant's elections and manage the
// participants; a team's responsible sees that team, a work location's responsible that location (rights an
// administrator grants to a participant: responsibility grants, read with every request). Special-category data —
// a participant's special diets (religion, health) and membership of a team that is a political party (political
// opinion) — is for administrators, the person, and (membership) that team's responsible; nobody else.
// Provisioning sets up the demo municipalities through the same commands.
import type { Actor } from '../../actors';
import { anyOf, authorizer, hasRole, holdsGrant, provisioning, type Rule } from '../../policies/rules';

export type ElectionAction =
  | 'election.config.manage'
  | 'election.config.view'
  | 'election.elections.manage'
  | 'election.participants.manage'
  | 'election.participants.view'
  | 'election.participants.export'
  | 'election.participants.bulkDelete'
  | 'election.specialCategory.view'
  | 'election.responsibilities.manage'
  | 'election.team.view'
  | 'election.team.manageMembers'
  | 'election.export.electionSystem'
  | 'election.workLocation.view'
  | 'election.slots.manage'
  | 'election.slots.view'
  | 'election.signup'
  | 'election.links.manage'
  | 'election.self.manage'
  | 'election.groupMessages.send'
  | 'election.registryRefresh.run'
  | 'election.registryRefresh.view'
  | 'election.retention.manage'
  | 'election.retention.run';

const administrator: Rule = hasRole('administrator');
const system: Rule = (actor: Actor) => actor.kind === 'system';

export const ELECTION_RULES: Record<ElectionAction, Rule> = {
  'election.config.manage': anyOf(administrator, provisioning),
  'election.config.view': administrator,
  'election.elections.manage': anyOf(administrator, provisioning),
  'election.participants.manage': anyOf(administrator, provisioning),
  'election.participants.view': administrator,
  'election.participants.export': administrator,
  // The deletion itself runs as a workflow of the module, as the system, after an administrator started it.
  'election.participants.bulkDelete': anyOf(administrator, system),
  // The person's own data is theirs to see: the queries that show a person their profile check that themselves.
  'election.specialCategory.view': anyOf(administrator, provisioning),
  'election.responsibilities.manage': anyOf(administrator, provisioning),
  'election.team.view': anyOf(administrator, holdsGrant('teamResponsible')), // scopeId: the team
  // A team's responsible takes a member off the team (the public site's my team page). scopeId: the team.
  'election.team.manageMembers': anyOf(administrator, holdsGrant('teamResponsible')),
  // The file for the national election system (whole personal numbers), its role mapping and the stations' printed lists.
  'election.export.electionSystem': administrator,
  'election.workLocation.view': anyOf(administrator, holdsGrant('workLocationResponsible')), // scopeId: the work location
  // Task slots: distributed over a polling station's grid and moved between teams; the overview and a station's tasks.
  'election.slots.manage': anyOf(administrator, provisioning),
  'election.slots.view': administrator,
  // Task links (a poster's QR code, a team's link): made, listed and revoked on the admin site.
  'election.links.manage': anyOf(administrator, provisioning),
  // A citizen logged in with e-ID signs up for a task a link offers (the person is the login's, never the body's).
  'election.signup': hasRole('participant'),
  // A citizen logged in on the public site, about their own participant row (the commands find it from the login).
  'election.self.manage': hasRole('participant'),
  // Group messages to an election's participants: composed and sent by an administrator, sent on by the module's
  // workflow as the system.
  'election.groupMessages.send': anyOf(administrator, system),
  // The registry refresh of the participants: asked for by an administrator ("run now"), the weekly schedule or an
  // activation, run by the module's workflow as the system; its runs and outcomes (counts only) on the admin site.
  'election.registryRefresh.run': anyOf(administrator, system),
  'election.registryRefresh.view': administrator,
  // The deletion after the election: its settings, review list and one postponement for administrators; run by the
  // module's workflow as the system.
  'election.retention.manage': administrator,
  'election.retention.run': system,
};

const electionAuthorizer = authorizer(ELECTION_RULES);

export const authorize = electionAuthorizer.authorize;
export const can = electionAuthorizer.can;
