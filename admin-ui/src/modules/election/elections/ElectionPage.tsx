// One election: its details (type, days, lock period, state, setup, staffing), its polling stations by area and
// its message templates (and the task types' own), with what can be done with it — work in it, change or
// finish its setup, activate or deactivate it (a refusal because the setup is not done said in words),
// duplicate it to a new date (a dialog, DuplicateDialog.tsx) and delete it (after a confirmation; the refusals
// — still active, participants on its tasks — in words).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useSite } from '../../../../../forms/ui/site';
import { useConfirm } from '../../../components/ConfirmDialog';
import { Loading, ProblemAlert, QueryState } from '../../../components/QueryState';
import { configListQuery, electionKeys, type TaskType, type WorkLocation } from '../api';
import { ErrorSummary, useFieldErrors } from '../config/fields';
import { useCurrentElection } from '../current-election';
import { activateElection, deactivateElection, deleteElection, electionChanged, electionQuery, MESSAGE_EVENTS, type ElectionDetail } from './api';
import { DuplicateDialog } from './DuplicateDialog';
import { electionPagePath, ELECTIONS_PATH, setupPath } from './paths';
import { formatDay, useFlash, useSetupState, useTaskDates, type ElectionFlash } from './shared';
import './elections.css';

export default function ElectionPage() {
  const { t } = useTranslation('election');
  const { id = '' } = useParams();
  const election = useQuery(electionQuery(id));
  if (election.isPending || election.isError)
    return (
      <section>
        <p className="election-breadcrumb">
          <Link to={ELECTIONS_PATH}>{t('elections.page.back')}</Link>
        </p>
        <h1>{t('nav.election')}</h1>
        <QueryState query={election} notFound={<p>{t('elections.page.notFound')}</p>}>
          {() => null}
        </QueryState>
      </section>
    );
  // A new election (a copy) is a new page: its own messages and dialogs.
  return <Election key={id} election={election.data} />;
}

