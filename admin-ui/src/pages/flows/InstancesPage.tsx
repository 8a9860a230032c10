// Running and ended flow instances, filtered by flow, version and status and paged by the server; each opens
// its timeline here and links to its workflow in the Temporal Web UI (operators only; others are told so there).
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { flowsQuery, instanceQuery, instancesQuery, type InstanceDetail, type InstanceRow } from '../../api/flows';
import { DataTable, type Column } from '../../components/DataTable';
import { ProblemAlert, QueryState } from '../../components/QueryState';

export function InstancesPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const flows = useQuery(flowsQuery());
  // The filters are the URL's query string and the query's key: each keystroke in a filter cancels the request
  // of the one before. The rows shown stay until the new ones have come.
  const instances = useQuery({ ...instancesQuery(params.toString()), placeholderData: keepPreviousData });
  const [openId, setOpenId] = useState<string | undefined>();

  /** A new filter starts again on page 1. */
  const set = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    next.delete('page');
    setParams(next);
  };
  const goTo = (n: number) => {
    const next = new URLSearchParams(params);
    next.set('page', String(n));
    setParams(next);
  };

  const columns: Column<InstanceRow>[] = [
    { key: 'flow', header: t('instances.flow'), cell: (r) => r.flowKey },
    { key: 'version', header: t('instances.version'), cell: (r) => `${r.version}${r.migratedFrom ? ` (${t('instances.from', { version: r.migratedFrom })})` : ''}` },
    { key: 'status', header: t('instances.status'), cell: (r) => r.status },
    { key: 'started', header: t('instances.started'), cell: (r) => new Date(r.startedAt).toLocaleString(i18n.language) },
    { key: 'ended', header: t('instances.ended'), cell: (r) => (r.endedAt ? new Date(r.endedAt).toLocaleString(i18n.language) : '–') },
    {
      key: 'links',
      header: t('instances.links'),
      cell: (r) => (
        <>
          <button type="button" className="button-small button-secondary" onClick={() => setOpenId(r.id)}>
            {t('instances.timeline')}
          </button>{' '}
          <a href={r.webUiPath}>{t('instances.webUi')}</a>
        </>
      ),
    },
  ];

  return (
    <section>
      <h1>{t('instances.heading')}</h1>
      {flows.isError ? <ProblemAlert error={flows.error} /> : null}
      <div className="filters">
        <div className="field">
          <label htmlFor="f-flow">{t('instances.flow')}</label>
          <select id="f-flow" value={params.get('flow') ?? ''} onChange={(e) => set('flow', e.target.value)}>
            <option value="">{t('instances.all')}</option>
            {(flows.data?.flows ?? []).map((f) => (
              <option key={f.id} value={f.id}>
                {f.key}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-version">{t('instances.version')}</label>
          <input id="f-version" type="number" min={1} value={params.get('version') ?? ''} onChange={(e) => set('version', e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="f-status">{t('instances.status')}</label>
          <input id="f-status" value={params.get('status') ?? ''} onChange={(e) => set('status', e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="f-state">{t('instances.state')}</label>
          <select id="f-state" value={params.get('state') ?? 'all'} onChange={(e) => set('state', e.target.value === 'all' ? '' : e.target.value)}>
            {['all', 'running', 'ended'].map((s) => (
              <option key={s} value={s}>
                {t(`instances.states.${s}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <QueryState query={instances}>
        {(data) => (
          <DataTable
            caption={t('instances.count', { count: data.total })}
            className="data-table instances-table"
            columns={columns}
            rows={data.rows}
            rowKey={(r) => r.id}
            rowAttributes={(r) => ({ 'data-instance': r.id })}
            emptyText={t('instances.none')}
            serverPaging={{ page: data.page, pageSize: data.pageSize, total: data.total, onPageChange: goTo }}
            busy={instances.isPlaceholderData}
          />
        )}
      </QueryState>
      {openId ? <InstanceTimeline id={openId} /> : null}
    </section>
  );
}

function InstanceTimeline({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const detail = useQuery(instanceQuery(id));
  return (
    <section aria-labelledby="instance-heading" className="designer-diff">
      <h2 id="instance-heading">{t('instances.timelineOf', { id: id.slice(0, 8) })}</h2>
      <QueryState query={detail}>{(d) => <TimelineOf detail={d} locale={i18n.language} />}</QueryState>
    </section>
  );
}

function TimelineOf({ detail, locale }: { detail: InstanceDetail; locale: string }) {
  const { t } = useTranslation();
  return (
    <>
      <p>{detail.timeline.nextDue ? t('instances.nextDue', { rule: detail.timeline.nextDue.rule, at: new Date(detail.timeline.nextDue.at).toLocaleString(locale) }) : t('instances.nothingDue')}</p>
      <ol>
        {detail.timeline.timeline.map((e, i) => (
          <li key={i}>
            {new Date(e.at).toLocaleString(locale)}: {[t(`flows.kinds.${e.kind}`), e.action, e.detail, e.rule].filter(Boolean).join(' · ')}
          </li>
        ))}
      </ol>
      <h3>{t('instances.messages')}</h3>
      <ul>
        {detail.communications.map((c, i) => (
          <li key={i}>
            {c.templateKey} ({c.channel}): {c.status}
          </li>
        ))}
      </ul>
    </>
  );
}
