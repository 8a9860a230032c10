// The admin site's one table for lists: columns with header and cell renderers, sorting by a column (a button
// in its header, aria-sort on it), paging — by the server where the API pages (the page comes and goes through
// the caller), in the browser otherwise — an empty-state text and a caption (visually hidden where the page's
// heading already names the table).
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface Column<Row> {
  key: string;
  header: string;
  cell: (row: Row) => ReactNode;
  /** Makes the column sortable: what its rows are ordered by. Ignored when the server pages the list (it does not sort). */
  sortValue?: (row: Row) => string | number;
}

/** The server's page of a list it pages; `onPageChange` asks for another (the caller loads it). */
export interface ServerPaging {
  page: number;
  pageSize: number;
  total: number;
  onPageChange: (page: number) => void;
}

interface DataTableProps<Row> {
  caption: ReactNode;
  /** The page's heading already names the table: the caption is for screen readers only. */
  captionHidden?: boolean;
  columns: Column<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string | number;
  emptyText: string;
  className?: string;
  /** data-* attributes of a row (the browser tests and styles find rows by them). */
  rowAttributes?: (row: Row) => Record<`data-${string}`, string>;
  /** A row whose cells from column `from` on are one cell (e.g. answers that were erased). */
  spanningCell?: (row: Row) => { from: number; className?: string; content: ReactNode } | undefined;
  /** Server paging; without it the browser pages the rows it has, `pageSize` at a time. */
  serverPaging?: ServerPaging;
  pageSize?: number;
  /** Rows of the previous page or filter are shown while the next ones load. */
  busy?: boolean;
}

type Sort = { key: string; direction: 'ascending' | 'descending' };

export function DataTable<Row>({ caption, captionHidden, columns, rows, rowKey, emptyText, className, rowAttributes, spanningCell, serverPaging, pageSize = 25, busy }: DataTableProps<Row>) {
  const { i18n } = useTranslation();
  const [sort, setSort] = useState<Sort | undefined>();
  const [clientPage, setClientPage] = useState(1);

  const sortColumn = serverPaging ? undefined : columns.find((c) => c.key === sort?.key && c.sortValue);
  const sorted = sortColumn && sort ? sortRows(rows, sortColumn.sortValue!, sort.direction, i18n.language) : rows;
  const pages = Math.max(1, Math.ceil(serverPaging ? serverPaging.total / serverPaging.pageSize : rows.length / pageSize));
  const page = serverPaging ? serverPaging.page : Math.min(clientPage, pages);
  const shown = serverPaging ? sorted : sorted.slice((page - 1) * pageSize, page * pageSize);
  const goTo = (n: number) => (serverPaging ? serverPaging.onPageChange(n) : setClientPage(n));

  const toggleSort = (key: string) => {
    setSort((s) => ({ key, direction: s?.key === key && s.direction === 'ascending' ? 'descending' : 'ascending' }));
    setClientPage(1);
  };

  if (rows.length === 0 && page <= 1) return <p className="table-empty">{emptyText}</p>;
  return (
    <>
      <div className="table-wrap">
        <table className={className} aria-busy={busy || undefined}>
          <caption className={captionHidden ? 'visually-hidden' : undefined}>{caption}</caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <HeaderCell key={c.key} column={c} sortable={!serverPaging && Boolean(c.sortValue)} sort={sort?.key === c.key ? sort.direction : undefined} onSort={() => toggleSort(c.key)} />
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => {
              const span = spanningCell?.(row);
              const cells = span ? columns.slice(0, span.from) : columns;
              return (
                <tr key={rowKey(row)} {...rowAttributes?.(row)}>
                  {cells.map((c) => (
                    <td key={c.key}>{c.cell(row)}</td>
                  ))}
                  {span ? (
                    <td colSpan={Math.max(1, columns.length - span.from)} className={span.className}>
                      {span.content}
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {pages > 1 || page > 1 ? <Pager page={page} pages={pages} onPage={goTo} /> : null}
    </>
  );
}

function HeaderCell<Row>({ column, sortable, sort, onSort }: { column: Column<Row>; sortable: boolean; sort: Sort['direction'] | undefined; onSort: () => void }) {
  if (!sortable) return <th scope="col">{column.header}</th>;
  return (
    <th scope="col" aria-sort={sort}>
      <button type="button" className="sort-button" onClick={onSort}>
        {column.header}
        <span className="sort-indicator" aria-hidden="true">
          {sort === 'ascending' ? '▲' : sort === 'descending' ? '▼' : '↕'}
        </span>
      </button>
    </th>
  );
}

function Pager({ page, pages, onPage }: { page: number; pages: number; onPage: (page: number) => void }) {
  const { t } = useTranslation();
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

function sortRows<Row>(rows: Row[], valueOf: (row: Row) => string | number, direction: Sort['direction'], locale: string): Row[] {
  const collator = new Intl.Collator(locale, { numeric: true, sensitivity: 'base' });
  const sign = direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = valueOf(a);
    const y = valueOf(b);
    return sign * (typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y)));
  });
}