function Election({ election: e }: { election: ElectionDetail }) {
  const { t, i18n } = useTranslation('election');
  const { t: tApp } = useTranslation();
  const { tenant } = useSite();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { confirm, dialog } = useConfirm();
  const { election: selected, choose } = useCurrentElection();
  const flash = useFlash();
  const [status, setStatus] = useState(flash);
  const [duplicating, setDuplicating] = useState(false);
  const setupState = useSetupState();
  const taskDates = useTaskDates();
  const stateRef = useRef<HTMLDivElement>(null);
  const deleteRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    document.title = `${e.title} – ${t('nav.group')} – ${tApp('adminOf', { name: tenant.name })}`;
  }, [e.title, t, tApp, tenant.name]);

  const changeState = useMutation({
    mutationFn: (to: 'activate' | 'deactivate') => (to === 'activate' ? activateElection(e.id) : deactivateElection(e.id)),
    onMutate: () => setStatus(''),
    onSuccess: async (detail) => {
      await electionChanged(queryClient, detail);
      setStatus(detail.active ? t('elections.page.activated', { title: detail.title }) : t('elections.page.deactivated', { title: detail.title }));
    },
  });
  const remove = useMutation({
    mutationFn: () => deleteElection(e.id),
    onMutate: () => setStatus(''),
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: electionKeys.election(e.id) });
      await electionChanged(queryClient);
      void navigate(ELECTIONS_PATH, { state: { flash: t('elections.page.deleted', { title: e.title }) } satisfies ElectionFlash });
    },
  });
  const stateErrors = useFieldErrors(changeState.error);
  const deleteErrors = useFieldErrors(remove.error);
  useEffect(() => {
    if (changeState.isError) stateRef.current?.focus();
  }, [changeState.isError, changeState.error]);
  useEffect(() => {
    if (remove.isError) deleteRef.current?.focus();
  }, [remove.isError, remove.error]);

  const setupIncomplete = stateErrors.codes.includes('election.setupIncomplete');
  const deleteRefusal = deleteErrors.codes.includes('election.electionActive')
    ? t('elections.delete.active')
    : deleteErrors.codes.includes('election.electionNotEmpty')
      ? t('elections.delete.notEmpty')
      : undefined;
  const askDelete = async () => {
    const ok = await confirm({
      title: t('elections.delete.confirmTitle', { title: e.title }),
      body: <p>{t('elections.delete.confirmBody', { title: e.title })}</p>,
      confirm: t('elections.delete.confirm'),
      danger: true,
    });
    if (ok) remove.mutate();
  };
  const isSelected = selected?.id === e.id;
  return (
    <section className="election-page" data-election={e.id}>
      <p className="election-breadcrumb">
        <Link to={ELECTIONS_PATH}>{t('elections.page.back')}</Link>
      </p>
      <h1>{e.title}</h1>
      <p role="status" className="election-status">
        {status}
      </p>
      <dl className="election-facts">
        <div>
          <dt>{t('elections.page.type')}</dt>
          <dd>{e.electionTypeName}</dd>
        </div>
        <div>
          <dt>{t('elections.page.electionDay')}</dt>
          <dd>{formatDay(e.electionDay, i18n.language)}</dd>
        </div>
        <div>
          <dt>{t('elections.page.taskDates')}</dt>
          <dd>{taskDates(e.firstTaskDate, e.lastTaskDate)}</dd>
        </div>
        <div>
          <dt>{t('elections.page.lockDays')}</dt>
          <dd>{t('elections.page.days', { count: e.lockDays })}</dd>
        </div>
        <div>
          <dt>{t('elections.page.state')}</dt>
          <dd data-testid="election-state">{e.active ? t('elections.activeState.active') : t('elections.activeState.inactive')}</dd>
        </div>
        <div>
          <dt>{t('elections.page.setup')}</dt>
          <dd data-testid="election-setup">{setupState(e.setupStep)}</dd>
        </div>
        <div>
          <dt>{t('elections.page.staffing')}</dt>
          <dd>{t('elections.list.filled', { filled: e.filledSlots, slots: e.slots })}</dd>
        </div>
      </dl>
      <p className="election-selected">
        {isSelected ? (
          <span>{t('elections.page.selected')}</span>
        ) : (
          <button
            type="button"
            className="button-secondary"
            onClick={() => {
              choose(e.id);
              setStatus(t('elections.list.selectedStatus', { title: e.title }));
            }}
          >
            {t('elections.page.select')}
          </button>
        )}
      </p>

      <section className="election-section" aria-labelledby="election-actions-heading">
        <h2 id="election-actions-heading">{t('elections.page.actionsHeading')}</h2>
        {changeState.isError ? (
          setupIncomplete ? (
            <div ref={stateRef} tabIndex={-1} className="notice notice-error election-error-summary" role="alert">
              <p>{t('elections.page.setupIncomplete')}</p>
              <p>
                <Link to={setupPath(e.id)}>{t('elections.page.continueSetup')}</Link>
              </p>
            </div>
          ) : (
            <ErrorSummary ref={stateRef} error={changeState.error} errors={stateErrors} title={t('elections.page.stateFailed')} labelOf={(n) => n} />
          )
        ) : null}
        <p className="hint">{e.active ? t('elections.page.activeHint') : e.setupStep === 'done' ? t('elections.page.inactiveHint') : t('elections.page.setupHint')}</p>
        <div className="election-actions">
          {e.active ? (
            <button type="button" className="button-secondary" disabled={changeState.isPending} onClick={() => changeState.mutate('deactivate')}>
              {t('elections.page.deactivate')}
            </button>
          ) : (
            <button type="button" disabled={changeState.isPending} onClick={() => changeState.mutate('activate')}>
              {t('elections.page.activate')}
            </button>
          )}
          <Link className="button-link" to={setupPath(e.id)}>
            {e.setupStep === 'done' ? t('elections.page.editSetup') : t('elections.page.continueSetup')}
          </Link>
          <button type="button" className="button-secondary" onClick={() => setDuplicating(true)}>
            {t('elections.duplicate.button')}
          </button>
        </div>
      </section>

      <WorkLocationsSection election={e} />
      <MessagesSection election={e} />

      <section className="election-delete" aria-labelledby="election-delete-heading">
        <h2 id="election-delete-heading">{t('elections.delete.heading')}</h2>
        <p>{t('elections.delete.intro')}</p>
        {!e.canDelete ? <p className="hint">{e.active ? t('elections.delete.active') : t('elections.delete.notEmpty')}</p> : null}
        {remove.isError ? (
          <ErrorSummary ref={deleteRef} error={remove.error} errors={deleteErrors} title={t('elections.delete.failed')} labelOf={(n) => n} generalText={deleteRefusal} />
        ) : null}
        <button type="button" className="button-danger" onClick={() => void askDelete()} disabled={remove.isPending}>
          {t('elections.delete.button')}
        </button>
      </section>
      {dialog}
      {duplicating ? (
        <DuplicateDialog
          election={e}
          onClose={() => setDuplicating(false)}
          onDone={(copy) => {
            setDuplicating(false);
            void navigate(electionPagePath(copy.id), { state: { flash: t('elections.duplicate.done', { title: copy.title, day: formatDay(copy.electionDay, i18n.language) }) } satisfies ElectionFlash });
          }}
        />
      ) : null}
    </section>
  );
}

