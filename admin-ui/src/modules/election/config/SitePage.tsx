// The public site's election pages (GET and PUT /api/election/site, replaced whole): the front page's text in
// each language, the FAQ (on or off; its entries added, removed and moved with buttons), the privacy statement
// shown at sign-up (a consent-statement form of the tenant) and whether the sign-up asks for consent, and the
// contact information.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Loading, ProblemAlert } from '../../../components/QueryState';
import { electionKeys, formsOfKindQuery, saveSite, siteQuery, SITE_LOCALES, type ElectionSite, type ElectionSiteInput, type SiteLocale } from '../api';
import { ELECTION_PATHS } from '../paths';
import { CheckboxField, ErrorSummary, fieldId, SelectField, TextAreaField, TextField, useFieldErrors } from './fields';

type Localized = Partial<Record<SiteLocale, string>>;

interface Entry {
  /** The entry's own key while the page is open (entries move). */
  key: number;
  question: Localized;
  answer: Localized;
}

interface Draft {
  frontPage: Localized;
  faqEnabled: boolean;
  faq: Entry[];
  privacyFormId: string;
  consentEnabled: boolean;
  contact: { email: string; phone: string; address: string; openingHours: string };
}

const CONTACT_FIELDS = [
  { name: 'email', type: 'email', max: 254, autoComplete: 'off' },
  { name: 'phone', type: 'tel', max: 40, autoComplete: 'off' },
  { name: 'address', type: 'text', max: 300, autoComplete: 'off' },
  { name: 'openingHours', type: 'text', max: 500, autoComplete: 'off' },
] as const;

let nextKey = 1;

function draftOf(site: ElectionSite): Draft {
  return {
    frontPage: { ...site.frontPage },
    faqEnabled: site.faqEnabled,
    faq: site.faq.map((e) => ({ key: nextKey++, question: { ...e.question }, answer: { ...e.answer } })),
    privacyFormId: site.privacyFormId ?? '',
    consentEnabled: site.consentEnabled,
    contact: { email: site.contact.email ?? '', phone: site.contact.phone ?? '', address: site.contact.address ?? '', openingHours: site.contact.openingHours ?? '' },
  };
}

/** Texts per language with the empty ones left out. */
function localized(texts: Localized): Localized {
  return Object.fromEntries(SITE_LOCALES.flatMap((l) => (texts[l]?.trim() ? [[l, texts[l]!.trim()]] : [])));
}

function bodyOf(d: Draft): ElectionSiteInput {
  return {
    frontPage: localized(d.frontPage),
    faqEnabled: d.faqEnabled,
    faq: d.faq.map((e) => ({ question: localized(e.question), answer: localized(e.answer) })),
    privacyFormId: d.privacyFormId || null,
    consentEnabled: d.consentEnabled,
    contact: Object.fromEntries(Object.entries(d.contact).flatMap(([k, v]) => (v.trim() ? [[k, v.trim()]] : []))),
  };
}

export function SitePage() {
  const { t } = useTranslation('election');
  const site = useQuery(siteQuery());
  return (
    <section className="election-config-form election-site">
      <p className="election-breadcrumb">
        <Link to={ELECTION_PATHS.config}>{t('config.back')}</Link>
      </p>
      <h1>{t('site.heading')}</h1>
      <p>{t('site.intro')}</p>
      {site.isPending ? <Loading /> : site.isError ? <ProblemAlert error={site.error} /> : <SiteForm site={site.data} />}
    </section>
  );
}

