// Running and ended flow instances, filtered by flow, version and status; each opens its timeline here and
// links to its workflow in the Temporal Web UI (operators only; others are told so there).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { getJson } from '../../../../forms/ui/problem';

interface Row {
  id: string;
  flowId: string;
  flowKey: string;
  version: number;
  status: string;
  startedAt: string;
  endedAt: string | null;
  migratedFrom: number | null;
  webUiPath: string;
}

interface Detail {
  timeline: { status: string; nextDue?: { at: string; rule: string }; timeline: { at: string; kind: string; rule?: string; action?: string; detail?: string }[] };
  communications: { templateKey: string; channel: string; status: string; createdAt: string }[];
}

export function InstancesPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [page, setPage] = useState<{ rows: Row[]; total: number } | undefined>();
  const [flows, setFlows] = useState<{ id: string; key: string }[]>([]);
  const [open, setOpen] = useState<{ id: string; detail?: Detail; error?: string } | undefined>();
  const query = params.toString();

  useEffect(() => {
    getJson<{ flows: { id: string; key: string }[] }>('/api/flows').then((r) => setFlows(r.flows), () => undefined);
  }, []);
  useEffect(() => {
    getJson<{ rows: Row[]; total: number }>(`/api/flow-instances?${query}`).then(setPage, () => setPage({ rows: [], total: 0 }));
  }, [query]);

  const set = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next);
  };
  const show = async (id: string) => {
    setOpen({ id });
    try {
      setOpen({ id, detail: await getJson<Detail>(`/api/flow-instances/${id}`) });
    } catch (err) {
      setOpen({ id, error: String(err) });
    }
  };

  return (
    <section>
      <h1>{t('instances.heading')}</h1>
      <div className="filters">
        <div className="field">
          <label htmlFor="f-flow">{t('instances.flow')}</label>
          <select id="f-flow" value={params.get('flow') ?? ''} onChange={(e) => set('flow', e.target.value)}>
            <option value="">{t('instances.all')}</option>
            {flows.map((f) => (
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
      {page ? (
        <table className="data-table instances-table">
          <caption>{t('instances.count', { count: page.total })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('instances.flow')}</th>
              <th scope="col">{t('instances.version')}</th>
              <th scope="col">{t('instances.status')}</th>
              <th scope="col">{t('instances.started')}</th>
              <th scope="col">{t('instances.ended')}</th>
              <th scope="col">{t('instances.links')}</th>
            </tr>
          </thead>
          <tbody>
            {page.rows.map((r) => (
              <tr key={r.id} data-instance={r.id}>
                <td>{r.flowKey}</td>
                <td>
                  {r.version}
                  {r.migratedFrom ? ` (${t('instances.from', { version: r.migratedFrom })})` : ''}
                </td>
                <td>{r.status}</td>
                <td>{new Date(r.startedAt).toLocaleString(i18n.language)}</td>
                <td>{r.endedAt ? new Date(r.endedAt).toLocaleString(i18n.language) : '–'}</td>
                <td>
                  <button type="button" className="button-small button-secondary" onClick={() => void show(r.id)}>
                    {t('instances.timeline')}
                  </button>{' '}
                  <a href={r.webUiPath}>{t('instances.webUi')}</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {open ? (
        <section aria-labelledby="instance-heading" className="designer-diff">
          <h2 id="instance-heading">{t('instances.timelineOf', { id: open.id.slice(0, 8) })}</h2>
          {open.error ? <p className="notice notice-error">{open.error}</p> : null}
          {open.detail ? (
            <>
              <p>{open.detail.timeline.nextDue ? t('instances.nextDue', { rule: open.detail.timeline.nextDue.rule, at: new Date(open.detail.timeline.nextDue.at).toLocaleString(i18n.language) }) : t('instances.nothingDue')}</p>
              <ol>
                {open.detail.timeline.timeline.map((e, i) => (
                  <li key={i}>
                    {new Date(e.at).toLocaleString(i18n.language)}: {[t(`flows.kinds.${e.kind}`), e.action, e.detail, e.rule].filter(Boolean).join(' · ')}
                  </li>
                ))}
              </ol>
              <h3>{t('instances.messages')}</h3>
              <ul>
                {open.detail.communications.map((c, i) => (
                  <li key={i}>
                    {c.templateKey} ({c.channel}): {c.status}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}
    </section>
  );
}
