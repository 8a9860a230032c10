// My work location (/election/my-work-location; /valg/mit-valgsted, /val/min-vallokal), for a polling station's
// responsible: per date, the fill status and the people holding a task there — task, hours, age on the date,
// phone, e-mail, address ("protected address" in its place when it is). A date can be chosen (kept in the address).
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { apiGet } from '../../../../../forms/ui/api';
import { useSite } from '../../../../../forms/ui/site';
import type { ElectionPublicWorkLocationParticipants } from '../../../../../schemas/types/election-public-work-location-participants';
import { Loading, ProblemAlert } from '../../../components/QueryState';
import { formatDay } from '../site/SitePages';
import { Chooser, FillStatus, LoginFirst, Page, useChosen } from './common';
import { useMyWorkLocations } from './queries';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function Staff({ workLocationId }: { workLocationId: string }) {
  const { t, i18n } = useTranslation('election');
  const [params, setParams] = useSearchParams();
  const date = DATE.test(params.get('date') ?? '') ? params.get('date')! : '';
  const all = useQuery({
    queryKey: ['election', 'public', 'work-location', workLocationId],
    queryFn: ({ signal }) => apiGet<ElectionPublicWorkLocationParticipants>(`/api/election/public/work-locations/${workLocationId}/participants`, { signal }),
  });
  if (all.isPending) return <Loading />;
  if (all.isError) return <ProblemAlert error={all.error} />;
  const dates = all.data.dates.filter((d) => !date || d.date === date);
  return (
    <>
      {all.data.dates.length > 1 ? (
        <div className="form-group">
          <label className="form-label" htmlFor="staff-date">
            {t('responsibles.location.date')}
          </label>
          <select
            id="staff-date"
            className="form-select"
            value={date}
            onChange={(e) =>
              setParams(
                (p) => {
                  const next = new URLSearchParams(p);
                  if (e.target.value) next.set('date', e.target.value);
                  else next.delete('date');
                  return next;
                },
                { replace: true },
              )
            }
          >
            <option value="">{t('responsibles.location.allDates')}</option>
            {all.data.dates.map((d) => (
              <option key={d.date} value={d.date}>
                {formatDay(d.date, i18n.language)}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {dates.length === 0 ? <p data-testid="no-tasks">{t('responsibles.location.none')}</p> : null}
      {dates.map((d) => (
        <section key={d.date} aria-labelledby={`day-${d.date}`}>
          <h2 id={`day-${d.date}`}>{formatDay(d.date, i18n.language)}</h2>
          <FillStatus fill={d.fill} />
          <ul className="nobullet-list resp-cards">
            {d.participants.map((p) => (
              <li key={p.slotId} className="resp-card" data-testid="staff" aria-labelledby={`staff-${p.slotId}`}>
                <h3 id={`staff-${p.slotId}`}>{p.name}</h3>
                <p className="resp-facts">
                  <span>{p.taskType.name}</span>
                  <span>{t('responsibles.hours', { start: p.startTime, end: p.endTime })}</span>
                  <span>{t('responsibles.age', { count: p.age })}</span>
                  <strong>{p.state === 'accepted' ? t('responsibles.accepted') : t('responsibles.invited')}</strong>
                </p>
                <p className="resp-facts">
                  {p.phone ? <span>{t('responsibles.phone', { phone: p.phone })}</span> : null}
                  {p.email ? <span>{t('responsibles.email', { email: p.email })}</span> : null}
                  <span data-testid="address">{p.address ? [p.address.street, [p.address.postalCode, p.address.city].filter(Boolean).join(' ')].filter(Boolean).join(', ') : p.protectedAddress ? t('responsibles.location.protected') : ''}</span>
                </p>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

export function MyWorkLocationPage() {
  const { t } = useTranslation('election');
  const { actor } = useSite();
  const locations = useMyWorkLocations(actor.kind === 'user');
  const items = locations.data?.items ?? [];
  const [id, choose] = useChosen('workLocation', items.map((i) => i.id));
  let body;
  if (actor.kind !== 'user') body = <LoginFirst />;
  else if (locations.isPending) body = <Loading />;
  else if (locations.isError) body = <ProblemAlert error={locations.error} />;
  else if (!id) body = <p data-testid="no-work-locations">{t('responsibles.location.noneMine')}</p>;
  else {
    const place = items.find((i) => i.id === id)!;
    body = (
      <>
        <Chooser id="location-choice" label={t('responsibles.location.choose')} items={items} value={id} onChange={choose} />
        <p className="font-lead">{[place.name, place.address, [place.postalCode, place.city].filter(Boolean).join(' ')].filter(Boolean).join(', ')}</p>
        <Staff key={id} workLocationId={id} />
      </>
    );
  }
  return <Page title={t('nav.myWorkLocation')}>{body}</Page>;
}
