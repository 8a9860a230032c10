// The start page of the election the site works in: every area and its work locations with their fill status —
// accepted, awaiting an answer, vacant — as numbers, a bar and a word (never colour alone), a totals row, the
// filters (teams, task types, dates; several of each) as the page's address, and the columns this browser chose
// (remembered in localStorage). From a work location: its tasks and its distribution grid.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState, useSyncExternalStore, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useSite } from '../../../../../forms/ui/site';
import { configListQuery, type ElectionListItem } from '../api';
import { NO_OVERVIEW_FILTERS, overviewQuery, overviewQueryString, type OverviewFilters, type Totals } from './api';
import { distributionPath, REJECTIONS_PATH, tasksPath } from './paths';
import { FillBar, FillState, formatDay, RefusalAlert, taskDays, WithElection } from './shared';
import { Loading } from '../../../components/QueryState';
import './slots.css';

export const OVERVIEW_COLUMNS = ['districtNumber', 'slots', 'accepted', 'invited', 'vacant', 'bar', 'state'] as const;
export type OverviewColumn = (typeof OVERVIEW_COLUMNS)[number];
const DEFAULT_COLUMNS: readonly OverviewColumn[] = OVERVIEW_COLUMNS;

const columnsKey = (tenant: string) => `tingvalla.election.overviewColumns.${tenant}`;
const columnListeners = new Set<() => void>();

function readColumns(tenant: string): string | null {
  try {
    return window.localStorage.getItem(columnsKey(tenant));
  } catch {
    return null;
  }
}

