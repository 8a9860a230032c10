// One work location's slots in the election the site works in, by date (one date or all): each slot's task type
// and time, team, state in words and who holds it. From here: assign a vacant slot (the dialog: search,
// eligibility, "register directly"), remove the holder (after a confirmation that says the participant is told),
// reply on an invited participant's behalf (accept or reject, confirmed and audited as such), copy an invited
// slot's invitation link to the clipboard, and move vacant slots never invited to another team. The page's
// address keeps the date; `?assign=<slotId>` opens the dialog for that slot (coming back from creating a
// participant).
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { useConfirm } from '../../../components/ConfirmDialog';
import { Loading } from '../../../components/QueryState';
import { formatDateTime } from '../../../dates';
import { configListQuery, type ElectionListItem } from '../api';
import { participantPagePath } from '../participants/paths';
import { AssignDialog } from './AssignDialog';
import { invitationLink, isMovable, isVacant, moveSlots, replyOnBehalf, slotsChanged, tasksQuery, unassignSlot, type Assigned, type Slot, MAX_MOVE } from './api';
import { distributionPath, OVERVIEW_PATH, tasksPath } from './paths';
import { formatDay, RefusalAlert, SlotStateBadge, timeRange, WithElection } from './shared';
import './slots.css';

/** What "create a participant" leaves for this page when it comes back (NewParticipantPage's navigation state). */
interface ComingBack {
  flash?: string;
  createdName?: string;
}

export default function WorkLocationTasksPage() {
  const { t } = useTranslation('election');
  const { id = '' } = useParams();
  return (
    <section className="slots-page">
      <p className="election-breadcrumb">
        <Link to={OVERVIEW_PATH}>{t('slots.backToOverview')}</Link>
      </p>
      <WithElection>{(election) => <Tasks key={`${election.id}|${id}`} election={election} workLocationId={id} />}</WithElection>
    </section>
  );
}

