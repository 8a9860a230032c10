// The sign-up wizard (/election/signup/:token?wl=…&tt=…&team=…&date=… or ?slot=…; /valg/tilmelding/:token,
// /val/anmalan/:token), started by "choose this task" on a task link's page: the privacy statement → contact
// details and special diet, then the signup template's extra fields and the chosen task type's extra-fields form
// (each in the platform's form renderer, in the page's language, checked before going on) → the e-ID login → the check (the server decides eligibility, overlap and whether a
// slot is still vacant) → the receipt (printable, and a PDF) → optionally, consent to keep the details for the next
// election. What was typed is kept in sessionStorage for the e-ID round trip (the login leaves the page) and
// dropped once the sign-up is done; the URL carries only the link's token and the chosen group's ids. A refusal
// says why in plain words and what is possible instead: another vacant task of the same link, or the link's page.
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import Markdown from 'react-markdown';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { apiGet, apiSend } from '../../../../../forms/ui/api';
import { isLocale } from '../../../../../forms/ui/i18n';
import { isProblem, ProblemError } from '../../../../../forms/ui/problem';
import { FormRenderer } from '../../../../../forms/ui/renderer/FormRenderer';
import { formLocale, type FormLocale } from '../../../../../forms/ui/renderer/localize-definition';
import { loginUrl } from '../../../../../forms/ui/session';
import { useSite } from '../../../../../forms/ui/site';
import type { ElectionLinkOffer } from '../../../../../schemas/types/election-link-offer';
import type { ElectionSignupConsent } from '../../../../../schemas/types/election-signup-consent';
import type { ElectionSignupCreate } from '../../../../../schemas/types/election-signup-create';
import type { ElectionSignupOptions } from '../../../../../schemas/types/election-signup-options';
import type { ElectionSignupReceipt } from '../../../../../schemas/types/election-signup-receipt';
import { Loading, ProblemAlert } from '../../../components/QueryState';
import { useSitePath } from '../../../site-paths';
import { choiceFromQuery, choiceQuery, type Choice } from './choice';
import { useElectionSite } from '../site/SitePages';
import './signup.css';

const TOKEN = /^[A-Za-z0-9_-]{43}$/;
const PHONE = /^\+?[0-9 ()-]{6,20}$/;
const STORAGE_KEY = 'tingvalla.election.signup';

const STEPS = ['privacy', 'details', 'login', 'check', 'receipt'] as const;
type Step = (typeof STEPS)[number];
type Task = ElectionLinkOffer['tasks'][number];

/** What the wizard keeps across the e-ID round trip (this tab only; dropped when the sign-up is done). */
interface Draft {
  token: string;
  choice: Choice;
  step: Step;
  privacyRead: boolean;
  phone: string;
  email: string;
  dietIds: string[];
  dietNote: string;
  /** Answers to the signup template's extra fields and to the chosen task type's extra-fields form. */
  fields?: Record<string, unknown>;
  taskFields?: Record<string, unknown>;
  /** Where in the details step: the wizard's own fields, then each extra-fields form there is. */
  part?: DetailsPart;
  slotId?: string;
}

type DetailsPart = 'contact' | 'signupFields' | 'taskFields';
type WizardForm = NonNullable<ElectionSignupOptions['signupFields']>;

interface Alternative {
  workLocationId: string;
  taskTypeId: string;
  teamId: string;
  date: string;
  workLocation: string;
  taskType: string;
  start: string;
  end: string;
  team: string;
  vacant: number;
}

