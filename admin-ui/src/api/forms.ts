// The forms API as query options: one place for each query's key and loader, so a change invalidates by key.
import { queryOptions } from '@tanstack/react-query';
import type { FormDefinitionDraft } from '../../../schemas/types/forms-form-definition-draft';
import { apiGet } from '../../../forms/ui/api';
import type { FieldError } from '../../../forms/validation';

export interface FormSummary {
  id: string;
  kind: string;
  name: string;
  latestVersion: number;
  updatedAt: string;
  flowId: string | null;
}

export interface LoadedForm {
  id: string;
  name: string;
  kind: string;
  draft: FormDefinitionDraft;
  versions: { version: number; publishedAt: string }[];
}

export interface SubmissionsPage {
  total: number;
  page: number;
  pageSize: number;
  submissions: { id: string; version: number; submittedAt: string; answers: Record<string, unknown> | null; erasedAt: string | null }[];
}

const path = (id: string) => `/api/forms/${encodeURIComponent(id)}`;

export const formKeys = {
  all: ['forms'] as const,
  list: ['forms', 'list'] as const,
  detail: (id: string) => ['forms', 'detail', id] as const,
};

export const formsQuery = () => queryOptions({ queryKey: formKeys.list, queryFn: ({ signal }) => apiGet<{ forms: FormSummary[] }>('/api/forms', { signal }) });

export const formQuery = (id: string) => queryOptions({ queryKey: formKeys.detail(id), queryFn: ({ signal }) => apiGet<LoadedForm>(path(id), { signal }) });

export const formProblemsQuery = (id: string) =>
  queryOptions({ queryKey: [...formKeys.detail(id), 'problems'] as const, queryFn: ({ signal }) => apiGet<{ problems: FieldError[] }>(`${path(id)}/problems`, { signal }) });

/** A published version never changes: loaded once. */
export const formVersionQuery = (id: string, version: number) =>
  queryOptions({
    queryKey: [...formKeys.detail(id), 'versions', version] as const,
    queryFn: ({ signal }) => apiGet<{ definition: FormDefinitionDraft }>(`${path(id)}/versions/${version}`, { signal }),
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
