// The participants' admin API (engine/modules/election/routes/participants.ts and bulk-deletions.ts) as query
// options and calls: the list's filters as the page's address and as the API's query, one page of the list,
// every id matching a filter (for "select all"), the profile and its changes, the registry lookup and create,
// the audited reveal, the bulk deletion and its progress. Every change invalidates the participants' queries
// (all under participantKeys.all), so the list, the profile and the counts agree.
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { apiGet, apiSend } from '../../../../../forms/ui/api';
import type { ElectionParticipantCommentRecord } from '../../../../../schemas/types/election-participant-comment-record';
import type { ElectionParticipantCreate } from '../../../../../schemas/types/election-participant-create';
import type { ElectionParticipantDeletion } from '../../../../../schemas/types/election-participant-deletion';
import type { ElectionParticipantDeletionStarted } from '../../../../../schemas/types/election-participant-deletion-started';
import type { ElectionParticipantList, ElectionParticipantListItem } from '../../../../../schemas/types/election-participant-list';
import type { ElectionParticipantPersonalNumber } from '../../../../../schemas/types/election-participant-personal-number';
import type { ElectionParticipantPreview } from '../../../../../schemas/types/election-participant-preview';
import type { ElectionParticipantProfile } from '../../../../../schemas/types/election-participant-profile';
import type { ElectionParticipantUpdate } from '../../../../../schemas/types/election-participant-update';

export type { ElectionParticipantCreate, ElectionParticipantDeletion, ElectionParticipantList, ElectionParticipantPreview, ElectionParticipantProfile, ElectionParticipantUpdate };
export type ParticipantRow = ElectionParticipantListItem;
export type RegistryStatus = ElectionParticipantProfile['registryStatus'];

export const REGISTRY_STATUSES: readonly RegistryStatus[] = ['ok', 'deceased', 'disenfranchised', 'movedAway'];
export const SORTS = ['name', 'birthDate', 'createdAt'] as const;
export type Sort = (typeof SORTS)[number];
export type Order = 'asc' | 'desc';

/** The most rows the API gives in one page (schemas/election/participant-list-query.schema.json). */
export const MAX_PAGE_SIZE = 100;
export const PAGE_SIZE = 50;
/** The most ids one bulk deletion takes (schemas/election/participant-deletion-start.schema.json). */
export const MAX_DELETION = 100_000;

/** The list's filters as the page keeps them (its address): '' is "any". */
export interface ParticipantFilters {
  q: string;
  birthFrom: string;
  birthTo: string;
  teamIds: string[];
  digitalPostExempt: '' | 'true' | 'false';
  hasTask: '' | 'true' | 'false';
  taskTypeId: string;
  workLocationId: string;
  status: '' | RegistryStatus;
}

export interface ListView {
  filters: ParticipantFilters;
  sort: Sort;
  order: Order;
  page: number;
}

