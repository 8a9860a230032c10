// What a moderator can do to a petition in its status. Awaiting moderation: approve (publishes it and opens the
// vote window), reject (a reason and a message), return for changes (a message) or correct the wording. Open:
// extend the vote window or close it early. Open, closed or in handling: post an update, the answer or the
// decision, with at most one PDF. Each step that cannot be taken back is confirmed first, saying what happens;
// every refusal is shown beside the form it came from, in words.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { apiSend } from '../../../../forms/ui/api';
import { ProblemError } from '../../../../forms/ui/problem';
import { flowsQuery, flowVersionQuery } from '../../api/flows';
import { useConfirm } from '../../components/ConfirmDialog';
import { formatDateTime } from '../../dates';
import { MAX_PDF_BYTES, petitionKeys, REJECTION_REASONS, UPDATE_KINDS, type PetitionDetail } from './api';
import { PetitionProblem, textAnswers, useAnswerLabel } from './shared';

type Confirm = ReturnType<typeof useConfirm>['confirm'];

interface ActionProps {
  petition: PetitionDetail;
  confirm: Confirm;
  onDone: (message: string) => void;
}

export function PetitionActions({ petition, onDone }: { petition: PetitionDetail; onDone: (message: string) => void }) {
  const { t } = useTranslation('petitions');
  const { confirm, dialog } = useConfirm();
  const props = { petition, confirm, onDone };
  const s = petition.status;
  const canPost = s === 'open' || s === 'closed' || s === 'inHandling';
  return (
    <>
      <h2>{t('actions.heading')}</h2>
      {s === 'awaitingModeration' ? (
        <>
          <Approve {...props} />
          <Reject {...props} />
          <Return {...props} />
          <Correct {...props} />
        </>
      ) : null}
      {s === 'open' ? (
        <>
          <Extend {...props} />
          <CloseEarly {...props} />
        </>
      ) : null}
      {canPost ? <PostUpdate {...props} /> : null}
      {s !== 'awaitingModeration' && s !== 'open' && !canPost ? <p>{t('actions.none', { status: t(`status.${s}`) })}</p> : null}
      {dialog}
    </>
  );
}

/** A mutation on this petition that reads it (and the lists) again afterwards, whatever the answer. */
function usePetitionMutation<T, V>(petitionId: string, onDone: (message: string) => void, send: (vars: V) => Promise<T>, onSuccess: (answer: T, vars: V) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    // The last action's message goes when the next one starts: it would read as this one's answer.
    onMutate: () => onDone(''),
    onSuccess,
    onSettled: () => Promise.all([queryClient.invalidateQueries({ queryKey: petitionKeys.all }), queryClient.invalidateQueries({ queryKey: petitionKeys.detail(petitionId) })]),
  });
}

const url = (id: string, action: string) => `/api/petitions/${encodeURIComponent(id)}/${action}`;

function ActionSection({ title, intro, children }: { title: string; intro?: ReactNode; children: ReactNode }) {
  const id = useId();
  return (
    <section className="petition-action" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {intro ? <p>{intro}</p> : null}
      {children}
    </section>
  );
}

function Approve({ petition, confirm, onDone }: ActionProps) {
  const { t, i18n } = useTranslation('petitions');
  const mutation = usePetitionMutation(
    petition.id,
    onDone,
    () => apiSend<{ closesAt?: string }>('POST', url(petition.id, 'approve')),
    (r) => onDone(t('actions.approve.done', { date: r.closesAt ? formatDateTime(r.closesAt, i18n.language) : '–' })),
  );
  const go = async () => {
    if (await confirm({ title: t('actions.approve.confirmTitle'), body: <p>{t('actions.approve.confirmBody', { title: petition.title })}</p>, confirm: t('actions.approve.button') })) mutation.mutate(undefined);
  };
  return (
    <ActionSection title={t('actions.approve.heading')} intro={t('actions.approve.intro')}>
      <button type="button" onClick={() => void go()} disabled={mutation.isPending}>
        {mutation.isPending ? t('actions.sending') : t('actions.approve.button')}
      </button>
      {mutation.isError ? <PetitionProblem error={mutation.error} /> : null}
    </ActionSection>
  );
}

