// The participants: a filter panel (name, birth dates, teams, Digital Post exemption, tasks, task type, work
// location, registry status), the columns this browser chose (remembered; special-category ones marked and
// only offered to administrators), a table sorted by the server (the name in the municipality's collation) by
// clicking a header, paged, with the count. From here: a new participant, the export as CSV or XLSX with its
// progress, and the deletion of a selection — rows ticked one by one or "all N matching" the filters — after
// typing the confirmation word, followed to its end. The filters, order and page are the page's address.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useCallback, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useSite } from '../../../../../forms/ui/site';
import { formatDateTime } from '../../../dates';
import { Loading } from '../../../components/QueryState';
import { configListQuery } from '../api';
import { useFlash } from '../elections/shared';
import { allMatchingIds, filterKey, MAX_DELETION, NO_FILTERS, participantsQuery, REGISTRY_STATUSES, viewOf, viewParams, type ListView, type ParticipantFilters, type ParticipantRow } from './api';
import { BulkDeleteDialog } from './BulkDeleteDialog';
import { ALL_COLUMNS, FIXED_COLUMN, isSpecialColumn, SORTABLE, SPECIAL_COLUMNS, useChosenColumns, type ParticipantColumn } from './columns';
import { ExportPanel } from './ExportPanel';
import { NEW_PARTICIPANT_PATH, participantPagePath } from './paths';
import { formatCount, formatDay, ParticipantProblem, SpecialMark, StatusBadge } from './shared';
import './participants.css';

interface Selection {
  /** The filters the selection was made under: another filter starts a new selection. */
  key: string;
  ids: Set<string>;
}