const formatDay = (day: string, lang: string) => new Date(`${day}T12:00:00Z`).toLocaleDateString(lang, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

const sameChoice = (a: Choice, b: Choice) => JSON.stringify(a) === JSON.stringify(b);

function loadDraft(token: string): Draft | undefined {
  try {
    const d = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null') as Draft | null;
    return d && d.token === token ? d : undefined;
  } catch {
    return undefined;
  }
}

/** The offered task the choice names, if the link still offers it. */
function taskOf(offer: ElectionLinkOffer | undefined, choice: Choice): Task | undefined {
  return offer?.tasks.find((t) => ('slotId' in choice ? t.slotId === choice.slotId : t.group && t.group.workLocationId === choice.workLocationId && t.group.taskTypeId === choice.taskTypeId && t.group.teamId === choice.teamId && t.date === choice.date));
}

/** The server's refusal, as the wizard answers it. */
function refusalOf(error: unknown): { code: string; params: Record<string, unknown> } | undefined {
  if (!(error instanceof ProblemError)) return undefined;
  for (const e of error.problem.errors ?? []) {
    const coded = e as { code?: string; params?: Record<string, unknown> };
    if (coded.code?.startsWith('election.')) return { code: coded.code.slice('election.'.length), params: coded.params ?? {} };
  }
  return undefined;
}

export function SignupPage() {
  const { t, i18n } = useTranslation('election');
  const { actor, tenant } = useSite();
  const { token = '' } = useParams();
  const { search, pathname } = useLocation();
  const navigate = useNavigate();
  const path = useSitePath();
  const lang = i18n.language;
  const valid = TOKEN.test(token);

  const [draft, setDraft] = useState<Draft | undefined>(() => {
    if (!valid) return undefined;
    const fromUrl = choiceFromQuery(search);
    const stored = loadDraft(token);
    if (stored && (!fromUrl || sameChoice(stored.choice, fromUrl) || stored.step === 'receipt')) return stored;
    return fromUrl ? { token, choice: fromUrl, step: 'privacy', privacyRead: false, phone: '', email: '', dietIds: [], dietNote: '' } : undefined;
  });
  const loggedIn = actor.kind === 'user';
  // Back from the e-ID login: on to the check.
  const step: Step = draft ? (draft.step === 'login' && loggedIn ? 'check' : draft.step) : 'privacy';

  useEffect(() => {
    if (draft) sessionStorage.setItem(STORAGE_KEY, JSON.stringify(draft));
  }, [draft]);

  const heading = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);
  useEffect(() => {
    // Each new step is announced by moving the focus to its heading (not on the first render).
    if (first.current) first.current = false;
    else heading.current?.focus();
  }, [step]);

  const offer = useQuery({
    queryKey: ['election', 'link', token],
    queryFn: ({ signal }) => apiGet<ElectionLinkOffer>(`/api/election/links/${encodeURIComponent(token)}`, { signal }),
    enabled: valid && step !== 'receipt',
    retry: false,
  });
  const options = useQuery({ queryKey: ['election', 'public', 'signup-options'], queryFn: ({ signal }) => apiGet<ElectionSignupOptions>('/api/election/public/signup-options', { signal }) });
  const site = useElectionSite();

  const signup = useMutation({
    mutationFn: (d: Draft) =>
      apiSend<ElectionSignupReceipt>('POST', '/api/election/public/signups', {
        linkToken: token,
        choice: d.choice,
        ...(d.phone.trim() ? { phone: d.phone.trim() } : {}),
        ...(d.email.trim() ? { email: d.email.trim() } : {}),
        ...(d.dietIds.length ? { dietIds: d.dietIds } : {}),
        ...(d.dietNote.trim() ? { dietNote: d.dietNote.trim() } : {}),
        ...(d.fields && Object.keys(d.fields).length ? { fields: d.fields } : {}),
        ...(d.taskFields && Object.keys(d.taskFields).length ? { taskFields: d.taskFields } : {}),
      } satisfies ElectionSignupCreate),
    // Done: what was typed is dropped; only the task's id stays, to show the receipt again on a reload.
    onSuccess: (receipt) => setDraft((d) => d && { token: d.token, choice: d.choice, step: 'receipt', privacyRead: true, phone: '', email: '', dietIds: [], dietNote: '', slotId: receipt.slotId }),
  });
  const receipt = useQuery({
    queryKey: ['election', 'public', 'receipt', draft?.slotId],
    queryFn: ({ signal }) => apiGet<ElectionSignupReceipt>(`/api/election/public/my-tasks/${encodeURIComponent(draft!.slotId!)}/receipt`, { signal }),
    enabled: step === 'receipt' && !!draft?.slotId && !signup.data,
    retry: false,
  });
  const consent = useMutation({ mutationFn: () => apiSend<ElectionSignupConsent>('POST', '/api/election/public/consent') });
  const [consentDeclined, setConsentDeclined] = useState(false);

  if (!valid || !draft || isProblem(offer.error, 'not_found'))
    return (
      <article className="signup">
        <h1>{t('signup.unknownHeading')}</h1>
        <p className="font-lead">{t('signup.unknown')}</p>
      </article>
    );

  const update = (patch: Partial<Draft>) => setDraft((d) => d && { ...d, ...patch });
  const go = (next: Step) => update({ step: next });
  const task = taskOf(offer.data, draft.choice);
  const linkPage = path(`/election/tasks/${token}`);
  const index = STEPS.indexOf(step);
  // The extra fields the details step asks after the wizard's own: the template's, then the chosen task type's.
  const taskTypeId = 'taskTypeId' in draft.choice ? draft.choice.taskTypeId : task?.group?.taskTypeId;
  const extraForms: { part: DetailsPart; form: WizardForm; validatorUrl: string }[] = [];
  if (options.data?.signupFields) extraForms.push({ part: 'signupFields', form: options.data.signupFields, validatorUrl: `/api/election/public/signup-fields/validator.js?rev=${options.data.signupFields.version}` });
  const taskForm = options.data?.taskTypeFields.find((x) => x.taskTypeId === taskTypeId)?.form;
  if (taskForm) extraForms.push({ part: 'taskFields', form: taskForm, validatorUrl: `/api/forms/${encodeURIComponent(taskForm.id)}/versions/${taskForm.version}/validator.js` });
  const partIndex = extraForms.findIndex((x) => x.part === draft.part);
  const afterDetails: Step = loggedIn ? 'check' : 'login';
  /** From a part of the details step on to the next part, or out of the step. */
  const nextPart = (from: number, patch: Partial<Draft> = {}) => {
    const next = extraForms[from + 1];
    update(next ? { ...patch, part: next.part } : { ...patch, part: 'contact', step: afterDetails });
  };
  const backFromLater = (to: Step) => update({ step: to, part: extraForms.length ? extraForms[extraForms.length - 1]!.part : 'contact' });

  const choose = (alt: Alternative) => {
    const choice: Choice = { workLocationId: alt.workLocationId, taskTypeId: alt.taskTypeId, teamId: alt.teamId, date: alt.date };
    signup.reset();
    // Another task type's extra fields are asked before the check; its earlier answers do not carry over.
    const asks = options.data?.taskTypeFields.some((x) => x.taskTypeId === alt.taskTypeId);
    update(asks ? { choice, step: 'details', part: 'taskFields', taskFields: {} } : { choice, step: 'check', taskFields: {} });
    void navigate(`${pathname}${choiceQuery(choice)}`, { replace: true });
    void offer.refetch();
  };

  const stepView = () => {
    switch (step) {
      case 'privacy': {
        const privacy = site.data?.privacy;
        const locale = isLocale(lang) ? lang : tenant.defaultLocale;
        const text = privacy ? (privacy.text[locale] ?? privacy.text[tenant.defaultLocale] ?? Object.values(privacy.text).find(Boolean) ?? '') : '';
        return (
          <form
            onSubmit={(e: FormEvent) => {
              e.preventDefault();
              if (draft.privacyRead || !privacy) go('details');
            }}
          >
            {site.isPending ? <Loading /> : null}
            {privacy ? (
              <div className="signup-privacy election-text">
                <Markdown components={{ h1: 'h3', h2: 'h3', h3: 'h4' }}>{text}</Markdown>
              </div>
            ) : site.isSuccess ? (
              <p>{t('signup.noPrivacy')}</p>
            ) : null}
            {privacy ? (
              <div className="form-group-checkbox">
                <input className="form-checkbox" type="checkbox" id="signup-privacy-read" checked={draft.privacyRead} onChange={(e) => update({ privacyRead: e.target.checked })} />
                <label htmlFor="signup-privacy-read">{t('signup.privacyRead')}</label>
              </div>
            ) : null}
            <div className="signup-actions">
              <button type="submit" className="button button-primary" disabled={!!privacy && !draft.privacyRead}>
                {t('signup.next')}
              </button>
            </div>
          </form>
        );
      }
      case 'details': {
        const extra = partIndex >= 0 ? extraForms[partIndex] : undefined;
        if (extra)
          return (
            <ExtraFields
              key={extra.part}
              form={extra.form}
              validatorUrl={extra.validatorUrl}
              idPrefix={`signup-${extra.part}`}
              initialAnswers={(extra.part === 'signupFields' ? draft.fields : draft.taskFields) ?? {}}
              onBack={() => update({ part: partIndex > 0 ? extraForms[partIndex - 1]!.part : 'contact' })}
              onDone={(answers) => nextPart(partIndex, extra.part === 'signupFields' ? { fields: answers } : { taskFields: answers })}
            />
          );
        const phoneBad = draft.phone.trim() !== '' && !PHONE.test(draft.phone.trim());
        return (
          <form
            noValidate
            onSubmit={(e: FormEvent) => {
              e.preventDefault();
              if (!phoneBad) nextPart(-1);
            }}
          >
            <p>{t('signup.detailsLead')}</p>
            <div className={`form-group${phoneBad ? ' form-error' : ''}`}>
              <label className="form-label" htmlFor="signup-phone">
                {t('signup.phone')}
              </label>
              {phoneBad ? (
                <span className="form-error-message" id="signup-phone-error">
                  {t('signup.phoneInvalid')}
                </span>
              ) : null}
              <input className="form-input" id="signup-phone" type="tel" autoComplete="tel" maxLength={20} value={draft.phone} aria-invalid={phoneBad || undefined} aria-describedby={phoneBad ? 'signup-phone-error' : undefined} onChange={(e) => update({ phone: e.target.value })} />
            </div>
            <div className="form-group">
              <label className="form-label" htmlFor="signup-email">
                {t('signup.email')}
              </label>
              <input className="form-input" id="signup-email" type="email" autoComplete="email" maxLength={254} value={draft.email} onChange={(e) => update({ email: e.target.value })} />
            </div>
            {options.data && options.data.diets.length > 0 ? (
              <div className="form-group">
                <fieldset>
                  <legend className="form-label">{t('signup.diets')}</legend>
                  <ul className="nobullet-list">
                    {options.data.diets.map((d) => (
                      <li key={d.id} className="form-group-checkbox">
                        <input
                          className="form-checkbox"
                          type="checkbox"
                          id={`signup-diet-${d.id}`}
                          checked={draft.dietIds.includes(d.id)}
                          onChange={(e) => update({ dietIds: e.target.checked ? [...draft.dietIds, d.id] : draft.dietIds.filter((x) => x !== d.id) })}
                        />
                        <label htmlFor={`signup-diet-${d.id}`}>{d.name}</label>
                      </li>
                    ))}
                  </ul>
                </fieldset>
              </div>
            ) : null}
            <div className="form-group">
              <label className="form-label" htmlFor="signup-diet-note">
                {t('signup.dietNote')}
              </label>
              <textarea className="form-input" id="signup-diet-note" maxLength={500} rows={2} value={draft.dietNote} onChange={(e) => update({ dietNote: e.target.value })} />
            </div>
            <div className="signup-actions">
              <button type="button" className="button button-secondary" onClick={() => go('privacy')}>
                {t('signup.back')}
              </button>
              <button type="submit" className="button button-primary">
                {t('signup.next')}
              </button>
            </div>
          </form>
        );
      }
      case 'login':
        return (
          <>
            <p>{t('signup.loginLead')}</p>
            <div className="signup-actions">
              <button type="button" className="button button-secondary" onClick={() => backFromLater('details')}>
                {t('signup.back')}
              </button>
              <a className="button button-primary" href={loginUrl(pathname + search)}>
                {t(tenant.country === 'SE' ? 'signup.loginBankId' : 'signup.loginMitId')}
              </a>
            </div>
          </>
        );
      case 'check':
        return (
          <>
            <p>{t('signup.checkLead')}</p>
            <dl className="signup-facts">
              <dt>{t('signup.you')}</dt>
              <dd>{actor.kind === 'user' ? actor.displayName : ''}</dd>
              <dt>{t('signup.phone')}</dt>
              <dd>{draft.phone.trim() || t('signup.notGiven')}</dd>
              <dt>{t('signup.email')}</dt>
              <dd>{draft.email.trim() || t('signup.notGiven')}</dd>
              <dt>{t('signup.diets')}</dt>
              <dd>{[...(options.data?.diets ?? []).filter((d) => draft.dietIds.includes(d.id)).map((d) => d.name), draft.dietNote.trim()].filter(Boolean).join(', ') || t('signup.noDiets')}</dd>
            </dl>
            <Refused error={signup.error} onChoose={choose} linkPage={linkPage} />
            <div className="signup-actions">
              <button type="button" className="button button-secondary" onClick={() => backFromLater('details')}>
                {t('signup.back')}
              </button>
              <button type="button" className="button button-primary" disabled={signup.isPending} onClick={() => signup.mutate(draft)}>
                {t('signup.submit')}
              </button>
            </div>
          </>
        );
      case 'receipt': {
        const r = signup.data ?? receipt.data;
        if (!r) return receipt.isError ? <ProblemAlert error={receipt.error} /> : <Loading />;
        const consentAsked = options.data?.consentAsked ?? false;
        return (
          <>
            <div className="alert alert-success" role="status">
              <div className="alert-body">
                <p className="alert-text">{t('signup.done', { taskType: r.taskType.title, day: formatDay(r.date, lang) })}</p>
              </div>
            </div>
            <h3>{t('signup.receiptHeading')}</h3>
            <dl className="signup-facts" data-testid="signup-receipt">
              <dt>{t('signup.election')}</dt>
              <dd>{r.election.title}</dd>
              <dt>{t('signup.task')}</dt>
              <dd>{r.taskType.title}</dd>
              <dt>{t('signup.date')}</dt>
              <dd>{formatDay(r.date, lang)}</dd>
              <dt>{t('signup.hours')}</dt>
              <dd>{t('link.hours', { start: r.taskType.start, end: r.taskType.end })}</dd>
              <dt>{t('signup.place')}</dt>
              <dd>{[r.workLocation.name, r.workLocation.address].filter(Boolean).join(', ')}</dd>
              <dt>{t('signup.team')}</dt>
              <dd>{r.team.name}</dd>
              {r.taskType.payment > 0 ? (
                <>
                  <dt>{t('signup.payment')}</dt>
                  <dd>{t('link.payment', { amount: r.taskType.payment.toLocaleString(lang, { maximumFractionDigits: 2 }) })}</dd>
                </>
              ) : null}
            </dl>
            <div className="signup-actions signup-no-print">
              <button type="button" className="button button-secondary" onClick={() => window.print()}>
                {t('signup.print')}
              </button>
              <a className="button button-secondary" href={`/api/election/public/my-tasks/${encodeURIComponent(r.slotId)}/receipt.pdf`} download>
                {t('signup.pdf')}
              </a>
            </div>
            {consentAsked ? (
              <section className="signup-consent signup-no-print" aria-labelledby="signup-consent-heading">
                <h3 id="signup-consent-heading">{t('signup.consentHeading')}</h3>
                {r.consentRecorded || consent.data?.consentRecorded ? (
                  <p role="status">{t('signup.consentGiven')}</p>
                ) : consentDeclined ? (
                  <p role="status">{t('signup.consentDeclined')}</p>
                ) : (
                  <>
                    <p>{t('signup.consentText')}</p>
                    <p>
                      <Link to={path('/election/privacy')}>{t('signup.privacyLink')}</Link>
                    </p>
                    {consent.isError ? <ProblemAlert error={consent.error} /> : null}
                    <div className="signup-actions">
                      <button type="button" className="button button-primary" disabled={consent.isPending} onClick={() => consent.mutate()}>
                        {t('signup.consentYes')}
                      </button>
                      <button type="button" className="button button-secondary" onClick={() => setConsentDeclined(true)}>
                        {t('signup.consentNo')}
                      </button>
                    </div>
                  </>
                )}
              </section>
            ) : null}
            <p className="signup-no-print">
              <Link to={path('/election/my-tasks')}>{t('signup.toMyTasks')}</Link>
            </p>
          </>
        );
      }
    }
  };

  return (
    <article className="signup">
      <h1>{t('signup.heading')}</h1>
      <ol className="signup-steps signup-no-print" aria-label={t('signup.stepsLabel')}>
        {STEPS.map((s, i) => (
          <li key={s} aria-current={s === step ? 'step' : undefined} className={i < index ? 'signup-step-done' : undefined}>
            {t(`signup.steps.${s}`)}
          </li>
        ))}
      </ol>
      {step !== 'receipt' ? (
        <section className="signup-task" aria-label={t('signup.chosenTask')}>
          {task ? (
            <p>
              <strong>{task.taskType.title}</strong> · {formatDay(task.date, lang)} · {t('link.hours', { start: task.taskType.start, end: task.taskType.end })} · {task.workLocation.name}
            </p>
          ) : offer.isPending ? null : (
            <p>{t('signup.taskGone')}</p>
          )}
          <p>
            <Link to={linkPage}>{t('signup.otherTasks')}</Link>
          </p>
        </section>
      ) : null}
      <h2 ref={heading} tabIndex={-1}>
        {t(`signup.steps.${step}`)}
      </h2>
      {stepView()}
    </article>
  );
}