/** The polling stations the election uses, by area (the names from the configuration). */
function WorkLocationsSection({ election: e }: { election: ElectionDetail }) {
  const { t, i18n } = useTranslation('election');
  const locations = useQuery(configListQuery('work-locations'));
  const used = (locations.data ?? []).filter((l) => e.workLocationIds.includes(l.id));
  const areas = new Map<string, { name: string; locations: WorkLocation[] }>();
  for (const l of used) {
    const area = areas.get(l.areaId) ?? { name: l.areaName, locations: [] };
    area.locations.push(l);
    areas.set(l.areaId, area);
  }
  const collator = new Intl.Collator(i18n.language);
  return (
    <section className="election-section" aria-labelledby="election-locations-heading">
      <h2 id="election-locations-heading">{t('elections.page.workLocationsHeading', { count: e.workLocations })}</h2>
      {e.workLocationIds.length === 0 ? (
        <p>{t('elections.page.noWorkLocations')}</p>
      ) : locations.isPending ? (
        <Loading />
      ) : locations.isError ? (
        <ProblemAlert error={locations.error} />
      ) : (
        <ul className="election-area-list">
          {[...areas.entries()]
            .sort(([, a], [, b]) => collator.compare(a.name, b.name))
            .map(([id, area]) => (
              <li key={id}>
                <span className="election-area-name">{area.name}</span>
                <ul>
                  {area.locations.map((l) => (
                    <li key={l.id} data-work-location={l.id}>
                      {l.name}
                      {l.districtNumber ? ` (${t('elections.workLocations.district', { number: l.districtNumber })})` : ''}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
        </ul>
      )}
    </section>
  );
}

/** The template of each event, and the task types that have their own. */
function MessagesSection({ election: e }: { election: ElectionDetail }) {
  const { t } = useTranslation('election');
  const taskTypes = useQuery(configListQuery('task-types'));
  const overrides = Object.entries(e.taskTypeOverrides).filter(([, o]) => Object.keys(o).length > 0);
  const taskTypeName = (id: string) => taskTypes.data?.find((x: TaskType) => x.id === id)?.title ?? '…';
  const eventName = (ev: string) => t(`elections.events.${ev}`);
  return (
    <section className="election-section" aria-labelledby="election-messages-heading">
      <h2 id="election-messages-heading">{t('elections.page.templatesHeading')}</h2>
      <div className="table-wrap">
        <table className="data-table election-template-table">
          <caption className="visually-hidden">{t('elections.page.templatesHeading')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('elections.messages.event')}</th>
              <th scope="col">{t('elections.messages.template')}</th>
            </tr>
          </thead>
          <tbody>
            {MESSAGE_EVENTS.map((ev) => (
              <tr key={ev} data-event={ev}>
                <th scope="row">{eventName(ev)}</th>
                <td>{e.templates[ev] ?? <span className="hint">{t('elections.messages.noMessage')}</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {overrides.length ? (
        <>
          <h3>{t('elections.page.overridesHeading')}</h3>
          <p className="hint">{t('elections.messages.overridesIntro')}</p>
          <ul className="election-override-list">
            {overrides.map(([id, o]) => (
              <li key={id} data-task-type={id}>
                <span className="election-area-name">{taskTypeName(id)}</span>:{' '}
                {Object.entries(o)
                  .map(([ev, key]) => `${eventName(ev)} → ${key}`)
                  .join('; ')}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
