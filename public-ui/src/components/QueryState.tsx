// This site's alert for a refused or failed request, and its QueryState (the shared loading and not-found
// rules of forms/ui/QueryState.tsx around this alert).
import { useTranslation } from 'react-i18next';
import { Loading, queryStateWith } from '../../../forms/ui/QueryState';
import { loginUrl } from '../../../forms/ui/session';
import { isProblem, problemText, ProblemError } from '../../../forms/ui/problem';

export { Loading };

/** An error as the design system's alert: the problem's code translated, the request id of a 5xx, and the way to log in when that is what is missing. */
export function ProblemAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  // Only a failure on the server's side has a request id worth quoting to support (it is in the server's log).
  const requestId = error instanceof ProblemError && error.problem.status >= 500 ? error.problem.requestId : undefined;
  return (
    <div className="alert alert-error" role="alert">
      <div className="alert-body">
        <p className="alert-text">{problemText(t, error)}</p>
        {requestId ? <p className="alert-text">{t('problems.requestId', { id: requestId })}</p> : null}
        {isProblem(error, 'unauthenticated') ? (
          <p className="alert-text">
            <a href={loginUrl(window.location.pathname + window.location.search)}>{t('login')}</a>
          </p>
        ) : null}
      </div>
    </div>
  );
}

/** Loading, this site's alert, or the content (forms/ui/QueryState.tsx). */
export const QueryState = queryStateWith(ProblemAlert);
