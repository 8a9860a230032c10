// Running and ended flow instances, filtered by flow, version and status and paged by the server; each opens
// its timeline here and links to its workflow in the Temporal Web UI (operators only; others are told so there).
import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { flowQuery, flowVersionQuery, flowsQuery, instanceQuery, instancesQuery, type InstanceDetail, type InstanceRow } from '../../api/flows';
import { DataTable, type Column } from '../../components/DataTable';
import { ProblemAlert, QueryState } from '../../components/QueryState';
import { formatDateTime } from '../../dates';
import type { FlowDefinition } from '../../../../workflows/flow/core/types';
import { flowTexts } from './flow-texts';

export function InstancesPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const flows = useQuery(flowsQuery());
  // The filters are the URL's query string and the query's key: each keystroke in a filter cancels the request
  // of the one before. The rows shown stay until the new ones have come.
  const instances = useQuery({ ...instancesQuery(params.toString()), placeholderData: keepPreviousData });
  const [openId, setOpenId] = useState<string | undefined>();
  // Each row's status is named by its own flow version's definition: one (cached, never changing) query per
  // version shown.
  const versionsShown = [...new Map((instances.data?.rows ?? []).map((r) => [`${r.flowId}/${r.version}`, r])).values()];
  const definitions = useQueries({ queries: versionsShown.map((r) => flowVersionQuery(r.flowId, r.version)) });
  const definitionOf = (r: InstanceRow) => definitions[versionsShown.findIndex((v) => v.flowId === r.flowId && v.version === r.version)]?.data?.definition;
  // Until its version's definition has come, a status shows as an ellipsis rather than its key for a moment.
  const statusText = (r: InstanceRow) => {
    const definition = definitionOf(r);
    return definition ? flowTexts(t, definition, i18n.language).status(r.status) : '…';
  };
  const flowName = (r: { flowId: string; flowKey: string }) => nameOf(flows.data?.flows.find((f) => f.id === r.flowId)) ?? r.flowKey;
  const nameOf = (f: { name?: unknown } | undefined) => pickName(f?.name, i18n.language);

  /** A new filter starts again on page 1; `clears` are filters that no longer apply (a status of another flow). */
  const set = (name: string, value: string, clears: string[] = []) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    for (const c of [...clears, 'page']) next.delete(c);
    setParams(next);
  };
  const goTo = (n: number) => {
    const next = new URLSearchParams(params);
    next.set('page', String(n));
    setParams(next);
  };

  const columns: Column<InstanceRow>[] = [
    { key: 'flow', header: t('instances.flow'), cell: (r) => flowName(r) },
    { key: 'version', header: t('instances.version'), cell: (r) => `${r.version}${r.migratedFrom ? ` (${t('instances.from', { version: r.migratedFrom })})` : ''}` },
    { key: 'status', header: t('instances.status'), cell: (r) => statusText(r) },
    { key: 'started', header: t('instances.started'), cell: (r) => formatDateTime(r.startedAt, i18n.language) },
    { key: 'ended', header: t('instances.ended'), cell: (r) => (r.endedAt ? formatDateTime(r.endedAt, i18n.language) : '–') },
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
          <select id="f-flow" value={params.get('flow') ?? ''} onChange={(e) => set('flow', e.target.value, ['status'])}>
            <option value="">{t('instances.all')}</option>
            {(flows.data?.flows ?? []).map((f) => (
              <option key={f.id} value={f.id}>
                {nameOf(f) ?? f.key}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-version">{t('instances.version')}</label>
          <input id="f-version" type="number" min={1} value={params.get('version') ?? ''} onChange={(e) => set('version', e.target.value)} />
        </div>
        <StatusFilter flowId={params.get('flow') ?? ''} value={params.get('status') ?? ''} onChange={(v) => set('status', v)} />
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
      {openId ? <InstanceTimeline id={openId} row={instances.data?.rows.find((r) => r.id === openId)} /> : null}
    </section>
  );
}

/** The status filter: the chosen flow's statuses by their labels (its draft's); without a flow, choose one first. */
function StatusFilter({ flowId, value, onChange }: { flowId: string; value: string; onChange: (status: string) => void }) {
  const { t, i18n } = useTranslation();
  const flow = useQuery({ ...flowQuery(flowId), enabled: Boolean(flowId) });
  const definition = flow.data?.draft as FlowDefinition | undefined;
  const words = flowTexts(t, definition, i18n.language);
  const statuses = (definition?.statuses ?? []).map((s) => s.key);
  return (
    <div className="field">
      <label htmlFor="f-status">{t('instances.status')}</label>
      <select id="f-status" value={value} disabled={!flowId} aria-describedby={flowId ? undefined : 'f-status-hint'} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('instances.all')}</option>
        {value && !statuses.includes(value) ? <option value={value}>{words.status(value)}</option> : null}
        {statuses.map((key) => (
          <option key={key} value={key}>
            {words.status(key)}
          </option>
        ))}
      </select>
      {flowId ? null : (
        <span id="f-status-hint" className="hint">
          {t('instances.statusNeedsFlow')}
        </span>
      )}
    </div>
  );
}

/** A flow's name in the page's language (names are texts per language), if it has one. */
function pickName(name: unknown, locale: string): string | undefined {
  if (typeof name === 'string') return name || undefined;
  if (name && typeof name === 'object') {
    const texts = name as Record<string, string | undefined>;
    return texts[locale] ?? texts.en ?? Object.values(texts).find(Boolean);
  }
  return undefined;
}

function InstanceTimeline({ id, row }: { id: string; row: InstanceRow | undefined }) {
  const { t, i18n } = useTranslation();
  const detail = useQuery(instanceQuery(id));
  const version = useQuery({ ...flowVersionQuery(row?.flowId ?? '', row?.version ?? 1), enabled: Boolean(row) });
  const words = flowTexts(t, version.data?.definition, i18n.language);
  return (
    <section aria-labelledby="instance-heading" className="designer-diff">
      <h2 id="instance-heading">{t('instances.timelineOf', { id: id.slice(0, 8) })}</h2>
      {/* Shown once the flow version's definition has come too, so its history reads in words from the start. */}
      <QueryState query={detail}>{(d) => (version.isPending && row ? null : <TimelineOf detail={d} locale={i18n.language} words={words} />)}</QueryState>
    </section>
  );
}

function TimelineOf({ detail, locale, words }: { detail: InstanceDetail; locale: string; words: ReturnType<typeof flowTexts> }) {
  const { t } = useTranslation();
  const { nextDue } = detail.timeline;
  return (
    <>
      <p>{nextDue ? t('instances.nextDue', { rule: words.rule(nextDue.rule), at: formatDateTime(nextDue.at, locale) }) : t('instances.nothingDue')}</p>
      <ol>
        {detail.timeline.timeline.map((e, i) => (
          <li key={i}>
            {formatDateTime(e.at, locale)}: {words.entry(e)}
          </li>
        ))}
      </ol>
      <h3>{t('instances.messages')}</h3>
      <ul>
        {detail.communications.map((c, i) => (
          <li key={i}>
            {t(`messageTemplates.${c.templateKey}`, { defaultValue: c.templateKey })} ({t(`messages.channels.${c.channel}`, { defaultValue: c.channel })}): {t(`messages.statuses.${c.status}`, { defaultValue: c.status })}
          </li>
        ))}
      </ul>
    </>
  );
}
