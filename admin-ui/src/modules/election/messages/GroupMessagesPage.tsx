// Group messages to the participants of the election the site works in: a wizard — the channels (in order; the
// next is used when a person cannot receive on one), the election's template of an event or free text with merge
// fields, the recipients (teams, work locations, task types, dates, status) — then a preview of how many get it
// and three rendered messages, then the send. The send runs on the server (a workflow); its progress bar polls the
// message's record and survives a reload (the message's id is in the address, ?message=<id>). Below, the earlier
// group messages with their progress.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Loading, ProblemAlert } from '../../../components/QueryState';
import { configListQuery, type ElectionListItem } from '../api';
import { formatCount } from '../participants/shared';
import { formatDay, RefusalAlert, taskDays, WithElection } from '../slots/shared';
import './group-messages.css';
import { CHANNELS, createDraft, groupMessageKeys, groupMessageQuery, groupMessagesQuery, previewDraft, sendDraft, STATUSES, TEMPLATE_EVENTS, updateDraft, type Channel, type GroupMessage, type GroupMessageDraft, type GroupMessagePreview, type TemplateEvent } from './api';

const POLL_MS = 500;
const MERGE_FIELDS = ['name', 'election', 'workLocation', 'workLocationAddress', 'taskType', 'taskDescription', 'date', 'start', 'end', 'payment', 'contact', 'municipality'];
const STEPS = ['channels', 'content', 'recipients', 'preview'] as const;
type Step = (typeof STEPS)[number];

export default function GroupMessagesPage() {
  const { t } = useTranslation('election');
  const [params, setParams] = useSearchParams();
  const sentId = params.get('message');
  return (
    <section className="group-messages-page">
      <h1>{t('groupMessages.heading')}</h1>
      <p>{t('groupMessages.intro')}</p>
      {sentId ? (
        <SendProgress id={sentId} onNew={() => setParams({})} />
      ) : (
        <WithElection>{(election) => <Wizard election={election} onSent={(id) => setParams({ message: id })} />}</WithElection>
      )}
      <EarlierMessages />
    </section>
  );
}

interface WizardState {
  channels: Channel[];
  mode: 'template' | 'free';
  templateEvent: TemplateEvent;
  subject: string;
  body: string;
  sms: string;
  teamIds: string[];
  workLocationIds: string[];
  taskTypeIds: string[];
  dates: string[];
  statuses: (typeof STATUSES)[number][];
}

const INITIAL: WizardState = { channels: ['email'], mode: 'free', templateEvent: 'taskReminder', subject: '', body: '', sms: '', teamIds: [], workLocationIds: [], taskTypeIds: [], dates: [], statuses: [] };

function bodyOf(election: ElectionListItem, s: WizardState): GroupMessageDraft {
  const ordered = CHANNELS.filter((c) => s.channels.includes(c)) as GroupMessageDraft['channels'];
  return {
    electionId: election.id,
    channels: ordered,
    ...(s.mode === 'template' ? { templateEvent: s.templateEvent } : { free: { subject: s.subject, body: s.body, ...(s.sms.trim() ? { sms: s.sms } : {}) } }),
    filter: {
      ...(s.teamIds.length ? { teamIds: s.teamIds } : {}),
      ...(s.workLocationIds.length ? { workLocationIds: s.workLocationIds } : {}),
      ...(s.taskTypeIds.length ? { taskTypeIds: s.taskTypeIds } : {}),
      ...(s.dates.length ? { dates: s.dates } : {}),
      ...(s.statuses.length ? { statuses: s.statuses } : {}),
    },
  };
}

const toggle = <T,>(list: T[], value: T, on: boolean): T[] => (on ? [...list.filter((v) => v !== value), value] : list.filter((v) => v !== value));

