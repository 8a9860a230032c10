// The teams and work locations the logged-in person is responsible for: read by the responsibles' pages and by the
// election menu, which links "my team" and "my work location" only for those who have one.
import { useQuery } from '@tanstack/react-query';
import type { ElectionPublicTeamList } from '../../../../../schemas/types/election-public-team-list';
import type { ElectionPublicWorkLocationList } from '../../../../../schemas/types/election-public-work-location-list';
import { apiGet } from '../../../../../forms/ui/api';

export function useMyTeams(enabled: boolean) {
  return useQuery({ queryKey: ['election', 'public', 'teams'], queryFn: ({ signal }) => apiGet<ElectionPublicTeamList>('/api/election/public/teams', { signal }), enabled });
}

export function useMyWorkLocations(enabled: boolean) {
  return useQuery({ queryKey: ['election', 'public', 'work-locations'], queryFn: ({ signal }) => apiGet<ElectionPublicWorkLocationList>('/api/election/public/work-locations', { signal }), enabled });
}