export default function ParticipantsListPage() {
  const { t, i18n } = useTranslation('election');
  const site = useSite();
  const [params, setParams] = useSearchParams();
  const view = viewOf(params);
  const specialAllowed = site.actor.roles.includes('administrator');
  const [columns, setColumns] = useChosenColumns(site.tenant.slug, specialAllowed);
  const include = columns.filter(isSpecialColumn);
  const list = useQuery({ ...participantsQuery(view, include), placeholderData: keepPreviousData });
  const flash = useFlash();
  const [selection, setSelection] = useState<Selection>({ key: '', ids: new Set() });
  const [selecting, setSelecting] = useState<{ read: number; total: number } | null>(null);
  const [selectError, setSelectError] = useState<unknown>(null);
  const [deleting, setDeleting] = useState<string[] | null>(null);
  const [status, setStatus] = useState('');
  const selectAbort = useRef<AbortController | null>(null);
  const key = filterKey(view.filters);
  const selected = selection.key === key ? selection.ids : new Set<string>();
  const n = (v: number) => formatCount(v, i18n.language);

  const go = (next: ListView) => setParams(viewParams(next));
  const applyFilters = (filters: ParticipantFilters) => go({ ...view, filters, page: 1 });
  const sortBy = (sort: ListView['sort']) => go({ ...view, sort, order: view.sort === sort && view.order === 'asc' ? 'desc' : 'asc', page: 1 });
  const toggle = (id: string, on: boolean) => {
    const ids = new Set(selected);
    if (on) ids.add(id);
    else ids.delete(id);
    setSelection({ key, ids });
  };
  const rows = list.data?.items ?? [];
  const total = list.data?.total;
  const pageAllSelected = rows.length > 0 && rows.every((r) => selected.has(r.id));
  const togglePage = (on: boolean) => {
    const ids = new Set(selected);
    for (const r of rows)
      if (on) ids.add(r.id);
      else ids.delete(r.id);
    setSelection({ key, ids });
  };
  const selectAllMatching = async () => {
    const controller = new AbortController();
    selectAbort.current = controller;
    setSelectError(null);
    setSelecting({ read: 0, total: total ?? 0 });
    try {
      const ids = await allMatchingIds(view.filters, (read, of) => setSelecting({ read, total: of }), controller.signal);
      setSelection({ key, ids: new Set(ids) });
      setStatus(t('participants.selection.allSelected', { count: ids.length, n: n(ids.length) }));
    } catch (error) {
      if (!controller.signal.aborted) setSelectError(error);
    } finally {
      setSelecting(null);
      selectAbort.current = null;
    }
  };
  const onDeleted = useCallback(() => setSelection({ key: '', ids: new Set() }), []);

  return (
    <section className="participants-page">
      <h1>{t('participants.list.heading')}</h1>
      <p>{t('participants.list.intro')}</p>
      <p role="status" className="election-status">
        {status || flash}
      </p>
      <div className="participant-toolbar">
        <Link className="button-link" to={NEW_PARTICIPANT_PATH}>
          {t('participants.list.new')}
        </Link>
        <ExportPanel view={view} columns={columns} total={total} />
      </div>
      <Filters view={view} onApply={applyFilters} />
      <ColumnChooser columns={columns} specialAllowed={specialAllowed} onChange={setColumns} />

      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ParticipantProblem error={list.error} />
      ) : (
        <>
          <p className="participant-count" data-testid="participant-count">
            {t('participants.list.count', { count: list.data.total, n: n(list.data.total) })}
          </p>
          <section className="participant-selection" aria-labelledby="participant-selection-heading">
            <h2 id="participant-selection-heading" className="visually-hidden">
              {t('participants.selection.heading')}
            </h2>
            <p aria-live="polite" data-testid="selection-count">
              {t('participants.selection.count', { count: selected.size, n: n(selected.size) })}
            </p>
            {list.data.total > 0 && selected.size < list.data.total ? (
              <button type="button" className="button-secondary" disabled={Boolean(selecting)} onClick={() => void selectAllMatching()}>
                {t('participants.selection.all', { count: Math.min(list.data.total, MAX_DELETION), n: n(Math.min(list.data.total, MAX_DELETION)) })}
              </button>
            ) : null}
            {selecting ? (
              <>
                <span role="status">{t('participants.selection.reading', { read: n(selecting.read), total: n(selecting.total) })}</span>
                <button type="button" className="button-secondary" onClick={() => selectAbort.current?.abort()}>
                  {t('participants.selection.stop')}
                </button>
              </>
            ) : null}
            {selected.size > 0 ? (
              <>
                <button type="button" className="button-secondary" onClick={() => setSelection({ key: '', ids: new Set() })}>
                  {t('participants.selection.clear')}
                </button>
                <button type="button" className="button-danger participant-delete-button" onClick={() => setDeleting([...selected])}>
                  {t('participants.selection.delete')}
                </button>
              </>
            ) : null}
            {list.data.total > MAX_DELETION ? <p className="hint">{t('participants.selection.limit', { n: n(MAX_DELETION) })}</p> : null}
          </section>
          {selectError ? <ParticipantProblem error={selectError} /> : null}
          <ParticipantTable
            rows={rows}
            columns={columns}
            view={view}
            busy={list.isFetching}
            selected={selected}
            pageAllSelected={pageAllSelected}
            onToggle={toggle}
            onTogglePage={togglePage}
            onSort={sortBy}
          />
          <Pager page={view.page} pages={Math.max(1, Math.ceil(list.data.total / list.data.pageSize))} onPage={(page) => go({ ...view, page })} />
        </>
      )}
      {deleting ? (
        <BulkDeleteDialog
          ids={deleting}
          onDeleted={onDeleted}
          onClose={() => {
            setDeleting(null);
          }}
        />
      ) : null}
    </section>
  );
}

