// The team's task distribution (/election/my-team/distribution; /valg/mit-hold/fordeling, /val/mitt-lag/fordelning),
// for a team's responsible: the team's tasks per date and work location, how many are accepted, invited and vacant,
// the team's invite link when one works, and the links of its single vacant tasks.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { apiGet } from '../../../../../forms/ui/api';
import { useSite } from '../../../../../forms/ui/site';
import type { ElectionPublicTeamDistribution } from '../../../../../schemas/types/election-public-team-distribution';
import { Loading, ProblemAlert } from '../../../components/QueryState';
import { formatDay } from '../site/SitePages';
import { Chooser, FillStatus, LoginFirst, Page, useChosen } from './common';
import { useMyTeams } from './queries';

function Distribution({ teamId }: { teamId: string }) {
  const { t, i18n } = useTranslation('election');
  const d = useQuery({
    queryKey: ['election', 'public', 'team', teamId, 'distribution'],
    queryFn: ({ signal }) => apiGet<ElectionPublicTeamDistribution>(`/api/election/public/teams/${teamId}/distribution`, { signal }),
  });
  if (d.isPending) return <Loading />;
  if (d.isError) return <ProblemAlert error={d.error} />;
  const days = [...new Set(d.data.rows.map((r) => r.date))];
  return (
    <>
      {days.length === 0 ? <p data-testid="no-tasks">{t('responsibles.distribution.none')}</p> : null}
      {days.map((day) => (
        <section key={day} aria-labelledby={`day-${day}`}>
          <h2 id={`day-${day}`}>{formatDay(day, i18n.language)}</h2>
          <ul className="nobullet-list resp-cards">
            {d.data.rows
              .filter((r) => r.date === day)
              .map((r) => (
                <li key={`${r.electionId}|${r.workLocation.id}`} className="resp-card" data-testid="distribution-row">
                  <h3>{r.workLocation.name}</h3>
                  <FillStatus fill={r.fill} />
                </li>
              ))}
          </ul>
        </section>
      ))}
      <section aria-labelledby="links">
        <h2 id="links">{t('responsibles.distribution.links')}</h2>
        {d.data.teamLink ? (
          <p>
            {t('responsibles.distribution.teamLink')}{' '}
            <a href={d.data.teamLink.url} data-testid="team-link">
              {d.data.teamLink.url}
            </a>
          </p>
        ) : (
          <p>{t('responsibles.distribution.noTeamLink')}</p>
        )}
        {d.data.taskLinks.length ? (
          <ul className="resp-tasks">
            {d.data.taskLinks.map((l) => (
              <li key={l.id}>
                <a href={l.url} data-testid="task-link">
                  {l.url}
                </a>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('responsibles.distribution.noTaskLinks')}</p>
        )}
      </section>
    </>
  );
}

export function TeamDistributionPage() {
  const { t } = useTranslation('election');
  const { actor } = useSite();
  const teams = useMyTeams(actor.kind === 'user');
  const items = teams.data?.items ?? [];
  const [teamId, choose] = useChosen('team', items.map((i) => i.id));
  let body;
  if (actor.kind !== 'user') body = <LoginFirst />;
  else if (teams.isPending) body = <Loading />;
  else if (teams.isError) body = <ProblemAlert error={teams.error} />;
  else if (!teamId) body = <p data-testid="no-teams">{t('responsibles.team.none')}</p>;
  else
    body = (
      <>
        <Chooser id="team-choice" label={t('responsibles.team.choose')} items={items} value={teamId} onChange={choose} />
        <p className="font-lead">{t('responsibles.team.lead', { team: items.find((i) => i.id === teamId)!.name })}</p>
        <Distribution key={teamId} teamId={teamId} />
      </>
    );
  return (
    <Page title={t('nav.teamDistribution')} team={teamId}>
      {body}
    </Page>
  );
}
