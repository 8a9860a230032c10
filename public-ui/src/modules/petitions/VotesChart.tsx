// The support per day as a bar chart (recharts: days across, new supporters up, both axes titled) with the same
// numbers in a table behind a disclosure, for those who do not see the chart or want the exact figures. Days
// without support between the first and the last are drawn as 0.
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { PetitionDetail } from '../../../../schemas/types/petitions-detail';
import { formatDay, formatNumber } from './texts';

type Day = PetitionDetail['days'][number];

function everyDay(days: Day[]): Day[] {
  const sorted = [...days].sort((a, b) => a.day.localeCompare(b.day));
  if (sorted.length === 0) return [];
  const votes = new Map(sorted.map((d) => [d.day, d.votes]));
  const out: Day[] = [];
  const last = Date.parse(`${sorted[sorted.length - 1]!.day}T00:00:00Z`);
  for (let at = Date.parse(`${sorted[0]!.day}T00:00:00Z`); at <= last && out.length < 400; at += 86_400_000) {
    const day = new Date(at).toISOString().slice(0, 10);
    out.push({ day, votes: votes.get(day) ?? 0 });
  }
  return out;
}

export function VotesChart({ days }: { days: Day[] }) {
  const { t, i18n } = useTranslation('petitions');
  const lang = i18n.language;
  const data = everyDay(days).map((d) => ({ ...d, label: formatDay(d.day, lang) }));
  const total = data.reduce((sum, d) => sum + d.votes, 0);
  return (
    <>
      <figure className="petition-chart">
        <figcaption>{t('chart.caption', { from: data[0]?.label ?? '', to: data[data.length - 1]?.label ?? '', total: formatNumber(total, lang) })}</figcaption>
        <ResponsiveContainer width="100%" height={240}>
          <BarChart data={data} margin={{ top: 10, right: 12, bottom: 28, left: 4 }}>
            <CartesianGrid stroke="#dfe3e8" vertical={false} />
            <XAxis dataKey="label" tick={{ fill: '#1a1a1a', fontSize: 13 }} label={{ value: t('chart.axisDay'), position: 'insideBottom', offset: -18, fill: '#1a1a1a', fontSize: 13 }} />
            <YAxis allowDecimals={false} width={48} tick={{ fill: '#1a1a1a', fontSize: 13 }} label={{ value: t('chart.axisVotes'), angle: -90, position: 'insideLeft', offset: 10, fill: '#1a1a1a', fontSize: 13, style: { textAnchor: 'middle' } }} />
            <Tooltip
              cursor={{ fill: '#f2f4f7' }}
              content={({ active, payload }) => {
                const d = active ? (payload?.[0]?.payload as (Day & { label: string }) | undefined) : undefined;
                return d ? <div className="chart-tooltip">{t('chart.tooltip', { day: d.label, votes: formatNumber(d.votes, lang) })}</div> : null;
              }}
            />
            <Bar dataKey="votes" fill="#1d3c5a" maxBarSize={56} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </figure>
      <details className="petition-chart-table">
        <summary>{t('chart.table')}</summary>
        <table className="table">
          <caption className="sr-only">{t('chart.tableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('chart.day')}</th>
              <th scope="col">{t('chart.votes')}</th>
            </tr>
          </thead>
          <tbody>
            {data.map((d) => (
              <tr key={d.day}>
                <td>
                  <time dateTime={d.day}>{d.label}</time>
                </td>
                <td>{formatNumber(d.votes, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </>
  );
}
