// The public site's server data as query options: each query's key and loader in one place, so a change
// (a withdrawn consent) invalidates by key.
import { queryOptions } from '@tanstack/react-query';
import type { FormVersion } from '../../../schemas/types/api-form-version';
import type { Me } from '../../../schemas/types/api-me';
import type { ConsentView, MyConsents } from '../../../schemas/types/api-my-consents';
import type { MySubmission as MySubmissionAnswer, MySubmissions } from '../../../schemas/types/eservices-my-submissions';
import { apiGet } from '../../../forms/ui/api';

// The answers' types are generated from the response schemas the server is checked against (schemas/api/).
export type PublishedForm = FormVersion;
export type Consent = ConsentView;
export type MySubmission = MySubmissionAnswer;

/** Everything about the logged-in person; a submission invalidates it all (their submissions, perhaps a consent). */
export const meKeys = { all: ['me'] as const, profile: ['me', 'profile'] as const, consents: ['me', 'consents'] as const, submissions: ['me', 'submissions'] as const };

/** A form's page is /forms/<id> or, as the services list links it, /forms/<slug> (its readable address). */
const isFormId = (idOrSlug: string) => idOrSlug === 'showcase' || /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(idOrSlug);

export const publishedFormQuery = (idOrSlug: string) =>
  queryOptions({
    queryKey: ['forms', idOrSlug, 'latest'] as const,
    queryFn: ({ signal }) => apiGet<PublishedForm>(isFormId(idOrSlug) ? `/api/forms/${encodeURIComponent(idOrSlug)}/versions/latest` : `/api/forms/by-slug/${encodeURIComponent(idOrSlug)}`, { signal }),
  });

export const meQuery = () => queryOptions({ queryKey: meKeys.profile, queryFn: ({ signal }) => apiGet<Me>('/api/me', { signal }) });

export const myConsentsQuery = () => queryOptions({ queryKey: meKeys.consents, queryFn: ({ signal }) => apiGet<MyConsents>('/api/me/consents', { signal }) });

export const mySubmissionsQuery = () => queryOptions({ queryKey: meKeys.submissions, queryFn: ({ signal }) => apiGet<MySubmissions>('/api/me/submissions', { signal }) });
