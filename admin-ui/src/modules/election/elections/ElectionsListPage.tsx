// The tenant's elections, the latest election day first (as the server lists them): each one's type, election
// day, task dates, whether it is active, its setup in words, its polling stations and how many of its task slots
// are filled. Each title links to the election's page; the election the admin site works in is marked, and
// "Select" makes another one that (the shell's selected-election mechanism, current-election.tsx).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable, type Column } from '../../../components/DataTable';
import { Loading, ProblemAlert } from '../../../components/QueryState';
import type { ElectionListItem } from '../api';
import { useCurrentElection } from '../current-election';
import { electionPagePath, NEW_ELECTION_PATH } from './paths';
import { formatDay, useFlash, useSetupState, useTaskDates } from './shared';
import './elections.css';

export default function ElectionsListPage() {
  const { t, i18n } = useTranslation('election');
  const { isPending, error, election: selected, elections, choose } = useCurrentElection();
  const flash = useFlash();
  const [status, setStatus] = useState(flash);
  const setupState = useSetupState();
  const taskDates = useTaskDates();
  const columns: Column<ElectionListItem>[] = [
    {
      key: 'title',
      header: t('elections.list.title'),
      sortValue: (e) => e.title,
      cell: (e) => (
        <>
          <Link to={electionPagePath(e.id)}>{e.title}</Link>
          {e.id === selected?.id ? <span className="election-badge election-selected-badge">{t('elections.list.selected')}</span> : null}
        </>
      ),
    },
    { key: 'type', header: t('elections.list.type'), sortValue: (e) => e.electionTypeName, cell: (e) => e.electionTypeName },
    { key: 'day', header: t('elections.list.electionDay'), sortValue: (e) => e.electionDay, cell: (e) => formatDay(e.electionDay, i18n.language) },
    { key: 'dates', header: t('elections.list.taskDates'), cell: (e) => taskDates(e.firstTaskDate, e.lastTaskDate) },
    {
      key: 'active',
      header: t('elections.list.active'),
      cell: (e) => <span className={e.active ? 'election-state election-state-active' : 'election-state'}>{e.active ? t('elections.activeState.active') : t('elections.activeState.inactive')}</span>,
    },
    { key: 'setup', header: t('elections.list.setup'), cell: (e) => setupState(e.setupStep) },
    { key: 'workLocations', header: t('elections.list.workLocations'), sortValue: (e) => e.workLocations, cell: (e) => e.workLocations },
    { key: 'staffing', header: t('elections.list.staffing'), cell: (e) => t('elections.list.filled', { filled: e.filledSlots, slots: e.slots }) },
    {
      key: 'select',
      header: t('elections.list.workIn'),
      cell: (e) =>
        e.id === selected?.id ? (
          <span className="hint">{t('elections.list.selectedNow')}</span>
        ) : (
          <button
            type="button"
            className="button-secondary button-small"
            onClick={() => {
              choose(e.id);
              setStatus(t('elections.list.selectedStatus', { title: e.title }));
            }}
          >
            {t('elections.list.select')}
            <span className="visually-hidden"> {e.title}</span>
          </button>
        ),
    },
  ];
  return (
    <section className="election-elections">
      <h1>{t('elections.list.heading')}</h1>
      <p>{t('elections.list.intro')}</p>
      <p>
        <Link className="button-link" to={NEW_ELECTION_PATH}>
          {t('elections.list.new')}
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
          caption={t('elections.list.heading')}
          captionHidden
          className="data-table election-table election-list"
          columns={columns}
          rows={elections}
          rowKey={(e) => e.id}
          rowAttributes={(e) => ({ 'data-election': e.id, 'data-selected': String(e.id === selected?.id) })}
          emptyText={t('elections.list.none')}
          pageSize={50}
        />
      )}
    </section>
  );
}
