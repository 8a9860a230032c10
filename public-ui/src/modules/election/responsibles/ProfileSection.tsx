// The responsibles' section on the site's "My profile" page: for a person responsible for a team or a polling
// station, the way to its page (my team, my polling station); nothing for anyone else.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { apiGet } from '../../../../../forms/ui/api';
import { useSite } from '../../../../../forms/ui/site';
import type { ElectionPublicWorkLocationList } from '../../../../../schemas/types/election-public-work-location-list';
import { useSitePath } from '../../../site-paths';
import { useMyTeams } from './queries';

export function ResponsiblesProfileSection() {
  const { t } = useTranslation('election');
  const { actor } = useSite();
  const path = useSitePath();
  const teams = useMyTeams(actor.kind === 'user');
  const locations = useQuery({
    queryKey: ['election', 'public', 'work-locations'],
    queryFn: ({ signal }) => apiGet<ElectionPublicWorkLocationList>('/api/election/public/work-locations', { signal }),
    enabled: actor.kind === 'user',
    retry: false,
  });
  const mine = [
    ...(teams.data?.items ?? []).map((team) => ({ key: team.id, to: `${path('/election/my-team')}?team=${team.id}`, label: t('responsibles.section.team', { name: team.name }) })),
    ...(locations.data?.items ?? []).map((place) => ({ key: place.id, to: `${path('/election/my-work-location')}?workLocation=${place.id}`, label: t('responsibles.section.workLocation', { name: place.name }) })),
  ];
  if (!mine.length) return null;
  return (
    <section aria-labelledby="election-responsibles-section">
      <h2 id="election-responsibles-section">{t('responsibles.section.heading')}</h2>
      <ul data-testid="my-responsibilities">
        {mine.map((m) => (
          <li key={m.key}>
            <Link to={m.to}>{m.label}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
