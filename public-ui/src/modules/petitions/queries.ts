// The petitions' server data on the public site (the module's own API, engine/modules/petitions/routes/public.ts):
// each query's key and loader in one place, so a vote invalidates the petition, its list and the person's vote.
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { FormVersion } from '../../../../schemas/types/api-form-version';
import type { PetitionDetail } from '../../../../schemas/types/petitions-detail';
import type { PetitionList } from '../../../../schemas/types/petitions-list';
import type { PetitionListQuery } from '../../../../schemas/types/petitions-list-query';
import type { PetitionMyVote } from '../../../../schemas/types/petitions-my-vote';
import type { PetitionReturned } from '../../../../schemas/types/petitions-returned';
import { apiGet } from '../../../../forms/ui/api';

export type ListFilters = Required<Pick<PetitionListQuery, 'state' | 'sort' | 'page'>> & { q: string };

export const petitionKeys = {
  all: ['petitions'] as const,
  lists: ['petitions', 'list'] as const,
  list: (f: ListFilters) => ['petitions', 'list', f] as const,
  detail: (id: string) => ['petitions', 'detail', id] as const,
  myVote: (id: string) => ['petitions', 'detail', id, 'my-vote'] as const,
  form: ['petitions', 'form'] as const,
  returned: (token: string) => ['petitions', 'returned', token] as const,
};

export const PAGE_SIZE = 10;

export const petitionListQuery = (f: ListFilters) =>
  queryOptions({
    queryKey: petitionKeys.list(f),
    queryFn: ({ signal }) => {
      const query = new URLSearchParams({ state: f.state, sort: f.sort, page: String(f.page), limit: String(PAGE_SIZE), ...(f.q ? { q: f.q } : {}) });
      return apiGet<PetitionList>(`/api/petitions?${query}`, { signal });
    },
    // The old page stays while the next loads (no jump to "loading" between pages or filters).
    placeholderData: keepPreviousData,
  });

export const petitionQuery = (id: string) => queryOptions({ queryKey: petitionKeys.detail(id), queryFn: ({ signal }) => apiGet<PetitionDetail>(`/api/petitions/${encodeURIComponent(id)}`, { signal }) });

export const myVoteQuery = (id: string) => queryOptions({ queryKey: petitionKeys.myVote(id), queryFn: ({ signal }) => apiGet<PetitionMyVote>(`/api/petitions/${encodeURIComponent(id)}/my-vote`, { signal }) });

/** The tenant's published petition form (kind petitionForm), which POST /api/petitions checks the answers against. */
export const petitionFormQuery = () =>
  queryOptions({
    queryKey: petitionKeys.form,
    queryFn: ({ signal }) => apiGet<FormVersion>('/api/petitions/form', { signal }),
    staleTime: 5 * 60_000,
  });

/** A returned proposal, by the edit link's token (in the query string, which the server does not log). */
export const returnedQuery = (token: string) =>
  queryOptions({ queryKey: petitionKeys.returned(token), queryFn: ({ signal }) => apiGet<PetitionReturned>(`/api/petitions/edit?token=${encodeURIComponent(token)}`, { signal }), staleTime: Infinity });

/** A published version of a form (the one a returned proposal was made with). */
export const formVersionQuery = (id: string, version: number) =>
  queryOptions({ queryKey: ['forms', id, version] as const, queryFn: ({ signal }) => apiGet<FormVersion>(`/api/forms/${encodeURIComponent(id)}/versions/${version}`, { signal }), staleTime: Infinity });
