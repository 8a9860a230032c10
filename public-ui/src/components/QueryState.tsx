// What a page shows for data it loads: a loading line, the refusal in the page's language (the design
// system's error alert), or the content. A failed request is never shown as "nothing here".
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { loginUrl } from '../../../forms/ui/session';
import { isProblem, problemText, ProblemError } from '../../../forms/ui/problem';

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