/** The columns this browser chose for the overview (all by default), and the way to change them. */
function useOverviewColumns(tenant: string): [OverviewColumn[], (next: OverviewColumn[]) => void] {
  const raw = useSyncExternalStore(
    (listener) => {
      columnListeners.add(listener);
      window.addEventListener('storage', listener);
      return () => {
        columnListeners.delete(listener);
        window.removeEventListener('storage', listener);
      };
    },
    () => readColumns(tenant),
  );
  let columns: OverviewColumn[] = [...DEFAULT_COLUMNS];
  if (raw !== null) {
    try {
      const parsed: unknown = JSON.parse(raw);
      if (Array.isArray(parsed)) columns = OVERVIEW_COLUMNS.filter((c) => parsed.includes(c));
    } catch {
      // a broken entry: the default columns
    }
  }
  const set = (next: OverviewColumn[]) => {
    try {
      window.localStorage.setItem(columnsKey(tenant), JSON.stringify(OVERVIEW_COLUMNS.filter((c) => next.includes(c))));
    } catch {
      // storage refused: not remembered
    }
    for (const l of columnListeners) l();
  };
  return [columns, set];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const listOf = (params: URLSearchParams, name: string, pattern: RegExp) =>
  (params.get(name) ?? '')
    .split(',')
    .filter((v) => pattern.test(v))
    .slice(0, 100);

function filtersOf(params: URLSearchParams): OverviewFilters {
  return { teamIds: listOf(params, 'teamIds', UUID), taskTypeIds: listOf(params, 'taskTypeIds', UUID), dates: listOf(params, 'dates', DATE) };
}

export default function OverviewPage() {
  const { t } = useTranslation('election');
  return (
    <section className="slots-page">
      <h1>{t('slots.overview.heading')}</h1>
      <WithElection>{(election) => <Overview election={election} />}</WithElection>
    </section>
  );
}

function Overview({ election }: { election: ElectionListItem }) {
  const { t, i18n } = useTranslation('election');
  const site = useSite();
  const [params, setParams] = useSearchParams();
  // The filters are the page's address; held here too so a ticked box shows at once, and follow the address
  // when it changes otherwise (back, forward, the menu's link).
  const fromAddress = filtersOf(params);
  const addressKey = overviewQueryString(fromAddress);
  const [seen, setSeen] = useState(addressKey);
  const [filters, setLocalFilters] = useState(fromAddress);
  if (seen !== addressKey) {
    setSeen(addressKey);
    setLocalFilters(fromAddress);
  }
  const [columns, setColumns] = useOverviewColumns(site.tenant.slug);
  const overview = useQuery({ ...overviewQuery(election.id, filters), placeholderData: keepPreviousData });
  const setFilters = (next: OverviewFilters) => {
    setLocalFilters(next);
    const out = new URLSearchParams();
    if (next.teamIds.length) out.set('teamIds', next.teamIds.join(','));
    if (next.taskTypeIds.length) out.set('taskTypeIds', next.taskTypeIds.join(','));
    if (next.dates.length) out.set('dates', next.dates.join(','));
    setParams(out, { replace: true });
  };
  const n = (v: number) => v.toLocaleString(i18n.language);
  const has = (c: OverviewColumn) => columns.includes(c);
  const cells = (totals: Totals): ReactNode[] => [
    has('slots') ? (
      <td key="slots" data-column="slots" className="numeric">
        {n(totals.slots)}
      </td>
    ) : null,
    has('accepted') ? (
      <td key="accepted" data-column="accepted" className="numeric">
        {n(totals.accepted)}
      </td>
    ) : null,
    has('invited') ? (
      <td key="invited" data-column="invited" className="numeric">
        {n(totals.invited)}
      </td>
    ) : null,
    has('vacant') ? (
      <td key="vacant" data-column="vacant" className="numeric">
        {n(totals.vacant)}
      </td>
    ) : null,
    has('bar') ? (
      <td key="bar" data-column="bar">
        <FillBar totals={totals} showWords={!has('slots') || !has('accepted') || !has('invited') || !has('vacant')} />
      </td>
    ) : null,
    has('state') ? (
      <td key="state" data-column="state">
        <FillState totals={totals} />
      </td>
    ) : null,
  ];
  const anyFilter = filters.teamIds.length + filters.taskTypeIds.length + filters.dates.length > 0;
  return (
    <>
      <p className="election-subject">{election.title}</p>
      <p>{t('slots.overview.intro')}</p>
      <p>
        <Link to={REJECTIONS_PATH}>{t('slots.overview.rejectionsLink')}</Link>
      </p>
      <Filters election={election} filters={filters} onChange={setFilters} />
      <ColumnChooser columns={columns} onChange={setColumns} />
      {overview.isPending ? (
        <Loading />
      ) : overview.isError ? (
        <RefusalAlert error={overview.error} />
      ) : (
        <>
          <p className="slot-summary" data-testid="overview-totals">
            {t('slots.overview.summary', { accepted: n(overview.data.totals.accepted), invited: n(overview.data.totals.invited), vacant: n(overview.data.totals.vacant), slots: n(overview.data.totals.slots) })}
          </p>
          {overview.data.areas.length === 0 ? (
            <p className="table-empty">{anyFilter ? t('slots.overview.noneMatching') : t('slots.overview.none')}</p>
          ) : (
            <div className="table-wrap">
              <table className="data-table slot-overview" aria-busy={overview.isFetching || undefined}>
                <caption className="visually-hidden">{t('slots.overview.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('slots.overview.columns.name')}</th>
                    {has('districtNumber') ? <th scope="col">{t('slots.overview.columns.districtNumber')}</th> : null}
                    {OVERVIEW_COLUMNS.filter((c) => c !== 'districtNumber' && has(c)).map((c) => (
                      <th key={c} scope="col" className={['slots', 'accepted', 'invited', 'vacant'].includes(c) ? 'numeric' : undefined}>
                        {t(`slots.overview.columns.${c}`)}
                      </th>
                    ))}
                    <th scope="col">
                      <span className="visually-hidden">{t('slots.overview.columns.actions')}</span>
                    </th>
                  </tr>
                </thead>
                {overview.data.areas.map((area) => (
                  <tbody key={area.id} data-area={area.id}>
                    <tr className="slot-area-row">
                      <th scope="rowgroup">{area.name}</th>
                      {has('districtNumber') ? <td /> : null}
                      {cells(area.totals)}
                      <td />
                    </tr>
                    {area.workLocations.map((wl) => (
                      <tr key={wl.id} data-work-location={wl.id}>
                        <th scope="row" className="slot-location-name">
                          <Link to={tasksPath(wl.id)}>{wl.name}</Link>
                        </th>
                        {has('districtNumber') ? <td data-column="districtNumber">{wl.districtNumber ?? '–'}</td> : null}
                        {cells(wl.totals)}
                        <td>
                          <Link to={distributionPath(wl.id)} aria-label={t('slots.overview.distributeAt', { name: wl.name })}>
                            {t('slots.overview.distribute')}
                          </Link>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                ))}
                <tfoot>
                  <tr className="slot-total-row" data-testid="overview-total-row">
                    <th scope="row">{t('slots.overview.total')}</th>
                    {has('districtNumber') ? <td /> : null}
                    {cells(overview.data.totals)}
                    <td />
                  </tr>
                </tfoot>
              </table>
            </div>
          )}
        </>
      )}
    </>
  );
}

/** Teams, task types and dates to count, several of each; none ticked is all. */
function Filters({ election, filters, onChange }: { election: ElectionListItem; filters: OverviewFilters; onChange: (next: OverviewFilters) => void }) {
  const { t, i18n } = useTranslation('election');
  const teams = useQuery(configListQuery('teams'));
  const taskTypes = useQuery(configListQuery('task-types'));
  const days = taskDays(election);
  const toggle = (key: keyof OverviewFilters, value: string, on: boolean) => onChange({ ...filters, [key]: on ? [...filters[key], value] : filters[key].filter((v) => v !== value) });
  const group = (key: keyof OverviewFilters, legend: string, options: { value: string; label: string }[], pending: boolean) => (
    <fieldset className="slot-filter-group">
      <legend>
        {legend}
        {filters[key].length ? <span className="hint"> ({t('slots.filters.chosen', { count: filters[key].length })})</span> : null}
      </legend>
      {pending ? (
        <p className="hint">{t('slots.filters.loading')}</p>
      ) : (
        <ul>
          {options.map((o) => {
            const id = `slot-filter-${key}-${o.value}`;
            return (
              <li key={o.value} className="checkbox-row">
                <input id={id} type="checkbox" checked={filters[key].includes(o.value)} onChange={(e) => toggle(key, o.value, e.target.checked)} />
                <label htmlFor={id}>{o.label}</label>
              </li>
            );
          })}
        </ul>
      )}
    </fieldset>
  );
  const any = filters.teamIds.length + filters.taskTypeIds.length + filters.dates.length > 0;
  return (
    <section className="slot-filters" aria-labelledby="slot-filters-heading">
      <h2 id="slot-filters-heading" className="slot-filters-heading">
        {t('slots.filters.heading')}
      </h2>
      <p className="hint">{t('slots.filters.hint')}</p>
      <div className="slot-filter-groups">
        {group(
          'teamIds',
          t('slots.filters.teams'),
          (teams.data ?? []).map((x) => ({ value: x.id, label: x.name })),
          teams.isPending,
        )}
        {group(
          'taskTypeIds',
          t('slots.filters.taskTypes'),
          (taskTypes.data ?? []).map((x) => ({ value: x.id, label: `${x.title} (${x.shortName})` })),
          taskTypes.isPending,
        )}
        {group(
          'dates',
          t('slots.filters.dates'),
          days.map((d) => ({ value: d, label: formatDay(d, i18n.language) })),
          false,
        )}
      </div>
      {any ? (
        <button type="button" className="button-secondary" onClick={() => onChange(NO_OVERVIEW_FILTERS)}>
          {t('slots.filters.clear')}
        </button>
      ) : null}
    </section>
  );
}

function ColumnChooser({ columns, onChange }: { columns: OverviewColumn[]; onChange: (next: OverviewColumn[]) => void }) {
  const { t } = useTranslation('election');
  return (
    <details className="slot-columns">
      <summary>{t('slots.overview.columnsButton', { count: columns.length + 1 })}</summary>
      <fieldset>
        <legend>{t('slots.overview.columnsLegend')}</legend>
        <p className="hint">{t('slots.overview.columnsHint')}</p>
        <ul>
          {OVERVIEW_COLUMNS.map((c) => {
            const id = `slot-column-${c}`;
            return (
              <li key={c} className="checkbox-row">
                <input id={id} type="checkbox" checked={columns.includes(c)} onChange={(e) => onChange(e.target.checked ? [...columns, c] : columns.filter((x) => x !== c))} />
                <label htmlFor={id}>{t(`slots.overview.columns.${c}`)}</label>
              </li>
            );
          })}
        </ul>
      </fieldset>
    </details>
  );
}
