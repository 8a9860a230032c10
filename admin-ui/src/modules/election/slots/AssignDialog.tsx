// Assigning a vacant slot: a modal dialog that searches the participants by name or personal number (the slot's
// candidates: at most 10, each with whether they may take THIS slot — the election type's rules, an overlapping
// task, an earlier rejection of the task type — in words), a choice of "register directly (no invitation)", and
// the way to create a participant by registry lookup and come back to this slot. Escape or Cancel closes it and
// focus returns to the button that opened it.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { codedText } from '../../../pages/flows/coded-text';
import { NEW_PARTICIPANT_PATH } from '../participants/paths';
import { assignSlot, candidatesQuery, type Assigned, type Candidate, type Slot } from './api';
import { formatDay, RefusalAlert, timeRange } from './shared';

interface Props {
  electionId: string;
  slot: Slot;
  /** Where "create a participant" comes back to (this page, asked to open the dialog for the slot again). */
  returnTo: string;
  /** A search to start with (the participant just created). */
  initialQuery?: string;
  onDone: (assigned: Assigned, participantName: string, direct: boolean) => void;
  onClose: () => void;
}

export function AssignDialog({ electionId, slot, returnTo, initialQuery = '', onDone, onClose }: Props) {
  const { t, i18n } = useTranslation('election');
  const site = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const [text, setText] = useState(initialQuery);
  const [q, setQ] = useState(initialQuery.trim());
  const [direct, setDirect] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const searchId = useId();
  const directId = useId();
  const candidates = useQuery({ ...candidatesQuery(electionId, slot.id, q), enabled: q.length >= 2, placeholderData: keepPreviousData });

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    searchRef.current?.focus();
  }, []);

  const close = () => {
    ref.current?.close();
    onClose();
  };
  const search = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setQ(text.trim());
  };
  const choose = async (candidate: Candidate) => {
    setBusy(true);
    setError(null);
    try {
      const assigned = await assignSlot(electionId, slot.id, { participantId: candidate.id, ...(direct ? { registerDirectly: true } : {}) });
      ref.current?.close();
      onDone(assigned, candidate.name, direct);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const reasonsOf = (c: Candidate): string[] => [
    ...c.eligibility.reasons.map((r) => codedText(site.t, site.i18n, r, r.code)),
    ...(c.holdsThisSlot ? [t('slots.assign.holdsThisSlot')] : []),
    ...(c.overlap ? [codedText(site.t, site.i18n, { code: 'election.overlap', params: { ...c.overlap, date: formatDay(c.overlap.date, i18n.language) } }, 'overlap')] : []),
    ...(c.rejectedBefore ? [codedText(site.t, site.i18n, { code: 'election.rejectedBefore', params: {} }, 'rejectedBefore')] : []),
  ];
  const list = candidates.data ?? [];
  return (
    <dialog
      ref={ref}
      className="confirm-dialog slot-assign-dialog"
      aria-labelledby="slot-assign-title"
      aria-describedby="slot-assign-what"
      onCancel={(e) => {
        e.preventDefault();
        close();
      }}
    >
      <h2 id="slot-assign-title">{t('slots.assign.heading')}</h2>
      <p id="slot-assign-what">
        {t('slots.assign.what', { taskType: slot.taskType.title, date: formatDay(slot.date, i18n.language), time: timeRange(slot.taskType.start, slot.taskType.end), team: slot.team.name })}
      </p>
      <form role="search" className="slot-assign-search" onSubmit={search}>
        <div className="field">
          <label htmlFor={searchId}>{t('slots.assign.search')}</label>
          <input id={searchId} ref={searchRef} type="search" maxLength={200} autoComplete="off" value={text} onChange={(e) => setText(e.target.value)} aria-describedby={`${searchId}-hint`} />
          <p id={`${searchId}-hint`} className="hint">
            {t('slots.assign.searchHint')}
          </p>
        </div>
        <button type="submit">{t('slots.assign.searchButton')}</button>
      </form>
      <div className="checkbox-row slot-assign-direct">
        <input id={directId} type="checkbox" checked={direct} onChange={(e) => setDirect(e.target.checked)} aria-describedby={`${directId}-hint`} />
        <label htmlFor={directId}>{t('slots.assign.direct')}</label>
      </div>
      <p id={`${directId}-hint`} className="hint">
        {direct ? t('slots.assign.directHint') : t('slots.assign.inviteHint')}
      </p>
      {error ? <RefusalAlert error={error} /> : null}
      <div aria-live="polite" aria-busy={candidates.isFetching || undefined} data-testid="candidates">
        {q.length < 2 ? null : candidates.isPending ? (
          <p className="loading">{t('slots.assign.searching')}</p>
        ) : candidates.isError ? (
          <RefusalAlert error={candidates.error} />
        ) : list.length === 0 ? (
          <p className="table-empty">{t('slots.assign.none')}</p>
        ) : (
          <ul className="slot-candidates">
            {list.map((c) => {
              const reasons = reasonsOf(c);
              const ok = c.eligibility.eligible && reasons.length === 0;
              return (
                <li key={c.id} data-candidate={c.id} data-eligible={String(ok)}>
                  <div>
                    <strong>{c.name}</strong>
                    {c.personalNumberMasked ? <span className="hint"> {c.personalNumberMasked}</span> : null}
                    {ok ? (
                      <p className="slot-eligible">{t('slots.assign.eligible')}</p>
                    ) : (
                      <ul className="slot-reasons" aria-label={t('slots.assign.reasonsLabel', { name: c.name })}>
                        {reasons.map((r, i) => (
                          <li key={i}>{r}</li>
                        ))}
                      </ul>
                    )}
                  </div>
                  <button type="button" className="button-small" disabled={!ok || busy} onClick={() => void choose(c)} aria-label={t(direct ? 'slots.assign.registerName' : 'slots.assign.inviteName', { name: c.name })}>
                    {direct ? t('slots.assign.register') : t('slots.assign.invite')}
                  </button>
                </li>
              );
            })}
          </ul>
        )}
      </div>
      <p className="slot-assign-new">
        {t('slots.assign.notFound')} <Link to={`${NEW_PARTICIPANT_PATH}?${new URLSearchParams({ returnTo }).toString()}`}>{t('slots.assign.create')}</Link>
      </p>
      <div className="confirm-actions">
        <button type="button" className="button-secondary" onClick={close}>
          {t('slots.assign.cancel')}
        </button>
      </div>
    </dialog>
  );
}