function Filters({ view, onApply }: { view: ListView; onApply: (filters: ParticipantFilters) => void }) {
  const { t } = useTranslation('election');
  const teams = useQuery(configListQuery('teams'));
  const taskTypes = useQuery(configListQuery('task-types'));
  const locations = useQuery(configListQuery('work-locations'));
  const [draft, setDraft] = useState<ParticipantFilters>(view.filters);
  // The fields follow the address when it changes otherwise (the menu's link, back and forward).
  const [shown, setShown] = useState(filterKey(view.filters));
  if (shown !== filterKey(view.filters)) {
    setShown(filterKey(view.filters));
    setDraft(view.filters);
  }
  const set = <K extends keyof ParticipantFilters>(k: K, v: ParticipantFilters[K]) => setDraft((d) => ({ ...d, [k]: v }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply(draft);
  };
  const id = (name: string) => `participant-filter-${name}`;
  const anyFilter = filterKey(view.filters) !== '';
  return (
    <form className="participant-filters" role="search" aria-label={t('participants.filters.heading')} onSubmit={submit}>
      <h2 className="participant-filters-heading">{t('participants.filters.heading')}</h2>
      <div className="participant-filter-grid">
        <div className="field">
          <label htmlFor={id('q')}>{t('participants.filters.q')}</label>
          <input id={id('q')} type="search" maxLength={200} value={draft.q} onChange={(e) => set('q', e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={id('birthFrom')}>{t('participants.filters.birthFrom')}</label>
          <input id={id('birthFrom')} type="date" value={draft.birthFrom} onChange={(e) => set('birthFrom', e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={id('birthTo')}>{t('participants.filters.birthTo')}</label>
          <input id={id('birthTo')} type="date" value={draft.birthTo} onChange={(e) => set('birthTo', e.target.value)} />
        </div>
        <FilterSelect
          id={id('status')}
          label={t('participants.filters.status')}
          value={draft.status}
          onChange={(v) => set('status', v as ParticipantFilters['status'])}
          options={REGISTRY_STATUSES.map((s) => ({ value: s, label: t(`participants.status.${s}`) }))}
        />
        <FilterSelect
          id={id('digitalPostExempt')}
          label={t('participants.filters.digitalPostExempt')}
          value={draft.digitalPostExempt}
          onChange={(v) => set('digitalPostExempt', v as ParticipantFilters['digitalPostExempt'])}
          options={[
            { value: 'true', label: t('participants.filters.exempt') },
            { value: 'false', label: t('participants.filters.notExempt') },
          ]}
        />
        <FilterSelect
          id={id('hasTask')}
          label={t('participants.filters.hasTask')}
          value={draft.hasTask}
          onChange={(v) => set('hasTask', v as ParticipantFilters['hasTask'])}
          options={[
            { value: 'true', label: t('participants.filters.withTask') },
            { value: 'false', label: t('participants.filters.withoutTask') },
          ]}
        />
        <FilterSelect
          id={id('taskTypeId')}
          label={t('participants.filters.taskType')}
          value={draft.taskTypeId}
          onChange={(v) => set('taskTypeId', v)}
          options={(taskTypes.data ?? []).map((tt) => ({ value: tt.id, label: tt.title }))}
        />
        <FilterSelect
          id={id('workLocationId')}
          label={t('participants.filters.workLocation')}
          value={draft.workLocationId}
          onChange={(v) => set('workLocationId', v)}
          options={(locations.data ?? []).map((l) => ({ value: l.id, label: l.name }))}
        />
      </div>
      <fieldset className="participant-filter-teams">
        <legend>{t('participants.filters.teams')}</legend>
        {(teams.data ?? []).length === 0 ? (
          <p className="hint">{teams.isPending ? t('participants.filters.loading') : t('participants.filters.noTeams')}</p>
        ) : (
          <ul>
            {(teams.data ?? []).map((team) => {
              const boxId = `${id('team')}-${team.id}`;
              return (
                <li key={team.id} className="checkbox-row">
                  <input
                    id={boxId}
                    type="checkbox"
                    checked={draft.teamIds.includes(team.id)}
                    onChange={(e) => set('teamIds', e.target.checked ? [...draft.teamIds, team.id] : draft.teamIds.filter((x) => x !== team.id))}
                  />
                  <label htmlFor={boxId}>
                    {team.name}
                    {team.politicalParty ? (
                      <>
                        {' '}
                        <SpecialMark />
                      </>
                    ) : null}
                  </label>
                </li>
              );
            })}
          </ul>
        )}
      </fieldset>
      <div className="participant-filter-actions">
        <button type="submit">{t('participants.filters.apply')}</button>
        {anyFilter ? (
          <button type="button" className="button-secondary" onClick={() => onApply(NO_FILTERS)}>
            {t('participants.filters.clear')}
          </button>
        ) : null}
      </div>
    </form>
  );
}

function FilterSelect({ id, label, value, onChange, options }: { id: string; label: string; value: string; onChange: (v: string) => void; options: { value: string; label: string }[] }) {
  const { t } = useTranslation('election');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('participants.filters.any')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** "Columns": which ones the table (and the export) has, as checkboxes; remembered by this browser. */
function ColumnChooser({ columns, specialAllowed, onChange }: { columns: ParticipantColumn[]; specialAllowed: boolean; onChange: (next: ParticipantColumn[]) => void }) {
  const { t } = useTranslation('election');
  const hintId = useId();
  const offered = ALL_COLUMNS.filter((c) => specialAllowed || !isSpecialColumn(c));
  const toggle = (c: ParticipantColumn, on: boolean) => onChange(ALL_COLUMNS.filter((x) => (x === c ? on : columns.includes(x))));
  const box = (c: ParticipantColumn) => {
    const boxId = `participant-column-${c}`;
    return (
      <li key={c} className="checkbox-row">
        <input id={boxId} type="checkbox" checked={columns.includes(c)} disabled={c === FIXED_COLUMN} onChange={(e) => toggle(c, e.target.checked)} />
        <label htmlFor={boxId}>
          {t(`participants.columns.${c}`)}
          {c === FIXED_COLUMN ? <span className="hint"> ({t('participants.columnsChooser.always')})</span> : null}
        </label>
      </li>
    );
  };
  return (
    <details className="participant-columns">
      <summary>{t('participants.columnsChooser.button', { count: columns.length })}</summary>
      <fieldset>
        <legend>{t('participants.columnsChooser.legend')}</legend>
        <p className="hint">{t('participants.columnsChooser.hint')}</p>
        <ul>{offered.filter((c) => !isSpecialColumn(c)).map(box)}</ul>
      </fieldset>
      {specialAllowed ? (
        <fieldset className="participant-special-columns" aria-describedby={hintId}>
          <legend>
            {t('participants.columnsChooser.special')} <SpecialMark />
          </legend>
          <p id={hintId} className="hint">
            {t('participants.columnsChooser.specialHint')}
          </p>
          <ul>{SPECIAL_COLUMNS.map(box)}</ul>
        </fieldset>
      ) : null}
    </details>
  );
}

interface TableProps {
  rows: ParticipantRow[];
  columns: ParticipantColumn[];
  view: ListView;
  busy: boolean;
  selected: Set<string>;
  pageAllSelected: boolean;
  onToggle: (id: string, on: boolean) => void;
  onTogglePage: (on: boolean) => void;
  onSort: (sort: ListView['sort']) => void;
}

function ParticipantTable({ rows, columns, view, busy, selected, pageAllSelected, onToggle, onTogglePage, onSort }: TableProps) {
  const { t } = useTranslation('election');
  const cell = useCell();
  if (rows.length === 0) return <p className="table-empty">{filterKey(view.filters) ? t('participants.list.noneMatching') : t('participants.list.none')}</p>;
  return (
    <div className="table-wrap">
      <table className="data-table participant-table" aria-busy={busy || undefined}>
        <caption className="visually-hidden">{t('participants.list.caption')}</caption>
        <thead>
          <tr>
            <th scope="col" className="participant-select-cell">
              <input id="participant-select-page" type="checkbox" checked={pageAllSelected} onChange={(e) => onTogglePage(e.target.checked)} />
              <label htmlFor="participant-select-page" className="visually-hidden">
                {t('participants.selection.page')}
              </label>
            </th>
            {columns.map((c) => {
              const sort = SORTABLE[c];
              const header: ReactNode = (
                <>
                  {t(`participants.columns.${c}`)}
                  {isSpecialColumn(c) ? (
                    <>
                      {' '}
                      <SpecialMark />
                    </>
                  ) : null}
                </>
              );
              if (!sort)
                return (
                  <th key={c} scope="col">
                    {header}
                  </th>
                );
              const active = view.sort === sort;
              return (
                <th key={c} scope="col" aria-sort={active ? (view.order === 'asc' ? 'ascending' : 'descending') : undefined}>
                  <button type="button" className="sort-button" onClick={() => onSort(sort)}>
                    {header}
                    <span className="sort-indicator" aria-hidden="true">
                      {active ? (view.order === 'asc' ? '▲' : '▼') : '↕'}
                    </span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const boxId = `participant-select-${row.id}`;
            return (
              <tr key={row.id} data-participant={row.id} data-selected={String(selected.has(row.id))}>
                <td className="participant-select-cell">
                  <input id={boxId} type="checkbox" checked={selected.has(row.id)} onChange={(e) => onToggle(row.id, e.target.checked)} />
                  <label htmlFor={boxId} className="visually-hidden">
                    {t('participants.selection.row', { name: row.name })}
                  </label>
                </td>
                {columns.map((c) => (
                  <td key={c} data-column={c}>
                    {cell(c, row)}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** A column's cell for a row, in the page's language. */
function useCell(): (column: ParticipantColumn, row: ParticipantRow) => ReactNode {
  const { t, i18n } = useTranslation('election');
  const lang = i18n.language;
  const dash = (v: string | null | undefined) => (v ? v : '–');
  return (c, row) => {
    switch (c) {
      case 'name':
        return <Link to={participantPagePath(row.id)}>{row.name}</Link>;
      case 'givenName':
        return row.givenName;
      case 'familyName':
        return row.familyName;
      case 'personalNumber':
        return row.personalNumberMasked;
      case 'birthDate':
        return formatDay(row.birthDate, lang);
      case 'address':
        return row.protectedAddress ? <em className="participant-protected">{t('participants.protectedAddress')}</em> : dash(row.address?.street);
      case 'postalCode':
        return row.protectedAddress ? '–' : dash(row.address?.postalCode);
      case 'city':
        return row.protectedAddress ? '–' : dash(row.address?.city);
      case 'municipalityCode':
        return row.municipalityCode;
      case 'citizenship':
        return row.citizenship;
      case 'registryStatus':
        return <StatusBadge status={row.registryStatus} />;
      case 'registryCheckedAt':
        return formatDateTime(row.registryCheckedAt, lang);
      case 'phone':
        return dash(row.phone);
      case 'email':
        return dash(row.email);
      case 'digitalPostExempt':
        return row.digitalPostExempt ? t('yes') : t('no');
      case 'teams':
        return row.teams.length ? row.teams.map((x) => x.name).join(', ') : '–';
      case 'tasks':
        return formatCount(row.tasks, lang);
      case 'createdAt':
        return formatDateTime(row.createdAt, lang);
      case 'diets': {
        const d = row.diets;
        if (!d || (d.names.length === 0 && !d.note)) return '–';
        return [d.names.join(', '), d.note].filter(Boolean).join(' – ');
      }
      case 'partyMembership':
        return row.partyMembership?.length ? row.partyMembership.map((x) => x.name).join(', ') : '–';
    }
  };
}

function Pager({ page, pages, onPage }: { page: number; pages: number; onPage: (page: number) => void }) {
  const { t } = useTranslation();
  if (pages <= 1 && page <= 1) return null;
  return (
    <nav className="pager" aria-label={t('dataTable.pages')}>
      <button type="button" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {t('dataTable.previous')}
      </button>
      <span>{t('dataTable.pageOf', { page, pages })}</span>
      <button type="button" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        {t('dataTable.next')}
      </button>
    </nav>
  );
}
