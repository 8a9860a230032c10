// The petitions' admin API as query options (engine/modules/petitions/routes/admin.ts and vote-window.ts): each
// query's key and loader in one place, so a moderator's action invalidates every petitions query by its key.
import { queryOptions } from '@tanstack/react-query';
import type { PetitionAdminList, PetitionAdminListItem } from '../../../../schemas/types/petitions-admin-list';
import type { PetitionDetail, PetitionTimelineEntry } from '../../../../schemas/types/petitions-detail';
import type { PetitionModerationItem, PetitionModerationQueue } from '../../../../schemas/types/petitions-moderation-queue';
import { apiGet } from '../../../../forms/ui/api';

export type { PetitionAdminList, PetitionAdminListItem, PetitionDetail, PetitionModerationItem, PetitionModerationQueue, PetitionTimelineEntry };
export type PetitionStatus = PetitionDetail['status'];

export const PETITION_STATUSES: readonly PetitionStatus[] = ['awaitingConfirmation', 'awaitingModeration', 'returned', 'rejected', 'open', 'closed', 'inHandling', 'answered'];
export const REJECTION_REASONS = ['duplicate', 'outsideCompetence', 'offensive', 'personalData', 'other'] as const;
export const UPDATE_KINDS = ['update', 'answer', 'decision'] as const;
/** The update route's limit on a PDF, decoded (schemas/petitions/update.schema.json). */
export const MAX_PDF_BYTES = 5 * 1024 * 1024;

export const petitionKeys = {
  all: ['petitions'] as const,
  queue: ['petitions', 'moderation'] as const,
  list: (status: string) => ['petitions', 'list', status] as const,
  detail: (id: string) => ['petitions', 'detail', id] as const,
};

export const moderationQueueQuery = () =>
  queryOptions({ queryKey: petitionKeys.queue, queryFn: ({ signal }) => apiGet<PetitionModerationQueue>('/api/petitions/moderation?limit=200', { signal }) });

/** Every petition, or those of one status, searched by the API (words or a part of the title); the newest 200. */
export const petitionsQuery = (status: string, q = '') =>
  queryOptions({
    queryKey: [...petitionKeys.list(status), q] as const,
    queryFn: ({ signal }) => {
      const params = new URLSearchParams({ limit: '200', ...(status ? { status } : {}), ...(q ? { q } : {}) });
      return apiGet<PetitionAdminList>(`/api/admin/petitions?${params.toString()}`, { signal });
    },
  });

export const petitionQuery = (id: string) =>
  queryOptions({ queryKey: petitionKeys.detail(id), queryFn: ({ signal }) => apiGet<PetitionDetail>(`/api/admin/petitions/${encodeURIComponent(id)}`, { signal }) });
