// Creating an election in steps, and changing its setup later: 1 title, type and lock period (creates the
// election) → 2 dates → 3 polling stations → 4 messages. A step indicator above the form shows where one is;
// a step whose earlier steps are not filled in is not a link. Each step's form sends its part (POST, PATCH or a
// PUT) and goes on to the next; a refusal is shown above the form with links to the fields, and at the fields
// themselves (the codes translated). An election whose setup is not done opens at the step where it stopped;
// `?step=` opens another step it has reached. The last step leads to the election's page.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import type { ElectionCreate } from '../../../../../schemas/types/election-election-create';
import { Loading, ProblemAlert, QueryState } from '../../../components/QueryState';
import { configListQuery, type TaskType, type WorkLocation } from '../api';
import { ErrorSummary, fieldId, SelectField, TextField, useFieldErrors, type FieldErrors } from '../config/fields';
import { configListPath } from '../paths';
import {
  createElection,
  electionChanged,
  electionQuery,
  MESSAGE_EVENTS,
  messageEventsQuery,
  putDates,
  putMessages,
  putWorkLocations,
  resumeStep,
  stepReached,
  templatesOf,
  updateElection,
  WIZARD_STEPS,
  type ElectionDetail,
  type ElectionEventTemplates,
  type MessageEvent,
  type WizardStep,
} from './api';
import { electionPagePath, ELECTIONS_PATH, setupPath } from './paths';
import { DateField, describedBy, FieldMessages, formatDay, useErrorsAt, useFlash, type ElectionFlash } from './shared';
import './elections.css';

/** Where the wizard goes after a step: the step heading takes focus there. */
interface StepState extends ElectionFlash {
  focusStep?: boolean;
}

const isStep = (s: string | null): s is WizardStep => (WIZARD_STEPS as readonly string[]).includes(s ?? '');

/** /election/elections/new: the first step; saving it creates the election. */
export function NewElectionPage() {
  return <WizardFrame election={null} step="basics" />;
}

/** /election/elections/:id/setup: the election's setup at `?step=`, else where it stopped. */
export function ElectionSetupPage() {
  const { t } = useTranslation('election');
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const election = useQuery(electionQuery(id));
  if (election.isPending || election.isError)
    return (
      <section>
        <p className="election-breadcrumb">
          <Link to={ELECTIONS_PATH}>{t('elections.wizard.back')}</Link>
        </p>
        <h1>{t('nav.electionSetup')}</h1>
        <QueryState query={election} notFound={<p>{t('elections.page.notFound')}</p>}>
          {() => null}
        </QueryState>
      </section>
    );
  const asked = params.get('step');
  const step = isStep(asked) && stepReached(asked, election.data.setupStep) ? asked : resumeStep(election.data.setupStep);
  return <WizardFrame key={`${id}-${step}`} election={election.data} step={step} />;
}

function WizardFrame({ election, step }: { election: ElectionDetail | null; step: WizardStep }) {
  const { t } = useTranslation('election');
  const navigate = useNavigate();
  const location = useLocation();
  const flash = useFlash();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const index = WIZARD_STEPS.indexOf(step);
  // After a step was saved (or a step chosen in the indicator) the new step's heading has the focus.
  useEffect(() => {
    if ((location.state as StepState | null)?.focusStep) headingRef.current?.focus();
  }, [location.key, location.state]);

  const done = (detail: ElectionDetail) => {
    const next = WIZARD_STEPS[index + 1];
    if (!next) {
      void navigate(electionPagePath(detail.id), { state: { flash: t(detail.setupStep === 'done' ? 'elections.wizard.finished' : 'elections.wizard.saved') } satisfies ElectionFlash });
      return;
    }
    const flashText = election ? t('elections.wizard.saved') : t('elections.wizard.created', { title: detail.title });
    void navigate(setupPath(detail.id, next), { state: { flash: flashText, focusStep: true } satisfies StepState });
  };

  const previous = index > 0 && election ? setupPath(election.id, WIZARD_STEPS[index - 1]) : undefined;
  return (
    <section className="election-wizard" data-step={step}>
      <p className="election-breadcrumb">
        <Link to={ELECTIONS_PATH}>{t('elections.wizard.back')}</Link>
        {election ? (
          <>
            {' · '}
            <Link to={electionPagePath(election.id)}>{t('elections.wizard.toElection', { title: election.title })}</Link>
          </>
        ) : null}
      </p>
      <h1>{election ? t('elections.wizard.setupHeading', { title: election.title }) : t('elections.wizard.newHeading')}</h1>
      <StepIndicator election={election} step={step} />
      <p role="status" className="election-status">
        {flash}
      </p>
      <h2 ref={headingRef} tabIndex={-1} className="election-step-heading">
        {t('elections.wizard.stepOf', { n: index + 1, count: WIZARD_STEPS.length })}: {t(`elections.steps.${step}`)}
      </h2>
      {step === 'basics' ? <BasicsStep election={election} onDone={done} /> : null}
      {step === 'dates' && election ? <DatesStep election={election} onDone={done} previous={previous} /> : null}
      {step === 'workLocations' && election ? <WorkLocationsStep election={election} onDone={done} previous={previous} /> : null}
      {step === 'messages' && election ? <MessagesStep election={election} onDone={done} previous={previous} /> : null}
    </section>
  );
}

