// Group messages to an election's participants (admin site only; each answers 404 on the public site): a draft
// (channels, the election's template of an event or free text, the filter), its preview (the count and a few
// rendered messages), the send (recipients fixed, a workflow sends in batches), and the progress.
import type { IdParams } from '../../../../schemas/types/api-id-params';
import type { ElectionGroupMessage } from '../../../../schemas/types/election-group-message';
import type { ElectionGroupMessageList } from '../../../../schemas/types/election-group-message-list';
import type { ElectionGroupMessagePreview } from '../../../../schemas/types/election-group-message-preview';
import type { ElectionGroupMessageStarted } from '../../../../schemas/types/election-group-message-started';
import { defineRoute, type RouteSpec } from '../../../http/route';
import { createGroupMessage, sendGroupMessage, updateGroupMessage } from '../group-messages/commands';
import { groupMessage, listGroupMessages, previewGroupMessage } from '../group-messages/queries';
import { onSite, type ElectionRouteDeps } from './context';

const TAGS = ['Election staffing: group messages'];

export function groupMessageRoutes(deps: ElectionRouteDeps): RouteSpec[] {
  return [
    defineRoute<{ body: unknown; response: ElectionGroupMessage }>({
      method: 'POST',
      path: '/election/group-messages',
      summary: 'Draft a group message',
      description:
        'Exactly one of templateEvent and free (else 400 election.groupMessageContent); the election, teams, work locations and task types must be this tenant’s (else 400 election.unknownId naming the field). Nothing is sent yet.',
      tags: TAGS,
      body: 'election/group-message-create.schema.json',
      responses: { 201: 'election/group-message.schema.json' },
      handler: async ({ body, ctx, actor, req }) => {
        onSite(req, 'admin');
        const { id } = await createGroupMessage(deps, ctx, body);
        return groupMessage(deps, actor, id);
      },
    }),
    defineRoute<{ params: IdParams; body: unknown; response: ElectionGroupMessage }>({
      method: 'PUT',
      path: '/election/group-messages/:id',
      summary: 'Change a group message’s draft',
      description: 'As the draft’s creation; a message already sent answers 409 election.groupMessageNotDraft.',
      tags: TAGS,
      params: 'api/id-params.schema.json',
      body: 'election/group-message-create.schema.json',
      responses: { 200: 'election/group-message.schema.json' },
      handler: async ({ params, body, ctx, actor, req }) => {
        onSite(req, 'admin');
        await updateGroupMessage(deps, ctx, params.id, body);
        return groupMessage(deps, actor, params.id);
      },
    }),
    defineRoute<{ params: IdParams; response: ElectionGroupMessagePreview }>({
      method: 'GET',
      path: '/election/group-messages/:id/preview',
      summary: 'A group message’s preview',
      description: 'How many participants the filter picks now, and the message rendered for the first three of them with their own merge fields (SMS segments when SMS is one of the channels).',
      tags: TAGS,
      params: 'api/id-params.schema.json',
      responses: { 200: 'election/group-message-preview.schema.json' },
      handler: async ({ params, actor, req }) => {
        onSite(req, 'admin');
        return previewGroupMessage(deps, actor, params.id);
      },
    }),
    defineRoute<{ params: IdParams; response: ElectionGroupMessageStarted }>({
      method: 'POST',
      path: '/election/group-messages/:id/send',
      summary: 'Send a group message',
      description:
        'Fixes the recipients (the filter’s participants now) and starts the sending workflow: each participant gets the message once, whatever restarts. 409 election.groupMessageNotDraft when sent already, 409 election.groupMessageNoRecipients when the filter picks nobody.',
      tags: TAGS,
      params: 'api/id-params.schema.json',
      responses: { 202: 'election/group-message-started.schema.json' },
      handler: async ({ params, ctx, req }) => {
        onSite(req, 'admin');
        return sendGroupMessage(deps, ctx, params.id);
      },
    }),
    defineRoute<{ response: ElectionGroupMessageList }>({
      method: 'GET',
      path: '/election/group-messages',
      summary: 'Group messages sent',
      tags: TAGS,
      responses: { 200: 'election/group-message-list.schema.json' },
      handler: async ({ actor, req }) => {
        onSite(req, 'admin');
        return listGroupMessages(deps, actor);
      },
    }),
    defineRoute<{ params: IdParams; response: ElectionGroupMessage }>({
      method: 'GET',
      path: '/election/group-messages/:id',
      summary: 'A group message and its progress',
      tags: TAGS,
      params: 'api/id-params.schema.json',
      responses: { 200: 'election/group-message.schema.json' },
      handler: async ({ params, actor, req }) => {
        onSite(req, 'admin');
        return groupMessage(deps, actor, params.id);
      },
    }),
  ];
}
