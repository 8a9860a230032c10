// The timeline preview: pick a scenario, see every reminder, status change, message and deletion on a chart
// (recharts: days after the start across, the kind of step down, each axis titled) and in a table, with the
// warnings (a reminder after its deadline, a deletion later than allowed). It runs the saved draft with the
// parameter values the editor holds, so changing a parameter redraws it before anything is saved. Scenario
// names and warnings come as codes with params and are shown in the page's language, the flow's things by
// their labels (flowNames).
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { CartesianGrid, Cell, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import { previewQuery, type Preview, type Scenario } from '../../api/flows';
import { Loading, ProblemAlert } from '../../components/QueryState';
import { formatDateTime } from '../../dates';
import { useCodedText } from './coded-text';
import type { FlowNames } from './describe';

const COLORS: Record<string, string> = {
  status: '#1b4f8a',
  action: '#2e7d32',
  task: '#8a4b00',
  decision: '#6a1b9a',
  ended: '#1a1a1a',
  skipped: '#5c6670',
  deadlineExtended: '#b00020',
  deadlineClosed: '#b00020',
  started: '#1a1a1a',
};
/** The chart's rows, top to bottom; a skipped step, an extension and the start sit on the status row. */
const ROWS = ['status', 'task', 'action', 'decision', 'ended'] as const;
const rowOf = (kind: string) => (kind === 'skipped' || kind === 'deadlineExtended' || kind === 'deadlineClosed' || kind === 'started' ? 'status' : kind);

const dayOf = (startAt: string, at: string) => (Date.parse(at) - Date.parse(startAt)) / 86_400_000;
const roundDay = (d: number) => Math.round(d * 10) / 10;

interface Point {
  day: number;
  row: number;
  kind: string;
  text: string;
}

function TimelineChart({ preview, stepText }: { preview: Preview; stepText: (e: Preview['timeline'][number]) => string }) {
  const { t } = useTranslation();
  const points: Point[] = preview.timeline
    .filter((e) => e.kind !== 'event')
    .map((e) => ({ day: roundDay(dayOf(preview.startAt, e.at)), row: ROWS.indexOf(rowOf(e.kind) as (typeof ROWS)[number]), kind: e.kind, text: stepText(e) }));
  const maxDay = Math.max(1, ...points.map((p) => p.day));
  return (
    <figure className="timeline-chart">
      <figcaption>{t('flows.preview.plotLabel', { count: points.length, days: Math.round(maxDay) })}</figcaption>
      <ResponsiveContainer width="100%" height={260}>
        <ScatterChart margin={{ top: 10, right: 24, bottom: 28, left: 16 }}>
          <CartesianGrid stroke="#dfe3e8" />
          <XAxis
            type="number"
            dataKey="day"
            domain={[0, Math.ceil(maxDay)]}
            allowDecimals={false}
            tick={{ fill: '#1a1a1a', fontSize: 13 }}
            label={{ value: t('flows.preview.axisDays'), position: 'insideBottom', offset: -18, fill: '#1a1a1a', fontSize: 13 }}
          />
          <YAxis
            type="number"
            dataKey="row"
            domain={[-0.5, ROWS.length - 0.5]}
            ticks={ROWS.map((_, i) => i)}
            reversed
            width={130}
            tick={{ fill: '#1a1a1a', fontSize: 13 }}
            tickFormatter={(i: number) => t(`flows.kinds.${ROWS[i] ?? 'status'}`)}
          />
          <Tooltip
            cursor={false}
            content={({ active, payload }) => {
              const p = active ? (payload?.[0]?.payload as Point | undefined) : undefined;
              return p ? <div className="chart-tooltip">{t('flows.preview.tooltip', { day: p.day.toLocaleString(), text: p.text })}</div> : null;
            }}
          />
          <Scatter data={points} isAnimationActive={false}>
            {points.map((p, i) => (
              <Cell key={i} fill={COLORS[p.kind] ?? '#1a1a1a'} />
            ))}
          </Scatter>
        </ScatterChart>
      </ResponsiveContainer>
    </figure>
  );
}

/** A step's detail as the core notes it (step.ts: a status, task or deadline key, why a rule was skipped), in words. */
function detailText(t: TFunction, names: FlowNames, e: Preview['timeline'][number]): string {
  const detail = e.detail ?? '';
  if (!detail) return '';
  switch (e.kind) {
    case 'status':
    case 'started':
    case 'ended':
      return names.status(detail);
    case 'task':
      return names.task(detail);
    case 'deadlineExtended':
    case 'deadlineClosed':
      return names.deadline(detail);
    case 'decision': {
      const [task = '', decision = ''] = detail.split(': ');
      return `${names.task(task)}: ${names.decision(decision)}`;
    }
    case 'skipped':
      if (detail === 'condition') return t('flows.preview.skipped.condition');
      if (detail === 'too late') return t('flows.preview.skipped.tooLate');
      if (detail.endsWith(': over the cap')) return t('flows.preview.skipped.overCap', { deadline: names.deadline(detail.slice(0, -': over the cap'.length)) });
      return detail;
    case 'action':
      return `“${detail}”`;
    default:
      return detail;
  }
}

export function PreviewPanel({ flowId, scenarios, parameters, names }: { flowId: string; scenarios: Scenario[]; parameters: Record<string, number>; names: FlowNames }) {
  const { t, i18n } = useTranslation();
  const codedText = useCodedText(names);
  const [scenarioId, setScenarioId] = useState(scenarios[0]?.id ?? 'never');
  const scenario = scenarios.find((s) => s.id === scenarioId) ?? scenarios[0];
  // The scenario and the parameters are the query's key: a change cancels the run before. Saving the draft
  // invalidates the previews; the one shown stays until the new one has come.
  const query = useQuery({ ...previewQuery(flowId, scenario ?? { id: 'none', name: '', code: 'preview.scenario.never', params: {} }, parameters), enabled: Boolean(scenario), placeholderData: keepPreviousData });
  const preview = query.data;
  const stepText = (e: Preview['timeline'][number]) => [t(`flows.kinds.${e.kind}`), e.action ? t(`flowActions.${e.action}`, { defaultValue: e.action }) : '', detailText(t, names, e)].filter(Boolean).join(' · ');

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
          <TimelineChart preview={preview} stepText={stepText} />
          <details className="preview-details">
            <summary>{t('flows.preview.tableToggle', { count: preview.timeline.length })}</summary>
            <table className="data-table preview-table">
              <caption>{t('flows.preview.tableCaption', { status: names.status(preview.status) })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('flows.preview.dayColumn')}</th>
                  <th scope="col">{t('flows.preview.when')}</th>
                  <th scope="col">{t('flows.preview.what')}</th>
                  <th scope="col">{t('flows.preview.rule')}</th>
                </tr>
              </thead>
              <tbody>
                {preview.timeline.map((e, i) => (
                  <tr key={i} data-kind={e.kind} data-rule={e.rule ?? ''}>
                    <td>{roundDay(dayOf(preview.startAt, e.at))}</td>
                    <td>{formatDateTime(e.at, i18n.language)}</td>
                    <td>{stepText(e)}</td>
                    <td>{e.rule ? names.rule(e.rule) : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      ) : null}
    </section>
  );
}
