// "Deletion after the election": for the election the site works in, when it becomes inactive and when the
// personal data of its participants is deleted, the review list (open two weeks before: who will be deleted, who
// is kept and why — consented until a date, still in a later election), the one postponement with its reason,
// and the tenant's settings (months after election day, how long a consent keeps a person).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading, ProblemAlert } from '../../../components/QueryState';
import type { ElectionListItem } from '../api';
import { formatDay, RefusalAlert, WithElection } from '../slots/shared';
import { postpone, retentionKeys, reviewQuery, saveSettings, settingsQuery, type RetentionReview, type RetentionSettings } from './api';

export default function RetentionPage() {
  const { t } = useTranslation('election');
  return (
    <section className="retention-page">
      <h1>{t('retention.heading')}</h1>
      <p>{t('retention.intro')}</p>
      <WithElection>{(election) => <ElectionRetention election={election} />}</WithElection>
      <SettingsForm />
    </section>
  );
}

function ElectionRetention({ election }: { election: ElectionListItem }) {
  const { t, i18n } = useTranslation('election');
  const query = useQuery(reviewQuery(election.id));
  if (query.isPending) return <Loading />;
  if (query.isError) return <ProblemAlert error={query.error} />;
  const r = query.data;
  const day = (d: string) => formatDay(d, i18n.language);
  return (
    <>
      <section aria-labelledby="retention-dates-heading">
        <h2 id="retention-dates-heading">{t('retention.datesHeading', { title: r.title })}</h2>
        <dl className="retention-dates">
          <dt>{t('retention.status')}</dt>
          <dd>{t(`retention.statuses.${r.status}`)}</dd>
          {r.deactivateOn ? (
            <>
              <dt>{t('retention.deactivateOn')}</dt>
              <dd>{r.active ? day(r.deactivateOn) : t('retention.inactive')}</dd>
            </>
          ) : null}
          <dt>{t('retention.reviewDate')}</dt>
          <dd>{day(r.reviewDate)}</dd>
          <dt>{t('retention.deletionDate')}</dt>
          <dd>{day(r.deletionDate)}</dd>
          {r.postponement ? (
            <>
              <dt>{t('retention.postponedReason')}</dt>
              <dd>{r.postponement.reason}</dd>
            </>
          ) : null}
        </dl>
        {r.status === 'review' ? <p className="notice notice-warning">{t('retention.reviewOpen', { date: day(r.deletionDate) })}</p> : null}
      </section>
      <ReviewList review={r} />
      {r.postponement === null && (r.status === 'waiting' || r.status === 'review') ? <PostponeForm review={r} /> : null}
    </>
  );
}

function ReviewList({ review }: { review: RetentionReview }) {
  const { t, i18n } = useTranslation('election');
  const c = review.counts;
  return (
    <section aria-labelledby="retention-list-heading">
      <h2 id="retention-list-heading">{t('retention.listHeading')}</h2>
      <p>{t('retention.counts', { delete: c.delete, keepConsent: c.keepConsent, keepLaterElection: c.keepLaterElection, deleted: c.deleted })}</p>
      {review.participants.length === 0 ? (
        <p className="table-empty">{t('retention.empty')}</p>
      ) : (
        <table>
          <caption className="visually-hidden">{t('retention.listHeading')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('retention.name')}</th>
              <th scope="col">{t('retention.decision')}</th>
              <th scope="col">{t('retention.why')}</th>
            </tr>
          </thead>
          <tbody>
            {review.participants.map((p) => (
              <tr key={p.participantId}>
                <td>{p.name}</td>
                <td>{t(`retention.decisions.${p.decision}`)}</td>
                <td>
                  {p.decision === 'keepConsent' && p.consentUntil
                    ? t('retention.consentUntil', { date: formatDay(p.consentUntil, i18n.language) })
                    : p.decision === 'keepLaterElection'
                      ? t('retention.laterElection', { title: p.laterElection ?? '' })
                      : t('retention.noConsent')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function PostponeForm({ review }: { review: RetentionReview }) {
  const { t } = useTranslation('election');
  const client = useQueryClient();
  const [until, setUntil] = useState('');
  const [reason, setReason] = useState('');
  const send = useMutation({
    mutationFn: () => postpone(review.electionId, { until, reason }),
    onSuccess: () => client.invalidateQueries({ queryKey: retentionKeys.review(review.electionId) }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    send.mutate();
  };
  return (
    <section aria-labelledby="retention-postpone-heading">
      <h2 id="retention-postpone-heading">{t('retention.postponeHeading')}</h2>
      <p>{t('retention.postponeIntro')}</p>
      <form onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="retention-until">{t('retention.until')}</label>
          <input id="retention-until" type="date" value={until} min={review.deletionDate} max={review.latestPostponement} onChange={(e) => setUntil(e.target.value)} required />
        </div>
        <div className="field">
          <label htmlFor="retention-reason">{t('retention.reason')}</label>
          <textarea id="retention-reason" value={reason} maxLength={500} aria-describedby="retention-reason-hint" onChange={(e) => setReason(e.target.value)} required />
          <p id="retention-reason-hint" className="hint">{t('retention.reasonHint')}</p>
        </div>
        {send.isError ? <RefusalAlert error={send.error} /> : null}
        <button type="submit" disabled={send.isPending}>
          {t('retention.postpone')}
        </button>
      </form>
    </section>
  );
}

function SettingsForm() {
  const { t } = useTranslation('election');
  const client = useQueryClient();
  const query = useQuery(settingsQuery());
  const [draft, setDraft] = useState<RetentionSettings | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (query.data) setDraft(query.data);
  }, [query.data]);
  const save = useMutation({
    mutationFn: (body: RetentionSettings) => saveSettings(body),
    onSuccess: (data) => {
      client.setQueryData(retentionKeys.settings, data);
      void client.invalidateQueries({ queryKey: ['election', 'retention'] });
      setSaved(true);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    if (draft) save.mutate(draft);
  };
  return (
    <section aria-labelledby="retention-settings-heading">
      <h2 id="retention-settings-heading">{t('retention.settingsHeading')}</h2>
      {query.isPending || !draft ? (
        query.isError ? <ProblemAlert error={query.error} /> : <Loading />
      ) : (
        <form onSubmit={submit} noValidate>
          <div className="field">
            <label htmlFor="retention-months">{t('retention.monthsAfterElection')}</label>
            <input id="retention-months" type="number" min={1} max={12} value={draft.monthsAfterElection} onChange={(e) => setDraft({ ...draft, monthsAfterElection: Number(e.target.value) })} />
          </div>
          <div className="field">
            <label htmlFor="retention-consent">{t('retention.consentMonths')}</label>
            <input id="retention-consent" type="number" min={1} max={60} value={draft.consentMonths} onChange={(e) => setDraft({ ...draft, consentMonths: Number(e.target.value) })} />
          </div>
          {save.isError ? <RefusalAlert error={save.error} /> : null}
          {saved ? (
            <p role="status" className="notice notice-success">
              {t('retention.saved')}
            </p>
          ) : null}
          <button type="submit" disabled={save.isPending}>
            {t('retention.save')}
          </button>
        </form>
      )}
    </section>
  );
}
