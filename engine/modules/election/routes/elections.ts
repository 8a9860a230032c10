// The election module's elections routes (admin site only; each answers 404 on the public site): the elections
// with their staffing counts, the one the admin site opens on, one in full; created in steps (title, type, lock
// period and election day → dates → polling stations → messages), each step a PUT that can be repeated;
// activated, deactivated, duplicated to a new date, deleted while inactive and empty. The election the admin
// site works in ("change election") is the admin site's to remember; the list filters by `active` and
// `current` suggests one.
import type { IdParams } from '../../../../schemas/types/api-id-params';
import type { ElectionDetail } from '../../../../schemas/types/election-election-detail';
import type { ElectionList } from '../../../../schemas/types/election-election-list';
import type { ElectionListQuery } from '../../../../schemas/types/election-election-list-query';
import type { ElectionMessageEvents } from '../../../../schemas/types/election-election-message-events';
import type { Actor } from '../../../actors';
import { defineRoute, type RouteSpec } from '../../../http/route';
import { createElection, updateElection } from '../commands/elections/create-election';
import { duplicateElection } from '../commands/elections/duplicate-election';
import { activateElection, deactivateElection, deleteElection } from '../commands/elections/lifecycle';
import { setElectionDates, setElectionMessages, setElectionWorkLocations } from '../commands/elections/setup-steps';
import { MESSAGE_EVENTS } from '../message-events';
import { presentElection, presentElectionSummary } from '../presenters/elections';
import { currentElection, electionDetail, listElections, messageEventTemplates } from '../queries/elections/list-elections';
import { onSite, type ElectionRouteDeps } from './context';

const TAGS = ['Election staffing: elections'];
const ID = 'api/id-params.schema.json';
const DETAIL = 'election/election-detail.schema.json';