export const NO_FILTERS: ParticipantFilters = { q: '', birthFrom: '', birthTo: '', teamIds: [], digitalPostExempt: '', hasTask: '', taskTypeId: '', workLocationId: '', status: '' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const bool = (v: string | null): '' | 'true' | 'false' => (v === 'true' || v === 'false' ? v : '');

/** The list's view from the page's address; anything unknown or malformed is left out (the API would refuse it). */
export function viewOf(params: URLSearchParams): ListView {
  const id = (name: string) => {
    const v = params.get(name) ?? '';
    return UUID.test(v) ? v : '';
  };
  const date = (name: string) => {
    const v = params.get(name) ?? '';
    return DATE.test(v) ? v : '';
  };
  const status = params.get('status') ?? '';
  const sort = params.get('sort') ?? '';
  const page = Number(params.get('page') ?? '1');
  return {
    filters: {
      q: (params.get('q') ?? '').slice(0, 200),
      birthFrom: date('birthFrom'),
      birthTo: date('birthTo'),
      teamIds: (params.get('teamIds') ?? '')
        .split(',')
        .filter((t) => UUID.test(t))
        .slice(0, 50),
      digitalPostExempt: bool(params.get('digitalPostExempt')),
      hasTask: bool(params.get('hasTask')),
      taskTypeId: id('taskTypeId'),
      workLocationId: id('workLocationId'),
      status: (REGISTRY_STATUSES as readonly string[]).includes(status) ? (status as RegistryStatus) : '',
    },
    sort: (SORTS as readonly string[]).includes(sort) ? (sort as Sort) : 'name',
    order: params.get('order') === 'desc' ? 'desc' : 'asc',
    page: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1,
  };
}

/** The filters as query parameters (the page's address and the API's query alike); empty ones left out. */
export function filterParams(filters: ParticipantFilters): URLSearchParams {
  const out = new URLSearchParams();
  if (filters.q.trim()) out.set('q', filters.q.trim());
  if (filters.birthFrom) out.set('birthFrom', filters.birthFrom);
  if (filters.birthTo) out.set('birthTo', filters.birthTo);
  if (filters.teamIds.length) out.set('teamIds', filters.teamIds.join(','));
  if (filters.digitalPostExempt) out.set('digitalPostExempt', filters.digitalPostExempt);
  if (filters.hasTask) out.set('hasTask', filters.hasTask);
  if (filters.taskTypeId) out.set('taskTypeId', filters.taskTypeId);
  if (filters.workLocationId) out.set('workLocationId', filters.workLocationId);
  if (filters.status) out.set('status', filters.status);
  return out;
}

/** The view as the page's address: the filters, then the order and page when not the default. */
export function viewParams(view: ListView): URLSearchParams {
  const out = filterParams(view.filters);
  if (view.sort !== 'name') out.set('sort', view.sort);
  if (view.order !== 'asc') out.set('order', view.order);
  if (view.page > 1) out.set('page', String(view.page));
  return out;
}

/** A stable text of the filters alone (the selection is forgotten when it changes). */
export const filterKey = (filters: ParticipantFilters) => filterParams(filters).toString();

const API = '/api/election';
const participantPath = (id: string) => `${API}/participants/${encodeURIComponent(id)}`;

export const participantKeys = {
  all: ['election', 'participants'] as const,
  list: (query: string) => ['election', 'participants', 'list', query] as const,
  detail: (id: string) => ['election', 'participants', 'detail', id] as const,
  deletion: (id: string) => ['election', 'participant-deletions', id] as const,
};

/** The API's query for one page: filters, order, page and the special-category fields to include. */
export function listQueryString(view: ListView, include: readonly string[], pageSize = PAGE_SIZE): string {
  const params = filterParams(view.filters);
  params.set('sort', view.sort);
  params.set('order', view.order);
  params.set('page', String(view.page));
  params.set('pageSize', String(pageSize));
  if (include.length) params.set('include', include.join(','));
  return params.toString();
}

export const participantsQuery = (view: ListView, include: readonly string[]) => {
  const query = listQueryString(view, include);
  return queryOptions({ queryKey: participantKeys.list(query), queryFn: ({ signal }) => apiGet<ElectionParticipantList>(`${API}/participants?${query}`, { signal }) });
};

/**
 * Every id matching the filters, read page by page (the API pages by at most 100); `onProgress` hears how many
 * so far. Stops at the bulk deletion's limit.
 */
export async function allMatchingIds(filters: ParticipantFilters, onProgress: (read: number, total: number) => void, signal?: AbortSignal): Promise<string[]> {
  const ids: string[] = [];
  for (let page = 1; ; page++) {
    const query = listQueryString({ filters, sort: 'createdAt', order: 'asc', page }, [], MAX_PAGE_SIZE);
    const answer = await apiGet<ElectionParticipantList>(`${API}/participants?${query}`, { signal });
    for (const item of answer.items) ids.push(item.id);
    onProgress(ids.length, answer.total);
    if (answer.items.length < MAX_PAGE_SIZE || ids.length >= answer.total || ids.length >= MAX_DELETION) return [...new Set(ids)].slice(0, MAX_DELETION);
  }
}

export const participantQuery = (id: string) => queryOptions({ queryKey: participantKeys.detail(id), queryFn: ({ signal }) => apiGet<ElectionParticipantProfile>(participantPath(id), { signal }) });

export const lookupPerson = (personalNumber: string) => apiSend<ElectionParticipantPreview>('POST', `${API}/participants/lookup`, { personalNumber });
export const createParticipant = (body: ElectionParticipantCreate) => apiSend<ElectionParticipantProfile>('POST', `${API}/participants`, body);
export const updateParticipant = (id: string, body: ElectionParticipantUpdate) => apiSend<ElectionParticipantProfile>('PATCH', participantPath(id), body);
export const deleteParticipant = (id: string) => apiSend<void>('DELETE', participantPath(id));
export const commentParticipant = (id: string, body: string) => apiSend<ElectionParticipantCommentRecord>('POST', `${participantPath(id)}/comments`, { body });
export const revealPersonalNumber = (id: string) => apiSend<ElectionParticipantPersonalNumber>('POST', `${participantPath(id)}/reveal-personal-number`);

export const startDeletion = (participantIds: string[], confirmation: string) => apiSend<ElectionParticipantDeletionStarted>('POST', `${API}/participant-deletions`, { participantIds, confirmation });
export const deletionQuery = (id: string) =>
  queryOptions({ queryKey: participantKeys.deletion(id), queryFn: ({ signal }) => apiGet<ElectionParticipantDeletion>(`${API}/participant-deletions/${encodeURIComponent(id)}`, { signal }) });

/** After a change: the profile's answer cached, and every list read again. */
export async function participantsChanged(queryClient: QueryClient, profile?: ElectionParticipantProfile): Promise<void> {
  if (profile) queryClient.setQueryData(participantKeys.detail(profile.id), profile);
  await queryClient.invalidateQueries({ queryKey: participantKeys.all, predicate: (q) => !profile || q.queryKey[3] !== profile.id });
}

/** The export's address: the list's filters and order, the chosen columns in their order, the page's language. */
export function exportUrl(format: 'csv' | 'xlsx', view: ListView, columns: readonly string[], lang: string): string {
  const params = filterParams(view.filters);
  params.set('sort', view.sort);
  params.set('order', view.order);
  params.set('columns', columns.join(','));
  if (lang === 'da' || lang === 'sv' || lang === 'en') params.set('lang', lang);
  return `${API}/participants/export.${format}?${params.toString()}`;
}