function Wizard({ election, onSent }: { election: ElectionListItem; onSent: (id: string) => void }) {
  const { t, i18n } = useTranslation('election');
  const client = useQueryClient();
  const [step, setStep] = useState<Step>('channels');
  const [state, setState] = useState<WizardState>(INITIAL);
  const [draftId, setDraftId] = useState<string | null>(null);
  const [stepError, setStepError] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const set = (patch: Partial<WizardState>) => setState((s) => ({ ...s, ...patch }));

  const prepare = useMutation({
    mutationFn: async (): Promise<{ draft: GroupMessage; preview: GroupMessagePreview }> => {
      const body = bodyOf(election, state);
      const draft = draftId ? await updateDraft(draftId, body) : await createDraft(body);
      setDraftId(draft.id);
      return { draft, preview: await previewDraft(draft.id) };
    },
  });
  const send = useMutation({
    mutationFn: (id: string) => sendDraft(id),
    onSuccess: async (started) => {
      await client.invalidateQueries({ queryKey: groupMessageKeys.all });
      onSent(started.id);
    },
  });

  useEffect(() => {
    heading.current?.focus();
  }, [step]);

  const index = STEPS.indexOf(step);
  const next = () => {
    setStepError(null);
    if (step === 'channels' && state.channels.length === 0) return setStepError(t('groupMessages.errors.channel'));
    if (step === 'content' && state.mode === 'free' && (!state.subject.trim() || !state.body.trim())) return setStepError(t('groupMessages.errors.text'));
    const target = STEPS[index + 1]!;
    if (target === 'preview') prepare.mutate();
    setStep(target);
  };
  const back = () => {
    setStepError(null);
    setStep(STEPS[index - 1]!);
  };

  return (
    <section aria-labelledby="group-message-step" className="group-message-wizard">
      <p className="wizard-steps">{t('groupMessages.stepOf', { step: index + 1, total: STEPS.length })}</p>
      <h2 id="group-message-step" ref={heading} tabIndex={-1}>
        {t(`groupMessages.steps.${step}`)}
      </h2>
      {step === 'channels' ? <ChannelsStep state={state} set={set} /> : null}
      {step === 'content' ? <ContentStep state={state} set={set} /> : null}
      {step === 'recipients' ? <RecipientsStep election={election} state={state} set={set} /> : null}
      {step === 'preview' ? (
        prepare.isPending ? (
          <Loading />
        ) : prepare.isError ? (
          <RefusalAlert error={prepare.error} />
        ) : prepare.data ? (
          <PreviewStep preview={prepare.data.preview} locale={i18n.language} />
        ) : null
      ) : null}
      {stepError ? (
        <p className="field-error" role="alert">
          {stepError}
        </p>
      ) : null}
      {send.isError ? <RefusalAlert error={send.error} /> : null}
      <div className="form-actions">
        {index > 0 ? (
          <button type="button" className="button-secondary" onClick={back}>
            {t('groupMessages.back')}
          </button>
        ) : null}
        {step !== 'preview' ? (
          <button type="button" onClick={next}>
            {t('groupMessages.next')}
          </button>
        ) : (
          <button type="button" disabled={!prepare.data || prepare.data.preview.count === 0 || send.isPending} onClick={() => prepare.data && send.mutate(prepare.data.draft.id)}>
            {prepare.data ? t('groupMessages.send', { count: prepare.data.preview.count, formatted: formatCount(prepare.data.preview.count, i18n.language) }) : t('groupMessages.sendPlain')}
          </button>
        )}
      </div>
    </section>
  );
}

type StepProps = { state: WizardState; set: (patch: Partial<WizardState>) => void };

function ChannelsStep({ state, set }: StepProps) {
  const { t } = useTranslation('election');
  return (
    <fieldset>
      <legend>{t('groupMessages.channelsLegend')}</legend>
      {CHANNELS.map((c) => (
        <label key={c} className="checkbox-line">
          <input type="checkbox" checked={state.channels.includes(c)} onChange={(e) => set({ channels: toggle(state.channels, c, e.target.checked) })} /> {t(`groupMessages.channel.${c}`)}
        </label>
      ))}
      <p className="field-hint">{t('groupMessages.channelsHint')}</p>
    </fieldset>
  );
}

