// The receipt after a form is sent: a check mark (inline SVG: nothing loaded from elsewhere, and the dkfds
// alert leaves room for an icon that would otherwise be an empty box), the reference, and where to go next —
// what was sent (for a logged-in person, who can read it back) and the front page.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSite } from '../../../forms/ui/site';

export interface Receipt {
  /** The submission's id; absent on the showcase page, which stores nothing. */
  id?: string;
  reference: string;
}

function CheckIcon() {
  return (
    <svg className="icon-svg alert-icon receipt-icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
      <circle cx="12" cy="12" r="11" fill="currentColor" />
      <path d="M6.5 12.5l3.5 3.5 7.5-8" fill="none" stroke="#fff" strokeWidth="2.4" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

export function FormReceipt({ receipt }: { receipt: Receipt }) {
  const { t } = useTranslation();
  const { actor } = useSite();
  return (
    <>
      <div className="alert alert-success receipt" role="status">
        <CheckIcon />
        <div className="alert-body">
          <h1 className="alert-heading">{t('form.received.heading')}</h1>
          <p className="alert-text">{t('form.received.text', { reference: receipt.reference })}</p>
        </div>
      </div>
      <h2 className="h3">{t('form.received.next')}</h2>
      <ul className="next-steps">
        {actor.kind === 'user' && receipt.id ? (
          <li>
            <Link to={`/my/submissions/${receipt.id}`}>{t('form.received.readIt')}</Link>
          </li>
        ) : null}
        <li>
          <Link to="/">{t('form.received.frontPage')}</Link>
        </li>
      </ul>
    </>
  );
}
