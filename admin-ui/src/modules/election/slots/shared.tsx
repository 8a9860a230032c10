// What the task slots' pages share: the election they work in (the bar's choice) or the words for none, the fill
// status as a bar AND in words (never colour alone), a slot's state in words, a refusal's coded lines in the
// page's language (`codes.election.*`), the days of an election's task period and a time of day.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProblemError } from '../../../../../forms/ui/problem';
import { Loading, ProblemAlert } from '../../../components/QueryState';
import { codedText } from '../../../pages/flows/coded-text';
import type { ElectionListItem } from '../api';
import { useCurrentElection } from '../current-election';
import { addDays, formatDay } from '../elections/shared';
import { ELECTION_PATHS } from '../paths';
import { isVacant, type Slot, type Totals } from './api';

export { formatDay };

/** The page's content for the election the site works in, or loading, an error, or the words for none. */
export function WithElection({ children }: { children: (election: ElectionListItem) => ReactNode }) {
  const { t } = useTranslation('election');
  const { isPending, error, election } = useCurrentElection();
  if (isPending) return <Loading />;
  if (error) return <ProblemAlert error={error} />;
  if (!election)
    return (
      <p className="table-empty">
        {t('slots.noElection')} <Link to={ELECTION_PATHS.newElection}>{t('shell.create')}</Link>
      </p>
    );
  return <>{children(election)}</>;
}

/** Every day of the election's task period (first to last task date), or election day alone when unset. */
export function taskDays(election: Pick<ElectionListItem, 'firstTaskDate' | 'lastTaskDate' | 'electionDay'>): string[] {
  const first = election.firstTaskDate ?? election.electionDay;
  const last = election.lastTaskDate ?? election.electionDay;
  const days: string[] = [];
  for (let day = first; day <= last && days.length < 366; day = addDays(day, 1)) days.push(day);
  return days;
}

const percent = (part: number, whole: number) => (whole > 0 ? (part / whole) * 100 : 0);

/** The fill status in words: "3 accepted, 1 awaiting an answer, 2 vacant of 6". */
export function useTotalsText(): (totals: Totals) => string {
  const { t, i18n } = useTranslation('election');
  const n = (v: number) => v.toLocaleString(i18n.language);
  return (x) => (x.slots === 0 ? t('slots.fill.none') : t('slots.fill.words', { accepted: n(x.accepted), invited: n(x.invited), vacant: n(x.vacant), slots: n(x.slots) }));
}

/** A bar of accepted / awaiting answer / vacant, its words beside it for everyone (the colours only repeat them). */
export function FillBar({ totals, showWords = true }: { totals: Totals; showWords?: boolean }) {
  const words = useTotalsText()(totals);
  return (
    <span className="slot-fill">
      <span className="slot-fill-bar" aria-hidden="true">
        <span className="slot-fill-accepted" style={{ width: `${percent(totals.accepted, totals.slots)}%` }} />
        <span className="slot-fill-invited" style={{ width: `${percent(totals.invited, totals.slots)}%` }} />
      </span>
      {showWords ? <span className="slot-fill-words">{words}</span> : <span className="visually-hidden">{words}</span>}
    </span>
  );
}

/** The row's state in one word or two: fully staffed, N vacant, no tasks. */
export function FillState({ totals }: { totals: Totals }) {
  const { t, i18n } = useTranslation('election');
  if (totals.slots === 0) return <span className="slot-state slot-state-none">{t('slots.fill.noTasks')}</span>;
  if (totals.vacant === 0 && totals.invited === 0) return <span className="slot-state slot-state-accepted">{t('slots.fill.full')}</span>;
  if (totals.vacant === 0) return <span className="slot-state slot-state-invited">{t('slots.fill.awaiting', { count: totals.invited, n: totals.invited.toLocaleString(i18n.language) })}</span>;
  return <span className="slot-state slot-state-vacant">{t('slots.fill.vacant', { count: totals.vacant, n: totals.vacant.toLocaleString(i18n.language) })}</span>;
}

/** A slot's state in words, with how it came about (directly registered, answered on someone's behalf). */
export function SlotStateBadge({ slot }: { slot: Slot }) {
  const { t } = useTranslation('election');
  const state = isVacant(slot) ? 'vacant' : slot.state;
  return (
    <span className={`slot-state slot-state-${state}`} data-state={state}>
      {t(`slots.state.${state}`)}
      {state === 'accepted' && slot.registeredDirectly ? <> · {t('slots.state.direct')}</> : null}
      {state === 'accepted' && slot.answeredOnBehalf ? <> · {t('slots.state.onBehalf')}</> : null}
    </span>
  );
}

/** A refusal's coded lines (`election.slotsFilled` …) in the page's language; none when it carries no codes. */
export function useRefusalLines(): (error: unknown) => string[] {
  const { t, i18n } = useTranslation();
  return (error) => (error instanceof ProblemError ? (error.problem.errors ?? []).filter((e) => e.code).map((e) => codedText(t, i18n, e, e.message)) : []);
}

/** The coded errors of a refusal ({code, params}), for a page that shows them where they belong. */
export function refusalErrors(error: unknown): { field: string; code: string; params: Record<string, unknown> }[] {
  if (!(error instanceof ProblemError)) return [];
  return (error.problem.errors ?? []).filter((e) => e.code).map((e) => ({ field: e.field, code: e.code!, params: (e.params ?? {}) as Record<string, unknown> }));
}

/** A refusal as an alert: the site's sentence, then what exactly (its codes in words). */
export function RefusalAlert({ error }: { error: unknown }) {
  const lines = useRefusalLines()(error);
  if (lines.length === 0) return <ProblemAlert error={error} />;
  return (
    <div className="notice notice-error" role="alert">
      {lines.map((line, i) => (
        <p key={i}>{line}</p>
      ))}
    </div>
  );
}

/** "08:00–16:00" from a task type's start and end (`HH:MM[:SS]`). */
export const timeRange = (start: string, end: string) => `${start.slice(0, 5)}–${end.slice(0, 5)}`;
