// What the responsibles' pages share: the login prompt, the fill status in words, the choice of a team or work
// location (kept in the address as ?team= / ?workLocation=, so a page can be bookmarked), and the pages' small menu.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router';
import { ProblemError } from '../../../../../forms/ui/problem';
import { loginUrl } from '../../../../../forms/ui/session';
import { ProblemAlert } from '../../../components/QueryState';
import { useSitePath } from '../../../site-paths';
import './responsibles.css';

export interface Fill {
  slots: number;
  accepted: number;
  invited: number;
  vacant: number;
}

const REFUSALS = ['election.memberHoldsTeamTasks', 'election.teamLinkNoElection'] as const;

/** A refusal of these pages' own (its reason in words), else the site's alert for the problem. */
export function Refused({ error }: { error: unknown }) {
  const { t } = useTranslation('election');
  const code = error instanceof ProblemError ? error.problem.errors?.[0]?.code : undefined;
  const own = REFUSALS.find((c) => c === code);
  if (!own) return <ProblemAlert error={error} />;
  return (
    <div className="alert alert-error" role="alert">
      <div className="alert-body">
        <p className="alert-text">{t(`responsibles.refusals.${own.slice('election.'.length)}`)}</p>
      </div>
    </div>
  );
}

export function LoginFirst() {
  const { t } = useTranslation('election');
  const { pathname, search } = useLocation();
  return (
    <p>
      {t('responsibles.loginFirst')}{' '}
      <a className="button button-primary" href={loginUrl(pathname + search)}>
        {t('responsibles.login')}
      </a>
    </p>
  );
}

/** "3 of 4 filled · 1 invited · 0 vacant" */
export function FillStatus({ fill }: { fill: Fill }) {
  const { t } = useTranslation('election');
  return (
    <p className="resp-fill" data-testid="fill">
      <span>{t('responsibles.fill.accepted', { count: fill.accepted, slots: fill.slots })}</span>
      <span>{t('responsibles.fill.invited', { count: fill.invited })}</span>
      <span>{t('responsibles.fill.vacant', { count: fill.vacant })}</span>
    </p>
  );
}

/** The id chosen in the address (`name`), if it is one of `ids`; else the first. */
export function useChosen(name: string, ids: string[]): [string | undefined, (id: string) => void] {
  const [params, setParams] = useSearchParams();
  const wanted = params.get(name);
  const chosen = wanted && ids.includes(wanted) ? wanted : ids[0];
  const choose = (id: string) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        next.set(name, id);
        return next;
      },
      { replace: true },
    );
  return [chosen, choose];
}

export function Chooser({ id, label, items, value, onChange }: { id: string; label: string; items: { id: string; name: string }[]; value: string; onChange: (id: string) => void }) {
  if (items.length < 2) return null;
  return (
    <div className="form-group">
      <label className="form-label" htmlFor={id}>
        {label}
      </label>
      <select id={id} className="form-select" value={value} onChange={(e) => onChange(e.target.value)}>
        {items.map((i) => (
          <option key={i.id} value={i.id}>
            {i.name}
          </option>
        ))}
      </select>
    </div>
  );
}

export function ResponsiblesNav({ team }: { team?: string | undefined }) {
  const { t } = useTranslation('election');
  const path = useSitePath();
  const { pathname } = useLocation();
  const items = [
    { to: path('/election/my-team'), label: t('nav.myTeam') },
    { to: path('/election/my-team/distribution'), label: t('nav.teamDistribution') },
    { to: path('/election/my-work-location'), label: t('nav.myWorkLocation') },
  ];
  return (
    <nav className="election-nav" aria-label={t('responsibles.navLabel')}>
      <ul className="nobullet-list">
        {items.map((i) => (
          <li key={i.to}>
            <Link to={team && i.to !== path('/election/my-work-location') ? `${i.to}?team=${team}` : i.to} aria-current={pathname === i.to ? 'page' : undefined}>
              {i.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function Page({ title, children, team }: { title: string; children: ReactNode; team?: string | undefined }) {
  return (
    <div className="resp-page">
      <h1>{title}</h1>
      <ResponsiblesNav team={team} />
      {children}
    </div>
  );
}
