// The election's pages on the public site, from what the municipality wrote (GET /api/election/public/site):
// the front page (the active election and its text; "no active election" when there is none), the FAQ (only
// when switched on), the privacy statement (markdown, raw HTML not rendered) and the contact details. Each page
// has the election's own small menu; its addresses are in the tenant's language (site-paths.ts).
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import Markdown from 'react-markdown';
import { Link, useLocation } from 'react-router';
import { apiGet } from '../../../../../forms/ui/api';
import { isLocale } from '../../../../../forms/ui/i18n';
import { useSite } from '../../../../../forms/ui/site';
import type { ElectionPublicSite } from '../../../../../schemas/types/election-public-site';
import { Loading, ProblemAlert } from '../../../components/QueryState';
import { useSitePath } from '../../../site-paths';
import { useMyTeams, useMyWorkLocations } from '../responsibles/queries';
import '../election.css';

type Text = { da?: string; sv?: string; en?: string };

export function useElectionSite() {
  return useQuery({ queryKey: ['election', 'public', 'site'], queryFn: ({ signal }) => apiGet<ElectionPublicSite>('/api/election/public/site', { signal }) });
}

/** A text in the visitor's language, else the tenant's, else whichever was written; `lang` when not the visitor's. */
function useText(): (text: Text | undefined | null) => { text: string; lang?: string } {
  const { i18n } = useTranslation();
  const { tenant } = useSite();
  return (text) => {
    const lang = isLocale(i18n.language) ? i18n.language : tenant.defaultLocale;
    if (!text) return { text: '' };
    if (text[lang]) return { text: text[lang] };
    const other = text[tenant.defaultLocale] ? tenant.defaultLocale : (Object.keys(text).find((k) => text[k as keyof Text]) as keyof Text | undefined);
    return other ? { text: text[other] ?? '', lang: other } : { text: '' };
  };
}

