// The task slots' admin API as query options and calls (engine/modules/election/routes/slots.ts and
// assignments.ts): an election's overview (fill status per area and work location, filtered), a work location's
// distribution (team × task type × date) and its replacement, a work location's slots, moving vacant slots to
// another team, the candidates for a slot, assigning, removing, replying on someone's behalf, the invitation
// link and the rejected tasks. Every change invalidates all of an election's slot queries (slotKeys.election),
// so the overview, the grid and the station's list agree.
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { apiGet, apiSend } from '../../../../../forms/ui/api';
import type { ElectionCandidateList } from '../../../../../schemas/types/election-assignment-candidates';
import type { ElectionRejectionList } from '../../../../../schemas/types/election-assignment-rejections';
import type { ElectionAssignmentCreate } from '../../../../../schemas/types/election-assignment-create';
import type { ElectionInvitationLink } from '../../../../../schemas/types/election-assignment-invitation-link';
import type { ElectionAssignmentReply } from '../../../../../schemas/types/election-assignment-reply';
import type { ElectionAssignedSlot } from '../../../../../schemas/types/election-assignment-slot';
import type { ElectionSlotDistribution, ElectionSlotDistributionCell, ElectionSlotDistributionTaskType } from '../../../../../schemas/types/election-slot-distribution';
import type { SlotDistributionUpdateCell } from '../../../../../schemas/types/election-slot-distribution-update';
import type { ElectionSlotOverview, ElectionSlotOverviewArea, ElectionSlotOverviewWorkLocation, ElectionSlotTotals } from '../../../../../schemas/types/election-slot-overview';
import type { ElectionSlotTasks, ElectionTaskSlot } from '../../../../../schemas/types/election-slot-tasks';

// The answers' and bodies' types are generated from the schemas the server checks them with (schemas/election/).
/** How many slots of a set are accepted, awaiting an answer (invited) and vacant. */
export type Totals = ElectionSlotTotals;
export type OverviewWorkLocation = ElectionSlotOverviewWorkLocation;
export type OverviewArea = ElectionSlotOverviewArea;
export type Overview = ElectionSlotOverview;

export interface OverviewFilters {
  teamIds: string[];
  taskTypeIds: string[];
  dates: string[];
}

export const NO_OVERVIEW_FILTERS: OverviewFilters = { teamIds: [], taskTypeIds: [], dates: [] };

export type DistributionTaskType = ElectionSlotDistributionTaskType;
/** `filled`: slots held by someone or once offered to someone — the least the count may become. */
export type DistributionCell = ElectionSlotDistributionCell;
export type Distribution = ElectionSlotDistribution;
/** A cell to change; cells not named keep their slots. */
export type CellInput = SlotDistributionUpdateCell;

/** The most cells one PUT takes (the distribution's body schema). */
export const MAX_CELLS = 2000;
/** The most slots one cell may hold (the same schema). */
export const MAX_CELL_COUNT = 200;
/** The most slots one move takes. */
export const MAX_MOVE = 500;

/** 'rejected' is a legacy state (a rejection makes the slot vacant again): it reads as vacant. */
export type SlotState = ElectionTaskSlot['state'] | 'rejected';
export type Slot = Omit<ElectionTaskSlot, 'state'> & { state: SlotState };
export type WorkLocationTasks = Omit<ElectionSlotTasks, 'slots'> & { slots: Slot[] };

export type Candidate = ElectionCandidateList['candidates'][number];
export type Reason = Candidate['eligibility']['reasons'][number];
/** A slot as assigning answers it, with the invitation link when it invited. */
export type Assigned = ElectionAssignedSlot;
export type Rejection = ElectionRejectionList[number];

/** A slot counts as vacant also in the legacy state 'rejected' (a rejection makes the slot vacant again). */
export const isVacant = (slot: Pick<Slot, 'state'>) => slot.state === 'vacant' || slot.state === 'rejected';
/** Vacant and never invited: only such a slot may move to another team. */
export const isMovable = (slot: Slot) => isVacant(slot) && !slot.everInvited;

const API = '/api/election/elections';
const electionPath = (electionId: string) => `${API}/${encodeURIComponent(electionId)}`;
const workLocationPath = (electionId: string, workLocationId: string) => `${electionPath(electionId)}/work-locations/${encodeURIComponent(workLocationId)}`;
const slotPath = (electionId: string, slotId: string) => `${electionPath(electionId)}/slots/${encodeURIComponent(slotId)}`;