/**
 * A published form's questions inside the details step, in the platform's renderer: in the page's language if the
 * form has it, checked with the version's validator before the wizard goes on ("Next" is the form's own button).
 */
function ExtraFields({ form, validatorUrl, idPrefix, initialAnswers, onBack, onDone }: { form: WizardForm; validatorUrl: string; idPrefix: string; initialAnswers: Record<string, unknown>; onBack: () => void; onDone: (answers: Record<string, unknown>) => void }) {
  const { t } = useTranslation('election');
  const { t: tApp, i18n } = useTranslation();
  const { tenant } = useSite();
  const locale = formLocale(form.definition, i18n.language as FormLocale, tenant.defaultLocale as FormLocale);
  return (
    <div className="signup-extra-fields" lang={locale === i18n.language ? undefined : locale}>
      <FormRenderer
        definition={form.definition}
        locale={locale}
        headingLevel={2}
        idPrefix={idPrefix}
        validatorUrl={validatorUrl}
        initialAnswers={initialAnswers}
        texts={{
          loading: tApp('form.loading'),
          unavailable: tApp('form.unavailable'),
          required: tApp('form.required'),
          errorSummary: tApp('form.errorSummary'),
          submit: t('signup.next'),
          yes: tApp('form.yes'),
          no: tApp('form.no'),
        }}
        onSubmit={(answers) => {
          onDone(answers);
          return Promise.resolve();
        }}
      />
      <div className="signup-actions">
        <button type="button" className="button button-secondary" onClick={onBack}>
          {t('signup.back')}
        </button>
      </div>
    </div>
  );
}