function Reject({ petition, confirm, onDone }: ActionProps) {
  const { t } = useTranslation('petitions');
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState('');
  const [missing, setMissing] = useState(false);
  const mutation = usePetitionMutation(
    petition.id,
    onDone,
    (body: { reason: string; message: string }) => apiSend('POST', url(petition.id, 'reject'), body),
    () => onDone(t('actions.reject.done')),
  );
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setMissing(!reason || !message.trim());
    if (!reason || !message.trim()) return;
    if (await confirm({ title: t('actions.reject.confirmTitle'), body: <p>{t('actions.reject.confirmBody', { reason: t(`reasons.${reason}`) })}</p>, confirm: t('actions.reject.button'), danger: true })) mutation.mutate({ reason, message: message.trim() });
  };
  return (
    <ActionSection title={t('actions.reject.heading')}>
      <form className="stacked-form" onSubmit={(e) => void submit(e)} noValidate>
        <label htmlFor="reject-reason">{t('actions.reject.reason')}</label>
        <select id="reject-reason" value={reason} onChange={(e) => setReason(e.target.value)} aria-invalid={missing && !reason ? true : undefined} required>
          <option value="">{t('actions.reject.chooseReason')}</option>
          {REJECTION_REASONS.map((r) => (
            <option key={r} value={r}>
              {t(`reasons.${r}`)}
            </option>
          ))}
        </select>
        <label htmlFor="reject-message">{t('actions.messageToProposer')}</label>
        <textarea id="reject-message" rows={4} maxLength={4000} value={message} onChange={(e) => setMessage(e.target.value)} aria-invalid={missing && !message.trim() ? true : undefined} required />
        {missing ? (
          <p className="field-error" role="alert">
            {t('actions.reject.missing')}
          </p>
        ) : null}
        <button type="submit" className="button-danger" disabled={mutation.isPending}>
          {mutation.isPending ? t('actions.sending') : t('actions.reject.button')}
        </button>
      </form>
      {mutation.isError ? <PetitionProblem error={mutation.error} fieldLabel={(f) => (f === 'message' ? t('actions.messageToProposer') : f === 'reason' ? t('actions.reject.reason') : undefined)} /> : null}
    </ActionSection>
  );
}

function Return({ petition, confirm, onDone }: ActionProps) {
  const { t } = useTranslation('petitions');
  const [message, setMessage] = useState('');
  const [missing, setMissing] = useState(false);
  const mutation = usePetitionMutation(
    petition.id,
    onDone,
    (body: { message: string }) => apiSend('POST', url(petition.id, 'return'), body),
    () => onDone(t('actions.return.done')),
  );
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setMissing(!message.trim());
    if (!message.trim()) return;
    if (await confirm({ title: t('actions.return.confirmTitle'), body: <p>{t('actions.return.confirmBody')}</p>, confirm: t('actions.return.button') })) mutation.mutate({ message: message.trim() });
  };
  return (
    <ActionSection title={t('actions.return.heading')} intro={t('actions.return.intro')}>
      <form className="stacked-form" onSubmit={(e) => void submit(e)} noValidate>
        <label htmlFor="return-message">{t('actions.return.message')}</label>
        <textarea id="return-message" rows={4} maxLength={4000} value={message} onChange={(e) => setMessage(e.target.value)} aria-invalid={missing ? true : undefined} required />
        {missing ? (
          <p className="field-error" role="alert">
            {t('actions.return.missing')}
          </p>
        ) : null}
        <button type="submit" disabled={mutation.isPending}>
          {mutation.isPending ? t('actions.sending') : t('actions.return.button')}
        </button>
      </form>
      {mutation.isError ? <PetitionProblem error={mutation.error} fieldLabel={(f) => (f === 'message' ? t('actions.return.message') : undefined)} /> : null}
    </ActionSection>
  );
}

