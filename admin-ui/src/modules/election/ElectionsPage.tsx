// The tenant's elections, the latest election day first (as the server lists them): which one the admin site
// works in, each one's type, day, state and how far it is staffed, and a button to work in another.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable, type Column } from '../../components/DataTable';
import { Loading, ProblemAlert } from '../../components/QueryState';
import { formatDate } from '../../dates';
import type { ElectionListItem } from './api';
import { useCurrentElection } from './current-election';
import { ELECTION_PATHS } from './paths';

export default function ElectionsPage() {
  const { t, i18n } = useTranslation('election');
  const { isPending, error, election, elections, choose } = useCurrentElection();
  const [status, setStatus] = useState('');
  const columns: Column<ElectionListItem>[] = [
    {
      key: 'title',
      header: t('elections.title'),
      cell: (e) => (
        <>
          {e.title}
          {e.id === election?.id ? <span className="election-badge">{t('elections.chosen')}</span> : null}
        </>
      ),
    },
    { key: 'type', header: t('elections.type'), cell: (e) => e.electionTypeName },
    { key: 'day', header: t('elections.day'), cell: (e) => formatDate(e.electionDay, i18n.language) },
    { key: 'state', header: t('elections.state'), cell: (e) => (e.active ? t('shell.active') : e.setupStep === 'done' ? t('shell.inactive') : t('elections.inSetup')) },
    { key: 'staffing', header: t('elections.staffing'), cell: (e) => t('elections.filled', { filled: e.filledSlots, slots: e.slots }) },
    {
      key: 'choose',
      header: t('elections.workIn'),
      cell: (e) =>
        e.id === election?.id ? (
          <span className="hint">{t('elections.chosenNow')}</span>
        ) : (
          <button
            type="button"
            className="button-secondary button-small"
            onClick={() => {
              choose(e.id);
              setStatus(t('shell.changed', { title: e.title }));
            }}
          >
            {t('elections.choose', { title: e.title })}
          </button>
        ),
    },
  ];
  return (
    <section>
      <h1>{t('elections.heading')}</h1>
      <p>{t('elections.intro')}</p>
      <p>
        <Link className="button-link" to={ELECTION_PATHS.newElection}>
          {t('elections.new')}
        </Link>
      </p>
      <p role="status" className="election-status">
        {status}
      </p>
      {isPending ? (
        <Loading />
      ) : error ? (
        <ProblemAlert error={error} />
      ) : (
        <DataTable
          caption={t('elections.heading')}
          captionHidden
          className="data-table election-table"
          columns={columns}
          rows={elections}
          rowKey={(e) => e.id}
          rowAttributes={(e) => ({ 'data-election': e.id })}
          emptyText={t('elections.none')}
          pageSize={50}
        />
      )}
    </section>
  );
}