export function electionRoutes(deps: ElectionRouteDeps): RouteSpec[] {
  const detail = async (actor: Actor, id: string): Promise<ElectionDetail> => presentElection(await electionDetail(deps, actor, id));
  return [
    defineRoute<{ response: ElectionMessageEvents }>({
      method: 'GET',
      path: '/election/message-events',
      summary: 'The events that send participants messages, and the templates to choose from',
      tags: TAGS,
      responses: { 200: 'election/election-message-events.schema.json' },
      handler: async ({ actor, req }) => {
        onSite(req, 'admin');
        return { events: [...MESSAGE_EVENTS], templates: await messageEventTemplates(deps, actor) };
      },
    }),
    defineRoute<{ query: ElectionListQuery; response: ElectionList }>({
      method: 'GET',
      path: '/election/elections',
      summary: 'The elections, the latest election day first, with their staffing counts',
      tags: TAGS,
      query: 'election/election-list-query.schema.json',
      responses: { 200: 'election/election-list.schema.json' },
      handler: async ({ query, actor, req }) => {
        onSite(req, 'admin');
        return { items: (await listElections(deps, actor, query.active === undefined ? {} : { active: query.active })).map(presentElectionSummary) };
      },
    }),
    // Before /:id (which would not match "current" anyway: an id is a UUID).
    defineRoute<{ response: ElectionDetail }>({
      method: 'GET',
      path: '/election/elections/current',
      summary: 'The election the admin site opens on',
      description: 'The next active election (election day today or later), else the one with the latest election day; 404 when there is none. The user may choose another ("change election"): the admin site remembers that itself.',
      tags: TAGS,
      responses: { 200: DETAIL },
      handler: async ({ actor, req }) => {
        onSite(req, 'admin');
        return presentElection(await currentElection(deps, actor));
      },
    }),
    defineRoute<{ body: unknown; response: ElectionDetail }>({
      method: 'POST',
      path: '/election/elections',
      summary: 'Create an election (the setup’s first step: title, type, lock period, election day)',
      description: 'Created inactive, its setup at the dates step.',
      tags: TAGS,
      body: 'election/election-create.schema.json',
      responses: { 201: DETAIL },
      handler: async ({ body, ctx, actor, req }) => {
        onSite(req, 'admin');
        const { id } = await createElection(deps, ctx, body);
        return detail(actor, id);
      },
    }),
    defineRoute<{ params: IdParams; response: ElectionDetail }>({
      method: 'GET',
      path: '/election/elections/:id',
      summary: 'One election in full',
      tags: TAGS,
      params: ID,
      responses: { 200: DETAIL },
      handler: async ({ params, actor, req }) => {
        onSite(req, 'admin');
        return detail(actor, params.id);
      },
    }),
    defineRoute<{ params: IdParams; body: unknown; response: ElectionDetail }>({
      method: 'PATCH',
      path: '/election/elections/:id',
      summary: 'Change an election’s title or lock period',
      tags: TAGS,
      params: ID,
      body: 'election/election-update.schema.json',
      responses: { 200: DETAIL },
      handler: async ({ params, body, ctx, actor, req }) => {
        onSite(req, 'admin');
        await updateElection(deps, ctx, params.id, body);
        return detail(actor, params.id);
      },
    }),
    defineRoute<{ params: IdParams; body: unknown; response: ElectionDetail }>({
      method: 'PUT',
      path: '/election/elections/:id/dates',
      summary: 'The setup’s dates step: election day, first and last task date',
      description: 'First task date ≤ election day ≤ last task date; the election’s task slots must stay inside the task dates (409 election.slotsOutsideDates).',
      tags: TAGS,
      params: ID,
      body: 'election/election-dates.schema.json',
      responses: { 200: DETAIL },
      handler: async ({ params, body, ctx, actor, req }) => {
        onSite(req, 'admin');
        await setElectionDates(deps, ctx, params.id, body);
        return detail(actor, params.id);
      },
    }),
    defineRoute<{ params: IdParams; body: unknown; response: ElectionDetail }>({
      method: 'PUT',
      path: '/election/elections/:id/work-locations',
      summary: 'The setup’s polling-stations step: every work location the election uses',
      description: 'The whole set. A work location where the election has task slots cannot be left out (409 election.workLocationHasSlots).',
      tags: TAGS,
      params: ID,
      body: 'election/election-work-locations.schema.json',
      responses: { 200: DETAIL },
      handler: async ({ params, body, ctx, actor, req }) => {
        onSite(req, 'admin');
        await setElectionWorkLocations(deps, ctx, params.id, body);
        return detail(actor, params.id);
      },
    }),
    defineRoute<{ params: IdParams; body: unknown; response: ElectionDetail }>({
      method: 'PUT',
      path: '/election/elections/:id/messages',
      summary: 'The setup’s messages step: the template of each event, and task types’ overrides',
      description: 'Each template key must be one of the tenant’s message templates. A task type’s overrides hold in every election; task types not named keep theirs.',
      tags: TAGS,
      params: ID,
      body: 'election/election-messages.schema.json',
      responses: { 200: DETAIL },
      handler: async ({ params, body, ctx, actor, req }) => {
        onSite(req, 'admin');
        await setElectionMessages(deps, ctx, params.id, body);
        return detail(actor, params.id);
      },
    }),
    defineRoute<{ params: IdParams; response: ElectionDetail }>({
      method: 'POST',
      path: '/election/elections/:id/activate',
      summary: 'Activate an election whose setup is done',
      description: '409 election.setupIncomplete before the setup is done. Several elections may be active at once.',
      tags: TAGS,
      params: ID,
      responses: { 200: DETAIL },
      handler: async ({ params, ctx, actor, req }) => {
        onSite(req, 'admin');
        await activateElection(deps, ctx, params.id);
        return detail(actor, params.id);
      },
    }),
    defineRoute<{ params: IdParams; response: ElectionDetail }>({
      method: 'POST',
      path: '/election/elections/:id/deactivate',
      summary: 'Deactivate an election',
      tags: TAGS,
      params: ID,
      responses: { 200: DETAIL },
      handler: async ({ params, ctx, actor, req }) => {
        onSite(req, 'admin');
        await deactivateElection(deps, ctx, params.id);
        return detail(actor, params.id);
      },
    }),
    defineRoute<{ params: IdParams; body: unknown; response: ElectionDetail }>({
      method: 'POST',
      path: '/election/elections/:id/duplicate',
      summary: 'Duplicate an election to a new election day',
      description: 'A new inactive election with the same type, lock period, polling stations and templates; its task dates and every task slot’s date move by as many days as the election day; the slots are all vacant (participants are never copied). Answers the new election.',
      tags: TAGS,
      params: ID,
      body: 'election/election-duplicate.schema.json',
      responses: { 201: DETAIL },
      handler: async ({ params, body, ctx, actor, req }) => {
        onSite(req, 'admin');
        const { id } = await duplicateElection(deps, ctx, params.id, body);
        return detail(actor, id);
      },
    }),
    defineRoute<{ params: IdParams }>({
      method: 'DELETE',
      path: '/election/elections/:id',
      summary: 'Delete an inactive election without participants',
      description: '409 election.electionActive while active, election.electionNotEmpty while a task slot has a participant; its vacant task slots go with it.',
      tags: TAGS,
      params: ID,
      responses: { 204: 'empty' },
      handler: async ({ params, ctx, req }) => {
        onSite(req, 'admin');
        await deleteElection(deps, ctx, params.id);
      },
    }),
  ];
}
