// What a page shows for data it loads, in both sites: a loading line, the refusal in the page's language (each
// site's own alert markup), or the content. A refused or failed request is never shown as an empty list, and
// never as "loading" for ever.
import type { UseQueryResult } from '@tanstack/react-query';
import type { ComponentType, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isProblem } from './problem';

export interface QueryStateProps<T> {
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
  /** Shown instead of the general error when the server answers not_found (a page's own "not found"). */
  notFound?: ReactNode;
}

export function Loading() {
  const { t } = useTranslation();
  return <p className="loading">{t('loading')}</p>;
}

/** A site's QueryState: the shared loading and not-found rules around that site's alert for an error. */
export function queryStateWith(Alert: ComponentType<{ error: unknown }>) {
  return function QueryState<T>({ query, children, notFound }: QueryStateProps<T>) {
    if (query.isPending) return <Loading />;
    if (query.isError) return notFound !== undefined && isProblem(query.error, 'not_found') ? notFound : <Alert error={query.error} />;
    return children(query.data);
  };
}