function ContentStep({ state, set }: StepProps) {
  const { t } = useTranslation('election');
  return (
    <>
      <fieldset>
        <legend>{t('groupMessages.contentLegend')}</legend>
        <label className="checkbox-line">
          <input type="radio" name="group-message-mode" checked={state.mode === 'template'} onChange={() => set({ mode: 'template' })} /> {t('groupMessages.mode.template')}
        </label>
        <label className="checkbox-line">
          <input type="radio" name="group-message-mode" checked={state.mode === 'free'} onChange={() => set({ mode: 'free' })} /> {t('groupMessages.mode.free')}
        </label>
      </fieldset>
      {state.mode === 'template' ? (
        <div className="field">
          <label htmlFor="group-message-event">{t('groupMessages.templateEvent')}</label>
          <select id="group-message-event" value={state.templateEvent} onChange={(e) => set({ templateEvent: e.target.value as TemplateEvent })}>
            {TEMPLATE_EVENTS.map((ev) => (
              <option key={ev} value={ev}>
                {t(`groupMessages.event.${ev}`)}
              </option>
            ))}
          </select>
          <p className="field-hint">{t('groupMessages.templateHint')}</p>
        </div>
      ) : (
        <>
          <div className="field">
            <label htmlFor="group-message-subject">{t('groupMessages.subject')}</label>
            <input id="group-message-subject" type="text" maxLength={200} value={state.subject} onChange={(e) => set({ subject: e.target.value })} />
          </div>
          <div className="field">
            <label htmlFor="group-message-body">{t('groupMessages.body')}</label>
            <textarea id="group-message-body" rows={6} maxLength={5000} value={state.body} onChange={(e) => set({ body: e.target.value })} aria-describedby="group-message-fields" />
          </div>
          {state.channels.includes('sms') ? (
            <div className="field">
              <label htmlFor="group-message-sms">{t('groupMessages.sms')}</label>
              <textarea id="group-message-sms" rows={3} maxLength={640} value={state.sms} onChange={(e) => set({ sms: e.target.value })} />
            </div>
          ) : null}
          <p className="field-hint" id="group-message-fields">
            {t('groupMessages.mergeFieldsHint', { fields: MERGE_FIELDS.map((f) => `{{${f}}}`).join(', '), interpolation: { escapeValue: false } })}
          </p>
        </>
      )}
    </>
  );
}

function CheckList({ legend, items, chosen, onChange }: { legend: string; items: { id: string; label: ReactNode }[]; chosen: string[]; onChange: (ids: string[]) => void }) {
  return (
    <fieldset className="group-message-filter">
      <legend>{legend}</legend>
      {items.map((i) => (
        <label key={i.id} className="checkbox-line">
          <input type="checkbox" checked={chosen.includes(i.id)} onChange={(e) => onChange(toggle(chosen, i.id, e.target.checked))} /> {i.label}
        </label>
      ))}
    </fieldset>
  );
}

function RecipientsStep({ election, state, set }: StepProps & { election: ElectionListItem }) {
  const { t, i18n } = useTranslation('election');
  const teams = useQuery(configListQuery('teams'));
  const locations = useQuery(configListQuery('work-locations'));
  const taskTypes = useQuery(configListQuery('task-types'));
  if (teams.isPending || locations.isPending || taskTypes.isPending) return <Loading />;
  if (teams.isError || locations.isError || taskTypes.isError) return <ProblemAlert error={teams.error ?? locations.error ?? taskTypes.error} />;
  return (
    <>
      <p>{t('groupMessages.recipientsIntro')}</p>
      <CheckList legend={t('groupMessages.filter.statuses')} items={STATUSES.map((s) => ({ id: s, label: t(`groupMessages.status.${s}`) }))} chosen={state.statuses} onChange={(ids) => set({ statuses: ids as WizardState['statuses'] })} />
      <CheckList legend={t('groupMessages.filter.dates')} items={taskDays(election).map((d) => ({ id: d, label: formatDay(d, i18n.language) }))} chosen={state.dates} onChange={(dates) => set({ dates })} />
      <CheckList legend={t('groupMessages.filter.teams')} items={teams.data.map((x) => ({ id: x.id, label: x.name }))} chosen={state.teamIds} onChange={(teamIds) => set({ teamIds })} />
      <CheckList legend={t('groupMessages.filter.workLocations')} items={locations.data.map((x) => ({ id: x.id, label: x.name }))} chosen={state.workLocationIds} onChange={(workLocationIds) => set({ workLocationIds })} />
      <CheckList legend={t('groupMessages.filter.taskTypes')} items={taskTypes.data.map((x) => ({ id: x.id, label: x.title }))} chosen={state.taskTypeIds} onChange={(taskTypeIds) => set({ taskTypeIds })} />
    </>
  );
}

