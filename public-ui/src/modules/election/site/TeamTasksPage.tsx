// Team tasks: the open tasks of the teams the logged-in person is a member of, by date and polling station, with
// filters by date and polling station (kept in the address, so a filtered list can be bookmarked and shared).
// Trusted task types are never offered (the server leaves them out). Without a login: the way to log in.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router';
import { apiGet } from '../../../../../forms/ui/api';
import { loginUrl } from '../../../../../forms/ui/session';
import { useSite } from '../../../../../forms/ui/site';
import type { ElectionPublicTeamTasks } from '../../../../../schemas/types/election-public-team-tasks';
import { Loading, ProblemAlert } from '../../../components/QueryState';
import { useSitePath } from '../../../site-paths';
import { ElectionNav, formatDay, useElectionSite } from './SitePages';
import '../election.css';

type Task = ElectionPublicTeamTasks['tasks'][number];

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The tasks by date, then by polling station (the server's order kept). */
function grouped(tasks: Task[]): { date: string; places: { id: string; place: Task['workLocation']; tasks: Task[] }[] }[] {
  const days: ReturnType<typeof grouped> = [];
  for (const task of tasks) {
    let day = days.find((d) => d.date === task.date);
    if (!day) days.push((day = { date: task.date, places: [] }));
    let place = day.places.find((p) => p.id === task.workLocation.id);
    if (!place) day.places.push((place = { id: task.workLocation.id, place: task.workLocation, tasks: [] }));
    place.tasks.push(task);
  }
  return days;
}

export function TeamTasksPage() {
  const { t, i18n } = useTranslation('election');
  const { actor } = useSite();
  const site = useElectionSite();
  const path = useSitePath();
  const { pathname, search } = useLocation();
  const [params, setParams] = useSearchParams();
  const date = DATE.test(params.get('date') ?? '') ? params.get('date')! : '';
  const workLocationId = UUID.test(params.get('workLocationId') ?? '') ? params.get('workLocationId')! : '';
  const query = new URLSearchParams({ ...(date ? { date } : {}), ...(workLocationId ? { workLocationId } : {}) }).toString();
  const tasks = useQuery({
    queryKey: ['election', 'public', 'team-tasks', query],
    queryFn: ({ signal }) => apiGet<ElectionPublicTeamTasks>(`/api/election/public/team-tasks${query ? `?${query}` : ''}`, { signal }),
    enabled: actor.kind === 'user',
    // A changed filter keeps the list in view until the filtered one is in (no flash of "loading").
    placeholderData: keepPreviousData,
  });
  const lang = i18n.language;
  const setFilter = (name: string, value: string) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );
  let body;
  if (actor.kind !== 'user')
    body = (
      <p>
        {t('teamTasks.loginFirst')}{' '}
        <a className="button button-primary" href={loginUrl(pathname + search)}>
          {t('teamTasks.login')}
        </a>
      </p>
    );
  else if (tasks.isPending) body = <Loading />;
  else if (tasks.isError) body = <ProblemAlert error={tasks.error} />;
  else if (tasks.data.teams.length === 0) body = <p data-testid="no-teams">{t('teamTasks.noTeams')}</p>;
  else {
    const d = tasks.data;
    const total = d.tasks.reduce((n, x) => n + x.vacant, 0);
    body = (
      <>
        <p className="font-lead">{t('teamTasks.teams', { teams: d.teams.map((x) => x.name).join(', '), count: d.teams.length })}</p>
        {/* A team's working team link: its page offers the same tasks with the way to sign up for one. */}
        {d.teams.some((team) => team.linkPath) ? (
          <ul className="nobullet-list election-team-links">
            {d.teams
              .filter((team) => team.linkPath)
              .map((team) => (
                <li key={team.id}>
                  <Link className="button button-primary" to={path(team.linkPath!)}>
                    {t('teamTasks.choose', { team: team.name })}
                  </Link>
                </li>
              ))}
          </ul>
        ) : null}
        <form className="election-filters" onSubmit={(e) => e.preventDefault()}>
          <div className="form-group">
            <label className="form-label" htmlFor="team-tasks-date">
              {t('teamTasks.date')}
            </label>
            <select id="team-tasks-date" className="form-select" value={date} onChange={(e) => setFilter('date', e.target.value)}>
              <option value="">{t('teamTasks.allDates')}</option>
              {d.dates.map((x) => (
                <option key={x} value={x}>
                  {formatDay(x, lang)}
                </option>
              ))}
            </select>
          </div>
          <div className="form-group">
            <label className="form-label" htmlFor="team-tasks-place">
              {t('teamTasks.workLocation')}
            </label>
            <select id="team-tasks-place" className="form-select" value={workLocationId} onChange={(e) => setFilter('workLocationId', e.target.value)}>
              <option value="">{t('teamTasks.allWorkLocations')}</option>
              {d.workLocations.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.name}
                </option>
              ))}
            </select>
          </div>
        </form>
        <p data-testid="team-tasks-total" role="status">
          {total === 0 ? t('teamTasks.none') : t('link.total', { count: total, n: total.toLocaleString(lang) })}
        </p>
        {grouped(d.tasks).map((day) => (
          <section key={day.date} className="task-link-day" aria-labelledby={`day-${day.date}`}>
            <h2 id={`day-${day.date}`}>{formatDay(day.date, lang)}</h2>
            {day.places.map(({ id, place, tasks: list }) => (
              <section key={id} className="task-link-place">
                <h3>{place.name}</h3>
                <p className="task-link-address">{[place.address, place.areaName].filter(Boolean).join(' · ')}</p>
                <ul className="nobullet-list task-link-tasks">
                  {list.map((task) => (
                    <li key={`${task.taskType.id}|${task.team.id}`} className="task-link-task" data-task-type={task.taskType.title}>
                      <h4>{task.taskType.title}</h4>
                      <p className="task-link-facts">
                        <span>{t('link.hours', { start: task.taskType.start, end: task.taskType.end })}</span>
                        {task.taskType.payment > 0 ? <span>{t('link.payment', { amount: task.taskType.payment.toLocaleString(lang, { minimumFractionDigits: 0, maximumFractionDigits: 2 }) })}</span> : null}
                        <span>{t('link.team', { team: task.team.name })}</span>
                        <strong>{t('link.vacant', { count: task.vacant, n: task.vacant.toLocaleString(lang) })}</strong>
                      </p>
                      {task.taskType.description ? <p className="task-link-description">{task.taskType.description}</p> : null}
                    </li>
                  ))}
                </ul>
              </section>
            ))}
          </section>
        ))}
        {d.teams.some((team) => !team.linkPath) ? <p>{t('teamTasks.howTo')}</p> : null}
      </>
    );
  }
  return (
    <article className="election-site task-link">
      <ElectionNav site={site.data} />
      <h1>{t('nav.teamTasks')}</h1>
      {body}
    </article>
  );
}
