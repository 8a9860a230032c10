// Every petition of the municipality, any status: a status filter and a search (the API's: words in the title
// or summary, or a part of the title), the count, votes and closing date.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { DataTable, type Column } from '../../components/DataTable';
import { Loading } from '../../components/QueryState';
import { formatDate } from '../../dates';
import { PETITION_STATUSES, petitionsQuery, type PetitionAdminListItem } from './api';
import { PetitionProblem, StatusBadge } from './shared';
import './petitions.css';

export default function PetitionsPage() {
  const { t, i18n } = useTranslation('petitions');
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? '';
  const q = params.get('q') ?? '';
  const list = useQuery({ ...petitionsQuery((PETITION_STATUSES as readonly string[]).includes(status) ? status : '', q), placeholderData: keepPreviousData });
  const rows = list.data?.items ?? [];
  const date = (at: string | null) => (at ? formatDate(at, i18n.language) : '–');

  const columns: Column<PetitionAdminListItem>[] = [
    { key: 'title', header: t('list.title'), cell: (p) => <Link to={`/petitions/${p.id}`}>{p.title}</Link>, sortValue: (p) => p.title },
    { key: 'status', header: t('list.status'), cell: (p) => <StatusBadge status={p.status} />, sortValue: (p) => t(`status.${p.status}`) },
    { key: 'votes', header: t('list.votes'), cell: (p) => p.votes.toLocaleString(i18n.language), sortValue: (p) => p.votes },
    { key: 'proposed', header: t('list.proposed'), cell: (p) => date(p.createdAt), sortValue: (p) => p.createdAt },
    { key: 'closes', header: t('list.closes'), cell: (p) => date(p.closedAt ?? p.closesAt), sortValue: (p) => p.closedAt ?? p.closesAt ?? '' },
  ];
  return (
    <section>
      <h1>{t('list.heading')}</h1>
      <Filters status={status} q={q} onApply={setParams} />
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <PetitionProblem error={list.error} />
      ) : (
        <>
          <p role="status">{t('list.count', { count: list.data.total })}</p>
          {list.data.total > list.data.items.length ? <p className="petition-muted">{t('list.searchLimit', { count: list.data.items.length })}</p> : null}
          <DataTable
            caption={t('list.heading')}
            captionHidden
            className="data-table petition-list"
            columns={columns}
            rows={rows}
            rowKey={(p) => p.id}
            rowAttributes={(p) => ({ 'data-petition': p.id, 'data-status': p.status })}
            emptyText={t('list.none')}
            busy={list.isFetching}
          />
        </>
      )}
    </section>
  );
}

function Filters({ status, q, onApply }: { status: string; q: string; onApply: (params: URLSearchParams) => void }) {
  const { t } = useTranslation('petitions');
  const [draft, setDraft] = useState({ status, q });
  // The fields follow the address when it changes otherwise (the menu's link, back and forward).
  const [shown, setShown] = useState({ status, q });
  if (shown.status !== status || shown.q !== q) {
    setShown({ status, q });
    setDraft({ status, q });
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next = new URLSearchParams();
    if (draft.status) next.set('status', draft.status);
    if (draft.q.trim()) next.set('q', draft.q.trim());
    onApply(next);
  };
  return (
    <form className="filters petition-filters" role="search" aria-label={t('list.filters')} onSubmit={submit}>
      <div className="field">
        <label htmlFor="petition-status">{t('list.status')}</label>
        <select id="petition-status" value={draft.status} onChange={(e) => setDraft({ ...draft, status: e.target.value })}>
          <option value="">{t('list.allStatuses')}</option>
          {PETITION_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="petition-search">{t('list.search')}</label>
        <input id="petition-search" type="search" value={draft.q} onChange={(e) => setDraft({ ...draft, q: e.target.value })} />
      </div>
      <button type="submit">{t('list.filter')}</button>
    </form>
  );
}