function Correct({ petition, confirm, onDone }: ActionProps) {
  const { t } = useTranslation('petitions');
  const label = useAnswerLabel();
  const answers = textAnswers(petition.content);
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(answers));
  const [unchanged, setUnchanged] = useState(false);
  const mutation = usePetitionMutation(
    petition.id,
    onDone,
    (changes: Record<string, string>) => apiSend<{ fields?: string[] }>('POST', url(petition.id, 'correct'), { changes }),
    (r) => onDone(t('actions.correct.done', { fields: (r.fields ?? []).map(label).join(', ') })),
  );
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const changes = Object.fromEntries(Object.entries(values).filter(([k, v]) => (petition.content as Record<string, unknown>)[k] !== v));
    setUnchanged(Object.keys(changes).length === 0);
    if (Object.keys(changes).length === 0) return;
    const names = Object.keys(changes).map(label).join(', ');
    if (await confirm({ title: t('actions.correct.confirmTitle'), body: <p>{t('actions.correct.confirmBody', { fields: names })}</p>, confirm: t('actions.correct.button') })) mutation.mutate(changes);
  };
  return (
    <ActionSection title={t('actions.correct.heading')} intro={t('actions.correct.intro')}>
      <form className="stacked-form petition-correct" onSubmit={(e) => void submit(e)} noValidate>
        {answers.map(([name, value]) => (
          <div key={name} className="field">
            <label htmlFor={`correct-${name}`}>{label(name)}</label>
            {value.length > 80 || value.includes('\n') ? (
              <textarea id={`correct-${name}`} rows={5} value={values[name] ?? ''} onChange={(e) => setValues({ ...values, [name]: e.target.value })} />
            ) : (
              <input id={`correct-${name}`} type="text" value={values[name] ?? ''} onChange={(e) => setValues({ ...values, [name]: e.target.value })} />
            )}
          </div>
        ))}
        {unchanged ? <p role="alert">{t('actions.correct.unchanged')}</p> : null}
        <button type="submit" disabled={mutation.isPending}>
          {mutation.isPending ? t('actions.sending') : t('actions.correct.button')}
        </button>
      </form>
      {mutation.isError ? <PetitionProblem error={mutation.error} fieldLabel={(f) => label(f.replace(/^changes\//, ''))} /> : null}
    </ActionSection>
  );
}

/** The petition flow's cap on extensions (maxExtensionDays) in its newest version, to say it in a refusal. */
function useExtensionCap(): number | undefined {
  const flows = useQuery(flowsQuery());
  const flow = flows.data?.flows.find((f) => f.key === 'petition');
  const version = useQuery({ ...flowVersionQuery(flow?.id ?? '', flow?.latestVersion ?? 1), enabled: Boolean(flow && flow.latestVersion > 0) });
  const parameters = (version.data?.definition as { parameters?: { properties?: Record<string, { default?: unknown }> } } | undefined)?.parameters;
  const cap = parameters?.properties?.maxExtensionDays?.default;
  return typeof cap === 'number' ? cap : undefined;
}

function Extend({ petition, onDone }: ActionProps) {
  const { t, i18n } = useTranslation('petitions');
  const [days, setDays] = useState('10');
  const cap = useExtensionCap();
  const mutation = usePetitionMutation(
    petition.id,
    onDone,
    (n: number) => apiSend<{ closesAt: string }>('POST', url(petition.id, 'voting/extend'), { days: n }),
    (r) => onDone(t('actions.extend.done', { date: formatDateTime(r.closesAt, i18n.language) })),
  );
  const n = Number(days);
  const valid = Number.isInteger(n) && n >= 1 && n <= 365;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (valid) mutation.mutate(n);
  };
  // Past the cap of the flow version this petition runs (the server names it), or another refusal of the flow
  // (409 without a petition code: the window closed meanwhile).
  const problem = mutation.error instanceof ProblemError ? mutation.error.problem : undefined;
  const overCap = problem?.errors?.find((e) => e.code === 'petition.extensionOverCap');
  const maxDays = (overCap?.params as { maxDays?: unknown } | undefined)?.maxDays;
  const capOfPetition = typeof maxDays === 'number' ? maxDays : cap;
  const refusedByFlow = Boolean(overCap) || (problem?.status === 409 && !(problem.errors ?? []).length);
  return (
    <ActionSection title={t('actions.extend.heading')} intro={cap !== undefined ? t('actions.extend.introCap', { count: cap }) : t('actions.extend.intro')}>
      <form className="stacked-form" onSubmit={submit} noValidate>
        <label htmlFor="extend-days">{t('actions.extend.days')}</label>
        <input id="extend-days" type="number" inputMode="numeric" min={1} max={365} step={1} value={days} onChange={(e) => {
            setDays(e.target.value);
            mutation.reset();
          }} aria-invalid={!valid ? true : undefined} aria-describedby={!valid ? 'extend-days-error' : undefined} />
        {!valid ? (
          <p id="extend-days-error" className="field-error">
            {t('actions.extend.invalid')}
          </p>
        ) : null}
        <button type="submit" disabled={mutation.isPending || !valid}>
          {mutation.isPending ? t('actions.sending') : t('actions.extend.button')}
        </button>
      </form>
      {refusedByFlow ? (
        <div className="notice notice-error" role="alert">
          <p>{capOfPetition !== undefined ? t('actions.extend.refusedCap', { count: mutation.variables, cap: capOfPetition }) : t('actions.extend.refused', { count: mutation.variables })}</p>
        </div>
      ) : mutation.isError ? (
        <PetitionProblem error={mutation.error} fieldLabel={(f) => (f === 'days' ? t('actions.extend.days') : undefined)} />
      ) : null}
    </ActionSection>
  );
}

function CloseEarly({ petition, confirm, onDone }: ActionProps) {
  const { t } = useTranslation('petitions');
  const mutation = usePetitionMutation(
    petition.id,
    onDone,
    () => apiSend<{ status: string }>('POST', url(petition.id, 'voting/close')),
    () => onDone(t('actions.close.done')),
  );
  const go = async () => {
    if (await confirm({ title: t('actions.close.confirmTitle'), body: <p>{t('actions.close.confirmBody', { count: petition.votes })}</p>, confirm: t('actions.close.button'), danger: true })) mutation.mutate(undefined);
  };
  return (
    <ActionSection title={t('actions.close.heading')} intro={t('actions.close.intro')}>
      <button type="button" className="button-danger" onClick={() => void go()} disabled={mutation.isPending}>
        {mutation.isPending ? t('actions.sending') : t('actions.close.button')}
      </button>
      {mutation.isError ? <PetitionProblem error={mutation.error} /> : null}
    </ActionSection>
  );
}

/** A file's bytes as base64 (what the update route takes in its JSON body). */
function base64Of(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsDataURL(file);
  });
}

