// One kind of configuration as a table, in the order the server lists it: each row's name links to its form,
// and a link above the table creates a new one. After a deletion the page says what was deleted.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { DataTable, type Column } from '../../../components/DataTable';
import { QueryState } from '../../../components/QueryState';
import { configListQuery, type ConfigKind, type ConfigRows } from '../api';
import { configItemPath, ELECTION_PATHS } from '../paths';

interface ListProps<K extends ConfigKind> {
  kind: K;
  /** The row's name (the first column, the link to its form). */
  nameOf: (row: ConfigRows[K]) => string;
  /** The columns after the name. */
  columns?: Column<ConfigRows[K]>[];
  /** Shown above the table (a hint, a sentence about what the kind is for). */
  intro?: string;
}

export function ConfigListPage<K extends ConfigKind>({ kind, nameOf, columns = [], intro }: ListProps<K>) {
  const { t } = useTranslation('election');
  const location = useLocation();
  const deleted = (location.state as { deleted?: string } | null)?.deleted ?? '';
  const list = useQuery(configListQuery(kind));
  const all: Column<ConfigRows[K]>[] = [{ key: 'name', header: t(`kinds.${kind}.nameColumn`), cell: (row) => <Link to={configItemPath(kind, row.id)}>{nameOf(row)}</Link> }, ...columns];
  return (
    <section className="election-config-list">
      <p className="election-breadcrumb">
        <Link to={ELECTION_PATHS.config}>{t('config.back')}</Link>
      </p>
      <h1>{t(`kinds.${kind}.heading`)}</h1>
      <p>{intro ?? t(`kinds.${kind}.intro`)}</p>
      <p role="status" className="election-status">
        {deleted}
      </p>
      <p>
        <Link className="button-link" to={configItemPath(kind, 'new')}>
          {t(`kinds.${kind}.new`)}
        </Link>
      </p>
      <QueryState query={list}>
        {(rows) => (
          <DataTable
            caption={t(`kinds.${kind}.heading`)}
            captionHidden
            className="data-table election-table"
            columns={all}
            rows={rows}
            rowKey={(row) => row.id}
            rowAttributes={(row) => ({ 'data-id': row.id })}
            emptyText={t(`kinds.${kind}.none`)}
            pageSize={100}
          />
        )}
      </QueryState>
    </section>
  );
}
