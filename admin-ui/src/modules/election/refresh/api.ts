// The registry refresh's admin API (engine/modules/election/routes/registry-refreshes.ts): the latest runs (polled
// while one runs) and "run now".
import { queryOptions } from '@tanstack/react-query';
import { apiGet, apiSend } from '../../../../../forms/ui/api';
import type { ElectionRegistryRefresh } from '../../../../../schemas/types/election-registry-refresh';
import type { ElectionRegistryRefreshList } from '../../../../../schemas/types/election-registry-refresh-list';

export type RegistryRefresh = ElectionRegistryRefresh;

const API = '/api/election/registry-refreshes';

export const refreshKeys = { all: ['election', 'registry-refreshes'] as const };

export const refreshesQuery = () => queryOptions({ queryKey: refreshKeys.all, queryFn: ({ signal }) => apiGet<ElectionRegistryRefreshList>(API, { signal }) });

/** Every active election's participants (no electionId). */
export const runRefreshNow = () => apiSend<ElectionRegistryRefresh>('POST', API, {});
