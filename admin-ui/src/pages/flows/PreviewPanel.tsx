// The timeline preview: pick a scenario, see every reminder, status change, message and deletion on a time
// line and in a table, with the warnings (a reminder after its deadline, a deletion later than allowed). Scenario
// names and warnings come as codes with params and are shown in the page's language.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { previewQuery, type Preview, type Scenario } from '../../api/flows';
import { Loading, ProblemAlert } from '../../components/QueryState';
import { useCodedText } from './coded-text';
import { formatDateTime } from '../../dates';

const COLORS: Record<string, string> = {
  status: '#1b4f8a',
  action: '#2e7d32',
  task: '#8a4b00',
  decision: '#6a1b9a',
  ended: '#000',
  skipped: '#757575',
  deadlineExtended: '#b00020',
  event: '#4a545e',
  started: '#000',
};

const dayOf = (startAt: string, at: string) => (Date.parse(at) - Date.parse(startAt)) / 86_400_000;

function TimelinePlot({ preview }: { preview: Preview }) {
  const { t } = useTranslation();
  const points = preview.timeline.filter((e) => e.kind !== 'event');
  const maxDay = Math.max(1, ...points.map((e) => dayOf(preview.startAt, e.at)));
  const width = 760;
  const x = (d: number) => 20 + (d / maxDay) * (width - 40);
  const rows = ['status', 'task', 'action', 'decision', 'ended'];
  const y = (kind: string) => 30 + Math.max(0, rows.indexOf(kind === 'skipped' || kind === 'deadlineExtended' || kind === 'started' ? 'status' : kind)) * 22;
  return (
    <svg className="timeline-plot" viewBox={`0 0 ${width} 160`} role="img" aria-label={t('flows.preview.plotLabel', { count: points.length, days: Math.round(maxDay) })}>
      <line x1={20} x2={width - 20} y1={140} y2={140} stroke="#5c6670" />
      {[0, 0.25, 0.5, 0.75, 1].map((f) => (
        <text key={f} x={x(f * maxDay)} y={155} fontSize="10" textAnchor="middle" fill="#1a1a1a">
          {t('flows.preview.day', { day: Math.round(f * maxDay) })}
        </text>
      ))}
      {rows.map((r) => (
        <text key={r} x={2} y={y(r) + 4} fontSize="9" fill="#1a1a1a">
          {t(`flows.kinds.${r}`)}
        </text>
      ))}
      {points.map((e, i) => (
        <circle key={i} cx={x(dayOf(preview.startAt, e.at))} cy={y(e.kind)} r={5} fill={COLORS[e.kind] ?? '#000'}>
          <title>{[t(`flows.kinds.${e.kind}`), e.action, e.detail].filter(Boolean).join(' ')}</title>
        </circle>
      ))}
    </svg>
  );
}

export function PreviewPanel({ flowId, scenarios }: { flowId: string; scenarios: Scenario[] }) {
  const { t, i18n } = useTranslation();
  const codedText = useCodedText();
  const [scenarioId, setScenarioId] = useState(scenarios[0]?.id ?? 'never');
  const scenario = scenarios.find((s) => s.id === scenarioId) ?? scenarios[0];
  // The scenario is the query's key: another one cancels the run before. Saving the draft invalidates the
  // previews; the one shown stays until the new one has come.
  const query = useQuery({ ...previewQuery(flowId, scenario ?? { id: 'none', name: '', code: 'preview.scenario.never', params: {} }), enabled: Boolean(scenario), placeholderData: keepPreviousData });
  const preview = query.data;

  return (
    <section aria-labelledby="preview-heading" className="flow-preview">
      <h2 id="preview-heading">{t('flows.preview.heading')}</h2>
      <label htmlFor="preview-scenario">{t('flows.preview.scenario')}</label>
      <select id="preview-scenario" value={scenarioId} onChange={(e) => setScenarioId(e.target.value)}>
        {scenarios.map((s) => (
          <option key={s.id} value={s.id}>
            {codedText(s, s.name)}
          </option>
        ))}
      </select>
      {query.isError ? <ProblemAlert error={query.error} /> : query.isPending && scenario ? <Loading /> : null}
      {preview ? (
        <>
          {preview.warnings.length ? (
            <ul className="notice notice-error preview-warnings" aria-label={t('flows.preview.warnings')}>
              {preview.warnings.map((w, i) => (
                <li key={i}>{codedText(w, w.message)}</li>
              ))}
            </ul>
          ) : (
            <p className="notice notice-ok">{t('flows.preview.noWarnings')}</p>
          )}
          <TimelinePlot preview={preview} />
          <table className="data-table preview-table">
            <caption>{t('flows.preview.tableCaption', { status: preview.status })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('flows.preview.day', { day: '' })}</th>
                <th scope="col">{t('flows.preview.when')}</th>
                <th scope="col">{t('flows.preview.what')}</th>
                <th scope="col">{t('flows.preview.rule')}</th>
              </tr>
            </thead>
            <tbody>
              {preview.timeline.map((e, i) => (
                <tr key={i} data-kind={e.kind} data-rule={e.rule ?? ''}>
                  <td>{Math.round(dayOf(preview.startAt, e.at) * 10) / 10}</td>
                  <td>{formatDateTime(e.at, i18n.language)}</td>
                  <td>{[t(`flows.kinds.${e.kind}`), e.action, e.detail].filter(Boolean).join(' · ')}</td>
                  <td>{e.rule ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </section>
  );
}
