// The form designer: a palette of field types, the fields in order (drag or move buttons), an editor for the
// selected field in the language being edited, the problems that stand between the draft and publishing, a
// live preview rendered by the public site's renderer, publishing, and the versions with what changed.
// Every edit is saved as the draft (debounced); the saved document is always the definition format.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { FormDefinitionDraft } from '../../../../schemas/types/forms-form-definition-draft';
import { diffForms, FIELD_TYPES, fromDraft, LOCALES, moveField, newField, toDraft, type DesignerForm, type FieldChange, type FieldType, type Locale } from '../../../../forms/designer/model';
import { apiSend } from '../../../../forms/ui/api';
import { isProblem, problemText } from '../../../../forms/ui/problem';
import { FormRenderer } from '../../../../forms/ui/renderer/FormRenderer';
import { useSite } from '../../../../forms/ui/site';
import type { FieldError } from '../../../../forms/validation';
import { formKeys, formProblemsQuery, formQuery, formVersionQuery, type LoadedForm } from '../../api/forms';
import { Loading, ProblemAlert, QueryState } from '../../components/QueryState';
import { formatDateTime } from '../../dates';
import { useCodedText } from '../flows/coded-text';
import { FieldEditor } from './FieldEditor';
import { useConfirm } from '../../components/ConfirmDialog';
import { FieldList } from './FieldList';
import { PublicAddress, publicFormAddress } from './PublicAddress';

const SAVE_DELAY_MS = 600;

export function FormDesignerPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const form = useQuery(formQuery(id));
  return (
    <QueryState query={form} notFound={<h1>{t('notFound')}</h1>}>
      {(loaded) => <FormDesigner key={id} id={id} loaded={loaded} />}
    </QueryState>
  );
}

