// The election module's bulk deletion of participants (admin site only; each answers 404 on the public site):
// start one for a filtered selection after typing the confirmation word, and follow its progress. The deletion
// runs as a workflow (workflows/election/bulk-deletion/), each participant audited by id.
import type { IdParams } from '../../../../schemas/types/api-id-params';
import type { ElectionParticipantDeletion } from '../../../../schemas/types/election-participant-deletion';
import type { ElectionParticipantDeletionStarted } from '../../../../schemas/types/election-participant-deletion-started';
import { defineRoute, type RouteSpec } from '../../../http/route';
import { startParticipantDeletion } from '../commands/participants/start-bulk-deletion';
import { participantDeletion } from '../queries/participants/bulk-deletion';
import { onSite, type ElectionRouteDeps } from './context';

const TAGS = ['Election staffing: participants'];

/** Up to 100,000 ids as JSON: more than the API's usual limit (module.ts largeBodies). */
export const BULK_DELETION_BODY = { method: 'POST', path: '/election/participant-deletions', limit: '5mb' } as const;

export function bulkDeletionRoutes(deps: ElectionRouteDeps): RouteSpec[] {
  return [
    defineRoute<{ body: unknown; response: ElectionParticipantDeletionStarted }>({
      method: 'POST',
      path: BULK_DELETION_BODY.path,
      summary: 'Delete a selection of participants',
      description:
        'The confirmation word is the tenant’s language’s (SLET, RADERA, DELETE; any case), else 400 election.confirmationWord naming /confirmation; an id that is not a participant of this tenant refuses the whole request (400 election.unknownParticipants naming /participantIds). Nothing is written then. Else the deletion is recorded and its workflow deletes the participants in batches: their team memberships and comments go with them, the task slots they hold become vacant.',
      tags: TAGS,
      body: 'election/participant-deletion-start.schema.json',
      responses: { 201: 'election/participant-deletion-started.schema.json' },
      handler: async ({ body, ctx, req }) => {
        onSite(req, 'admin');
        return startParticipantDeletion(deps, ctx, body);
      },
    }),
    defineRoute<{ params: IdParams; response: ElectionParticipantDeletion }>({
      method: 'GET',
      path: '/election/participant-deletions/:id',
      summary: 'A bulk deletion’s progress',
      tags: TAGS,
      params: 'api/id-params.schema.json',
      responses: { 200: 'election/participant-deletion.schema.json' },
      handler: async ({ params, actor, req }) => {
        onSite(req, 'admin');
        return participantDeletion(deps, actor, params.id);
      },
    }),
  ];
}