function PreviewStep({ preview, locale }: { preview: GroupMessagePreview; locale: string }) {
  const { t } = useTranslation('election');
  return (
    <>
      <p role="status" data-testid="group-message-count">
        {t('groupMessages.count', { count: preview.count, formatted: formatCount(preview.count, locale) })}
      </p>
      {preview.samples.length > 0 ? (
        <>
          <h3>{t('groupMessages.samples')}</h3>
          <ol className="group-message-samples">
            {preview.samples.map((s) => (
              <li key={s.participantId} className="group-message-sample">
                {s.skipped ? (
                  <p>{t('groupMessages.skipped')}</p>
                ) : (
                  <article aria-label={s.subject}>
                    <h4>{s.subject}</h4>
                    <pre className="message-body">{s.body}</pre>
                    {s.sms !== null ? (
                      <p>
                        <strong>{t('groupMessages.smsLabel')}</strong> {s.sms} <span className="field-hint">({t('groupMessages.segments', { count: s.smsSegments })})</span>
                      </p>
                    ) : null}
                  </article>
                )}
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </>
  );
}

function progressText(t: (key: string, o?: Record<string, unknown>) => string, m: GroupMessage, locale: string): string {
  const values = { sent: formatCount(m.sent, locale), failed: formatCount(m.failed, locale), total: formatCount(m.total, locale) };
  if (m.status === 'done') return t('groupMessages.progress.done', values);
  if (m.status === 'failed') return t('groupMessages.progress.failed', values);
  return t('groupMessages.progress.sending', values);
}

function SendProgress({ id, onNew }: { id: string; onNew: () => void }) {
  const { t, i18n } = useTranslation('election');
  const client = useQueryClient();
  const query = useQuery({ ...groupMessageQuery(id), refetchInterval: (q) => (q.state.data && q.state.data.status !== 'sending' ? false : POLL_MS) });
  const finished = query.data && query.data.status !== 'sending';
  useEffect(() => {
    if (finished) void client.invalidateQueries({ queryKey: groupMessageKeys.all, exact: true });
  }, [finished, client]);
  if (query.isPending) return <Loading />;
  if (query.isError) return <ProblemAlert error={query.error} />;
  const m = query.data;
  return (
    <section aria-labelledby="group-message-progress-heading" className="group-message-progress">
      <h2 id="group-message-progress-heading">{t('groupMessages.progressHeading', { election: m.electionTitle })}</h2>
      <progress className="participant-progress" aria-label={t('groupMessages.progressLabel')} max={Math.max(1, m.total)} value={m.sent + m.failed} />
      <p role="status" aria-live="polite" data-testid="group-message-progress" data-status={m.status}>
        {progressText(t, m, i18n.language)}
      </p>
      <button type="button" onClick={onNew}>
        {t('groupMessages.new')}
      </button>
    </section>
  );
}

function EarlierMessages() {
  const { t, i18n } = useTranslation('election');
  const [, setParams] = useSearchParams();
  const query = useQuery(groupMessagesQuery());
  return (
    <section aria-labelledby="group-messages-earlier">
      <h2 id="group-messages-earlier">{t('groupMessages.earlier')}</h2>
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <ProblemAlert error={query.error} />
      ) : query.data.groupMessages.length === 0 ? (
        <p className="table-empty">{t('groupMessages.none')}</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">{t('groupMessages.earlier')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('groupMessages.columns.sentAt')}</th>
                <th scope="col">{t('groupMessages.columns.election')}</th>
                <th scope="col">{t('groupMessages.columns.content')}</th>
                <th scope="col">{t('groupMessages.columns.channels')}</th>
                <th scope="col">{t('groupMessages.columns.progress')}</th>
              </tr>
            </thead>
            <tbody>
              {query.data.groupMessages.map((m) => (
                <tr key={m.id}>
                  <td>
                    <button type="button" className="link-button" onClick={() => setParams({ message: m.id })}>
                      {new Date(m.sendRequestedAt ?? m.createdAt).toLocaleString(i18n.language)}
                    </button>
                  </td>
                  <td>{m.electionTitle}</td>
                  <td>{m.freeText ? t('groupMessages.mode.free') : t(`groupMessages.event.${m.templateEvent ?? 'taskReminder'}`)}</td>
                  <td>{m.channels.map((c) => t(`groupMessages.channel.${c}`)).join(' → ')}</td>
                  <td>{progressText(t, m, i18n.language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