export const slotKeys = {
  election: (electionId: string) => ['election', 'slots', electionId] as const,
  overview: (electionId: string, query: string) => ['election', 'slots', electionId, 'overview', query] as const,
  distribution: (electionId: string, workLocationId: string) => ['election', 'slots', electionId, 'distribution', workLocationId] as const,
  tasks: (electionId: string, workLocationId: string) => ['election', 'slots', electionId, 'tasks', workLocationId] as const,
  candidates: (electionId: string, slotId: string, q: string) => ['election', 'slots', electionId, 'candidates', slotId, q] as const,
  rejections: (electionId: string) => ['election', 'slots', electionId, 'rejections'] as const,
};

/** The overview's filters as the API's query (multi-values comma-separated; empty ones left out). */
export function overviewQueryString(filters: OverviewFilters): string {
  const params = new URLSearchParams();
  if (filters.teamIds.length) params.set('teamIds', filters.teamIds.join(','));
  if (filters.taskTypeIds.length) params.set('taskTypeIds', filters.taskTypeIds.join(','));
  if (filters.dates.length) params.set('dates', filters.dates.join(','));
  return params.toString();
}

export const overviewQuery = (electionId: string, filters: OverviewFilters) => {
  const query = overviewQueryString(filters);
  return queryOptions({
    queryKey: slotKeys.overview(electionId, query),
    queryFn: ({ signal }) => apiGet<Overview>(`${electionPath(electionId)}/overview${query ? `?${query}` : ''}`, { signal }),
  });
};

export const distributionQuery = (electionId: string, workLocationId: string) =>
  queryOptions({ queryKey: slotKeys.distribution(electionId, workLocationId), queryFn: ({ signal }) => apiGet<Distribution>(`${workLocationPath(electionId, workLocationId)}/distribution`, { signal }) });

export const saveDistribution = (electionId: string, workLocationId: string, cells: CellInput[]) => apiSend<Distribution>('PUT', `${workLocationPath(electionId, workLocationId)}/distribution`, { cells });

export const tasksQuery = (electionId: string, workLocationId: string) =>
  queryOptions({ queryKey: slotKeys.tasks(electionId, workLocationId), queryFn: ({ signal }) => apiGet<WorkLocationTasks>(`${workLocationPath(electionId, workLocationId)}/tasks`, { signal }) });

export const moveSlots = (electionId: string, slotIds: string[], teamId: string) => apiSend<{ moved: number }>('POST', `${electionPath(electionId)}/slots/move`, { slotIds, teamId });

export const candidatesQuery = (electionId: string, slotId: string, q: string) =>
  queryOptions({
    queryKey: slotKeys.candidates(electionId, slotId, q),
    queryFn: async ({ signal }) => (await apiGet<ElectionCandidateList>(`${slotPath(electionId, slotId)}/candidates?${new URLSearchParams({ q }).toString()}`, { signal })).candidates,
  });

export const assignSlot = (electionId: string, slotId: string, body: ElectionAssignmentCreate) => apiSend<Assigned>('POST', `${slotPath(electionId, slotId)}/assignment`, body);
export const unassignSlot = (electionId: string, slotId: string) => apiSend<void>('DELETE', `${slotPath(electionId, slotId)}/assignment`);
export const replyOnBehalf = (electionId: string, slotId: string, answer: ElectionAssignmentReply['answer']) => apiSend<ElectionAssignedSlot>('POST', `${slotPath(electionId, slotId)}/reply`, { answer });
/** A new invitation link (the old one stops working); audited on the server, so asked only when wanted. */
export const invitationLink = (electionId: string, slotId: string) => apiGet<ElectionInvitationLink>(`${slotPath(electionId, slotId)}/invitation-link`);

export const rejectionsQuery = (electionId: string) =>
  queryOptions({ queryKey: slotKeys.rejections(electionId), queryFn: ({ signal }) => apiGet<ElectionRejectionList>(`${electionPath(electionId)}/rejections`, { signal }) });

/** After a change: every slot query of the election read again (and the participants' task counts). */
export async function slotsChanged(queryClient: QueryClient, electionId: string): Promise<void> {
  await Promise.all([queryClient.invalidateQueries({ queryKey: slotKeys.election(electionId) }), queryClient.invalidateQueries({ queryKey: ['election', 'participants'] })]);
}