export const formatDay = (day: string, lang: string) => new Date(`${day}T12:00:00Z`).toLocaleDateString(lang, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** Plain text as paragraphs (a blank line between them), line breaks kept. */
function Paragraphs({ text, lang }: { text: string; lang?: string | undefined }) {
  return (
    <div className="election-text" lang={lang}>
      {text
        .split(/\n\s*\n/)
        .filter((p) => p.trim())
        .map((p, i) => (
          <p key={i}>{p.trim()}</p>
        ))}
    </div>
  );
}

/**
 * The election pages' own menu: front page, FAQ (when on), privacy statement (when chosen), contact; logged in also
 * my tasks and team tasks, and my team / my work location for those responsible for one.
 */
export function ElectionNav({ site }: { site: ElectionPublicSite | undefined }) {
  const { t } = useTranslation('election');
  const { actor } = useSite();
  const path = useSitePath();
  const { pathname } = useLocation();
  const teams = useMyTeams(actor.kind === 'user');
  const locations = useMyWorkLocations(actor.kind === 'user');
  const items = [
    { to: path('/election'), label: t('site.navFront') },
    ...(site?.faq ? [{ to: path('/election/faq'), label: t('nav.faq') }] : []),
    ...(site?.privacy ? [{ to: path('/election/privacy'), label: t('nav.privacy') }] : []),
    { to: path('/election/contact'), label: t('nav.contact') },
    ...(actor.kind === 'user'
      ? [
          { to: path('/election/my-tasks'), label: t('nav.myTasks') },
          { to: path('/election/team-tasks'), label: t('nav.teamTasks') },
          ...(teams.data?.items.length ? [{ to: path('/election/my-team'), label: t('nav.myTeam') }] : []),
          ...(locations.data?.items.length ? [{ to: path('/election/my-work-location'), label: t('nav.myWorkLocation') }] : []),
        ]
      : []),
  ];
  return (
    <nav className="election-nav" aria-label={t('site.navLabel')}>
      <ul className="nobullet-list">
        {items.map((i) => (
          <li key={i.to}>
            <Link to={i.to} aria-current={pathname === i.to ? 'page' : undefined}>
              {i.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function SitePage({ title, children }: { title: string; children: (site: ElectionPublicSite) => ReactNode }) {
  const site = useElectionSite();
  return (
    <article className="election-site">
      <ElectionNav site={site.data} />
      <h1>{title}</h1>
      {site.isPending ? <Loading /> : site.isError ? <ProblemAlert error={site.error} /> : children(site.data)}
    </article>
  );
}

export function ElectionHomePage() {
  const { t, i18n } = useTranslation('election');
  const text = useText();
  const path = useSitePath();
  return (
    <SitePage title={t('nav.home')}>
      {(site) =>
        site.elections.length === 0 || !site.frontPage ? (
          <p className="font-lead" data-testid="no-active-election">
            {t('site.noElection')}
          </p>
        ) : (
          <>
            <ul className="nobullet-list election-list">
              {site.elections.map((e) => (
                <li key={e.id} className="font-lead">
                  {t('site.election', { title: e.title, day: formatDay(e.electionDay, i18n.language) })}
                </li>
              ))}
            </ul>
            <Paragraphs {...text(site.frontPage)} />
            <p>
              {t('site.questions')} <Link to={path(site.faq ? '/election/faq' : '/election/contact')}>{site.faq ? t('nav.faq') : t('nav.contact')}</Link>
            </p>
          </>
        )
      }
    </SitePage>
  );
}

export function ElectionFaqPage() {
  const { t } = useTranslation('election');
  const text = useText();
  return (
    <SitePage title={t('nav.faq')}>
      {(site) =>
        !site.faq ? (
          <p>{t('site.noFaq')}</p>
        ) : site.faq.length === 0 ? (
          <p>{t('site.emptyFaq')}</p>
        ) : (
          <div className="election-faq">
            {site.faq.map((entry, i) => {
              const q = text(entry.question);
              const a = text(entry.answer);
              return (
                <section key={i} aria-labelledby={`faq-${i}`}>
                  <h2 id={`faq-${i}`} lang={q.lang}>
                    {q.text}
                  </h2>
                  <Paragraphs {...a} />
                </section>
              );
            })}
          </div>
        )
      }
    </SitePage>
  );
}

export function ElectionPrivacyPage() {
  const { t } = useTranslation('election');
  const text = useText();
  return (
    <SitePage title={t('nav.privacy')}>
      {(site) => {
        if (!site.privacy) return <p>{t('site.noPrivacy')}</p>;
        const body = text(site.privacy.text);
        return (
          <>
            <div className="election-text" lang={body.lang}>
              {/* The statement's own heading is the page's: its headings start one level down. */}
              <Markdown components={{ h1: 'h2', h2: 'h2' }}>{body.text}</Markdown>
            </div>
            <p className="election-version">{t('site.privacyVersion', { version: site.privacy.version })}</p>
          </>
        );
      }}
    </SitePage>
  );
}

export function ElectionContactPage() {
  const { t } = useTranslation('election');
  return (
    <SitePage title={t('nav.contact')}>
      {({ contact }) =>
        !contact.email && !contact.phone && !contact.address && !contact.openingHours ? (
          <p>{t('site.noContact')}</p>
        ) : (
          <dl className="election-contact">
            {contact.phone ? (
              <>
                <dt>{t('site.phone')}</dt>
                <dd>
                  <a href={`tel:${contact.phone.replace(/[^+\d]/g, '')}`}>{contact.phone}</a>
                </dd>
              </>
            ) : null}
            {contact.email ? (
              <>
                <dt>{t('site.email')}</dt>
                <dd>
                  <a href={`mailto:${contact.email}`}>{contact.email}</a>
                </dd>
              </>
            ) : null}
            {contact.address ? (
              <>
                <dt>{t('site.address')}</dt>
                <dd className="election-pre">{contact.address}</dd>
              </>
            ) : null}
            {contact.openingHours ? (
              <>
                <dt>{t('site.openingHours')}</dt>
                <dd className="election-pre">{contact.openingHours}</dd>
              </>
            ) : null}
          </dl>
        )
      }
    </SitePage>
  );
}
