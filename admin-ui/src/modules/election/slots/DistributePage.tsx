// A work location's distribution: how many slots each team has of each task type on each date, as a grid of
// number inputs (teams down, task types across, one date at a time; every date's edits kept until saved), saved
// in one PUT (the changed cells). Only vacant slots are added or removed: a count below what is filled is refused at its cell
// ("3 are filled — remove participants first") and nothing is written.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Loading } from '../../../components/QueryState';
import { configItemQuery, type ElectionListItem } from '../api';
import { distributionQuery, MAX_CELL_COUNT, MAX_CELLS, saveDistribution, slotKeys, slotsChanged, type CellInput, type Distribution, type DistributionCell } from './api';
import { OVERVIEW_PATH, tasksPath } from './paths';
import { formatDay, RefusalAlert, refusalErrors, WithElection } from './shared';
import './slots.css';

const cellKey = (c: Pick<CellInput, 'teamId' | 'taskTypeId' | 'date'>) => `${c.date}|${c.teamId}|${c.taskTypeId}`;

export default function DistributePage() {
  const { t } = useTranslation('election');
  const { id = '' } = useParams();
  return (
    <section className="slots-page">
      <p className="election-breadcrumb">
        <Link to={OVERVIEW_PATH}>{t('slots.backToOverview')}</Link>
      </p>
      <WithElection>{(election) => <Distribute election={election} workLocationId={id} />}</WithElection>
    </section>
  );
}

function Distribute({ election, workLocationId }: { election: ElectionListItem; workLocationId: string }) {
  const { t } = useTranslation('election');
  const query = useQuery(distributionQuery(election.id, workLocationId));
  const name = useQuery(configItemQuery('work-locations', workLocationId)).data?.name;
  return (
    <>
      <h1>{name ? t('slots.distribute.headingAt', { name }) : t('slots.distribute.heading')}</h1>
      <p className="election-subject">{election.title}</p>
      <p>{t('slots.distribute.intro')}</p>
      <p>
        <Link to={tasksPath(workLocationId)}>{t('slots.distribute.tasksLink')}</Link>
      </p>
      {query.isPending ? <Loading /> : query.isError ? <RefusalAlert error={query.error} /> : <Grid key={`${election.id}|${workLocationId}`} electionId={election.id} workLocationId={workLocationId} distribution={query.data} electionDay={election.electionDay} />}
    </>
  );
}