function SiteForm({ site }: { site: ElectionSite }) {
  const { t } = useTranslation('election');
  const queryClient = useQueryClient();
  const privacyForms = useQuery(formsOfKindQuery('consentStatement'));
  const [draft, setDraft] = useState(() => draftOf(site));
  const [status, setStatus] = useState('');
  const [focus, setFocus] = useState<{ key: number; action: 'up' | 'down' | 'remove' | 'question' } | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const save = useMutation({
    mutationFn: saveSite,
    onMutate: () => setStatus(''),
    onSuccess: (saved) => {
      queryClient.setQueryData(electionKeys.site, saved);
      setStatus(t('site.saved'));
    },
  });
  const errors = useFieldErrors(save.error, ([top, a, b, c]) => {
    if (top === 'frontPage' && a) return t(`site.languages.${a}`, { defaultValue: a });
    if (top === 'faq' && a !== undefined) return [t('site.faqEntry', { number: Number(a) + 1 }), b ? t(`site.faqPart.${b}`, { defaultValue: b }) : '', c ? t(`site.languages.${c}`, { defaultValue: c }) : ''].filter(Boolean).join(', ');
    if (top === 'contact' && a) return t(`site.contact.${a}`, { defaultValue: a });
    return undefined;
  });
  useEffect(() => {
    if (save.isError) summaryRef.current?.focus();
  }, [save.isError, save.error]);
  // After a move or a removal, focus stays with what the button was about (the entry moved, or the one after it).
  useEffect(() => {
    if (!focus) return;
    // A move to the top or the bottom disables the button pressed: its opposite takes the focus.
    const opposite = { up: 'down', down: 'up' } as Record<string, string>;
    const candidates = [focus.action, opposite[focus.action]].flatMap((a) => (a ? [document.getElementById(`faq-${focus.key}-${a}`) as HTMLButtonElement | null] : []));
    const target = candidates.find((b) => b && !b.disabled) ?? document.getElementById(`faq-${focus.key}-question-da`) ?? document.getElementById('faq-add');
    target?.focus();
    setFocus(null);
  }, [focus]);

  const setFaq = (faq: Entry[]) => setDraft({ ...draft, faq });
  const move = (index: number, by: -1 | 1) => {
    const faq = [...draft.faq];
    const [entry] = faq.splice(index, 1);
    faq.splice(index + by, 0, entry!);
    setFaq(faq);
    setFocus({ key: entry!.key, action: by < 0 ? 'up' : 'down' });
    setStatus(t('site.faqMoved', { from: index + 1, to: index + by + 1 }));
  };
  const remove = (index: number) => {
    const next = draft.faq[index + 1] ?? draft.faq[index - 1];
    setFaq(draft.faq.filter((_, i) => i !== index));
    setFocus(next ? { key: next.key, action: 'remove' } : null);
    if (!next) document.getElementById('faq-add')?.focus();
    setStatus(t('site.faqRemoved', { number: index + 1 }));
  };
  const add = () => {
    const key = nextKey++;
    setFaq([...draft.faq, { key, question: {}, answer: {} }]);
    setFocus({ key, action: 'question' });
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(bodyOf(draft));
  };
  const labelOf = (f: string) => t(`site.fields.${f}`, { defaultValue: f });
  const setEntry = (index: number, part: 'question' | 'answer', locale: SiteLocale, text: string) =>
    setFaq(draft.faq.map((e, i) => (i === index ? { ...e, [part]: { ...e[part], [locale]: text } } : e)));

  return (
    <>
      <p role="status" className="election-status">
        {status}
      </p>
      {save.isError ? <ErrorSummary ref={summaryRef} error={save.error} errors={errors} title={t('site.saveFailed')} labelOf={labelOf} /> : null}
      <form onSubmit={submit} noValidate className="election-form">
        <fieldset id={fieldId('frontPage')} tabIndex={-1} className="election-group">
          <legend>{t('site.frontPage')}</legend>
          <p className="hint">{t('site.frontPageHint')}</p>
          {SITE_LOCALES.map((l) => (
            <TextAreaField
              key={l}
              name={`frontPage-${l}`}
              lang={l}
              rows={6}
              label={t('site.frontPageIn', { language: t(`site.languages.${l}`) })}
              maxLength={10000}
              value={draft.frontPage[l] ?? ''}
              onChange={(text) => setDraft({ ...draft, frontPage: { ...draft.frontPage, [l]: text } })}
            />
          ))}
          {errors.byField.frontPage?.length ? <p className="field-error">{errors.byField.frontPage.join(' ')}</p> : null}
        </fieldset>

        <fieldset id={fieldId('faq')} tabIndex={-1} className="election-group">
          <legend>{t('site.faq')}</legend>
          <CheckboxField name="faqEnabled" label={t('site.fields.faqEnabled')} hint={t('site.faqEnabledHint')} checked={draft.faqEnabled} onChange={(faqEnabled) => setDraft({ ...draft, faqEnabled })} errors={errors.byField.faqEnabled} />
          {draft.faq.length === 0 ? <p className="hint">{t('site.faqNone')}</p> : null}
          <ol className="election-faq">
            {draft.faq.map((entry, index) => {
              const title = t('site.faqEntry', { number: index + 1 });
              return (
                <li key={entry.key} data-faq-entry={index + 1}>
                  <fieldset className="election-faq-entry">
                    <legend>{title}</legend>
                    {SITE_LOCALES.map((l) => (
                      <div key={l} className="election-faq-language">
                        <div className="field">
                          <label htmlFor={`faq-${entry.key}-question-${l}`}>{t('site.questionIn', { language: t(`site.languages.${l}`) })}</label>
                          <input id={`faq-${entry.key}-question-${l}`} lang={l} type="text" maxLength={500} value={entry.question[l] ?? ''} onChange={(e) => setEntry(index, 'question', l, e.target.value)} />
                        </div>
                        <div className="field">
                          <label htmlFor={`faq-${entry.key}-answer-${l}`}>{t('site.answerIn', { language: t(`site.languages.${l}`) })}</label>
                          <textarea id={`faq-${entry.key}-answer-${l}`} lang={l} rows={3} maxLength={4000} value={entry.answer[l] ?? ''} onChange={(e) => setEntry(index, 'answer', l, e.target.value)} />
                        </div>
                      </div>
                    ))}
                    <div className="election-faq-actions">
                      <button type="button" id={`faq-${entry.key}-up`} className="button-secondary button-small" disabled={index === 0} onClick={() => move(index, -1)}>
                        {t('site.moveUp', { entry: title })}
                      </button>
                      <button type="button" id={`faq-${entry.key}-down`} className="button-secondary button-small" disabled={index === draft.faq.length - 1} onClick={() => move(index, 1)}>
                        {t('site.moveDown', { entry: title })}
                      </button>
                      <button type="button" id={`faq-${entry.key}-remove`} className="button-secondary button-small" onClick={() => remove(index)}>
                        {t('site.remove', { entry: title })}
                      </button>
                    </div>
                  </fieldset>
                </li>
              );
            })}
          </ol>
          {errors.byField.faq?.length ? <p className="field-error">{errors.byField.faq.join(' ')}</p> : null}
          <button type="button" id="faq-add" className="button-secondary" onClick={add} disabled={draft.faq.length >= 50}>
            {t('site.add')}
          </button>
        </fieldset>

        <fieldset className="election-group">
          <legend>{t('site.privacy')}</legend>
          {privacyForms.isError ? <ProblemAlert error={privacyForms.error} /> : null}
          <SelectField
            name="privacyFormId"
            label={t('site.fields.privacyFormId')}
            hint={
              <>
                {t('site.privacyHint')} <Link to="/forms">{t('site.designForms')}</Link>
              </>
            }
            placeholder={t('site.noPrivacyForm')}
            options={(privacyForms.data ?? []).map((f) => ({ value: f.id, label: f.latestVersion > 0 ? f.name : t('taskType.unpublishedForm', { name: f.name }) }))}
            value={draft.privacyFormId}
            onChange={(privacyFormId) => setDraft({ ...draft, privacyFormId })}
            errors={errors.byField.privacyFormId}
          />
          <CheckboxField name="consentEnabled" label={t('site.fields.consentEnabled')} hint={t('site.consentHint')} checked={draft.consentEnabled} onChange={(consentEnabled) => setDraft({ ...draft, consentEnabled })} errors={errors.byField.consentEnabled} />
        </fieldset>

        <fieldset id={fieldId('contact')} tabIndex={-1} className="election-group">
          <legend>{t('site.fields.contact')}</legend>
          <p className="hint">{t('site.contactHint')}</p>
          {CONTACT_FIELDS.map((f) => (
            <TextField
              key={f.name}
              name={`contact-${f.name}`}
              type={f.type}
              label={t(`site.contact.${f.name}`)}
              maxLength={f.max}
              autoComplete={f.autoComplete}
              value={draft.contact[f.name]}
              onChange={(v) => setDraft({ ...draft, contact: { ...draft.contact, [f.name]: v } })}
            />
          ))}
          {errors.byField.contact?.length ? <p className="field-error">{errors.byField.contact.join(' ')}</p> : null}
        </fieldset>

        <div className="election-form-actions">
          <button type="submit" disabled={save.isPending}>
            {save.isPending ? t('form.saving') : t('site.save')}
          </button>
        </div>
      </form>
    </>
  );
}
