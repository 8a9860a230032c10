// The public site's server data as query options: each query's key and loader in one place, so a change
// (a withdrawn consent) invalidates by key.
import { queryOptions } from '@tanstack/react-query';
import type { FormDefinitionDraft } from '../../../schemas/types/forms-form-definition-draft';
import { apiGet } from '../../../forms/ui/api';

export interface PublishedForm {
  id: string;
  version: number;
  definition: FormDefinitionDraft;
}

export interface Consent {
  id: string;
  version: number;
  title: Record<string, string>;
  consents: Record<string, boolean>;
  givenAt: string;
  withdrawnAt: string | null;
}

export interface MySubmission {
  id: string;
  reference: string;
  formTitle: Record<string, string>;
  submittedAt: string;
  status: string | null;
  statusLabel: Record<string, string> | null;
  endedAt: string | null;
}

/** Everything about the logged-in person; a submission invalidates it all (their submissions, perhaps a consent). */
export const meKeys = { all: ['me'] as const, profile: ['me', 'profile'] as const, consents: ['me', 'consents'] as const, submissions: ['me', 'submissions'] as const };

export const publishedFormQuery = (id: string) =>
  queryOptions({ queryKey: ['forms', id, 'latest'] as const, queryFn: ({ signal }) => apiGet<PublishedForm>(`/api/forms/${encodeURIComponent(id)}/versions/latest`, { signal }) });

export const meQuery = () => queryOptions({ queryKey: meKeys.profile, queryFn: ({ signal }) => apiGet<{ personalNumberMasked: string | null }>('/api/me', { signal }) });

export const myConsentsQuery = () => queryOptions({ queryKey: meKeys.consents, queryFn: ({ signal }) => apiGet<{ consents: Consent[] }>('/api/me/consents', { signal }) });

export const mySubmissionsQuery = () => queryOptions({ queryKey: meKeys.submissions, queryFn: ({ signal }) => apiGet<{ submissions: MySubmission[] }>('/api/me/submissions', { signal }) });
