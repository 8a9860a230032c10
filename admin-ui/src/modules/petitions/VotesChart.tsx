// The votes over time: a bar per day (votes that day) and a line of the running total (recharts, both axes
// titled, a tooltip per day), with the same numbers as a table behind a disclosure for those who do not read
// the chart. Days without votes between the first and the last are filled in as 0.
import { useTranslation } from 'react-i18next';
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatDate } from '../../dates';
import type { PetitionDetail } from './api';

interface Day {
  day: string;
  votes: number;
  total: number;
}

const DAY_MS = 86_400_000;

/** Every day from the first with votes to the last, with that day's votes and the running total. */
export function votesByDay(days: PetitionDetail['days']): Day[] {
  const sorted = [...days].sort((a, b) => a.day.localeCompare(b.day));
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (!first || !last) return [];
  const byDay = new Map(sorted.map((d) => [d.day, d.votes]));
  const out: Day[] = [];
  let total = 0;
  for (let at = Date.parse(`${first.day}T00:00:00Z`); at <= Date.parse(`${last.day}T00:00:00Z`); at += DAY_MS) {
    const day = new Date(at).toISOString().slice(0, 10);
    const votes = byDay.get(day) ?? 0;
    total += votes;
    out.push({ day, votes, total });
  }
  return out;
}

/** A calendar day (YYYY-MM-DD) in the page's format, read as that day wherever the browser is. */
const dayText = (day: string, locale: string) => formatDate(`${day}T12:00:00`, locale);

export function VotesChart({ days }: { days: PetitionDetail['days'] }) {
  const { t, i18n } = useTranslation('petitions');
  const data = votesByDay(days);
  if (data.length === 0) return <p>{t('votes.none')}</p>;
  const total = data[data.length - 1]!.total;
  return (
    <>
      <figure className="petition-chart">
        <figcaption>{t('votes.chartCaption', { from: dayText(data[0]!.day, i18n.language), to: dayText(data[data.length - 1]!.day, i18n.language), count: total })}</figcaption>
        <ResponsiveContainer width="100%" height={280}>
          <ComposedChart data={data} margin={{ top: 10, right: 24, bottom: 28, left: 16 }}>
            <CartesianGrid stroke="#dfe3e8" />
            <XAxis
              dataKey="day"
              tickFormatter={(d: string) => dayText(d, i18n.language)}
              tick={{ fill: '#1a1a1a', fontSize: 13 }}
              label={{ value: t('votes.axisDay'), position: 'insideBottom', offset: -18, fill: '#1a1a1a', fontSize: 13 }}
            />
            <YAxis
              allowDecimals={false}
              tick={{ fill: '#1a1a1a', fontSize: 13 }}
              label={{ value: t('votes.axisVotes'), angle: -90, position: 'insideLeft', fill: '#1a1a1a', fontSize: 13 }}
            />
            <Tooltip
              content={({ active, payload }) => {
                const d = active ? (payload?.[0]?.payload as Day | undefined) : undefined;
                return d ? <div className="chart-tooltip">{t('votes.tooltip', { day: dayText(d.day, i18n.language), votes: d.votes, total: d.total })}</div> : null;
              }}
            />
            <Legend verticalAlign="top" wrapperStyle={{ color: '#1a1a1a', paddingBottom: 8 }} />
            <Bar dataKey="votes" maxBarSize={48} name={t('votes.perDay')} fill="#1b4f8a" isAnimationActive={false} />
            <Line dataKey="total" name={t('votes.total')} stroke="#8a4b00" strokeWidth={2} dot={false} type="monotone" isAnimationActive={false} />
          </ComposedChart>
        </ResponsiveContainer>
      </figure>
      <details className="petition-chart-table">
        <summary>{t('votes.tableToggle', { count: data.length })}</summary>
        <table className="data-table petition-days">
          <caption>{t('votes.tableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('votes.day')}</th>
              <th scope="col">{t('votes.perDay')}</th>
              <th scope="col">{t('votes.total')}</th>
            </tr>
          </thead>
          <tbody>
            {data.map((d) => (
              <tr key={d.day} data-day={d.day}>
                <td>{dayText(d.day, i18n.language)}</td>
                <td>{d.votes}</td>
                <td>{d.total}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </>
  );
}
