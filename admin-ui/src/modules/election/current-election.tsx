// The election the admin site works in: one at a time, the browser's own choice (kept in localStorage, so it
// survives a reload and each administrator's browser keeps its own) or else the server's current election
// (GET /api/election/elections/current). Every page of the module reads it with useCurrentElection(); the bar
// at the top of each page (ElectionBar) shows it and changes it.
import { useQuery } from '@tanstack/react-query';
import { useId, useState, useSyncExternalStore, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSite } from '../../../../forms/ui/site';
import { ProblemAlert } from '../../components/QueryState';
import { formatDate } from '../../dates';
import { currentElectionQuery, electionsQuery, type ElectionListItem } from './api';
import { ELECTION_PATHS } from './paths';

const STORAGE_KEY = 'tingvalla.election.current';
const listeners = new Set<() => void>();

const storageKey = (tenant: string) => `${STORAGE_KEY}.${tenant}`;

function readChoice(tenant: string): string | null {
  try {
    return window.localStorage.getItem(storageKey(tenant));
  } catch {
    return null; // storage refused (a private window's policy): the server's current election is used
  }
}

function writeChoice(tenant: string, id: string | null): void {
  try {
    if (id) window.localStorage.setItem(storageKey(tenant), id);
    else window.localStorage.removeItem(storageKey(tenant));
  } catch {
    // not kept across reloads, but still used on this page (the listeners below)
  }
  for (const l of listeners) l();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('storage', listener); // another tab's choice
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', listener);
  };
}

export interface CurrentElection {
  /** Still loading the list (or the server's current one). */
  isPending: boolean;
  error: unknown;
  /** The election the pages work in; null when the tenant has none yet. */
  election: ElectionListItem | null;
  elections: ElectionListItem[];
  /** Work in another election from now on (this browser). */
  choose: (id: string) => void;
}

/** The election the module's pages work in (the browser's choice, else the server's current one). */
export function useCurrentElection(): CurrentElection {
  const { tenant } = useSite();
  const chosen = useSyncExternalStore(subscribe, () => readChoice(tenant.slug));
  const list = useQuery(electionsQuery());
  const elections = list.data ?? [];
  const chosenElection = chosen ? elections.find((e) => e.id === chosen) : undefined;
  // Asked only when the browser's choice is missing or no longer exists (deleted since).
  const current = useQuery({ ...currentElectionQuery(), enabled: list.isSuccess && !chosenElection && elections.length > 0 });
  const fallback = current.data ? (elections.find((e) => e.id === current.data!.id) ?? current.data) : (elections[0] ?? null);
  const election = chosenElection ?? (elections.length === 0 ? null : current.isPending ? null : fallback);
  return {
    isPending: list.isPending || (!chosenElection && elections.length > 0 && current.isPending),
    error: list.error ?? (current.isError && !chosenElection ? current.error : null),
    election,
    elections,
    choose: (id) => writeChoice(tenant.slug, id),
  };
}

/** The top of every page of the module: the election it works in, and a way to change it. */
export function ElectionBar() {
  const { t, i18n } = useTranslation('election');
  const { isPending, error, election, elections, choose } = useCurrentElection();
  const [draft, setDraft] = useState<string | undefined>();
  const [changed, setChanged] = useState('');
  const selectId = useId();
  const headingId = useId();
  if (isPending) return null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next = elections.find((x) => x.id === (draft ?? election?.id));
    if (!next) return;
    choose(next.id);
    setDraft(undefined);
    setChanged(t('shell.changed', { title: next.title }));
  };
  return (
    <section className="election-bar" aria-labelledby={headingId}>
      <h2 id={headingId} className="visually-hidden">
        {t('shell.region')}
      </h2>
      {error ? (
        <ProblemAlert error={error} />
      ) : election ? (
        <>
          <p className="election-bar-current" data-election={election.id}>
            <span className="election-bar-label">{t('shell.current')}</span> <strong>{election.title}</strong>{' '}
            <span className="election-bar-meta">
              {t('shell.electionDay', { date: formatDate(election.electionDay, i18n.language) })}
              {' · '}
              {election.active ? t('shell.active') : t('shell.inactive')}
            </span>
          </p>
          {elections.length > 1 ? (
            <form className="election-bar-change" onSubmit={submit}>
              <label htmlFor={selectId}>{t('shell.change')}</label>
              <select id={selectId} value={draft ?? election.id} onChange={(e) => setDraft(e.target.value)}>
                {elections.map((e) => (
                  <option key={e.id} value={e.id}>
                    {t('shell.option', { title: e.title, date: formatDate(e.electionDay, i18n.language) })}
                  </option>
                ))}
              </select>
              <button type="submit" className="button-small">
                {t('shell.changeButton')}
              </button>
            </form>
          ) : null}
        </>
      ) : (
        <p className="election-bar-current">
          {t('shell.none')} <Link to={ELECTION_PATHS.newElection}>{t('shell.create')}</Link>
        </p>
      )}
      <p role="status" className="election-bar-status">
        {changed}
      </p>
    </section>
  );
}
