// What the participant's own pages share: the refusal of a request in words (the server's `election.*` code
// with its parameters, e.g. the day a lock period ends), the date in words, the way to log in, the links between
// the pages, and the task's facts as one line.
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { loginUrl } from '../../../../../forms/ui/session';
import { isProblem, problemText, ProblemError } from '../../../../../forms/ui/problem';
import { useSitePath } from '../../../site-paths';
import './me.css';

export const formatDay = (day: string, lang: string) => new Date(`${day}T12:00:00Z`).toLocaleDateString(lang, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

const KNOWN = ['lockPeriod', 'taskWorked', 'notYourInvitation', 'invitationExpired', 'alreadyAnswered', 'notInvited', 'notEligible', 'overlap', 'unknownDiet'];

/** The refusal's sentence when the server named one of this page's `election.*` codes, else undefined. */
export function refusalText(t: TFunction, error: unknown, lang: string): string | undefined {
  if (!(error instanceof ProblemError)) return undefined;
  for (const e of error.problem.errors ?? []) {
    const coded = e as { code?: string; params?: Record<string, unknown> };
    const code = coded.code?.replace(/^election\./, '');
    if (code && KNOWN.includes(code)) {
      const ends = typeof coded.params?.ends === 'string' ? formatDay(coded.params.ends, lang) : '';
      return t(`me.refusals.${code}`, { ends });
    }
  }
  return undefined;
}

/** A refused or failed request as the design system's alert (with the way to log in when that is what is missing). */
export function Refusal({ error }: { error: unknown }) {
  const { t, i18n } = useTranslation('election');
  const { t: tSite } = useTranslation();
  const text = refusalText(t, error, i18n.language) ?? problemText(tSite, error);
  return (
    <div className="alert alert-error" role="alert">
      <div className="alert-body">
        <p className="alert-text">{text}</p>
        {isProblem(error, 'unauthenticated') ? (
          <p className="alert-text">
            <a href={loginUrl(window.location.pathname + window.location.search)}>{t('me.login')}</a>
          </p>
        ) : null}
      </div>
    </div>
  );
}

/** "Log in with MitID/BankID" back to this page. */
export function LoginFirst({ text }: { text: string }) {
  const { t } = useTranslation('election');
  const { pathname, search } = useLocation();
  return (
    <p className="me-login">
      {text}{' '}
      <a className="button button-primary" href={loginUrl(pathname + search)}>
        {t('me.login')}
      </a>
    </p>
  );
}

/** The links between my tasks and my profile. */
export function MeNav() {
  const { t } = useTranslation('election');
  const path = useSitePath();
  const { pathname } = useLocation();
  const items = [
    { to: path('/election/my-tasks'), label: t('me.nav.tasks') },
    { to: path('/election/my-profile'), label: t('me.nav.profile') },
  ];
  return (
    <nav className="me-nav" aria-label={t('me.nav.label')}>
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

export interface TaskFacts {
  date: string;
  start: string;
  end: string;
  election: { title: string };
  taskType: { title: string; description: string; payment: string };
  workLocation: { name: string; address: string; postalCode: string; city: string };
  team: string;
}

/** The task's facts as a description list. */
export function TaskFactsList({ task }: { task: TaskFacts }) {
  const { t, i18n } = useTranslation('election');
  const lang = i18n.language;
  const place = [task.workLocation.name, task.workLocation.address, [task.workLocation.postalCode, task.workLocation.city].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  const payment = Number(task.taskType.payment);
  return (
    <dl className="me-facts">
      <dt>{t('me.facts.date')}</dt>
      <dd>{formatDay(task.date, lang)}</dd>
      <dt>{t('me.facts.hours')}</dt>
      <dd>{t('me.facts.hoursValue', { start: task.start, end: task.end })}</dd>
      <dt>{t('me.facts.place')}</dt>
      <dd>{place}</dd>
      <dt>{t('me.facts.team')}</dt>
      <dd>{task.team}</dd>
      {payment > 0 ? (
        <>
          <dt>{t('me.facts.payment')}</dt>
          <dd>{t('me.facts.paymentValue', { amount: payment.toLocaleString(lang, { maximumFractionDigits: 2 }) })}</dd>
        </>
      ) : null}
      <dt>{t('me.facts.election')}</dt>
      <dd>{task.election.title}</dd>
    </dl>
  );
}