function Grid({ electionId, workLocationId, distribution, electionDay }: { electionId: string; workLocationId: string; distribution: Distribution; electionDay: string }) {
  const { t, i18n } = useTranslation('election');
  const queryClient = useQueryClient();
  const { dates, teams, taskTypes } = distribution;
  const saved = new Map<string, DistributionCell>(distribution.cells.map((c) => [cellKey(c), c]));
  const [draft, setDraft] = useState<Map<string, string>>(new Map());
  const [date, setDate] = useState(dates.includes(electionDay) ? electionDay : (dates[0] ?? ''));
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  /** What keeps the page from asking at all (a count below what is filled, too many cells): said as an alert. */
  const [problem, setProblem] = useState('');
  const alertRef = useRef<HTMLDivElement>(null);
  const dateId = useId();
  const countOf = (key: string) => (draft.has(key) ? draft.get(key)! : String(saved.get(key)?.count ?? 0));
  const filledOf = (key: string) => saved.get(key)?.filled ?? 0;

  // The refusal's cells: election.slotsFilled names its team, task type and date.
  const refused = new Map<string, number>();
  for (const e of refusalErrors(error)) {
    if (e.code !== 'election.slotsFilled') continue;
    const p = e.params as { teamId?: string; taskTypeId?: string; date?: string; filled?: number };
    if (p.teamId && p.taskTypeId && p.date) refused.set(cellKey({ teamId: p.teamId, taskTypeId: p.taskTypeId, date: p.date }), Number(p.filled ?? 0));
  }
  // Below-filled cells the page sees itself, before asking.
  const invalid = new Map<string, string>();
  for (const [key, value] of draft) {
    const n = Number(value);
    if (value.trim() === '' || !Number.isInteger(n) || n < 0 || n > MAX_CELL_COUNT) invalid.set(key, t('slots.distribute.invalidCount', { max: MAX_CELL_COUNT }));
    else if (n < filledOf(key)) invalid.set(key, t('slots.distribute.filled', { count: filledOf(key), n: filledOf(key) }));
  }
  const changed = [...draft].filter(([key, value]) => Number(value) !== (saved.get(key)?.count ?? 0));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setStatus('');
    setProblem('');
    if (invalid.size > 0) {
      const first = [...invalid.keys()][0]!;
      setDate(first.split('|')[0]!);
      setError(null);
      setProblem(t('slots.distribute.fixFirst', { count: invalid.size }));
      return;
    }
    // Only the changed cells: the others keep their slots.
    const cells: CellInput[] = changed.map(([key, value]) => {
      const [d, teamId, taskTypeId] = key.split('|') as [string, string, string];
      return { teamId, taskTypeId, date: d, count: Number(value) };
    });
    if (cells.length === 0) {
      setStatus(t('slots.distribute.nothing'));
      return;
    }
    if (cells.length > MAX_CELLS) {
      setProblem(t('slots.distribute.tooMany', { max: MAX_CELLS }));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const next = await saveDistribution(electionId, workLocationId, cells);
      queryClient.setQueryData(slotKeys.distribution(electionId, workLocationId), next);
      await slotsChanged(queryClient, electionId);
      setDraft(new Map());
      setStatus(t('slots.distribute.saved'));
    } catch (err) {
      setError(err);
      const first = refusalErrors(err).find((x) => x.code === 'election.slotsFilled');
      const day = first?.params.date;
      if (typeof day === 'string' && dates.includes(day)) setDate(day);
      setTimeout(() => alertRef.current?.focus(), 0);
    } finally {
      setBusy(false);
    }
  };

  if (dates.length === 0 || teams.length === 0 || taskTypes.length === 0) return <p className="table-empty">{t('slots.distribute.empty')}</p>;
  const dayTotal = (d: string) => teams.reduce((sum, team) => sum + taskTypes.reduce((s, tt) => s + (Number(countOf(cellKey({ teamId: team.id, taskTypeId: tt.id, date: d }))) || 0), 0), 0);
  const n = (v: number) => v.toLocaleString(i18n.language);
  return (
    <form className="slot-distribution" onSubmit={(e) => void submit(e)} noValidate>
      <div className="field slot-date-choice">
        <label htmlFor={dateId}>{t('slots.distribute.date')}</label>
        <select id={dateId} value={date} onChange={(e) => setDate(e.target.value)}>
          {dates.map((d) => (
            <option key={d} value={d}>
              {t('slots.distribute.dateOption', { date: formatDay(d, i18n.language), count: dayTotal(d), n: n(dayTotal(d)) })}
            </option>
          ))}
        </select>
      </div>
      {problem ? (
        <div className="notice notice-error" role="alert" data-testid="distribution-problem">
          <p>{problem}</p>
        </div>
      ) : null}
      {error ? (
        <div ref={alertRef} tabIndex={-1}>
          <RefusalAlert error={error} />
        </div>
      ) : null}
      <div className="table-wrap">
        <table className="data-table slot-grid" data-date={date}>
          <caption>{t('slots.distribute.caption', { date: formatDay(date, i18n.language) })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('slots.distribute.team')}</th>
              {taskTypes.map((tt) => (
                <th key={tt.id} scope="col" data-task-type={tt.id}>
                  <abbr title={tt.title}>{tt.shortName}</abbr>
                  {tt.trusted ? <span className="slot-trusted"> {t('slots.trusted')}</span> : null}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {teams.map((team) => (
              <tr key={team.id} data-team={team.id}>
                <th scope="row">{team.name}</th>
                {taskTypes.map((tt) => {
                  const key = cellKey({ teamId: team.id, taskTypeId: tt.id, date });
                  const inputId = `slot-cell-${team.id}-${tt.id}`;
                  const filled = filledOf(key);
                  const cellProblem = invalid.get(key) ?? (refused.has(key) ? t('slots.distribute.filled', { count: refused.get(key)!, n: refused.get(key)! }) : undefined);
                  const hintId = `${inputId}-hint`;
                  return (
                    <td key={tt.id} data-task-type={tt.id} className={cellProblem ? 'slot-cell-error' : undefined}>
                      <label htmlFor={inputId} className="visually-hidden">
                        {t('slots.distribute.cellLabel', { team: team.name, taskType: tt.title, date: formatDay(date, i18n.language) })}
                      </label>
                      <input
                        id={inputId}
                        type="number"
                        inputMode="numeric"
                        min={filled}
                        max={MAX_CELL_COUNT}
                        step={1}
                        value={countOf(key)}
                        aria-invalid={cellProblem ? true : undefined}
                        aria-describedby={filled > 0 || cellProblem ? hintId : undefined}
                        onChange={(e) => {
                          const value = e.target.value;
                          setDraft((d) => new Map(d).set(key, value));
                        }}
                      />
                      {filled > 0 || cellProblem ? (
                        <span id={hintId} className={cellProblem ? 'field-error slot-cell-note' : 'hint slot-cell-note'}>
                          {cellProblem ?? t('slots.distribute.filledHint', { count: filled, n: filled })}
                        </span>
                      ) : null}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="election-form-actions">
        <button type="submit" disabled={busy}>
          {busy ? t('slots.distribute.saving') : t('slots.distribute.save')}
        </button>
        {changed.length ? <span className="hint">{t('slots.distribute.changed', { count: changed.length })}</span> : null}
        {changed.length ? (
          <button
            type="button"
            className="button-secondary"
            onClick={() => {
              setDraft(new Map());
              setError(null);
              setProblem('');
            }}
          >
            {t('slots.distribute.reset')}
          </button>
        ) : null}
      </div>
      <p role="status" className="election-status" data-testid="distribution-status">
        {status}
      </p>
    </form>
  );
}
