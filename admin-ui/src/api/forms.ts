// The forms API as query options: one place for each query's key and loader, so a change invalidates by key.
import { queryOptions } from '@tanstack/react-query';
import type { FieldProblems } from '../../../schemas/types/api-field-problems';
import type { FormDetail } from '../../../schemas/types/api-form-detail';
import type { FormList, FormSummary as FormSummaryAnswer } from '../../../schemas/types/api-form-list';
import type { FormVersion } from '../../../schemas/types/api-form-version';
import type { SubmissionsPage as SubmissionsPageAnswer } from '../../../schemas/types/api-submissions-page';
import { apiGet } from '../../../forms/ui/api';

// The answers' types are generated from the response schemas the server is checked against (schemas/api/).
export type FormSummary = FormSummaryAnswer;
export type LoadedForm = FormDetail;
export type SubmissionsPage = SubmissionsPageAnswer;

const path = (id: string) => `/api/forms/${encodeURIComponent(id)}`;

export const formKeys = {
  all: ['forms'] as const,
  list: ['forms', 'list'] as const,
  detail: (id: string) => ['forms', 'detail', id] as const,
};

export const formsQuery = () => queryOptions({ queryKey: formKeys.list, queryFn: ({ signal }) => apiGet<FormList>('/api/forms', { signal }) });

export const formQuery = (id: string) => queryOptions({ queryKey: formKeys.detail(id), queryFn: ({ signal }) => apiGet<LoadedForm>(path(id), { signal }) });

export const formProblemsQuery = (id: string) =>
  queryOptions({ queryKey: [...formKeys.detail(id), 'problems'] as const, queryFn: ({ signal }) => apiGet<FieldProblems>(`${path(id)}/problems`, { signal }) });

/** A published version never changes: loaded once. */
export const formVersionQuery = (id: string, version: number) =>
  queryOptions({
    queryKey: [...formKeys.detail(id), 'versions', version] as const,
    queryFn: ({ signal }) => apiGet<FormVersion>(`${path(id)}/versions/${version}`, { signal }),
    staleTime: Infinity,
  });

export const submissionsQuery = (id: string, filter: { version: string; page: number }) =>
  queryOptions({
    queryKey: [...formKeys.detail(id), 'submissions', filter] as const,
    queryFn: ({ signal }) => {
      const q = new URLSearchParams({ page: String(filter.page), pageSize: '25', ...(filter.version ? { version: filter.version } : {}) });
      return apiGet<SubmissionsPage>(`${path(id)}/submissions?${q}`, { signal });
    },
  });
