// The election module's task-slot routes (admin site only; each answers 404 on the public site): the overview of
// an election's staffing with its filters, a polling station's distribution (the grid of team × task type ×
// date) read and saved, the station's task slots, and moving vacant slots to another team. The election and the
// station must be the caller's tenant's (else 404), and the station one the election uses.
import type { IdParams } from '../../../../schemas/types/api-id-params';
import type { ElectionSlotDistribution } from '../../../../schemas/types/election-slot-distribution';
import type { ElectionSlotOverview } from '../../../../schemas/types/election-slot-overview';
import type { ElectionSlotOverviewQuery } from '../../../../schemas/types/election-slot-overview-query';
import type { ElectionSlotTasks } from '../../../../schemas/types/election-slot-tasks';
import type { ElectionSlotTasksQuery } from '../../../../schemas/types/election-slot-tasks-query';
import type { ElectionSlotWorkLocationParams } from '../../../../schemas/types/election-slot-work-location-params';
import type { SlotMoved } from '../../../../schemas/types/election-slot-moved';
import { defineRoute, type RouteSpec } from '../../../http/route';
import { distributeSlots } from '../commands/slots/distribute-slots';
import { moveSlots } from '../commands/slots/move-slots';
import { presentDistribution, presentOverview, presentWorkLocationTasks } from '../presenters/slots';
import { slotDistribution } from '../queries/slots/distribution';
import { slotOverview } from '../queries/slots/overview';
import { workLocationTasks } from '../queries/slots/work-location-tasks';
import { onSite, type ElectionRouteDeps } from './context';

const TAGS = ['Election staffing: task slots'];
const STATION = 'election/slot-work-location-params.schema.json';
const DISTRIBUTION = 'election/slot-distribution.schema.json';

/** A list parameter given repeated (`a=1&a=2`) or comma-separated (`a=1,2`). */
const listOf = (value: string | string[] | undefined): string[] => [...new Set((value === undefined ? [] : Array.isArray(value) ? value : value.split(',')).map((v) => v.trim()).filter(Boolean))];

export function slotRoutes(deps: ElectionRouteDeps): RouteSpec[] {
  return [
    defineRoute<{ params: IdParams; query: ElectionSlotOverviewQuery; response: ElectionSlotOverview }>({
      method: 'GET',
      path: '/election/elections/:id/overview',
      summary: 'The election’s staffing: every area and polling station with its slots accepted, invited and vacant',
      description: 'Filters (each repeated or comma-separated; any of the values): teamIds, taskTypeIds, dates. Every station the election uses is listed, with zeros when no slot matches.',
      tags: TAGS,
      params: 'api/id-params.schema.json',
      query: 'election/slot-overview-query.schema.json',
      responses: { 200: 'election/slot-overview.schema.json' },
      handler: async ({ params, query, actor, req }) => {
        onSite(req, 'admin');
        const teamIds = listOf(query.teamIds);
        const taskTypeIds = listOf(query.taskTypeIds);
        const dates = listOf(query.dates);
        const rows = await slotOverview(deps, actor, params.id, { ...(teamIds.length ? { teamIds } : {}), ...(taskTypeIds.length ? { taskTypeIds } : {}), ...(dates.length ? { dates } : {}) });
        return presentOverview(rows);
      },
    }),
    defineRoute<{ params: ElectionSlotWorkLocationParams; response: ElectionSlotDistribution }>({
      method: 'GET',
      path: '/election/elections/:id/work-locations/:workLocationId/distribution',
      summary: 'A polling station’s task slots per team × task type × date (the distribute grid)',
      description: '`filled` of a cell: slots held (invited, accepted) or once offered to someone — the least its count may become. 404 when the election does not use the station.',
      tags: TAGS,
      params: STATION,
      responses: { 200: DISTRIBUTION },
      handler: async ({ params, actor, req }) => {
        onSite(req, 'admin');
        return presentDistribution(await slotDistribution(deps, actor, params.id, params.workLocationId));
      },
    }),
    defineRoute<{ params: ElectionSlotWorkLocationParams; body: unknown; response: ElectionSlotDistribution }>({
      method: 'PUT',
      path: '/election/elections/:id/work-locations/:workLocationId/distribution',
      summary: 'Save a polling station’s distribution: the number of slots of each cell named',
      description:
        'Cells not named keep their slots. Only vacant slots never offered to anyone are added or removed (the newest first). A count below the cell’s filled slots is refused: 409 election.slotsFilled {teamId, taskTypeId, date, filled} on /cells/<i>/count, and nothing is written. ' +
        'A date outside the election’s task dates (400 election.slotsOutsideDates), a team or task type the station does not use (election.unknownTeam, election.unknownTaskType), a cell named twice (election.cellRepeated). Audited election.slotsDistributed {workLocationId, added, removed}. Answers the new distribution.',
      tags: TAGS,
      params: STATION,
      body: 'election/slot-distribution-update.schema.json',
      responses: { 200: DISTRIBUTION },
      handler: async ({ params, body, ctx, req }) => {
        onSite(req, 'admin');
        return presentDistribution((await distributeSlots(deps, ctx, params.id, params.workLocationId, body)).distribution);
      },
    }),
    defineRoute<{ params: ElectionSlotWorkLocationParams; query: ElectionSlotTasksQuery; response: ElectionSlotTasks }>({
      method: 'GET',
      path: '/election/elections/:id/work-locations/:workLocationId/tasks',
      summary: 'A polling station’s task slots with their state and holder',
      description: 'Filtered by date, teamId, taskTypeId. The holder is shown by name and masked personal number only.',
      tags: TAGS,
      params: STATION,
      query: 'election/slot-tasks-query.schema.json',
      responses: { 200: 'election/slot-tasks.schema.json' },
      handler: async ({ params, query, actor, req }) => {
        onSite(req, 'admin');
        const filter = { ...(query.date ? { date: query.date } : {}), ...(query.teamId ? { teamId: query.teamId } : {}), ...(query.taskTypeId ? { taskTypeId: query.taskTypeId } : {}) };
        return presentWorkLocationTasks(await workLocationTasks(deps, actor, params.id, params.workLocationId, filter));
      },
    }),
    defineRoute<{ params: IdParams; body: unknown; response: SlotMoved }>({
      method: 'POST',
      path: '/election/elections/:id/slots/move',
      summary: 'Move vacant task slots to another team',
      description:
        'Only slots never offered to anyone (vacant, never invited, never rejected): else 409 election.slotNotMovable {slotId} on /slotIds/<i>, and nothing moves. A slot id not of this election: 400 election.unknownId; a team not of the municipality: 400 election.unknownTeam. Audited election.slotsMoved {teamId, moved}.',
      tags: TAGS,
      params: 'api/id-params.schema.json',
      body: 'election/slot-move.schema.json',
      responses: { 200: 'election/slot-moved.schema.json' },
      handler: async ({ params, body, ctx, req }) => {
        onSite(req, 'admin');
        return moveSlots(deps, ctx, params.id, body);
      },
    }),
  ];
}
