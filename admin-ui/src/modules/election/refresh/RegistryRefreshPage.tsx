// The registry refresh: every week (and when an election is activated) the participants holding tasks in active
// elections are read again from the civil registry; those who moved away, died or lost the right to vote are taken
// off their tasks with the "removed by validation" message. The page shows the runs, the running one's progress
// as a bar (read from the server, so it survives reloading), "run now", and the last finished run's outcome:
// how many were updated and taken off, and why — counts by reason, never who.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Loading, ProblemAlert } from '../../../components/QueryState';
import { refreshesQuery, refreshKeys, runRefreshNow, type RegistryRefresh } from './api';

const POLL_MS = 1000;

/** The reason codes' last part (election.notResident → notResident), as the texts name them. */
const reasonKey = (code: string) => code.replace(/^election\./, '');

export default function RegistryRefreshPage() {
  const { t, i18n } = useTranslation('election');
  const client = useQueryClient();
  const query = useQuery({ ...refreshesQuery(), refetchInterval: (q) => (q.state.data?.items.some((r) => r.status === 'running') ? POLL_MS : false) });
  const run = useMutation({ mutationFn: runRefreshNow, onSuccess: () => client.invalidateQueries({ queryKey: refreshKeys.all }) });
  const n = (v: number) => v.toLocaleString(i18n.language);
  const when = (iso: string) => new Date(iso).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const items = query.data?.items ?? [];
  const running = items.find((r) => r.status === 'running');
  const last = items.find((r) => r.status !== 'running');

  return (
    <section className="registry-refresh-page">
      <h1>{t('registryRefresh.heading')}</h1>
      <p>{t('registryRefresh.intro')}</p>
      <p>
        <button type="button" onClick={() => run.mutate()} disabled={run.isPending || Boolean(running)}>
          {t('registryRefresh.runNow')}
        </button>
      </p>
      {run.isError ? <ProblemAlert error={run.error} /> : null}
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <ProblemAlert error={query.error} />
      ) : (
        <>
          <section aria-labelledby="registry-refresh-progress-heading">
            <h2 id="registry-refresh-progress-heading">{t('registryRefresh.progressHeading')}</h2>
            {running ? <progress aria-label={t('registryRefresh.progressLabel')} max={Math.max(1, running.total)} value={Math.min(running.done, running.total)} /> : null}
            <p role="status" aria-live="polite" data-testid="registry-refresh-status" data-status={running ? 'running' : (last?.status ?? '')}>
              {running ? t('registryRefresh.running', { done: n(running.done), total: n(running.total) }) : t('registryRefresh.idle')}
            </p>
          </section>
          {last ? <Outcome refresh={last} n={n} when={when} /> : null}
          <section aria-labelledby="registry-refresh-runs-heading">
            <h2 id="registry-refresh-runs-heading">{t('registryRefresh.runsHeading')}</h2>
            {items.length === 0 ? (
              <p className="table-empty">{t('registryRefresh.none')}</p>
            ) : (
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('registryRefresh.columns.requestedAt')}</th>
                    <th scope="col">{t('registryRefresh.columns.reason')}</th>
                    <th scope="col">{t('registryRefresh.columns.status')}</th>
                    <th scope="col">{t('registryRefresh.columns.read')}</th>
                    <th scope="col">{t('registryRefresh.columns.updated')}</th>
                    <th scope="col">{t('registryRefresh.columns.unassigned')}</th>
                    <th scope="col">{t('registryRefresh.columns.notFound')}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((r) => (
                    <tr key={r.id}>
                      <td>{when(r.requestedAt)}</td>
                      <td>{t(`registryRefresh.reasons.${r.reason}`)}</td>
                      <td>{t(`registryRefresh.statuses.${r.status}`)}</td>
                      <td>{t('registryRefresh.ofTotal', { done: n(r.done), total: n(r.total) })}</td>
                      <td>{n(r.updated)}</td>
                      <td>{n(r.unassigned)}</td>
                      <td>{n(r.notFound)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        </>
      )}
    </section>
  );
}

function Outcome({ refresh, n, when }: { refresh: RegistryRefresh; n: (v: number) => string; when: (iso: string) => string }) {
  const { t } = useTranslation('election');
  const reasons = Object.entries(refresh.unassignedReasons).filter(([, count]) => count > 0);
  return (
    <section aria-labelledby="registry-refresh-outcome-heading" data-testid="registry-refresh-outcome">
      <h2 id="registry-refresh-outcome-heading">{t('registryRefresh.outcomeHeading', { when: when(refresh.finishedAt ?? refresh.requestedAt) })}</h2>
      <ul>
        <li>{t('registryRefresh.outcome.read', { done: n(refresh.done), total: n(refresh.total) })}</li>
        <li>{t('registryRefresh.outcome.updated', { count: refresh.updated, n: n(refresh.updated) })}</li>
        <li>{t('registryRefresh.outcome.unassigned', { count: refresh.unassigned, n: n(refresh.unassigned) })}</li>
        <li>{t('registryRefresh.outcome.notFound', { count: refresh.notFound, n: n(refresh.notFound) })}</li>
      </ul>
      {reasons.length > 0 ? (
        <>
          <h3>{t('registryRefresh.outcome.whyHeading')}</h3>
          <ul>
            {reasons.map(([code, count]) => (
              <li key={code}>{t('registryRefresh.outcome.why', { reason: t(`registryRefresh.why.${reasonKey(code)}`), n: n(count) })}</li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
