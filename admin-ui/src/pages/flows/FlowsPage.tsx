// The tenant's flows: each with its module, newest published version and running instances.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { flowsQuery, type FlowSummary } from '../../api/flows';
import { DataTable, type Column } from '../../components/DataTable';
import { QueryState } from '../../components/QueryState';

export function FlowsPage() {
  const { t, i18n } = useTranslation();
  const flows = useQuery(flowsQuery());
  const nameOf = (f: FlowSummary) => f.name?.[i18n.language] ?? f.name?.en ?? f.key;
  const columns: Column<FlowSummary>[] = [
    {
      key: 'name',
      header: t('flows.name'),
      cell: (f) => (
        <>
          <Link to={`/flows/${f.id}`}>{nameOf(f)}</Link> <code>{f.key}</code>
        </>
      ),
      sortValue: nameOf,
    },
    { key: 'module', header: t('flows.module'), cell: (f) => f.module, sortValue: (f) => f.module },
    { key: 'version', header: t('forms.version'), cell: (f) => (f.latestVersion > 0 ? f.latestVersion : t('forms.unpublished')), sortValue: (f) => f.latestVersion },
    { key: 'running', header: t('flows.running'), cell: (f) => <Link to={`/flow-instances?flow=${f.id}`}>{f.running}</Link>, sortValue: (f) => f.running },
    { key: 'forms', header: t('flows.attachedForms'), cell: (f) => f.forms.length, sortValue: (f) => f.forms.length },
  ];
  return (
    <section>
      <h1>{t('flows.heading')}</h1>
      <p>{t('flows.intro')}</p>
      <QueryState query={flows}>
        {({ flows: rows }) => <DataTable caption={t('flows.heading')} captionHidden className="data-table" columns={columns} rows={rows} rowKey={(f) => f.id} emptyText={t('flows.none')} />}
      </QueryState>
    </section>
  );
}