function Tasks({ election, workLocationId }: { election: ElectionListItem; workLocationId: string }) {
  const { t, i18n } = useTranslation('election');
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const comingBack = (location.state as ComingBack | null) ?? {};
  const [params, setParams] = useSearchParams();
  const tasks = useQuery(tasksQuery(election.id, workLocationId));
  const teams = useQuery(configListQuery('teams'));
  const { confirm, dialog } = useConfirm();
  const [status, setStatus] = useState(comingBack.flash ?? '');
  const [error, setError] = useState<unknown>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [moveTo, setMoveTo] = useState('');
  const [busy, setBusy] = useState(false);
  const opener = useRef<Element | null>(null);
  const moveId = useId();
  const dateId = useId();
  const date = params.get('date') ?? '';
  const assigning = params.get('assign') ?? '';

  const run = async (action: () => Promise<string>) => {
    setBusy(true);
    setError(null);
    setStatus('');
    try {
      const said = await action();
      // Said once the list shows it.
      await slotsChanged(queryClient, election.id);
      setStatus(said);
    } catch (err) {
      // The refusal as an alert (its codes in words), above the list.
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const setParam = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };

  if (tasks.isPending) return <Loading />;
  if (tasks.isError) return <RefusalAlert error={tasks.error} />;
  const { workLocation, slots } = tasks.data;
  const dates = [...new Set(slots.map((s) => s.date))].sort();
  const shown = date ? slots.filter((s) => s.date === date) : slots;
  const byDate = dates.filter((d) => !date || d === date).map((d) => ({ date: d, slots: shown.filter((s) => s.date === d) }));
  const assigningSlot = slots.find((s) => s.id === assigning && isVacant(s));
  const chosen = [...selected].filter((id) => slots.some((s) => s.id === id && isMovable(s)));
  const day = (d: string) => formatDay(d, i18n.language);
  const who = (slot: Slot) => slot.participant?.name ?? '';

  const remove = async (slot: Slot) => {
    const invited = slot.state === 'invited';
    const ok = await confirm({
      title: t('slots.remove.title', { name: who(slot) }),
      body: (
        <>
          <p>{t('slots.remove.body', { name: who(slot), taskType: slot.taskType.title, date: day(slot.date) })}</p>
          <p>{invited ? t('slots.remove.toldInvited', { name: who(slot) }) : t('slots.remove.told', { name: who(slot) })}</p>
        </>
      ),
      confirm: t('slots.remove.confirm'),
      danger: true,
    });
    if (ok)
      await run(async () => {
        await unassignSlot(election.id, slot.id);
        return t('slots.remove.done', { name: who(slot) });
      });
  };
  const reply = async (slot: Slot, answer: 'accept' | 'reject') => {
    const ok = await confirm({
      title: t(`slots.reply.${answer}Title`, { name: who(slot) }),
      body: (
        <>
          <p>{t(`slots.reply.${answer}Body`, { name: who(slot), taskType: slot.taskType.title, date: day(slot.date) })}</p>
          <p>{t('slots.reply.audited')}</p>
        </>
      ),
      confirm: t(`slots.reply.${answer}Confirm`),
      danger: answer === 'reject',
    });
    if (ok)
      await run(async () => {
        await replyOnBehalf(election.id, slot.id, answer);
        return t(`slots.reply.${answer}Done`, { name: who(slot) });
      });
  };
  const copyLink = (slot: Slot) =>
    run(async () => {
      const { url } = await invitationLink(election.id, slot.id);
      try {
        await navigator.clipboard.writeText(url);
        return t('slots.link.copied', { name: who(slot) });
      } catch {
        window.prompt(t('slots.link.copyYourself'), url);
        return t('slots.link.shown', { name: who(slot) });
      }
    });
  const move = () =>
    run(async () => {
      const team = (teams.data ?? []).find((x) => x.id === moveTo);
      const { moved } = await moveSlots(election.id, chosen.slice(0, MAX_MOVE), moveTo);
      setSelected(new Set());
      return t('slots.move.done', { count: moved, team: team?.name ?? '' });
    });
  const openAssign = (slot: Slot) => {
    opener.current = document.activeElement;
    setParam('assign', slot.id);
  };
  // Closed: the address without `assign` (and without what creating a participant left), focus back where it was.
  const closeAssign = () => {
    const next = new URLSearchParams(params);
    next.delete('assign');
    void navigate({ search: next.toString() }, { replace: true, state: null });
    const back = opener.current;
    setTimeout(() => (back instanceof HTMLElement && back.isConnected ? back.focus() : document.querySelector<HTMLElement>('h1')?.focus()), 0);
  };
  const assigned = async (result: Assigned, name: string, direct: boolean) => {
    await slotsChanged(queryClient, election.id);
    closeAssign();
    setError(null);
    setStatus(result.state === 'accepted' || direct ? t('slots.assign.registered', { name }) : t('slots.assign.invited', { name }));
  };

  return (
    <>
      <h1>{t('slots.tasks.heading', { name: workLocation.name })}</h1>
      <p className="election-subject">
        {workLocation.areaName} · {election.title}
      </p>
      <p>
        <Link to={distributionPath(workLocation.id)}>{t('slots.tasks.distributeLink')}</Link>
      </p>
      <p role="status" className="election-status" data-testid="tasks-status">
        {status}
      </p>
      {error ? (
        <div data-testid="tasks-error">
          <RefusalAlert error={error} />
        </div>
      ) : null}
      <div className="slot-toolbar">
        <div className="field">
          <label htmlFor={dateId}>{t('slots.tasks.date')}</label>
          <select id={dateId} value={date} onChange={(e) => setParam('date', e.target.value)}>
            <option value="">{t('slots.tasks.allDates')}</option>
            {dates.map((d) => (
              <option key={d} value={d}>
                {day(d)}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="slot-move">
          <legend>{t('slots.move.legend')}</legend>
          <p className="hint" aria-live="polite" data-testid="move-selection">
            {t('slots.move.selected', { count: chosen.length })}
          </p>
          <label htmlFor={moveId}>{t('slots.move.team')}</label>
          <select id={moveId} value={moveTo} onChange={(e) => setMoveTo(e.target.value)}>
            <option value="">{t('slots.move.chooseTeam')}</option>
            {(teams.data ?? []).map((team) => (
              <option key={team.id} value={team.id}>
                {team.name}
              </option>
            ))}
          </select>
          <button type="button" disabled={busy || chosen.length === 0 || !moveTo} onClick={() => void move()}>
            {t('slots.move.button', { count: chosen.length })}
          </button>
        </fieldset>
      </div>
      {slots.length === 0 ? (
        <p className="table-empty">
          {t('slots.tasks.none')} <Link to={distributionPath(workLocation.id)}>{t('slots.tasks.distributeLink')}</Link>
        </p>
      ) : (
        byDate.map((group) => (
          <section key={group.date} className="slot-day" aria-labelledby={`slot-day-${group.date}`}>
            <h2 id={`slot-day-${group.date}`}>{day(group.date)}</h2>
            <div className="table-wrap">
              <table className="data-table slot-tasks">
                <caption className="visually-hidden">{t('slots.tasks.caption', { name: workLocation.name, date: day(group.date) })}</caption>
                <thead>
                  <tr>
                    <th scope="col">
                      <span className="visually-hidden">{t('slots.move.selectColumn')}</span>
                    </th>
                    <th scope="col">{t('slots.tasks.columns.taskType')}</th>
                    <th scope="col">{t('slots.tasks.columns.time')}</th>
                    <th scope="col">{t('slots.tasks.columns.team')}</th>
                    <th scope="col">{t('slots.tasks.columns.state')}</th>
                    <th scope="col">{t('slots.tasks.columns.participant')}</th>
                    <th scope="col">{t('slots.tasks.columns.when')}</th>
                    <th scope="col">{t('slots.tasks.columns.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {group.slots.map((slot) => {
                    const boxId = `slot-select-${slot.id}`;
                    const vacant = isVacant(slot);
                    const label = `${slot.taskType.title}, ${slot.team.name}, ${day(slot.date)}`;
                    return (
                      <tr key={slot.id} data-slot={slot.id} data-state={vacant ? 'vacant' : slot.state} data-team={slot.team.id} data-task-type={slot.taskType.id}>
                        <td>
                          {isMovable(slot) ? (
                            <>
                              <input
                                id={boxId}
                                type="checkbox"
                                checked={selected.has(slot.id)}
                                onChange={(e) =>
                                  setSelected((s) => {
                                    const next = new Set(s);
                                    if (e.target.checked) next.add(slot.id);
                                    else next.delete(slot.id);
                                    return next;
                                  })
                                }
                              />
                              <label htmlFor={boxId} className="visually-hidden">
                                {t('slots.move.selectSlot', { slot: label })}
                              </label>
                            </>
                          ) : null}
                        </td>
                        <td>
                          <abbr title={slot.taskType.title}>{slot.taskType.shortName}</abbr> {slot.taskType.title}
                          {slot.taskType.trusted ? <span className="slot-trusted"> {t('slots.trusted')}</span> : null}
                        </td>
                        <td>{timeRange(slot.taskType.start, slot.taskType.end)}</td>
                        <td>{slot.team.name}</td>
                        <td>
                          <SlotStateBadge slot={slot} />
                          {vacant && slot.everInvited ? <span className="hint"> {t('slots.tasks.invitedBefore')}</span> : null}
                        </td>
                        <td>
                          {slot.participant ? (
                            <>
                              <Link to={participantPagePath(slot.participant.id)}>{slot.participant.name}</Link> <span className="hint">{slot.participant.personalNumberMasked}</span>
                            </>
                          ) : (
                            '–'
                          )}
                        </td>
                        <td>
                          {slot.answeredAt ? t('slots.tasks.answeredAt', { at: formatDateTime(slot.answeredAt, i18n.language) }) : slot.invitedAt && !vacant ? t('slots.tasks.invitedAt', { at: formatDateTime(slot.invitedAt, i18n.language) }) : '–'}
                        </td>
                        <td>
                          <div className="slot-actions">
                            {vacant ? (
                              <button type="button" className="button-small" disabled={busy} onClick={() => openAssign(slot)} aria-label={t('slots.actions.assignSlot', { slot: label })}>
                                {t('slots.actions.assign')}
                              </button>
                            ) : (
                              <>
                                {slot.state === 'invited' ? (
                                  <>
                                    <button type="button" className="button-small" disabled={busy} onClick={() => void reply(slot, 'accept')} aria-label={t('slots.actions.acceptFor', { name: who(slot), slot: label })}>
                                      {t('slots.actions.accept')}
                                    </button>
                                    <button type="button" className="button-small button-secondary" disabled={busy} onClick={() => void reply(slot, 'reject')} aria-label={t('slots.actions.rejectFor', { name: who(slot), slot: label })}>
                                      {t('slots.actions.reject')}
                                    </button>
                                    <button type="button" className="button-small button-secondary" disabled={busy} onClick={() => void copyLink(slot)} aria-label={t('slots.actions.copyLinkFor', { name: who(slot), slot: label })}>
                                      {t('slots.actions.copyLink')}
                                    </button>
                                  </>
                                ) : null}
                                <button type="button" className="button-small button-danger" disabled={busy} onClick={() => void remove(slot)} aria-label={t('slots.actions.removeFrom', { name: who(slot), slot: label })}>
                                  {t('slots.actions.remove')}
                                </button>
                              </>
                            )}
                          </div>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </section>
        ))
      )}
      {assigningSlot ? (
        <AssignDialog
          electionId={election.id}
          slot={assigningSlot}
          returnTo={`${tasksPath(workLocation.id)}?${new URLSearchParams({ ...(date ? { date } : {}), assign: assigningSlot.id }).toString()}`}
          initialQuery={comingBack.createdName ?? ''}
          onDone={(result, name, direct) => void assigned(result, name, direct)}
          onClose={closeAssign}
        />
      ) : null}
      {dialog}
    </>
  );
}