/** A refused sign-up in plain words, with what is possible instead. */
function Refused({ error, onChoose, linkPage }: { error: unknown; onChoose: (alt: Alternative) => void; linkPage: string }) {
  const { t, i18n } = useTranslation('election');
  const { pathname, search } = useLocation();
  if (!error) return null;
  const lang = i18n.language;
  const refusal = refusalOf(error);
  if (isProblem(error, 'unauthenticated'))
    return (
      <div className="alert alert-warning" role="alert">
        <div className="alert-body">
          <p className="alert-text">{t('signup.loginAgain')}</p>
          <a className="button button-primary" href={loginUrl(pathname + search)}>
            {t('signup.login')}
          </a>
        </div>
      </div>
    );
  if (refusal?.code === 'slotTaken') {
    const alternatives = (refusal.params.alternatives as Alternative[] | undefined) ?? [];
    return (
      <div className="alert alert-warning" role="alert" data-testid="signup-refusal">
        <div className="alert-body">
          <h3 className="alert-heading">{t('signup.takenHeading')}</h3>
          <p className="alert-text">{alternatives.length ? t('signup.takenAlternatives') : t('signup.takenNone')}</p>
          {alternatives.length ? (
            <ul className="nobullet-list signup-alternatives">
              {alternatives.map((a) => (
                <li key={`${a.workLocationId}|${a.taskTypeId}|${a.teamId}|${a.date}`}>
                  <span>
                    <strong>{a.taskType}</strong> · {formatDay(a.date, lang)} · {t('link.hours', { start: a.start, end: a.end })} · {a.workLocation} · {t('link.team', { team: a.team })}
                  </span>
                  <button type="button" className="button button-secondary" onClick={() => onChoose(a)}>
                    {t('signup.chooseInstead')}
                    <span className="sr-only">
                      {' '}
                      {a.taskType}, {a.workLocation}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
          <p className="alert-text">
            <Link to={linkPage}>{t('signup.otherTasks')}</Link>
          </p>
        </div>
      </div>
    );
  }
  if (refusal?.code === 'notEligible') {
    const reasons = (refusal.params.reasons as { code: string; params: Record<string, string> }[] | undefined) ?? [];
    return (
      <div className="alert alert-error" role="alert" data-testid="signup-refusal">
        <div className="alert-body">
          <h3 className="alert-heading">{t('signup.notEligibleHeading')}</h3>
          <ul>
            {reasons.map((r) => (
              <li key={r.code}>{t(`signup.reasons.${r.code.replace(/^election\./, '')}`, { date: r.params.turns18On ? formatDay(r.params.turns18On, lang) : '' })}</li>
            ))}
          </ul>
          <p className="alert-text">{t('signup.notEligibleInstead')}</p>
        </div>
      </div>
    );
  }
  if (refusal?.code === 'overlap') {
    const p = refusal.params as { date?: string; start?: string; end?: string };
    return (
      <div className="alert alert-warning" role="alert" data-testid="signup-refusal">
        <div className="alert-body">
          <h3 className="alert-heading">{t('signup.overlapHeading')}</h3>
          <p className="alert-text">{p.date ? t('signup.overlap', { day: formatDay(p.date, lang), start: p.start, end: p.end }) : t('signup.overlapSameType')}</p>
          <p className="alert-text">
            <Link to={linkPage}>{t('signup.otherTasks')}</Link>
          </p>
        </div>
      </div>
    );
  }
  return <ProblemAlert error={error} />;
}
