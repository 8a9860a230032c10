// What a page shows for data it loads: a loading line, the refusal in the page's language, or the content.
// A refused or failed request is never shown as an empty list, and never as "loading" for ever.
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { loginUrl } from '../../../forms/ui/session';
import { fieldErrorLines, isProblem, problemText, ProblemError } from '../../../forms/ui/problem';

interface QueryStateProps<T> {
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
  /** Shown instead of the general error when the server answers not_found (a page's own "not found"). */
  notFound?: ReactNode;
}

export function QueryState<T>({ query, children, notFound }: QueryStateProps<T>) {
  if (query.isPending) return <Loading />;
  if (query.isError) return notFound !== undefined && isProblem(query.error, 'not_found') ? notFound : <ProblemAlert error={query.error} />;
  return children(query.data);
}

export function Loading() {
  const { t } = useTranslation();
  return <p className="loading">{t('loading')}</p>;
}

/** An error as an alert: the problem's code translated, the fields it names, the request id of a 5xx, and the way back in after a session ended. */
export function ProblemAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const fields = fieldErrorLines(error);
  // Only a failure on the server's side has a request id worth quoting to support (it is in the server's log).
  const requestId = error instanceof ProblemError && error.problem.status >= 500 ? error.problem.requestId : undefined;
  return (
    <div className="notice notice-error" role="alert">
      <p>{problemText(t, error)}</p>
      {fields.length ? (
        <ul>
          {fields.map((line) => (
            <li key={line}>{line}</li>
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
