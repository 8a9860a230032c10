import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useSearchParams } from 'react-router';
import type { AuditLogPage as Page } from '../../../schemas/types/api-audit-log-page';
import { auditLogQuery, chainQuery } from '../api/audit-log';
import { auditActionOptions, auditActionText, auditEntityText, summaryPairs } from '../audit-texts';
import { DataTable, type Column } from '../components/DataTable';
import { ProblemAlert, QueryState } from '../components/QueryState';

const FILTERS = ['actor', 'action', 'entity', 'from', 'to'] as const;
type Entry = Page['entries'][number];

export function AuditLogPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  // The filters and the page are the URL's query string and the query's key: a new filter cancels the old request.
  // The rows shown stay until the next page has come, so the pager keeps its place (and its focus).
  const log = useQuery({ ...auditLogQuery(params.toString()), placeholderData: keepPreviousData });
  const chain = useQuery(chainQuery());

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const next = new URLSearchParams();
    for (const f of FILTERS) {
      const v = String(form.get(f) ?? '').trim();
      if (v) next.set(f, v);
    }
    setParams(next);
  };
  const goTo = (n: number) => {
    const next = new URLSearchParams(params);
    next.set('page', String(n));
    setParams(next);
  };
  const fmt = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'medium' });
  const columns: Column<Entry>[] = [
    { key: 'seq', header: '#', cell: (e) => e.seq },
    { key: 'time', header: t('auditLog.col.time'), cell: (e) => <time dateTime={e.at}>{fmt.format(new Date(e.at))}</time> },
    { key: 'actor', header: t('auditLog.col.actor'), cell: (e) => <span title={e.actorKind === 'user' ? undefined : e.actor}>{actorText(t, e)}</span> },
    { key: 'action', header: t('auditLog.col.action'), cell: (e) => <span title={e.action}>{auditActionText(t, e.action)}</span> },
    { key: 'entity', header: t('auditLog.col.entity'), cell: (e) => <span title={e.entityType}>{[auditEntityText(t, e.entityType), e.entityId?.slice(0, 8)].filter(Boolean).join(' ')}</span> },
    { key: 'summary', header: t('auditLog.col.summary'), cell: (e) => <SummaryList summary={e.summary} locale={i18n.language} /> },
  ];

  return (
    <section>
      <h1>{t('auditLog.heading')}</h1>
      <p>{t('auditLog.intro')}</p>
      {chain.isError ? <ProblemAlert error={chain.error} /> : null}
      {chain.data ? (
        <p className={chain.data.ok ? 'notice notice-ok' : 'notice notice-error'} role="status">
          {chain.data.ok ? t('auditLog.chainOk', { rows: chain.data.rows }) : t('auditLog.chainBroken', { problems: chain.data.problems.join('; ') })}
        </p>
      ) : null}
      <form className="filters" onSubmit={onSubmit} aria-label={t('auditLog.filters')}>
        {FILTERS.map((f) => (
          <div className="field" key={f}>
            <label htmlFor={`filter-${f}`}>{t(`auditLog.filter.${f}`)}</label>
            {f === 'action' ? (
              <ActionSelect id={`filter-${f}`} name={f} value={params.get(f) ?? ''} />
            ) : (
              <input id={`filter-${f}`} name={f} type={f === 'from' || f === 'to' ? 'date' : 'text'} defaultValue={params.get(f) ?? ''} maxLength={100} />
            )}
          </div>
        ))}
        <div className="field field-actions">
          <button type="submit">{t('auditLog.apply')}</button>
        </div>
      </form>
      <QueryState query={log}>
        {(page) => (
          <>
            <p aria-live="polite">{t('auditLog.count', { count: page.total })}</p>
            <DataTable
              caption={t('auditLog.heading')}
              captionHidden
              columns={columns}
              rows={page.entries}
              rowKey={(e) => e.seq}
              emptyText={t('auditLog.empty')}
              serverPaging={{ page: page.page, pageSize: page.pageSize, total: page.total, onPageChange: goTo }}
              busy={log.isPlaceholderData}
            />
          </>
        )}
      </QueryState>
    </section>
  );
}

/** A person by name; the system's parts and a visitor without login in words (an unknown part by its id). */
function actorText(t: TFunction, e: Entry): string {
  if (e.actorKind === 'user') return e.actor;
  if (e.actorKind === 'anonymous') return t('auditLog.actors.anonymous');
  return t(`auditLog.actors.${e.actor}`, { defaultValue: t('auditLog.actors.system', { id: e.actor }) });
}

/** The summary as readable pairs (audit-texts.ts); an empty summary shows nothing. */
function SummaryList({ summary, locale }: { summary: Record<string, unknown>; locale: string }) {
  const { t } = useTranslation();
  const pairs = summaryPairs(t, summary, locale);
  if (!pairs.length) return null;
  return (
    <dl className="audit-summary">
      {pairs.map(([key, value], i) => (
        <div key={i}>
          <dt>{key}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The action filter: every action in words (an action in the address that is not among them is kept as it is). */
function ActionSelect({ id, name, value }: { id: string; name: string; value: string }) {
  const { t } = useTranslation();
  const options = auditActionOptions(t);
  return (
    <select id={id} name={name} defaultValue={value} key={value}>
      <option value="">{t('auditLog.allActions')}</option>
      {value && !options.some((o) => o.action === value) ? <option value={value}>{value}</option> : null}
      {options.map((o) => (
        <option key={o.action} value={o.action}>
          {o.text}
        </option>
      ))}
    </select>
  );
}
