// The election's section on the site's "My profile" page: for a person who is an election helper, how many tasks
// they hold and the way to their election pages (my tasks, my election profile); nothing for anyone else.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { apiGet } from '../../../../../forms/ui/api';
import { useSite } from '../../../../../forms/ui/site';
import type { ElectionPublicMeTasks } from '../../../../../schemas/types/election-public-me-tasks';
import { useSitePath } from '../../../site-paths';

export function ElectionProfileSection() {
  const { t } = useTranslation('election');
  const { actor } = useSite();
  const path = useSitePath();
  const tasks = useQuery({
    queryKey: ['election', 'public', 'me', 'tasks'],
    queryFn: ({ signal }) => apiGet<ElectionPublicMeTasks>('/api/election/public/me/tasks', { signal }),
    enabled: actor.kind === 'user',
    retry: false,
  });
  if (!tasks.isSuccess) return null;
  const n = tasks.data.items.length;
  return (
    <section aria-labelledby="election-profile-section">
      <h2 id="election-profile-section">{t('me.section.heading')}</h2>
      <p>{t('me.section.tasks', { count: n })}</p>
      <ul>
        <li>
          <Link to={path('/election/my-tasks')}>{t('me.nav.tasks')}</Link>
        </li>
        <li>
          <Link to={path('/election/my-profile')}>{t('me.section.profile')}</Link>
        </li>
      </ul>
    </section>
  );
}
