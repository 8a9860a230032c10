// Who may do what with petitions. Anyone may propose (no login), confirm their e-mail and resubmit with the
// link they were sent; voting takes a citizen logged in with e-ID (a participant). Moderating and posting the
// municipality's updates is for administrators: the domain's administrators moderate petitions, and a role of
// its own would have to come from the municipal SSO's privileges (engine/identity/saml/profiles.ts) and the
// test IdP's people; one line here changes when it does. Closing the vote, erasing voters and proposers and
// deleting unconfirmed proposals run as the system (the petition's flow, housekeeping), never on request.
import type { Actor } from '../../actors';
import { anyOf, authorizer, hasRole, provisioning, type Rule } from '../../policies/rules';

export type PetitionAction =
  | 'petitions.petition.propose'
  | 'petitions.petition.confirm'
  | 'petitions.petition.resubmit'
  | 'petitions.petition.view'
  | 'petitions.petition.viewUnpublished'
  | 'petitions.petition.moderate'
  | 'petitions.petition.postUpdate'
  | 'petitions.vote.cast'
  | 'petitions.vote.withdraw'
  | 'petitions.vote.view'
  | 'petitions.voting.close'
  | 'petitions.voting.manage'
  | 'petitions.voters.erase'
  | 'petitions.proposer.erase'
  | 'petitions.unconfirmed.delete';

const everyone: Rule = () => true;
const system: Rule = (actor: Actor) => actor.kind === 'system';
/** The role that moderates (see above). */
const moderator: Rule = hasRole('administrator');
const voter: Rule = (actor) => actor.kind === 'user' && actor.roles.includes('participant');

export const PETITION_RULES: Record<PetitionAction, Rule> = {
  'petitions.petition.propose': everyone,
  'petitions.petition.confirm': everyone,
  'petitions.petition.resubmit': everyone,
  // Published petitions are public; the queries keep the others to moderators.
  'petitions.petition.view': everyone,
  'petitions.petition.viewUnpublished': moderator,
  // Provisioning too: the demo municipalities' petitions are moderated as they are set up (demo.ts).
  'petitions.petition.moderate': anyOf(moderator, provisioning),
  'petitions.petition.postUpdate': moderator,
  // Extending the vote window or closing it early (the flow's Update checks the role named in the flow too).
  'petitions.voting.manage': moderator,
  'petitions.vote.cast': voter,
  'petitions.vote.withdraw': voter,
  'petitions.vote.view': voter,
  'petitions.voting.close': system,
  'petitions.voters.erase': system,
  // The flow erases the proposer a while after the answer; an administrator may on the proposer's request.
  'petitions.proposer.erase': anyOf(system, moderator),
  'petitions.unconfirmed.delete': system,
};

const petitionsAuthorizer = authorizer(PETITION_RULES);

export const authorize = petitionsAuthorizer.authorize;
export const can = petitionsAuthorizer.can;
