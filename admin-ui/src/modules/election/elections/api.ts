// The elections' admin API (engine/modules/election/routes/elections.ts) as query options and calls: one
// election in full, the events and message templates the messages step chooses from, and each step and action.
// Every change invalidates the module's elections queries (the list, the current election, the one in full:
// all under electionKeys.elections), so the list, the bar at the top and the page agree.
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { apiGet, apiSend } from '../../../../../forms/ui/api';
import type { ElectionCreate } from '../../../../../schemas/types/election-election-create';
import type { ElectionDates } from '../../../../../schemas/types/election-election-dates';
import type { ElectionDetail, ElectionEventTemplates } from '../../../../../schemas/types/election-election-detail';
import type { ElectionDuplicate } from '../../../../../schemas/types/election-election-duplicate';
import type { ElectionMessageEvents } from '../../../../../schemas/types/election-election-message-events';
import type { ElectionMessages } from '../../../../../schemas/types/election-election-messages';
import type { ElectionUpdate } from '../../../../../schemas/types/election-election-update';
import { electionKeys } from '../api';

export type { ElectionDetail, ElectionEventTemplates };
export type MessageEvent = ElectionMessageEvents['events'][number];
export type SetupStep = ElectionDetail['setupStep'];

/** The wizard's steps in order: the first creates the election, each later one is a PUT of its part. */
export const WIZARD_STEPS = ['basics', 'dates', 'workLocations', 'messages'] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];

/** The events in the order the server lists them (the page shows them in this order before the answer comes). */
export { MESSAGE_EVENTS } from '../../../../../schemas/election/message-events';

const API = '/api/election';
const electionPath = (id: string) => `${API}/elections/${encodeURIComponent(id)}`;

export const electionQuery = (id: string) => queryOptions({ queryKey: electionKeys.election(id), queryFn: ({ signal }) => apiGet<ElectionDetail>(electionPath(id), { signal }) });

export const messageEventsQuery = () =>
  queryOptions({ queryKey: ['election', 'message-events'] as const, queryFn: ({ signal }) => apiGet<ElectionMessageEvents>(`${API}/message-events`, { signal }) });

export const createElection = (body: ElectionCreate) => apiSend<ElectionDetail>('POST', `${API}/elections`, body);
export const updateElection = (id: string, body: ElectionUpdate) => apiSend<ElectionDetail>('PATCH', electionPath(id), body);
export const putDates = (id: string, body: ElectionDates) => apiSend<ElectionDetail>('PUT', `${electionPath(id)}/dates`, body);
export const putWorkLocations = (id: string, workLocationIds: string[]) => apiSend<ElectionDetail>('PUT', `${electionPath(id)}/work-locations`, { workLocationIds });
export const putMessages = (id: string, body: ElectionMessages) => apiSend<ElectionDetail>('PUT', `${electionPath(id)}/messages`, body);
export const activateElection = (id: string) => apiSend<ElectionDetail>('POST', `${electionPath(id)}/activate`);
export const deactivateElection = (id: string) => apiSend<ElectionDetail>('POST', `${electionPath(id)}/deactivate`);
export const duplicateElection = (id: string, body: ElectionDuplicate) => apiSend<ElectionDetail>('POST', `${electionPath(id)}/duplicate`, body);
export const deleteElection = (id: string) => apiSend<void>('DELETE', electionPath(id));

/** After a change: the answer becomes the election's cached detail, and every list of elections is read again. */
export async function electionChanged(queryClient: QueryClient, answer?: ElectionDetail): Promise<void> {
  if (answer) queryClient.setQueryData(electionKeys.election(answer.id), answer);
  await queryClient.invalidateQueries({ queryKey: electionKeys.elections, predicate: (q) => !answer || q.queryKey[3] !== answer.id });
  // A task type's overrides live on the task type: the configuration's pages read them again too.
  await queryClient.invalidateQueries({ queryKey: ['election', 'config', 'task-types'] });
}

/** The step the wizard opens on for an election: where its setup stopped, or the first when it is done. */
export function resumeStep(setupStep: SetupStep): WizardStep {
  return setupStep === 'done' ? 'basics' : setupStep;
}

/** Whether a step can be opened: every step before it has been filled in. */
export function stepReached(step: WizardStep, setupStep: SetupStep | null): boolean {
  if (setupStep === null) return step === 'basics';
  if (setupStep === 'done') return true;
  return WIZARD_STEPS.indexOf(step) <= WIZARD_STEPS.indexOf(setupStep);
}

/** Event → template, only the events that have one. */
export function templatesOf(values: Partial<Record<MessageEvent, string>>): ElectionEventTemplates {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => typeof v === 'string' && v !== '')) as ElectionEventTemplates;
}