/** The four steps as an ordered list: the current one marked, the reached ones links, the others plain text. */
function StepIndicator({ election, step }: { election: ElectionDetail | null; step: WizardStep }) {
  const { t } = useTranslation('election');
  return (
    <nav className="election-steps" aria-label={t('elections.wizard.stepsLabel')}>
      <ol>
        {WIZARD_STEPS.map((s, i) => {
          const reached = stepReached(s, election?.setupStep ?? null);
          const state = s === step ? 'current' : reached ? 'reached' : 'notReached';
          const label = (
            <>
              <span className="election-step-number" aria-hidden="true">
                {i + 1}
              </span>{' '}
              <span className="election-step-name">{t(`elections.steps.${s}`)}</span>
              {state === 'notReached' ? <span className="visually-hidden"> ({t('elections.wizard.notReached')})</span> : null}
            </>
          );
          return (
            <li key={s} data-step={s} data-state={state}>
              {state === 'current' ? (
                <span aria-current="step">{label}</span>
              ) : state === 'reached' && election ? (
                <Link to={setupPath(election.id, s)} state={{ focusStep: true } satisfies StepState}>
                  {label}
                </Link>
              ) : (
                <span>{label}</span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

interface StepFormProps {
  error: unknown;
  errors: FieldErrors;
  labelOf: (name: string) => string;
  pending: boolean;
  last?: boolean;
  previous?: string;
  onSubmit: () => void;
  children: ReactNode;
}

/** A step's form: the refusal above it (it takes the focus), the fields, and the buttons to go on or back. */
function StepForm({ error, errors, labelOf, pending, last, previous, onSubmit, children }: StepFormProps) {
  const { t } = useTranslation('election');
  const summaryRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error) summaryRef.current?.focus();
  }, [error]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  return (
    <>
      {error ? <ErrorSummary ref={summaryRef} error={error} errors={errors} title={t('elections.wizard.saveFailed')} labelOf={labelOf} /> : null}
      <form onSubmit={submit} noValidate className="election-form election-step-form">
        {children}
        <div className="election-form-actions">
          <button type="submit" disabled={pending}>
            {pending ? t('elections.wizard.saving') : last ? t('elections.wizard.finish') : t('elections.wizard.next')}
          </button>
          {previous ? <Link to={previous}>{t('elections.wizard.previous')}</Link> : null}
        </div>
      </form>
    </>
  );
}

interface StepProps {
  election: ElectionDetail;
  onDone: (detail: ElectionDetail) => void;
  previous?: string;
}

/** Step 1: title, election type, lock period and election day. Once created, the type and the day are fixed here. */
function BasicsStep({ election, onDone }: { election: ElectionDetail | null; onDone: (detail: ElectionDetail) => void }) {
  const { t, i18n } = useTranslation('election');
  const queryClient = useQueryClient();
  const types = useQuery(configListQuery('election-types'));
  const [title, setTitle] = useState(election?.title ?? '');
  const [typeId, setTypeId] = useState(election?.electionTypeId ?? '');
  const [lockDays, setLockDays] = useState(String(election?.lockDays ?? 7));
  const [day, setDay] = useState(election?.electionDay ?? '');
  // A field left empty is left out, so the refusal says it is required (rather than what an empty value is not).
  const filled = <T,>(name: string, value: T | '') => (value === '' ? {} : { [name]: value });
  const lock = lockDays.trim() === '' ? '' : Number(lockDays);
  const save = useMutation({
    mutationFn: () =>
      election
        ? updateElection(election.id, { title: title.trim(), lockDays: (lock === '' ? null : lock) as number })
        : createElection({ ...filled('title', title.trim()), ...filled('electionTypeId', typeId), ...filled('lockDays', lock), ...filled('electionDay', day) } as unknown as ElectionCreate),
    onSuccess: async (detail) => {
      await electionChanged(queryClient, detail);
      onDone(detail);
    },
  });
  const errors = useFieldErrors(save.error);
  const labels: Record<string, string> = { title: t('elections.basics.title'), electionTypeId: t('elections.basics.type'), lockDays: t('elections.basics.lockDays'), electionDay: t('elections.basics.electionDay') };
  const noTypes = !election && types.isSuccess && types.data.length === 0;
  return (
    <StepForm error={save.error} errors={errors} labelOf={(n) => labels[n] ?? n} pending={save.isPending} onSubmit={() => save.mutate()}>
      <TextField name="title" label={labels.title!} value={title} onChange={setTitle} maxLength={200} required hint={t('elections.basics.titleHint')} errors={errors.byField.title} />
      {election ? <p className="hint">{t('elections.basics.fixedHint')}</p> : null}
      {election ? (
        <dl className="election-facts election-fixed">
          <div>
            <dt>{labels.electionTypeId}</dt>
            <dd>{election.electionTypeName}</dd>
          </div>
          <div>
            <dt>{labels.electionDay}</dt>
            <dd>{formatDay(election.electionDay, i18n.language)}</dd>
          </div>
        </dl>
      ) : types.isError ? (
        <ProblemAlert error={types.error} />
      ) : noTypes ? (
        <div className="notice notice-error" id={fieldId('electionTypeId')}>
          <p>{t('elections.basics.noTypes')}</p>
          <p>
            <Link to={configListPath('election-types')}>{t('elections.basics.toTypes')}</Link>
          </p>
        </div>
      ) : (
        <SelectField
          name="electionTypeId"
          label={labels.electionTypeId!}
          value={typeId}
          onChange={setTypeId}
          required
          placeholder={types.isPending ? t('elections.basics.loadingTypes') : t('elections.basics.chooseType')}
          options={(types.data ?? []).map((x) => ({ value: x.id, label: x.name }))}
          hint={t('elections.basics.typeHint')}
          errors={errors.byField.electionTypeId}
        />
      )}
      <TextField
        name="lockDays"
        type="number"
        inputMode="numeric"
        min="0"
        step="1"
        label={labels.lockDays!}
        value={lockDays}
        onChange={setLockDays}
        maxLength={3}
        required
        hint={t('elections.basics.lockDaysHint')}
        errors={errors.byField.lockDays}
      />
      {election ? null : <DateField name="electionDay" label={labels.electionDay!} value={day} onChange={setDay} required hint={t('elections.basics.electionDayHint')} errors={errors.byField.electionDay} />}
    </StepForm>
  );
}

/** Step 2: the election day and the first and last task date (first ≤ election day ≤ last). */
function DatesStep({ election, onDone, previous }: StepProps) {
  const { t } = useTranslation('election');
  const queryClient = useQueryClient();
  const [day, setDay] = useState(election.electionDay);
  const [first, setFirst] = useState(election.firstTaskDate ?? election.electionDay);
  const [last, setLast] = useState(election.lastTaskDate ?? election.electionDay);
  const save = useMutation({
    mutationFn: () => putDates(election.id, { electionDay: day, firstTaskDate: first, lastTaskDate: last }),
    onSuccess: async (detail) => {
      await electionChanged(queryClient, detail);
      onDone(detail);
    },
  });
  const errors = useFieldErrors(save.error);
  const labels: Record<string, string> = { electionDay: t('elections.dates.electionDay'), firstTaskDate: t('elections.dates.firstTaskDate'), lastTaskDate: t('elections.dates.lastTaskDate') };
  // Moving the election day moves task dates that were still the default (the old election day) with it.
  const moveDay = (next: string) => {
    if (first === day) setFirst(next);
    if (last === day) setLast(next);
    setDay(next);
  };
  return (
    <StepForm error={save.error} errors={errors} labelOf={(n) => labels[n] ?? n} pending={save.isPending} previous={previous} onSubmit={() => save.mutate()}>
      <p>{t('elections.dates.intro')}</p>
      <DateField name="electionDay" label={labels.electionDay!} value={day} onChange={moveDay} required errors={errors.byField.electionDay} />
      <DateField name="firstTaskDate" label={labels.firstTaskDate!} value={first} onChange={setFirst} required hint={t('elections.dates.firstHint')} errors={errors.byField.firstTaskDate} />
      <DateField name="lastTaskDate" label={labels.lastTaskDate!} value={last} onChange={setLast} required hint={t('elections.dates.lastHint')} errors={errors.byField.lastTaskDate} />
    </StepForm>
  );
}

interface AreaGroup {
  areaId: string;
  areaName: string;
  locations: WorkLocation[];
}

function byArea(locations: WorkLocation[], locale: string): AreaGroup[] {
  const groups = new Map<string, AreaGroup>();
  for (const l of locations) {
    const group = groups.get(l.areaId) ?? { areaId: l.areaId, areaName: l.areaName, locations: [] };
    group.locations.push(l);
    groups.set(l.areaId, group);
  }
  const collator = new Intl.Collator(locale);
  return [...groups.values()].sort((a, b) => collator.compare(a.areaName, b.areaName));
}

/** Step 3: the polling stations the election uses, grouped by area, each area with "select all". */
function WorkLocationsStep({ election, onDone, previous }: StepProps) {
  const { t, i18n } = useTranslation('election');
  const queryClient = useQueryClient();
  const locations = useQuery(configListQuery('work-locations'));
  const [chosen, setChosen] = useState<string[]>(election.workLocationIds);
  const save = useMutation({
    mutationFn: () => putWorkLocations(election.id, chosen),
    onSuccess: async (detail) => {
      await electionChanged(queryClient, detail);
      onDone(detail);
    },
  });
  const nameOf = (id: string | undefined) => locations.data?.find((l) => l.id === id)?.name;
  const errors = useFieldErrors(save.error, (parts) => (parts[0] === 'workLocationIds' ? nameOf(chosen[Number(parts[1])]) : undefined));
  const label = t('elections.workLocations.field');
  const fieldErrors = errors.byField.workLocationIds;
  const set = (ids: string[], on: boolean) => setChosen((now) => (on ? [...now, ...ids.filter((id) => !now.includes(id))] : now.filter((id) => !ids.includes(id))));
  return (
    <StepForm error={save.error} errors={errors} labelOf={() => label} pending={save.isPending} previous={previous} onSubmit={() => save.mutate()}>
      <p>{t('elections.workLocations.intro')}</p>
      <div id={fieldId('workLocationIds')} tabIndex={-1} className="election-areas" aria-describedby={describedBy('workLocationIds', false, fieldErrors)}>
        <FieldMessages name="workLocationIds" errors={fieldErrors} />
        {locations.isPending ? (
          <Loading />
        ) : locations.isError ? (
          <ProblemAlert error={locations.error} />
        ) : locations.data.length === 0 ? (
          <div className="notice">
            <p>{t('elections.workLocations.none')}</p>
            <p>
              <Link to={configListPath('work-locations')}>{t('elections.workLocations.toConfig')}</Link>
            </p>
          </div>
        ) : (
          <>
            <p className="election-chosen-count" aria-live="polite">
              {t('elections.workLocations.chosen', { count: chosen.length })}
            </p>
            {byArea(locations.data, i18n.language).map((g) => (
              <AreaChoices key={g.areaId} group={g} chosen={chosen} onSet={set} invalid={Boolean(fieldErrors?.length)} />
            ))}
          </>
        )}
      </div>
    </StepForm>
  );
}

function AreaChoices({ group, chosen, onSet, invalid }: { group: AreaGroup; chosen: string[]; onSet: (ids: string[], on: boolean) => void; invalid: boolean }) {
  const { t } = useTranslation('election');
  const allRef = useRef<HTMLInputElement>(null);
  const baseId = useId();
  const ids = group.locations.map((l) => l.id);
  const count = ids.filter((id) => chosen.includes(id)).length;
  const all = count === ids.length;
  useEffect(() => {
    if (allRef.current) allRef.current.indeterminate = count > 0 && !all;
  }, [count, all]);
  return (
    <fieldset className="election-choices election-area" data-area={group.areaId}>
      <legend>{group.areaName}</legend>
      <p className="checkbox-row election-select-all">
        <input ref={allRef} id={`${baseId}-all`} type="checkbox" checked={all} onChange={(e) => onSet(ids, e.target.checked)} />
        <label htmlFor={`${baseId}-all`}>{t('elections.workLocations.selectAll', { area: group.areaName })}</label>
      </p>
      <ul>
        {group.locations.map((l) => {
          const id = `${baseId}-${l.id}`;
          return (
            <li key={l.id} className="checkbox-row" data-work-location={l.id}>
              <input id={id} type="checkbox" checked={chosen.includes(l.id)} onChange={(e) => onSet([l.id], e.target.checked)} aria-invalid={invalid || undefined} />
              <label htmlFor={id}>
                {l.name}
                {l.districtNumber ? <span className="election-district"> ({t('elections.workLocations.district', { number: l.districtNumber })})</span> : null}
              </label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}

type Templates = Partial<Record<MessageEvent, string>>;

/** The task types whose overrides differ from what the election's page loaded: only those are sent. */
function changedOverrides(initial: Record<string, ElectionEventTemplates>, now: Record<string, Templates>): Record<string, ElectionEventTemplates> | undefined {
  const out: Record<string, ElectionEventTemplates> = {};
  for (const id of new Set([...Object.keys(initial), ...Object.keys(now)])) {
    const before = templatesOf(initial[id] ?? {});
    const after = templatesOf(now[id] ?? {});
    if (MESSAGE_EVENTS.some((e) => before[e] !== after[e])) out[id] = after;
  }
  return Object.keys(out).length ? out : undefined;
}

/** Step 4: for each event the message template participants get, and optionally other ones for a task type. */
function MessagesStep({ election, onDone, previous }: StepProps) {
  const { t } = useTranslation('election');
  const queryClient = useQueryClient();
  const catalogue = useQuery(messageEventsQuery());
  const taskTypes = useQuery(configListQuery('task-types'));
  const [templates, setTemplates] = useState<Templates>(election.templates);
  const [overrides, setOverrides] = useState<Record<string, Templates>>(election.taskTypeOverrides);
  const save = useMutation({
    mutationFn: () => {
      const changed = changedOverrides(election.taskTypeOverrides, overrides);
      return putMessages(election.id, { templates: templatesOf(templates), ...(changed ? { taskTypeOverrides: changed } : {}) });
    },
    onSuccess: async (detail) => {
      await electionChanged(queryClient, detail);
      onDone(detail);
    },
  });
  const eventName = (e: string) => t(`elections.events.${e}`);
  const taskTypeName = (id: string) => taskTypes.data?.find((x) => x.id === id)?.title ?? id;
  const errors = useFieldErrors(save.error, (parts) => (parts[0] === 'templates' ? eventName(parts[1]!) : parts[0] === 'taskTypeOverrides' ? [taskTypeName(parts[1]!), parts[2] ? eventName(parts[2]) : ''].filter(Boolean).join(', ') : undefined));
  const errorsAt = useErrorsAt(save.error);
  const labels: Record<string, string> = { templates: t('elections.messages.legend'), taskTypeOverrides: t('elections.messages.overridesHeading') };
  const events = catalogue.data?.events ?? MESSAGE_EVENTS;
  // A template chosen before and deleted since stays a choice, so the select shows what is saved.
  const keys = [...new Set([...(catalogue.data?.templates ?? []), ...Object.values(templates), ...Object.values(overrides).flatMap((o) => Object.values(o))])].filter((k): k is string => Boolean(k));
  const options = keys.map((k) => ({ value: k, label: k }));
  const failed = catalogue.error ?? taskTypes.error;
  return (
    <StepForm error={save.error} errors={errors} labelOf={(n) => labels[n] ?? n} pending={save.isPending} last previous={previous} onSubmit={() => save.mutate()}>
      <p>{t('elections.messages.intro')}</p>
      {failed ? <ProblemAlert error={failed} /> : null}
      {catalogue.isSuccess && catalogue.data.templates.length === 0 ? <p className="notice">{t('elections.messages.noTemplates')}</p> : null}
      <fieldset id={fieldId('templates')} tabIndex={-1} className="election-choices election-templates">
        <legend>{labels.templates}</legend>
        {events.map((e) => (
          <SelectField
            key={e}
            name={`templates-${e}`}
            label={eventName(e)}
            value={templates[e] ?? ''}
            onChange={(v) => setTemplates((now) => ({ ...now, [e]: v }))}
            placeholder={t('elections.messages.noMessage')}
            options={options}
            errors={errorsAt(`/templates/${e}`)}
          />
        ))}
        <FieldMessages name="templates" errors={errorsAt('/templates')} />
      </fieldset>
      <details className="election-overrides" id={fieldId('taskTypeOverrides')} open={Object.keys(election.taskTypeOverrides).length > 0 || Boolean(errors.byField.taskTypeOverrides)}>
        <summary>{labels.taskTypeOverrides}</summary>
        <p className="hint">{t('elections.messages.overridesIntro')}</p>
        {taskTypes.isPending ? (
          <Loading />
        ) : !taskTypes.data?.length ? (
          <p>{t('elections.messages.noTaskTypes')}</p>
        ) : (
          <OverrideTable taskTypes={taskTypes.data} events={events} options={options} overrides={overrides} onChange={setOverrides} errorsAt={errorsAt} />
        )}
      </details>
    </StepForm>
  );
}

function OverrideTable({
  taskTypes,
  events,
  options,
  overrides,
  onChange,
  errorsAt,
}: {
  taskTypes: TaskType[];
  events: readonly MessageEvent[];
  options: { value: string; label: string }[];
  overrides: Record<string, Templates>;
  onChange: (next: (now: Record<string, Templates>) => Record<string, Templates>) => void;
  errorsAt: (pointer: string) => string[];
}) {
  const { t } = useTranslation('election');
  return (
    <div className="table-wrap">
      <table className="data-table election-override-table">
        <caption className="visually-hidden">{t('elections.messages.overridesHeading')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('elections.messages.taskType')}</th>
            {events.map((e) => (
              <th key={e} scope="col">
                {t(`elections.events.${e}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {taskTypes.map((tt) => (
            <tr key={tt.id} data-task-type={tt.id}>
              <th scope="row">{tt.title}</th>
              {events.map((e) => {
                const name = `override-${tt.id}-${e}`;
                const errors = [...errorsAt(`/taskTypeOverrides/${tt.id}/${e}`), ...errorsAt(`/taskTypeOverrides/${tt.id}`)];
                return (
                  <td key={e}>
                    <label className="visually-hidden" htmlFor={fieldId(name)}>
                      {t('elections.messages.overrideLabel', { event: t(`elections.events.${e}`), taskType: tt.title })}
                    </label>
                    <select
                      id={fieldId(name)}
                      value={overrides[tt.id]?.[e] ?? ''}
                      onChange={(ev) => {
                        const v = ev.target.value;
                        onChange((now) => ({ ...now, [tt.id]: { ...now[tt.id], [e]: v } }));
                      }}
                      aria-invalid={errors.length ? true : undefined}
                      aria-describedby={describedBy(name, false, errors)}
                    >
                      <option value="">{t('elections.messages.sameAsElection')}</option>
                      {options.map((o) => (
                        <option key={o.value} value={o.value}>
                          {o.label}
                        </option>
                      ))}
                    </select>
                    <FieldMessages name={name} errors={errors} />
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