function PostUpdate({ petition, confirm, onDone }: ActionProps) {
  const { t, i18n } = useTranslation('petitions');
  const [kind, setKind] = useState<(typeof UPDATE_KINDS)[number]>('update');
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [fileKey, setFileKey] = useState(0);
  const [local, setLocal] = useState<string | null>(null);
  const sizeText = (bytes: number) => new Intl.NumberFormat(i18n.language, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 }).format(bytes / (1024 * 1024));
  const mutation = usePetitionMutation(
    petition.id,
    onDone,
    async (vars: { kind: string; text: string; file: File | null }) => {
      const attachment = vars.file ? { name: vars.file.name, data: await base64Of(vars.file) } : undefined;
      return apiSend<{ status: PetitionDetail['status'] }>('POST', url(petition.id, 'updates'), { kind: vars.kind, text: vars.text, ...(attachment ? { attachment } : {}) });
    },
    (r, vars) => {
      setText('');
      setFile(null);
      setFileKey((k) => k + 1);
      onDone(t(`actions.post.done.${vars.kind}`, { status: t(`status.${r.status}`) }));
    },
  );
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return setLocal(t('actions.post.missing'));
    if (file && file.size > MAX_PDF_BYTES) return setLocal(t('actions.post.tooLarge', { size: sizeText(file.size), max: sizeText(MAX_PDF_BYTES) }));
    if (file && file.type && file.type !== 'application/pdf') return setLocal(t('actions.post.notPdf'));
    setLocal(null);
    const ok = await confirm({
      title: t(`actions.post.confirmTitle.${kind}`),
      body: <p>{t(`actions.post.confirmBody.${kind}`)}</p>,
      confirm: t(`actions.post.button.${kind}`),
    });
    if (ok) mutation.mutate({ kind, text: text.trim(), file });
  };
  return (
    <ActionSection title={t('actions.post.heading')} intro={t('actions.post.intro')}>
      <form className="stacked-form" onSubmit={(e) => void submit(e)} noValidate>
        <label htmlFor="post-kind">{t('actions.post.kind')}</label>
        <select id="post-kind" value={kind} onChange={(e) => setKind(e.target.value as (typeof UPDATE_KINDS)[number])}>
          {UPDATE_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`updateKinds.${k}`)}
            </option>
          ))}
        </select>
        <label htmlFor="post-text">{t('actions.post.text')}</label>
        <textarea id="post-text" rows={6} maxLength={20000} value={text} onChange={(e) => setText(e.target.value)} required />
        <label htmlFor="post-file">{t('actions.post.file', { max: sizeText(MAX_PDF_BYTES) })}</label>
        <input key={fileKey} id="post-file" type="file" accept="application/pdf,.pdf" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        {local ? (
          <p className="field-error" role="alert">
            {local}
          </p>
        ) : null}
        <button type="submit" disabled={mutation.isPending}>
          {mutation.isPending ? t('actions.sending') : t(`actions.post.button.${kind}`)}
        </button>
      </form>
      {mutation.isError ? <PetitionProblem error={mutation.error} fieldLabel={(f) => (f === 'text' ? t('actions.post.text') : f.startsWith('attachment') ? t('actions.post.fileShort') : f === 'kind' ? t('actions.post.kind') : undefined)} /> : null}
    </ActionSection>
  );
}
