// The rejected tasks of the election the site works in: who said no to which task type, where and on which date,
// and when (the slot itself is vacant again; the person is not invited to that task type again).
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../dates';
import type { ElectionListItem } from '../api';
import { participantPagePath } from '../participants/paths';
import { rejectionsQuery } from './api';
import { OVERVIEW_PATH, tasksPath } from './paths';
import { formatDay, RefusalAlert, WithElection } from './shared';
import { Loading } from '../../../components/QueryState';
import './slots.css';

export default function RejectionsPage() {
  const { t } = useTranslation('election');
  return (
    <section className="slots-page">
      <p className="election-breadcrumb">
        <Link to={OVERVIEW_PATH}>{t('slots.backToOverview')}</Link>
      </p>
      <h1>{t('slots.rejections.heading')}</h1>
      <WithElection>{(election) => <Rejections election={election} />}</WithElection>
    </section>
  );
}

function Rejections({ election }: { election: ElectionListItem }) {
  const { t, i18n } = useTranslation('election');
  const query = useQuery(rejectionsQuery(election.id));
  return (
    <>
      <p className="election-subject">{election.title}</p>
      <p>{t('slots.rejections.intro')}</p>
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <RefusalAlert error={query.error} />
      ) : query.data.length === 0 ? (
        <p className="table-empty">{t('slots.rejections.none')}</p>
      ) : (
        <>
          <p data-testid="rejection-count">{t('slots.rejections.count', { count: query.data.length, n: query.data.length.toLocaleString(i18n.language) })}</p>
          <div className="table-wrap">
            <table className="data-table slot-rejections">
              <caption className="visually-hidden">{t('slots.rejections.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('slots.rejections.columns.participant')}</th>
                  <th scope="col">{t('slots.rejections.columns.taskType')}</th>
                  <th scope="col">{t('slots.rejections.columns.workLocation')}</th>
                  <th scope="col">{t('slots.rejections.columns.date')}</th>
                  <th scope="col">{t('slots.rejections.columns.rejectedAt')}</th>
                </tr>
              </thead>
              <tbody>
                {query.data.map((r) => (
                  <tr key={r.id} data-participant={r.participant.id}>
                    <td>
                      <Link to={participantPagePath(r.participant.id)}>{r.participant.name}</Link>
                    </td>
                    <td>{r.taskType.title}</td>
                    <td>
                      <Link to={tasksPath(r.workLocation.id)}>{r.workLocation.name}</Link>
                    </td>
                    <td>{formatDay(r.date, i18n.language)}</td>
                    <td>
                      {formatDateTime(r.rejectedAt, i18n.language)}
                      {r.onBehalf ? <span className="hint"> · {t('slots.state.onBehalf')}</span> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}
