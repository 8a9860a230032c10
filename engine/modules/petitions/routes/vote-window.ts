// The vote window on the admin site: an administrator extends it or closes it early. Both are Updates of the
// petition's flow (commands/vote-window.ts): the workflow's validator checks the role, that the window is open
// and the extension cap; a refusal answers 409 and changes nothing.
import type { IdParams } from '../../../../schemas/types/api-id-params';
import type { PetitionVotingExtension } from '../../../../schemas/types/petitions-extend-voting';
import type { PetitionVotingClosed } from '../../../../schemas/types/petitions-voting-closed';
import type { PetitionVotingExtended } from '../../../../schemas/types/petitions-voting-extended';
import type { FlowTemporal } from '../../../flows/workflows';
import { defineRoute, type RouteSpec } from '../../../http/route';
import type { Database } from '../../../db/database';
import { closePetitionVotingEarly, extendPetitionVoting } from '../commands/vote-window';
import { onSite } from './context';

const TAGS = ['Petitions: moderation'];

export function voteWindowRoutes(deps: { db: Database; flows: FlowTemporal }): RouteSpec[] {
  return [
    defineRoute<{ params: IdParams; body: PetitionVotingExtension; response: PetitionVotingExtended }>({
      method: 'POST',
      path: '/petitions/:id/voting/extend',
      summary: 'Extend the vote window',
      description: 'Adds days to an open petition’s vote window, within the cap its flow sets (maxExtensionDays in all). Refused (409) when the window is not open or the cap would be passed.',
      tags: TAGS,
      params: 'api/id-params.schema.json',
      body: 'petitions/extend-voting.schema.json',
      responses: { 200: 'petitions/voting-extended.schema.json' },
      handler: async ({ params, body, ctx, req }) => {
        onSite(req, 'admin');
        const { closesAt } = await extendPetitionVoting(deps, ctx, params.id, body.days);
        return { closesAt: closesAt.toISOString() };
      },
    }),
    defineRoute<{ params: IdParams; response: PetitionVotingClosed }>({
      method: 'POST',
      path: '/petitions/:id/voting/close',
      summary: 'Close the vote window now',
      description: 'Closes an open petition’s vote window early: the flow closes it at once and erases who voted, keeping the count and the tally per day.',
      tags: TAGS,
      params: 'api/id-params.schema.json',
      responses: { 200: 'petitions/voting-closed.schema.json' },
      handler: async ({ params, ctx, req }) => {
        onSite(req, 'admin');
        return closePetitionVotingEarly(deps, ctx, params.id);
      },
    }),
  ];
}
