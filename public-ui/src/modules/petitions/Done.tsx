// The page's outcome as the receipt pages show it: an alert whose heading is the page's h1 and takes the focus
// when it appears (the form or button that led here is gone), and where to go next.
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

function CheckIcon() {
  return (
    <svg className="icon-svg alert-icon receipt-icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
      <circle cx="12" cy="12" r="11" fill="currentColor" />
      <path d="M6.5 12.5l3.5 3.5 7.5-8" fill="none" stroke="#fff" strokeWidth="2.4" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

export function Outcome({ kind, heading, children, focus = true }: { kind: 'success' | 'error' | 'warning'; heading: string; children: ReactNode; focus?: boolean }) {
  const { t } = useTranslation('petitions');
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focus) headingRef.current?.focus();
  }, [focus]);
  return (
    <>
      <div className={`alert alert-${kind}${kind === 'success' ? ' receipt' : ''}`} role={kind === 'success' ? 'status' : 'alert'}>
        {kind === 'success' ? <CheckIcon /> : null}
        <div className="alert-body">
          <h1 className="alert-heading" ref={headingRef} tabIndex={-1}>
            {heading}
          </h1>
          {children}
        </div>
      </div>
      <ul className="next-steps">
        <li>
          <Link to="/petitions">{t('confirm.list')}</Link>
        </li>
        <li>
          <Link to="/petitions/new">{t('confirm.propose')}</Link>
        </li>
      </ul>
    </>
  );
}
