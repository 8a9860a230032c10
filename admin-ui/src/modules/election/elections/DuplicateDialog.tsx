// "Duplicate to a new date": a modal dialog asking the copy's title and election day, and saying what is
// copied — the type, lock period, polling stations and templates; the task dates and every task slot moved by
// as many days as the election day; the slots vacant, the participants not copied. A refusal is shown at the
// fields. The native <dialog> keeps focus inside, Escape cancels, and focus returns to the opening button.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ElectionDuplicate } from '../../../../../schemas/types/election-election-duplicate';
import { ErrorSummary, TextField, useFieldErrors } from '../config/fields';
import { duplicateElection, electionChanged, type ElectionDetail } from './api';
import { DateField, formatDay } from './shared';

export function DuplicateDialog({ election, onClose, onDone }: { election: ElectionDetail; onClose: () => void; onDone: (copy: ElectionDetail) => void }) {
  const { t, i18n } = useTranslation('election');
  const queryClient = useQueryClient();
  const ref = useRef<HTMLDialogElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const opener = useRef<Element | null>(typeof document === 'undefined' ? null : document.activeElement);
  const [title, setTitle] = useState(() => t('elections.duplicate.defaultTitle', { title: election.title }).slice(0, 200));
  const [day, setDay] = useState('');
  const save = useMutation({
    // A field left empty is left out: the refusal then says it is required.
    mutationFn: () => duplicateElection(election.id, { ...(title.trim() ? { title: title.trim() } : {}), ...(day ? { electionDay: day } : {}) } as ElectionDuplicate),
    onSuccess: async (copy) => {
      await electionChanged(queryClient, copy);
      ref.current?.close();
      onDone(copy);
    },
  });
  const errors = useFieldErrors(save.error);
  const labels: Record<string, string> = { title: t('elections.duplicate.title'), electionDay: t('elections.duplicate.electionDay') };

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    dialog?.querySelector<HTMLInputElement>('input')?.focus();
  }, []);
  useEffect(() => {
    if (save.isError) summaryRef.current?.focus();
  }, [save.isError, save.error]);

  const close = () => {
    ref.current?.close();
    onClose();
    const back = opener.current;
    if (back instanceof HTMLElement && back.isConnected) back.focus();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <dialog
      ref={ref}
      className="confirm-dialog election-duplicate-dialog"
      aria-labelledby="election-duplicate-title"
      aria-describedby="election-duplicate-explain"
      onCancel={(e) => {
        e.preventDefault();
        close();
      }}
    >
      <h2 id="election-duplicate-title">{t('elections.duplicate.heading', { title: election.title })}</h2>
      <div id="election-duplicate-explain">
        <p>{t('elections.duplicate.explain', { day: formatDay(election.electionDay, i18n.language) })}</p>
        <p>{t('elections.duplicate.participants')}</p>
      </div>
      {save.isError ? <ErrorSummary ref={summaryRef} error={save.error} errors={errors} title={t('elections.duplicate.failed')} labelOf={(n) => labels[n] ?? n} /> : null}
      <form onSubmit={submit} noValidate className="election-form">
        <TextField name="title" label={labels.title!} value={title} onChange={setTitle} maxLength={200} required errors={errors.byField.title} />
        <DateField name="electionDay" label={labels.electionDay!} value={day} onChange={setDay} required hint={t('elections.duplicate.electionDayHint')} errors={errors.byField.electionDay} />
        <div className="confirm-actions">
          <button type="button" className="button-secondary" onClick={close}>
            {t('elections.duplicate.cancel')}
          </button>
          <button type="submit" disabled={save.isPending}>
            {save.isPending ? t('elections.wizard.saving') : t('elections.duplicate.confirm')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
