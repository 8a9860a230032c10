// The petitions' admin API (the tenant's admin site; administrators moderate, policies.ts): the moderation
// queue, every petition with its moderation, the moderators' decisions and the municipality's posts on a
// published petition's timeline. Each answers 404 on the public site. Extending or closing a vote window is
// the petition flow's (workflow Updates), not here.
import type { IdParams } from '../../../../schemas/types/api-id-params';
import type { PetitionAdminList } from '../../../../schemas/types/petitions-admin-list';
import type { PetitionAdminListQuery } from '../../../../schemas/types/petitions-admin-list-query';
import type { PetitionCorrection } from '../../../../schemas/types/petitions-correct';
import type { PetitionDetail } from '../../../../schemas/types/petitions-detail';
import type { PetitionModerated } from '../../../../schemas/types/petitions-moderated';
import type { PetitionModerationQuery } from '../../../../schemas/types/petitions-moderation-query';
import type { PetitionModerationQueue } from '../../../../schemas/types/petitions-moderation-queue';
import type { PetitionRejection } from '../../../../schemas/types/petitions-reject';
import type { PetitionReturn } from '../../../../schemas/types/petitions-return';
import type { PetitionUpdate } from '../../../../schemas/types/petitions-update';
import type { PetitionUpdatePosted } from '../../../../schemas/types/petitions-update-posted';
import { defineRoute, type RouteSpec } from '../../../http/route';
import { approvePetition, correctPetition, rejectPetition, returnPetition } from '../commands/moderate-petition';
import { postPetitionUpdate } from '../commands/post-petition-update';
import { authorize } from '../policies';
import { presentAdminList, presentDetail, presentQueue } from '../presenters';
import { moderationQueue } from '../queries/moderation-queue';
import { petitionDetail } from '../queries/petition-detail';
import { onSite, type PetitionRouteDeps } from './context';
import { listAllPetitions } from './queries';

const TAGS = ['Petitions: moderation'];
const ID = 'api/id-params.schema.json';

export function adminPetitionRoutes(deps: PetitionRouteDeps): RouteSpec[] {
  return [
    defineRoute<{ query: PetitionModerationQuery; response: PetitionModerationQueue }>({
      method: 'GET',
      path: '/petitions/moderation',
      summary: 'The moderation queue',
      description: 'Proposals awaiting moderation, the one waiting longest first, with the time waited and whether it is overdue.',
      tags: TAGS,
      query: 'petitions/moderation-query.schema.json',
      responses: { 200: 'petitions/moderation-queue.schema.json' },
      handler: async ({ query, actor, req }) => {
        onSite(req, 'admin');
        const limit = query.limit ?? 50;
        return presentQueue(await moderationQueue(deps, actor, { limit, offset: ((query.page ?? 1) - 1) * limit }));
      },
    }),
    defineRoute<{ query: PetitionAdminListQuery; response: PetitionAdminList }>({
      method: 'GET',
      path: '/admin/petitions',
      summary: 'Every petition, any status',
      tags: TAGS,
      query: 'petitions/admin-list-query.schema.json',
      responses: { 200: 'petitions/admin-list.schema.json' },
      handler: async ({ query, actor, req }) => {
        onSite(req, 'admin');
        const page = query.page ?? 1;
        const limit = query.limit ?? 50;
        return presentAdminList(await listAllPetitions(deps, actor, { ...(query.status ? { status: query.status } : {}), ...(query.q ? { q: query.q } : {}), limit, offset: (page - 1) * limit }), page, limit);
      },
    }),
    defineRoute<{ params: IdParams; response: PetitionDetail }>({
      method: 'GET',
      path: '/admin/petitions/:id',
      summary: 'One petition, any status, with its moderation',
      tags: TAGS,
      params: ID,
      responses: { 200: 'petitions/detail.schema.json' },
      handler: async ({ params, actor, req }) => {
        onSite(req, 'admin');
        authorize(actor, 'petitions.petition.viewUnpublished', { tenantId: actor.tenantId });
        return presentDetail(await petitionDetail(deps, actor, params.id));
      },
    }),
    defineRoute<{ params: IdParams; response: PetitionModerated }>({
      method: 'POST',
      path: '/petitions/:id/approve',
      summary: 'Approve a proposal: publish it and open its vote window',
      tags: TAGS,
      params: ID,
      responses: { 200: 'petitions/moderated.schema.json' },
      handler: async ({ params, ctx, req }) => {
        onSite(req, 'admin');
        // The window's length and the thresholds: the vote-window flow's defaults until its parameters reach here.
        const opened = await approvePetition(deps, ctx, params.id);
        return { id: params.id, status: 'open', openedAt: opened.openedAt.toISOString(), closesAt: opened.closesAt.toISOString() };
      },
    }),
    defineRoute<{ params: IdParams; body: PetitionRejection; response: PetitionModerated }>({
      method: 'POST',
      path: '/petitions/:id/reject',
      summary: 'Reject a proposal, with a reason and a message to the proposer',
      tags: TAGS,
      params: ID,
      body: 'petitions/reject.schema.json',
      responses: { 200: 'petitions/moderated.schema.json' },
      handler: async ({ params, body, ctx, req }) => {
        onSite(req, 'admin');
        await rejectPetition(deps, ctx, params.id, body);
        return { id: params.id, status: 'rejected' };
      },
    }),
    defineRoute<{ params: IdParams; body: PetitionReturn; response: PetitionModerated }>({
      method: 'POST',
      path: '/petitions/:id/return',
      summary: 'Return a proposal to its proposer for changes',
      description: 'The proposer gets an edit link by e-mail (never in this answer).',
      tags: TAGS,
      params: ID,
      body: 'petitions/return.schema.json',
      responses: { 200: 'petitions/moderated.schema.json' },
      handler: async ({ params, body, ctx, req }) => {
        onSite(req, 'admin');
        // The edit link reaches the proposer by e-mail only (the petition's flow, mail-link.ts); the editToken
        // returnPetition hands back must never go into this answer or a log.
        await returnPetition(deps, ctx, params.id, body);
        return { id: params.id, status: 'returned' };
      },
    }),
    defineRoute<{ params: IdParams; body: PetitionCorrection; response: PetitionModerated }>({
      method: 'POST',
      path: '/petitions/:id/correct',
      summary: 'Correct the wording of a proposal before publishing it',
      tags: TAGS,
      params: ID,
      body: 'petitions/correct.schema.json',
      responses: { 200: 'petitions/moderated.schema.json' },
      handler: async ({ params, body, ctx, req }) => {
        onSite(req, 'admin');
        const { fields } = await correctPetition(deps, ctx, params.id, body.changes);
        return { id: params.id, status: 'awaitingModeration', fields };
      },
    }),
    defineRoute<{ params: IdParams; body: PetitionUpdate; response: PetitionUpdatePosted }>({
      method: 'POST',
      path: '/petitions/:id/updates',
      summary: 'Post a status update, the answer or the decision on a published petition',
      description: 'With at most one PDF, base64 in the JSON body (its type is read from its bytes). A closed petition moves into handling with an update, to answered with an answer or a decision.',
      tags: TAGS,
      params: ID,
      body: 'petitions/update.schema.json',
      responses: { 201: 'petitions/update-posted.schema.json' },
      handler: async ({ params, body, ctx, req }) => {
        onSite(req, 'admin');
        const attachment = body.attachment ? { name: body.attachment.name, data: Buffer.from(body.attachment.data, 'base64') } : undefined;
        return postPetitionUpdate(deps, ctx, params.id, { kind: body.kind, text: body.text, ...(attachment ? { attachment } : {}) });
      },
    }),
  ];
}
