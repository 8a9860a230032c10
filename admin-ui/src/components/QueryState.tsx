// This site's alert for a refused or failed request, and its QueryState (the shared loading and not-found
// rules of forms/ui/QueryState.tsx around this alert).
import { useTranslation } from 'react-i18next';
import { Loading, queryStateWith } from '../../../forms/ui/QueryState';
import { loginUrl } from '../../../forms/ui/session';
import { fieldErrorLines, isProblem, problemText, ProblemError } from '../../../forms/ui/problem';

export { Loading };

/**
 * An error as an alert: the problem's code translated, the fields it names (or the lines a page words them in),
 * the request id of a 5xx, and the way back in after a session ended.
 */
export function ProblemAlert({ error, lines }: { error: unknown; lines?: string[] }) {
  const { t } = useTranslation();
  const fields = lines ?? fieldErrorLines(error);
  // Only a failure on the server's side has a request id worth quoting to support (it is in the server's log).
  const requestId = error instanceof ProblemError && error.problem.status >= 500 ? error.problem.requestId : undefined;
  return (
    <div className="notice notice-error" role="alert">
      <p>{problemText(t, error)}</p>
      {fields.length ? (
        <ul>
          {fields.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      ) : null}
      {requestId ? <p>{t('problems.requestId', { id: requestId })}</p> : null}
      {isProblem(error, 'unauthenticated') ? (
        <p>
          <a href={loginUrl(window.location.pathname + window.location.search)}>{t('loggedOut.again')}</a>
        </p>
      ) : null}
    </div>
  );
}

/** Loading, this site's alert, or the content (forms/ui/QueryState.tsx). */
export const QueryState = queryStateWith(ProblemAlert);
