import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { AuditLogPage as Page } from '../../../schemas/types/api-audit-log-page';
import { getJson, ProblemError } from '../../../forms/ui/problem';

interface ChainReport {
  ok: boolean;
  rows: number;
  headSeq: number;
  problems: string[];
}

const FILTERS = ['actor', 'action', 'entity', 'from', 'to'] as const;
const PAGE_SIZE = 25;

export function AuditLogPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [page, setPage] = useState<Page>();
  const [error, setError] = useState<string>();
  const [chain, setChain] = useState<ChainReport>();
  const query = params.toString();

  useEffect(() => {
    let live = true;
    const q = new URLSearchParams(query);
    q.set('pageSize', String(PAGE_SIZE));
    getJson<Page>(`/api/audit-log?${q.toString()}`)
      .then((p) => live && (setPage(p), setError(undefined)))
      .catch((e: unknown) => live && setError(e instanceof ProblemError ? (e.problem.errors ?? []).map((x) => `${x.field}: ${x.message}`).join('; ') || e.message : String(e)));
    return () => {
      live = false;
    };
  }, [query]);

  useEffect(() => {
    getJson<ChainReport>('/api/audit-log/verification').then(setChain, () => setChain(undefined));
  }, []);

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
  const pages = page ? Math.max(1, Math.ceil(page.total / page.pageSize)) : 1;
  const fmt = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'medium' });

  return (
    <section>
      <h1>{t('auditLog.heading')}</h1>
      <p>{t('auditLog.intro')}</p>
      {chain ? (
        <p className={chain.ok ? 'notice notice-ok' : 'notice notice-error'} role="status">
          {chain.ok ? t('auditLog.chainOk', { rows: chain.rows }) : t('auditLog.chainBroken', { problems: chain.problems.join('; ') })}
        </p>
      ) : null}
      <form className="filters" onSubmit={onSubmit} aria-label={t('auditLog.filters')}>
        {FILTERS.map((f) => (
          <div className="field" key={f}>
            <label htmlFor={`filter-${f}`}>{t(`auditLog.filter.${f}`)}</label>
            <input id={`filter-${f}`} name={f} type={f === 'from' || f === 'to' ? 'date' : 'text'} defaultValue={params.get(f) ?? ''} maxLength={100} />
          </div>
        ))}
        <div className="field field-actions">
          <button type="submit">{t('auditLog.apply')}</button>
        </div>
      </form>
      {error ? (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      ) : null}
      {page ? (
        <>
          <p aria-live="polite">{t('auditLog.count', { count: page.total })}</p>
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">{t('auditLog.heading')}</caption>
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">{t('auditLog.col.time')}</th>
                  <th scope="col">{t('auditLog.col.actor')}</th>
                  <th scope="col">{t('auditLog.col.action')}</th>
                  <th scope="col">{t('auditLog.col.entity')}</th>
                  <th scope="col">{t('auditLog.col.summary')}</th>
                </tr>
              </thead>
              <tbody>
                {page.entries.map((e) => (
                  <tr key={e.seq}>
                    <td>{e.seq}</td>
                    <td>
                      <time dateTime={e.at}>{fmt.format(new Date(e.at))}</time>
                    </td>
                    <td>{e.actor}</td>
                    <td>{e.action}</td>
                    <td>{e.entityId ? `${e.entityType}:${e.entityId.slice(0, 8)}` : e.entityType}</td>
                    <td>
                      <code>{JSON.stringify(e.summary)}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <nav className="pager" aria-label={t('auditLog.paging')}>
            <button type="button" disabled={page.page <= 1} onClick={() => goTo(page.page - 1)}>
              {t('auditLog.previous')}
            </button>
            <span>{t('auditLog.pageOf', { page: page.page, pages })}</span>
            <button type="button" disabled={page.page >= pages} onClick={() => goTo(page.page + 1)}>
              {t('auditLog.next')}
            </button>
          </nav>
        </>
      ) : null}
    </section>
  );
}
