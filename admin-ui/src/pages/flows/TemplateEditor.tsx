// The message templates part of the messages page: choose a template and a language, edit its subject, body and
// SMS text (its length in SMS segments as typed), the order of its channels (the next is used when a person
// cannot receive on one), and preview it with sample data or — for a module that offers it — with a real person
// and one of their tasks, the server filling the merge fields from the rows (nothing is sent or issued).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiSend } from '../../../../forms/ui/api';
import { problemSummary } from '../../../../forms/ui/problem';
import { smsSegments, type SmsSegments } from '../../../../schemas/messages/sms-segments';
import { templateKeys, templatePreviewChoicesQuery, templatePreviewQuery, templatesQuery, type Locale, type PreviewRow, type Template } from '../../api/messages';
import { QueryState } from '../../components/QueryState';

const LOCALES = ['da', 'sv', 'en'] as const;
type ChannelName = 'digitalPost' | 'email' | 'sms';
const CHANNELS: readonly ChannelName[] = ['digitalPost', 'email', 'sms'];

export function TemplatesSection() {
  const { t, i18n } = useTranslation();
  const templates = useQuery(templatesQuery());
  const [chosen, setChosen] = useState('');
  const [locale, setLocale] = useState<Locale>(((LOCALES as readonly string[]).includes(i18n.language) ? i18n.language : 'da') as Locale);
  return (
    <QueryState query={templates}>
      {({ templates: list, mergeFields, previewModules }) => {
        const template = list.find((x) => x.key === chosen) ?? list[0];
        return (
          <>
            <div className="filters">
              <div className="field">
                <label htmlFor="m-template">{t('messages.template')}</label>
                <select id="m-template" value={template?.key ?? ''} onChange={(e) => setChosen(e.target.value)}>
                  {list.map((x) => (
                    <option key={x.key} value={x.key}>
                      {t(`messageTemplates.${x.key}`, { defaultValue: x.key })}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor="m-locale">{t('language.label')}</label>
                <select id="m-locale" value={locale} onChange={(e) => setLocale(e.target.value as Locale)}>
                  {LOCALES.map((l) => (
                    <option key={l} value={l}>
                      {t(`language.names.${l}`)}
                    </option>
                  ))}
                </select>
              </div>
            </div>
            {/* Keyed by the template: choosing another starts the editor from what the server has of that one. */}
            {template ? <TemplateEditor key={template.key} template={template} locale={locale} mergeFields={mergeFields} /> : null}
            {template ? <TemplatePreview templateKey={template.key} locale={locale} previewModules={previewModules} /> : null}
          </>
        );
      }}
    </QueryState>
  );
}

/** "160 characters, 1 SMS (GSM-7: 160 characters per SMS)". */
export function SegmentCount({ segments, id }: { segments: SmsSegments; id?: string }) {
  const { t } = useTranslation();
  return (
    <p className="hint" id={id} data-testid="sms-segments">
      {t('messages.editor.segments', { length: segments.length, count: segments.segments, encoding: t(`messages.editor.encodings.${segments.encoding}`), perSegment: segments.perSegment })}
    </p>
  );
}

function TemplateEditor({ template, locale, mergeFields }: { template: Template; locale: Locale; mergeFields: string[] }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [edit, setEdit] = useState(template);
  const [message, setMessage] = useState('');
  const save = useMutation({
    mutationFn: (next: Template) => apiSend<Template>('PUT', `/api/message-templates/${encodeURIComponent(next.key)}`, { subject: next.subject, body: next.body, sms: next.sms, channels: next.channels }),
    // The list and every preview of the templates are read again.
    onSuccess: async () => {
      setMessage(t('messages.saved'));
      await queryClient.invalidateQueries({ queryKey: templateKeys.all });
    },
    onError: (err) => setMessage(problemSummary(t, err)),
  });
  const sms = edit.sms[locale] ?? '';
  const channels = edit.channels as ChannelName[];
  const setChannels = (next: ChannelName[]) => setEdit({ ...edit, channels: next });
  const move = (i: number, by: -1 | 1) => {
    const next = [...channels];
    [next[i], next[i + by]] = [next[i + by]!, next[i]!];
    setChannels(next);
  };
  return (
    <div className="stacked-form">
      <label htmlFor="m-subject">{t('messages.subject')}</label>
      <input id="m-subject" value={edit.subject[locale] ?? ''} onChange={(e) => setEdit({ ...edit, subject: { ...edit.subject, [locale]: e.target.value } })} />
      <label htmlFor="m-body">{t('messages.body')}</label>
      <textarea id="m-body" rows={8} value={edit.body[locale] ?? ''} onChange={(e) => setEdit({ ...edit, body: { ...edit.body, [locale]: e.target.value } })} />
      <label htmlFor="m-sms">{t('messages.editor.sms')}</label>
      <textarea
        id="m-sms"
        rows={3}
        aria-describedby="m-sms-hint m-sms-segments"
        value={sms}
        onChange={(e) => {
          // An emptied text is left out (the subject goes by SMS then), as the server stores it.
          const { [locale]: _dropped, ...rest } = edit.sms;
          setEdit({ ...edit, sms: e.target.value ? { ...rest, [locale]: e.target.value } : rest });
        }}
      />
      <p className="hint" id="m-sms-hint">
        {t('messages.editor.smsHint')}
      </p>
      <SegmentCount id="m-sms-segments" segments={smsSegments(sms || (edit.subject[locale] ?? ''))} />
      <fieldset>
        <legend>{t('messages.editor.channelOrder')}</legend>
        <p className="hint">{t('messages.editor.channelOrderHint')}</p>
        <ol className="channel-order">
          {channels.map((c, i) => (
            <li key={c}>
              <span>{t(`messages.channels.${c}`)}</span>{' '}
              <button type="button" disabled={i === 0} onClick={() => move(i, -1)} aria-label={t('messages.editor.moveUp', { channel: t(`messages.channels.${c}`) })}>
                ↑
              </button>{' '}
              <button type="button" disabled={i === channels.length - 1} onClick={() => move(i, 1)} aria-label={t('messages.editor.moveDown', { channel: t(`messages.channels.${c}`) })}>
                ↓
              </button>
            </li>
          ))}
        </ol>
        {CHANNELS.map((c) => (
          <div className="checkbox" key={c}>
            <input
              type="checkbox"
              id={`m-channel-${c}`}
              checked={channels.includes(c)}
              // The last channel cannot be taken away: a template goes by at least one.
              disabled={channels.length === 1 && channels.includes(c)}
              onChange={(e) => setChannels(e.target.checked ? [...channels, c] : channels.filter((x) => x !== c))}
            />
            <label htmlFor={`m-channel-${c}`}>{t('messages.editor.useChannel', { channel: t(`messages.channels.${c}`) })}</label>
          </div>
        ))}
      </fieldset>
      <p className="hint">
        {t('messages.mergeFields')}: {mergeFields.map((m) => `{{${m}}}`).join(', ')}
      </p>
      <button type="button" onClick={() => save.mutate(edit)}>
        {t('messages.save')}
      </button>
      <p role="status">{message}</p>
    </div>
  );
}

function TemplatePreview({ templateKey, locale, previewModules }: { templateKey: string; locale: Locale; previewModules: string[] }) {
  const { t } = useTranslation();
  const [source, setSource] = useState<string>(''); // '' = sample data, else a module's name
  const [row, setRow] = useState<PreviewRow | undefined>(undefined);
  useEffect(() => setRow(undefined), [source]);
  const preview = useQuery(templatePreviewQuery(templateKey, locale, source ? row : undefined));
  return (
    <div className="designer-preview message-preview">
      <h2>{t('messages.editor.previewHeading')}</h2>
      {previewModules.length > 0 ? (
        <fieldset>
          <legend>{t('messages.editor.previewWith')}</legend>
          <div className="radio">
            <input type="radio" id="m-preview-sample" name="m-preview-source" checked={source === ''} onChange={() => setSource('')} />
            <label htmlFor="m-preview-sample">{t('messages.editor.sampleData')}</label>
          </div>
          {previewModules.map((m) => (
            <div className="radio" key={m}>
              <input type="radio" id={`m-preview-${m}`} name="m-preview-source" checked={source === m} onChange={() => setSource(m)} />
              <label htmlFor={`m-preview-${m}`}>
                {t('messages.editor.realRow')}
                {previewModules.length > 1 ? ` (${m})` : ''}
              </label>
            </div>
          ))}
        </fieldset>
      ) : null}
      {source ? <RowChooser module={source} row={row} onChange={setRow} /> : null}
      {source && !row ? null : (
        <QueryState query={preview}>
          {(p) => (
            <>
              <p>
                <strong data-testid="preview-subject">{p.subject}</strong>
              </p>
              <pre data-testid="preview-body">{p.body}</pre>
              <h3>{t('messages.editor.previewSms')}</h3>
              <pre data-testid="preview-sms">{p.sms}</pre>
              <SegmentCount segments={p.smsSegments} />
              <p>
                {t('messages.editor.previewChannels')}: {p.channels.map((c) => t(`messages.channels.${c}`)).join(' → ')}
              </p>
            </>
          )}
        </QueryState>
      )}
    </div>
  );
}

/** A search for a person of the module and a choice of one of their tasks. */
function RowChooser({ module, row, onChange }: { module: string; row: PreviewRow | undefined; onChange: (row: PreviewRow | undefined) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [typed, setTyped] = useState('');
  // The search is asked when typing pauses, not on every key.
  useEffect(() => {
    const timer = setTimeout(() => setSearch(typed.trim()), 300);
    return () => clearTimeout(timer);
  }, [typed]);
  const choices = useQuery({ ...templatePreviewChoicesQuery(module, search), enabled: search.length > 0 });
  const list = choices.data?.choices ?? [];
  const person = list.find((c) => c.id === row?.subjectId);
  return (
    <div className="stacked-form">
      <label htmlFor="m-preview-search">{t('messages.editor.search')}</label>
      <input id="m-preview-search" type="search" value={typed} onChange={(e) => setTyped(e.target.value)} />
      {search && choices.isSuccess && list.length === 0 ? <p role="status">{t('messages.editor.noMatches')}</p> : null}
      {list.length > 0 ? (
        <>
          <label htmlFor="m-preview-person">{t('messages.editor.person')}</label>
          <select id="m-preview-person" value={row?.subjectId ?? ''} onChange={(e) => onChange(e.target.value ? { module, subjectId: e.target.value } : undefined)}>
            <option value="">—</option>
            {list.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </select>
        </>
      ) : null}
      {person ? (
        <>
          <label htmlFor="m-preview-task">{t('messages.editor.task')}</label>
          <select id="m-preview-task" value={row?.detailId ?? ''} onChange={(e) => onChange({ module, subjectId: person.id, ...(e.target.value ? { detailId: e.target.value } : {}) })}>
            <option value="">{t('messages.editor.noTask')}</option>
            {person.details.map((d) => (
              <option key={d.id} value={d.id}>
                {d.label}
              </option>
            ))}
          </select>
        </>
      ) : null}
    </div>
  );
}
