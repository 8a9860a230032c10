// "Delete selection…": a modal dialog that says what happens (the participants go for good, with their team
// memberships and comments; the tasks they hold become vacant; each deletion is logged by id), asks for the
// confirmation word of the municipality's language typed by hand (SLET, RADERA, DELETE — what the server
// checks), then follows the deletion on the server: a progress bar and a live text polled until it is done.
// The native <dialog> keeps focus inside; Escape closes it (the deletion, once started, goes on regardless).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSite } from '../../../../../forms/ui/site';
import { ErrorSummary, fieldId, useFieldErrors } from '../config/fields';
import { deletionQuery, participantKeys, startDeletion } from './api';
import { formatCount } from './shared';

/** The word the server takes, by the municipality's language (engine/…/start-bulk-deletion.ts). */
export const CONFIRMATION_WORDS = { da: 'SLET', sv: 'RADERA', en: 'DELETE' } as const;
const POLL_MS = 400;

/** `onDeleted` (stable: a useCallback) runs once the deletion has finished. */
export function BulkDeleteDialog({ ids, onClose, onDeleted }: { ids: string[]; onClose: () => void; onDeleted: () => void }) {
  const { t, i18n } = useTranslation('election');
  const { tenant } = useSite();
  const queryClient = useQueryClient();
  const word = CONFIRMATION_WORDS[tenant.defaultLocale];
  const ref = useRef<HTMLDialogElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const opener = useRef<Element | null>(typeof document === 'undefined' ? null : document.activeElement);
  const [typed, setTyped] = useState('');
  const [mistyped, setMistyped] = useState(false);
  const start = useMutation({ mutationFn: () => startDeletion(ids, typed.trim()) });
  const errors = useFieldErrors(start.error);
  const started = start.data;
  const progress = useQuery({
    ...deletionQuery(started?.id ?? ''),
    enabled: Boolean(started),
    refetchInterval: (q) => (q.state.data && q.state.data.status !== 'running' ? false : POLL_MS),
  });
  const status = progress.data?.status ?? (started ? 'running' : undefined);
  const deleted = progress.data?.deleted ?? 0;
  const total = started?.total ?? ids.length;
  const finished = status === 'done' || status === 'failed';

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    dialog?.querySelector<HTMLInputElement>('input')?.focus();
  }, []);
  useEffect(() => {
    if (start.isError) summaryRef.current?.focus();
  }, [start.isError, start.error]);
  useEffect(() => {
    if (!finished) return;
    void queryClient.invalidateQueries({ queryKey: participantKeys.all });
    onDeleted();
    ref.current?.querySelector<HTMLButtonElement>('.bulk-delete-close')?.focus();
  }, [finished, queryClient, onDeleted]);

  const close = () => {
    ref.current?.close();
    onClose();
    const back = opener.current;
    if (back instanceof HTMLElement && back.isConnected) back.focus();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const ok = typed.trim().toUpperCase() === word;
    setMistyped(!ok);
    if (ok) start.mutate();
  };
  const n = (v: number) => formatCount(v, i18n.language);
  const wordErrors = [...(mistyped ? [t('participants.bulkDelete.mistyped', { word })] : []), ...(errors.byField.confirmation ?? [])];
  return (
    <dialog
      ref={ref}
      className="confirm-dialog participant-delete-dialog"
      aria-labelledby="bulk-delete-title"
      aria-describedby="bulk-delete-explain"
      onCancel={(e) => {
        e.preventDefault();
        close();
      }}
    >
      <h2 id="bulk-delete-title">{t('participants.bulkDelete.heading', { count: total, n: n(total) })}</h2>
      <div id="bulk-delete-explain">
        <p>{t('participants.bulkDelete.explain', { count: total, n: n(total) })}</p>
        <p>{t('participants.bulkDelete.tasks')}</p>
        <p>{t('participants.bulkDelete.irreversible')}</p>
      </div>
      {!started ? (
        <>
          {start.isError && !errors.byField.confirmation ? (
            <ErrorSummary
              ref={summaryRef}
              error={start.error}
              errors={errors}
              title={t('participants.bulkDelete.failed')}
              labelOf={(f) => (f === 'confirmation' ? t('participants.bulkDelete.wordLabel', { word }) : t('participants.bulkDelete.selection'))}
            />
          ) : null}
          <form onSubmit={submit} noValidate className="election-form">
            <div className="field">
              <label htmlFor={fieldId('confirmation')}>{t('participants.bulkDelete.wordLabel', { word })}</label>
              <input
                id={fieldId('confirmation')}
                name="confirmation"
                type="text"
                autoComplete="off"
                spellCheck={false}
                maxLength={20}
                value={typed}
                onChange={(e) => {
                  setTyped(e.target.value);
                  setMistyped(false);
                }}
                aria-invalid={wordErrors.length ? true : undefined}
                aria-describedby={wordErrors.length ? `${fieldId('confirmation')}-error` : undefined}
              />
              {wordErrors.length ? (
                <p id={`${fieldId('confirmation')}-error`} className="field-error">
                  {wordErrors.join(' ')}
                </p>
              ) : null}
            </div>
            <div className="confirm-actions">
              <button type="button" className="button-secondary" onClick={close}>
                {t('participants.bulkDelete.cancel')}
              </button>
              <button type="submit" className="button-danger" disabled={start.isPending}>
                {start.isPending ? t('participants.bulkDelete.starting') : t('participants.bulkDelete.confirm', { count: total, n: n(total) })}
              </button>
            </div>
          </form>
        </>
      ) : (
        <div className="participant-delete-progress">
          <progress id="bulk-delete-bar" className="participant-progress" aria-label={t('participants.bulkDelete.progressLabel')} max={total} value={deleted} />
          <p role="status" aria-live="polite" data-testid="deletion-progress" data-status={status}>
            {status === 'done'
              ? t('participants.bulkDelete.done', { count: deleted, n: n(deleted) })
              : status === 'failed'
                ? t('participants.bulkDelete.failedPart', { deleted: n(deleted), total: n(total) })
                : t('participants.bulkDelete.progress', { deleted: n(deleted), total: n(total) })}
          </p>
          {progress.isError ? <p className="field-error">{t('participants.bulkDelete.pollFailed')}</p> : null}
          {!finished ? <p className="hint">{t('participants.bulkDelete.continues')}</p> : null}
          <div className="confirm-actions">
            <button type="button" className="bulk-delete-close" onClick={close}>
              {t('participants.bulkDelete.close')}
            </button>
          </div>
        </div>
      )}
    </dialog>
  );
}