/** The designer keeps its own copy of the form being edited, made once from the loaded draft. */
function FormDesigner({ id, loaded }: { id: string; loaded: LoadedForm }) {
  const { t, i18n } = useTranslation();
  // Problems come as codes with params, shown in the page's language.
  const codedText = useCodedText();
  const { tenant, publicOrigin } = useSite();
  const queryClient = useQueryClient();
  const country = tenant.country as 'DK' | 'SE';
  // A new form is offered in the tenant's language only, so it can be published without unticking anything.
  const [form, setForm] = useState<DesignerForm>(() => fromDraft(loaded.draft, [(tenant.defaultLocale as Locale) ?? 'da']));
  const [locale, setLocale] = useState<Locale>((tenant.defaultLocale as Locale) ?? 'da');
  const [selected, setSelected] = useState<string | undefined>();
  // The preview shows the saved draft: its validator is compiled on the server from what was saved, and the
  // revision makes the renderer load the new one.
  const [revision, setRevision] = useState(0);
  const [saved, setSaved] = useState<FormDefinitionDraft>(loaded.draft);
  const problemsQuery = useQuery(formProblemsQuery(id));
  const problems = problemsQuery.data?.problems ?? [];
  const [status, setStatus] = useState('');
  const [diff, setDiff] = useState<{ version: number; changes: FieldChange[] } | undefined>();
  const [viewing, setViewing] = useState<{ version: number; definition: FormDefinitionDraft } | undefined>();
  const saveTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const setProblems = useCallback((list: FieldError[]) => queryClient.setQueryData(formProblemsQuery(id).queryKey, { problems: list }), [queryClient, id]);
  /** After publishing: the versions, the problems and the forms list are new. */
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: formKeys.detail(id), exact: true }),
      queryClient.invalidateQueries({ queryKey: formProblemsQuery(id).queryKey }),
      queryClient.invalidateQueries({ queryKey: formKeys.list }),
    ]);

  const saveDraft = useMutation({
    mutationFn: (next: DesignerForm) => apiSend<{ draft: FormDefinitionDraft; problems: FieldError[] }>('PUT', `/api/forms/${encodeURIComponent(id)}/draft`, toDraft(next, country)),
    onSuccess: ({ draft, problems: left }) => {
      setSaved(draft);
      setProblems(left);
      setRevision((r) => r + 1);
      setStatus(t('designer.saved'));
    },
    onError: (err) => setStatus(problemText(t, err)),
  });
  const save = (next: DesignerForm) =>
    saveDraft.mutateAsync(next).then(
      () => true,
      () => false,
    );

  const publishDraft = useMutation({
    mutationFn: () => apiSend<{ version: number }>('POST', `/api/forms/${encodeURIComponent(id)}/publish`, {}),
    onSuccess: async ({ version }) => {
      setStatus(t('designer.published', { version }));
      await refresh();
    },
    onError: (err) => {
      if (isProblem(err, 'validation_failed')) {
        setProblems(err.problem.errors ?? []);
        setStatus(t('designer.notPublished'));
      } else setStatus(problemText(t, err));
    },
  });

  const republishVersion = useMutation({
    mutationFn: (version: number) => apiSend<{ version: number }>('POST', `/api/forms/${encodeURIComponent(id)}/versions/${version}/republish`, {}),
    onSuccess: async ({ version }) => {
      setStatus(t('designer.published', { version }));
      await refresh();
    },
    onError: (err) => setStatus(problemText(t, err)),
  });

  const update = (next: DesignerForm) => {
    setForm(next);
    setStatus(t('designer.saving'));
    clearTimeout(saveTimer.current);
    saveTimer.current = setTimeout(() => void save(next), SAVE_DELAY_MS);
  };

  const add = (type: FieldType) => {
    const field = newField(form, type, Object.fromEntries(form.locales.map((l) => [l, t(`designer.types.${type}`, { lng: l })])));
    update({ ...form, fields: [...form.fields, field] });
    setSelected(field.key);
  };
  const current = form.fields.find((f) => f.key === selected);
  // The preview and an old version render with the same texts (and no submit button).
  const previewTexts = {
    loading: t('loading'),
    unavailable: t('designer.unavailable'),
    required: t('required'),
    errorSummary: t('designer.previewErrors'),
    submit: '',
    yes: t('designer.yes'),
    no: t('designer.no'),
  };

  // Publishing cannot be taken back: a new version goes out to citizens. Asked first, saying so.
  const { confirm, dialog } = useConfirm();
  const confirmPublish = (next: number, from?: number) =>
    confirm({
      title: t('designer.confirmPublishTitle', { version: next }),
      body: <p>{from ? t('designer.confirmRepublishBody', { version: next, from }) : next === 1 ? t('designer.confirmPublishFirst') : t('designer.confirmPublishNext', { version: next, previous: next - 1 })}</p>,
      confirm: t('designer.publish'),
    });
  const nextVersion = (loaded.versions[0]?.version ?? 0) + 1;

  const publish = async () => {
    clearTimeout(saveTimer.current);
    await save(form);
    if (await confirmPublish(nextVersion)) publishDraft.mutate();
  };

  /** Published versions are cached for good (they never change); a failed load is said in the status line. */
  const version = (v: number) => queryClient.fetchQuery(formVersionQuery(id, v));
  const compare = async (v: number) => {
    try {
      const [before, after] = await Promise.all([version(v - 1), version(v)]);
      setDiff({ version: v, changes: diffForms(fromDraft(before.definition), fromDraft(after.definition)) });
    } catch (err) {
      setStatus(problemText(t, err));
    }
  };
  const view = async (v: number) => {
    try {
      setViewing({ version: v, definition: (await version(v)).definition });
    } catch (err) {
      setStatus(problemText(t, err));
    }
  };

  return (
    <section className="designer">
      {dialog}
      <h1>{loaded.name}</h1>
      <p className="designer-meta">
        {t(`forms.kinds.${loaded.kind}`)} · {loaded.versions[0] ? t('designer.latestVersion', { version: loaded.versions[0].version }) : t('forms.unpublished')}
      </p>
      <p>
        <Link to={`/forms/${encodeURIComponent(id)}/submissions`}>{t('designer.submissions')}</Link>
      </p>
      {loaded.slug && publicOrigin && loaded.versions.length > 0 ? (
        <PublicAddress address={publicFormAddress(publicOrigin, loaded.slug)} />
      ) : loaded.versions.length === 0 ? (
        <p className="designer-meta">{t('designer.notPublishedYet')}</p>
      ) : null}
      <div role="status" aria-live="polite" className="designer-status">
        {status}
      </div>

      <div className="designer-toolbar">
        <label htmlFor="designer-locale">{t('designer.editLanguage')}</label>
        <select id="designer-locale" value={locale} onChange={(e) => setLocale(e.target.value as Locale)}>
          {form.locales.map((l) => (
            <option key={l} value={l}>
              {t(`language.names.${l}`)}
            </option>
          ))}
        </select>
        <fieldset className="designer-locales">
          <legend>{t('designer.languages')}</legend>
          {LOCALES.map((l) => (
            <span key={l} className="checkbox-row">
              <input
                id={`designer-offers-${l}`}
                type="checkbox"
                checked={form.locales.includes(l)}
                disabled={form.locales.length === 1 && form.locales.includes(l)}
                onChange={(e) => update({ ...form, locales: e.target.checked ? [...form.locales, l] : form.locales.filter((x) => x !== l) })}
              />
              <label htmlFor={`designer-offers-${l}`}>{t(`language.names.${l}`)}</label>
            </span>
          ))}
        </fieldset>
        <label htmlFor="designer-title">{t('designer.title')}</label>
        <input id="designer-title" value={form.title[locale] ?? ''} maxLength={500} onChange={(e) => update({ ...form, title: { ...form.title, [locale]: e.target.value } })} />
        {form.kind === 'consentStatement' ? (
          <>
            <label htmlFor="designer-consent-text">{t('designer.consentText')}</label>
            <textarea
              id="designer-consent-text"
              rows={8}
              maxLength={20000}
              value={form.rest.consent?.text?.[locale] ?? ''}
              onChange={(e) => update({ ...form, rest: { ...form.rest, consent: { ...form.rest.consent, text: { ...form.rest.consent?.text, [locale]: e.target.value } } } })}
            />
          </>
        ) : null}
      </div>

      <div className="designer-columns">
        <div>
          <h2>{t('designer.palette')}</h2>
          <ul className="designer-palette">
            {FIELD_TYPES.map((type) => (
              <li key={type}>
                <button type="button" onClick={() => add(type)}>
                  {t('designer.add', { type: t(`designer.types.${type}`) })}
                </button>
              </li>
            ))}
          </ul>
        </div>
        <div>
          <h2>{t('designer.fields')}</h2>
          <FieldList fields={form.fields} locale={locale} selected={selected} onSelect={setSelected} onMove={(from, to) => update(moveField(form, from, to))} />
        </div>
        <div>
          <h2>{t('designer.field')}</h2>
          {current ? (
            <FieldEditor
              key={`${current.key}-${locale}`}
              field={current}
              fields={form.fields}
              locale={locale}
              onChange={(field) => update({ ...form, fields: form.fields.map((f) => (f.key === field.key ? field : f)) })}
              onRemove={() => {
                update({ ...form, fields: form.fields.filter((f) => f.key !== current.key).map((f) => (f.showWhen?.field === current.key ? { ...f, showWhen: undefined } : f)) });
                setSelected(undefined);
              }}
            />
          ) : (
            <p>{t('designer.selectField')}</p>
          )}
        </div>
      </div>

      <h2>{t('designer.problems')}</h2>
      {problemsQuery.isPending ? (
        <Loading />
      ) : problemsQuery.isError ? (
        <ProblemAlert error={problemsQuery.error} />
      ) : problems.length === 0 ? (
        <p>{t('designer.noProblems')}</p>
      ) : (
        <ul className="designer-problems">
          {problems.map((p, i) => (
            <li key={i}>
              <code>{p.field}</code> {codedText(p, p.message)}
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="button-primary" onClick={() => void publish()}>
        {t('designer.publish')}
      </button>

      <h2>{t('designer.preview')}</h2>
      <div className="designer-preview" lang={locale === i18n.language ? undefined : locale}>
        {problems.some((p) => p.field === '/schema') || fromDraft(saved).fields.length === 0 ? (
          <p>{t('designer.noPreview')}</p>
        ) : (
          <FormRenderer
            key={revision}
            idPrefix="preview"
            definition={saved}
            locale={locale}
            preview
            headingLevel={2}
            validatorUrl={`/api/forms/${encodeURIComponent(id)}/draft/validator.js?rev=${revision}`}
            texts={previewTexts}
          />
        )}
      </div>

      <h2>{t('designer.versions')}</h2>
      {loaded.versions.length === 0 ? (
        <p>{t('forms.unpublished')}</p>
      ) : (
        <ul className="designer-versions">
          {loaded.versions.map((v) => (
            <li key={v.version}>
              {t('designer.version', { version: v.version, date: formatDateTime(v.publishedAt, i18n.language) })}{' '}
              <button type="button" className="button-small" onClick={() => void view(v.version)}>
                {t('designer.view', { version: v.version })}
              </button>{' '}
              {v.version > 1 ? (
                <button type="button" className="button-small" onClick={() => void compare(v.version)}>
                  {t('designer.compare', { version: v.version, previous: v.version - 1 })}
                </button>
              ) : null}{' '}
              <button type="button" className="button-small" onClick={() => void confirmPublish(nextVersion, v.version).then((ok) => ok && republishVersion.mutate(v.version))}>
                {t('designer.republish', { version: v.version })}
              </button>
            </li>
          ))}
        </ul>
      )}
      {viewing ? (
        <div className="designer-preview designer-version">
          <p className="designer-meta">{t('designer.viewing', { version: viewing.version })}</p>
          <FormRenderer
            key={`version-${viewing.version}`}
            idPrefix={`v${viewing.version}`}
            definition={viewing.definition}
            locale={locale}
            preview
            headingLevel={2}
            validatorUrl={`/api/forms/${encodeURIComponent(id)}/versions/${viewing.version}/validator.js`}
            texts={previewTexts}
          />
        </div>
      ) : null}
      {diff ? (
        <div className="designer-diff">
          <h3>{t('designer.changesIn', { version: diff.version, previous: diff.version - 1 })}</h3>
          {diff.changes.length === 0 ? (
            <p>{t('designer.noChanges')}</p>
          ) : (
            <ul>
              {diff.changes.map((c) => (
                <li key={c.key}>
                  <strong>{c.key}</strong>: {t(`designer.change.${c.change}`)}
                  {c.details.length ? ` — ${c.details.join('; ')}` : ''}
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : null}
    </section>
  );
}
