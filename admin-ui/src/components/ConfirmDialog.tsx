// The one confirmation before something that cannot be taken back (a decision, publishing a version, moving
// running processes, deleting a draft): a native modal <dialog> that says what will happen, with the safe
// choice focused first. The browser keeps focus inside it, Escape cancels, and focus returns to the button
// that opened it. Used through useConfirm(), which hands back a promise of the answer.
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface ConfirmRequest {
  title: string;
  /** What will happen, in a sentence or two. */
  body: ReactNode;
  /** The confirming button's text: the action itself ("Godkend"), never just "OK". */
  confirm: string;
  danger?: boolean;
}

interface Pending extends ConfirmRequest {
  resolve: (ok: boolean) => void;
  opener: Element | null;
}

/** `confirm(request)` opens the dialog and resolves true when confirmed; render `dialog` once in the page. */
export function useConfirm(): { confirm: (request: ConfirmRequest) => Promise<boolean>; dialog: ReactNode } {
  const [pending, setPending] = useState<Pending | null>(null);
  const confirm = useCallback((request: ConfirmRequest) => new Promise<boolean>((resolve) => setPending({ ...request, resolve, opener: document.activeElement })), []);
  const close = (ok: boolean) => {
    if (!pending) return;
    pending.resolve(ok);
    setPending(null);
    if (pending.opener instanceof HTMLElement && pending.opener.isConnected) pending.opener.focus();
  };
  return { confirm, dialog: pending ? <ConfirmDialog request={pending} onClose={close} /> : null };
}

function ConfirmDialog({ request, onClose }: { request: ConfirmRequest; onClose: (ok: boolean) => void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  // Closed before the answer goes out: while the modal is open the rest of the page is inert and cannot take focus back.
  const finish = (ok: boolean) => {
    ref.current?.close();
    onClose(ok);
  };
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    cancelRef.current?.focus();
  }, []);
  return (
    <dialog
      ref={ref}
      className="confirm-dialog"
      aria-labelledby="confirm-title"
      aria-describedby="confirm-body"
      onCancel={(e) => {
        // Escape: answer "no" through our own close, so focus goes back where it came from.
        e.preventDefault();
        finish(false);
      }}
    >
      <h2 id="confirm-title">{request.title}</h2>
      <div id="confirm-body">{request.body}</div>
      <div className="confirm-actions">
        <button type="button" ref={cancelRef} className="button-secondary" onClick={() => finish(false)}>
          {t('confirm.cancel')}
        </button>
        <button type="button" className={request.danger ? 'button-danger' : undefined} onClick={() => finish(true)}>
          {request.confirm}
        </button>
      </div>
    </dialog>
  );
}
