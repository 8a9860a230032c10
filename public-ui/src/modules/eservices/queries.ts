// The e-services module's own server data on the public site: one thing the person sent, read back. Under the
// person's key (meKeys.all), so logging out or sending something new invalidates it with the rest.
import { queryOptions } from '@tanstack/react-query';
import type { MySubmissionDetail } from '../../../../schemas/types/eservices-my-submission';
import { apiGet } from '../../../../forms/ui/api';
import { meKeys } from '../../api/queries';

export const mySubmissionQuery = (id: string) =>
  queryOptions({ queryKey: [...meKeys.submissions, id] as const, queryFn: ({ signal }) => apiGet<MySubmissionDetail>(`/api/me/submissions/${encodeURIComponent(id)}`, { signal }) });
