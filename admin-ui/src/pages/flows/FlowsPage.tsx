// The tenant's flows: each with its module, newest published version and running instances.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { getJson } from '../../../../forms/ui/problem';

interface FlowSummary {
  id: string;
  key: string;
  module: string;
  name: Record<string, string> | null;
  latestVersion: number;
  running: number;
  forms: string[];
}

export function FlowsPage() {
  const { t, i18n } = useTranslation();
  const [flows, setFlows] = useState<FlowSummary[] | undefined>();
  useEffect(() => {
    getJson<{ flows: FlowSummary[] }>('/api/flows').then((r) => setFlows(r.flows), () => setFlows([]));
  }, []);
  return (
    <section>
      <h1>{t('flows.heading')}</h1>
      <p>{t('flows.intro')}</p>
      {flows === undefined ? (
        <p>{t('forms.loading')}</p>
      ) : (
        <table className="data-table">
          <caption className="visually-hidden">{t('flows.heading')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('flows.name')}</th>
              <th scope="col">{t('flows.module')}</th>
              <th scope="col">{t('forms.version')}</th>
              <th scope="col">{t('flows.running')}</th>
              <th scope="col">{t('flows.attachedForms')}</th>
            </tr>
          </thead>
          <tbody>
            {flows.map((f) => (
              <tr key={f.id}>
                <td>
                  <Link to={`/flows/${f.id}`}>{f.name?.[i18n.language] ?? f.name?.en ?? f.key}</Link> <code>{f.key}</code>
                </td>
                <td>{f.module}</td>
                <td>{f.latestVersion > 0 ? f.latestVersion : t('forms.unpublished')}</td>
                <td>
                  <Link to={`/flow-instances?flow=${f.id}`}>{f.running}</Link>
                </td>
                <td>{f.forms.length}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
