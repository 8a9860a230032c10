// "Export to the election system": the tenant's mapping of task types to the national election system's role
// names (Valg Central accepts "Tilforordnet" and "Valgsekretær"), the download of the election's file for it
// (one row per accepted task; refused while a task type with accepted tasks has no role), and per work location
// and date the printable list (PDF) for the polling station's binder. For the election the site works in.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading, ProblemAlert } from '../../../components/QueryState';
import type { ElectionListItem } from '../api';
import { NO_OVERVIEW_FILTERS, overviewQuery } from '../slots/api';
import { formatDay, RefusalAlert, taskDays, WithElection } from '../slots/shared';
import { downloadElectionSystemFile, exportKeys, printListUrl, rolesQuery, saveRoles, SUGGESTED_ROLES, type RoleMapping } from './api';

export default function ElectionSystemExportPage() {
  const { t } = useTranslation('election');
  return (
    <section className="exports-page">
      <h1>{t('exports.heading')}</h1>
      <p>{t('exports.intro')}</p>
      <RoleMappingForm />
      <WithElection>
        {(election) => (
          <>
            <DownloadSection election={election} />
            <PrintLists election={election} />
          </>
        )}
      </WithElection>
    </section>
  );
}

function RoleMappingForm() {
  const { t } = useTranslation('election');
  const client = useQueryClient();
  const query = useQuery(rolesQuery());
  const [draft, setDraft] = useState<Record<string, string>>({});
  // Task types left out of the file on purpose (not the same as not mapped yet, which the download refuses).
  const [leftOut, setLeftOut] = useState<Record<string, boolean>>({});
  const [saved, setSaved] = useState(false);
  const listId = useId();
  useEffect(() => {
    if (query.data) {
      setDraft(Object.fromEntries(query.data.items.map((i) => [i.taskTypeId, i.roleName ?? ''])));
      setLeftOut(Object.fromEntries(query.data.items.map((i) => [i.taskTypeId, !i.exported])));
    }
  }, [query.data]);
  const save = useMutation({
    mutationFn: (items: RoleMapping[]) => saveRoles({
        items: items.map((i) =>
          leftOut[i.taskTypeId] ? { taskTypeId: i.taskTypeId, roleName: null, exported: false } : { taskTypeId: i.taskTypeId, roleName: draft[i.taskTypeId]?.trim() ? draft[i.taskTypeId]!.trim() : null },
        ),
      }),
    onSuccess: (data) => {
      client.setQueryData(exportKeys.roles, data);
      setSaved(true);
    },
  });
  const submit = (e: FormEvent, items: RoleMapping[]) => {
    e.preventDefault();
    setSaved(false);
    save.mutate(items);
  };
  return (
    <section aria-labelledby="exports-roles-heading">
      <h2 id="exports-roles-heading">{t('exports.roles.heading')}</h2>
      <p>{t('exports.roles.intro')}</p>
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <ProblemAlert error={query.error} />
      ) : query.data.items.length === 0 ? (
        <p className="table-empty">{t('exports.roles.noTaskTypes')}</p>
      ) : (
        <form onSubmit={(e) => submit(e, query.data.items)} noValidate>
          <datalist id={listId}>
            {SUGGESTED_ROLES.map((r) => (
              <option key={r} value={r} />
            ))}
          </datalist>
          <div className="table-wrap">
            <table className="data-table">
              <caption className="visually-hidden">{t('exports.roles.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('exports.roles.taskType')}</th>
                  <th scope="col">{t('exports.roles.roleName')}</th>
                  <th scope="col">{t('exports.roles.leftOutColumn')}</th>
                </tr>
              </thead>
              <tbody>
                {query.data.items.map((item) => (
                  <tr key={item.taskTypeId} data-task-type={item.taskTypeId}>
                    <th scope="row">
                      <label htmlFor={`role-${item.taskTypeId}`}>{item.title}</label>
                    </th>
                    <td>
                      <input
                        id={`role-${item.taskTypeId}`}
                        type="text"
                        list={listId}
                        maxLength={100}
                        value={draft[item.taskTypeId] ?? ''}
                        placeholder={t('exports.roles.unmapped')}
                        disabled={!!leftOut[item.taskTypeId]}
                        onChange={(e) => setDraft({ ...draft, [item.taskTypeId]: e.target.value })}
                      />
                    </td>
                    <td>
                      <label className="checkbox-inline">
                        <input type="checkbox" checked={!!leftOut[item.taskTypeId]} onChange={(e) => setLeftOut({ ...leftOut, [item.taskTypeId]: e.target.checked })} />{' '}
                        {t('exports.roles.leftOut', { taskType: item.title })}
                      </label>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {save.isError ? <RefusalAlert error={save.error} /> : null}
          <p role="status">{saved && !save.isPending ? t('exports.roles.saved') : ''}</p>
          <button type="submit" className="button-primary" disabled={save.isPending}>
            {t('exports.roles.save')}
          </button>
        </form>
      )}
    </section>
  );
}

function DownloadSection({ election }: { election: ElectionListItem }) {
  const { t } = useTranslation('election');
  const download = useMutation({ mutationFn: () => downloadElectionSystemFile(election.id) });
  return (
    <section aria-labelledby="exports-download-heading">
      <h2 id="exports-download-heading">{t('exports.download.heading')}</h2>
      <p>{t('exports.download.intro', { election: election.title })}</p>
      <p>{t('exports.download.format')}</p>
      {download.isError ? <RefusalAlert error={download.error} /> : null}
      <p role="status">{download.isSuccess ? t('exports.download.done', { file: download.data }) : ''}</p>
      <button type="button" className="button-primary" onClick={() => download.mutate()} disabled={download.isPending}>
        {t('exports.download.button')}
      </button>
    </section>
  );
}

function PrintLists({ election }: { election: ElectionListItem }) {
  const { t, i18n } = useTranslation('election');
  const days = taskDays(election);
  const [date, setDate] = useState(days.includes(election.electionDay) ? election.electionDay : (days[0] ?? election.electionDay));
  const overview = useQuery(overviewQuery(election.id, NO_OVERVIEW_FILTERS));
  const dateId = useId();
  const workLocations = (overview.data?.areas ?? []).flatMap((a) => a.workLocations.map((w) => ({ ...w, areaName: a.name })));
  return (
    <section aria-labelledby="exports-print-heading">
      <h2 id="exports-print-heading">{t('exports.print.heading')}</h2>
      <p>{t('exports.print.intro')}</p>
      <p>
        <label htmlFor={dateId}>{t('exports.print.date')}</label>{' '}
        <select id={dateId} value={date} onChange={(e) => setDate(e.target.value)}>
          {days.map((d) => (
            <option key={d} value={d}>
              {formatDay(d, i18n.language)}
            </option>
          ))}
        </select>
      </p>
      {overview.isPending ? (
        <Loading />
      ) : overview.isError ? (
        <RefusalAlert error={overview.error} />
      ) : workLocations.length === 0 ? (
        <p className="table-empty">{t('exports.print.none')}</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">{t('exports.print.caption', { date: formatDay(date, i18n.language) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('exports.print.workLocation')}</th>
                <th scope="col">{t('exports.print.area')}</th>
                <th scope="col">{t('exports.print.district')}</th>
                <th scope="col">{t('exports.print.list')}</th>
              </tr>
            </thead>
            <tbody>
              {workLocations.map((w) => (
                <tr key={w.id} data-work-location={w.id}>
                  <th scope="row">{w.name}</th>
                  <td>{w.areaName}</td>
                  <td>{w.districtNumber}</td>
                  <td>
                    <a href={printListUrl(election.id, w.id, date)} target="_blank" rel="noopener">
                      {t('exports.print.link', { name: w.name })}
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
