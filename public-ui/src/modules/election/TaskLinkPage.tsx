// /election/links/:token — what a task link offers: the election, the team of a team link, and the vacant tasks
// grouped by date and polling station, each with its hours, payment (when there is one), team and how many are
// vacant. A link that is unknown, revoked or expired says just that (the server answers them alike).
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { apiGet } from '../../../../forms/ui/api';
import { isProblem } from '../../../../forms/ui/problem';
import type { ElectionLinkOffer } from '../../../../schemas/types/election-link-offer';
import { Loading, ProblemAlert } from '../../components/QueryState';
import { useSitePath } from '../../site-paths';
import { choiceQuery } from './signup/choice';
import './election.css';

type Task = ElectionLinkOffer['tasks'][number];

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

const formatDay = (day: string, lang: string) => new Date(`${day}T12:00:00Z`).toLocaleDateString(lang, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** The tasks by date, then by polling station (the server's order kept). */
function grouped(tasks: Task[]): { date: string; places: { key: string; place: Task['workLocation']; tasks: Task[] }[] }[] {
  const days: ReturnType<typeof grouped> = [];
  for (const task of tasks) {
    let day = days.find((d) => d.date === task.date);
    if (!day) days.push((day = { date: task.date, places: [] }));
    const key = `${task.workLocation.areaName}|${task.workLocation.name}|${task.workLocation.address}`;
    let place = day.places.find((p) => p.key === key);
    if (!place) day.places.push((place = { key, place: task.workLocation, tasks: [] }));
    place.tasks.push(task);
  }
  return days;
}

export function TaskLinkPage() {
  const { t, i18n } = useTranslation('election');
  const { token = '' } = useParams();
  const path = useSitePath();
  const valid = TOKEN.test(token);
  const offer = useQuery({
    queryKey: ['election', 'link', token],
    queryFn: ({ signal }) => apiGet<ElectionLinkOffer>(`/api/election/links/${encodeURIComponent(token)}`, { signal }),
    enabled: valid,
    retry: false,
  });
  if (!valid || isProblem(offer.error, 'not_found'))
    return (
      <article className="task-link">
        <h1>{t('link.unknownHeading')}</h1>
        <p className="font-lead">{t('link.unknown')}</p>
      </article>
    );
  if (offer.isPending) return <Loading />;
  if (offer.isError)
    return (
      <article className="task-link">
        <h1>{t('nav.taskLink')}</h1>
        <ProblemAlert error={offer.error} />
      </article>
    );
  const o = offer.data;
  const total = o.tasks.reduce((n, x) => n + x.vacant, 0);
  const lang = i18n.language;
  const n = (v: number) => v.toLocaleString(lang);
  return (
    <article className="task-link">
      <h1>{o.kind === 'team' && o.team ? t('link.teamHeading', { team: o.team.name }) : t('link.heading')}</h1>
      <p className="font-lead">{t('link.election', { title: o.election.title, day: formatDay(o.election.electionDay, lang) })}</p>
      {o.team?.description ? <p>{o.team.description}</p> : null}
      <p data-testid="task-link-total">{total === 0 ? t('link.none') : t('link.total', { count: total, n: n(total) })}</p>
      {grouped(o.tasks).map((day) => (
        <section key={day.date} className="task-link-day" aria-labelledby={`day-${day.date}`}>
          <h2 id={`day-${day.date}`}>{formatDay(day.date, lang)}</h2>
          {day.places.map(({ key, place, tasks }) => (
            <section key={key} className="task-link-place">
              <h3>{place.name}</h3>
              <p className="task-link-address">{[place.address, place.areaName].filter(Boolean).join(' · ')}</p>
              <ul className="nobullet-list task-link-tasks">
                {tasks.map((task) => (
                  <li key={`${task.taskType.title}|${task.team.name}`} className="task-link-task" data-task-type={task.taskType.title}>
                    <h4>{task.taskType.title}</h4>
                    <p className="task-link-facts">
                      <span>{t('link.hours', { start: task.taskType.start, end: task.taskType.end })}</span>
                      {task.taskType.payment > 0 ? <span>{t('link.payment', { amount: task.taskType.payment.toLocaleString(lang, { minimumFractionDigits: 0, maximumFractionDigits: 2 }) })}</span> : null}
                      <span>{t('link.team', { team: task.team.name })}</span>
                      <strong>{t('link.vacant', { count: task.vacant, n: n(task.vacant) })}</strong>
                    </p>
                    {task.taskType.description ? <p className="task-link-description">{task.taskType.description}</p> : null}
                    {task.group || task.slotId ? (
                      <p>
                        <Link className="button button-primary" to={`${path(`/election/signup/${token}`)}${choiceQuery(task.slotId ? { slotId: task.slotId } : { ...task.group!, date: task.date })}`}>
                          {t('signup.choose')}
                          <span className="sr-only">
                            {' '}
                            {task.taskType.title}, {place.name}, {formatDay(task.date, lang)}
                          </span>
                        </Link>
                      </p>
                    ) : null}
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </section>
      ))}
      <p className="task-link-how-to">
        {t('link.howTo')} <Link to="/contact">{t('link.contact')}</Link>
      </p>
    </article>
  );
}
