// The services the municipality offers, from every module that has some (src/modules/index.ts): each module
// reads its own API route; the list shows them together, by title, each linking to its page.
import { useQueries } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SiteService } from '../../../forms/ui/modules';
import { useSite } from '../../../forms/ui/site';
import { PUBLIC_MODULES } from '../modules';
import { Loading, ProblemAlert } from './QueryState';

const SOURCES = PUBLIC_MODULES.flatMap((m) => (m.services ? [m.services] : []));

/** `heading`: the level of each service's title under the page's own headings. */
export function ServiceList({ heading: Heading }: { heading: 'h2' | 'h3' }) {
  const { t, i18n } = useTranslation();
  const { tenant } = useSite();
  const results = useQueries({ queries: SOURCES.map((s) => ({ queryKey: s.queryKey, queryFn: ({ signal }: { signal: AbortSignal }) => s.load(signal) })) });
  if (results.some((r) => r.isPending)) return <Loading />;
  const failed = results.find((r) => r.isError);
  // A module's text in the visitor's language, else the tenant's, else whichever it has.
  const text = (m: Record<string, string> | null | undefined) => (m ? (m[i18n.language] ?? m[tenant.defaultLocale] ?? Object.values(m)[0] ?? '') : '');
  const services: SiteService[] = results.flatMap((r) => r.data ?? []).sort((a, b) => text(a.title).localeCompare(text(b.title), i18n.language));
  return (
    <>
      {failed ? <ProblemAlert error={failed.error} /> : null}
      {services.length === 0 && !failed ? <p>{t('services.none')}</p> : null}
      {services.length > 0 ? (
        <ul className="service-list">
          {services.map((s) => (
            <li key={s.key} className="service">
              <Heading className="service-title">
                <Link to={s.path}>{text(s.title)}</Link>
              </Heading>
              {s.description ? <p className="service-description">{text(s.description)}</p> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
