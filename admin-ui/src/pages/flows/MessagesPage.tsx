// Message templates (subject and body per language, with merge fields), a preview with sample data, the
// communication log, and in development the outbox of the local SMTP server.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiSend } from '../../../../forms/ui/api';
import { problemSummary } from '../../../../forms/ui/problem';
import { communicationsQuery, outboxQuery, templateKeys, templatePreviewQuery, templatesQuery, type Communication, type Locale, type Template } from '../../api/messages';
import { DataTable, type Column } from '../../components/DataTable';
import { QueryState } from '../../components/QueryState';
import { formatDateTime } from '../../dates';

const MERGE_FIELDS = ['name', 'reference', 'municipality', 'flowName', 'status', 'date', 'title', 'link', 'votes', 'message'];
const LOCALES = ['da', 'sv', 'en'] as const;

export function MessagesPage() {
  const { t, i18n } = useTranslation();
  const templates = useQuery(templatesQuery());
  const log = useQuery(communicationsQuery());
  const [chosen, setChosen] = useState('');
  const [locale, setLocale] = useState<Locale>(((LOCALES as readonly string[]).includes(i18n.language) ? i18n.language : 'da') as Locale);
  const list = templates.data?.templates ?? [];
  const template = list.find((x) => x.key === chosen) ?? list[0];

  const columns: Column<Communication>[] = [
    { key: 'time', header: t('messages.time'), cell: (l) => formatDateTime(l.createdAt, i18n.language), sortValue: (l) => l.createdAt },
    { key: 'template', header: t('messages.template'), cell: (l) => t(`messageTemplates.${l.templateKey}`, { defaultValue: l.templateKey }), sortValue: (l) => l.templateKey },
    { key: 'channel', header: t('messages.channel'), cell: (l) => t(`messages.channels.${l.channel}`, { defaultValue: l.channel }), sortValue: (l) => l.channel },
    { key: 'recipient', header: t('messages.recipient'), cell: (l) => (l.recipient.startsWith('subject:') ? t('messages.thePerson') : t('messages.caseworkers')) },
    { key: 'status', header: t('messages.status'), cell: (l) => t(`messages.statuses.${l.status}`, { defaultValue: l.status }), sortValue: (l) => l.status },
  ];

  return (
    <section>
      <h1>{t('messages.heading')}</h1>
      <p>{t('messages.intro')}</p>
      <QueryState query={templates}>
        {() => (
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
            {template ? <TemplateEditor key={template.key} template={template} locale={locale} /> : null}
            {template ? <TemplatePreview templateKey={template.key} locale={locale} /> : null}
          </>
        )}
      </QueryState>
      <h2>{t('messages.log')}</h2>
      <QueryState query={log}>
        {({ communications }) => (
          <DataTable caption={t('messages.log')} captionHidden className="data-table" columns={columns} rows={communications} rowKey={(l) => l.id} emptyText={t('messages.noneSent')} />
        )}
      </QueryState>
    </section>
  );
}

function TemplateEditor({ template, locale }: { template: Template; locale: Locale }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [edit, setEdit] = useState(template);
  const [message, setMessage] = useState('');
  const save = useMutation({
    mutationFn: (next: Template) => apiSend<Template>('PUT', `/api/message-templates/${encodeURIComponent(next.key)}`, { subject: next.subject, body: next.body }),
    // The list and every preview of the templates are read again.
    onSuccess: async () => {
      setMessage(t('messages.saved'));
      await queryClient.invalidateQueries({ queryKey: templateKeys.all });
    },
    onError: (err) => setMessage(problemSummary(t, err)),
  });
  return (
    <div className="stacked-form">
      <label htmlFor="m-subject">{t('messages.subject')}</label>
      <input id="m-subject" value={edit.subject[locale] ?? ''} onChange={(e) => setEdit({ ...edit, subject: { ...edit.subject, [locale]: e.target.value } })} />
      <label htmlFor="m-body">{t('messages.body')}</label>
      <textarea id="m-body" rows={8} value={edit.body[locale] ?? ''} onChange={(e) => setEdit({ ...edit, body: { ...edit.body, [locale]: e.target.value } })} />
      <p className="hint">
        {t('messages.mergeFields')}: {MERGE_FIELDS.map((m) => `{{${m}}}`).join(', ')}
      </p>
      <button type="button" onClick={() => save.mutate(edit)}>
        {t('messages.save')}
      </button>
      <p role="status">{message}</p>
    </div>
  );
}

function TemplatePreview({ templateKey, locale }: { templateKey: string; locale: Locale }) {
  const { t } = useTranslation();
  const preview = useQuery(templatePreviewQuery(templateKey, locale));
  return (
    <div className="designer-preview message-preview">
      <h2>{t('messages.preview')}</h2>
      <QueryState query={preview}>
        {(p) => (
          <>
            <p>
              <strong>{p.subject}</strong>
            </p>
            <pre>{p.body}</pre>
          </>
        )}
      </QueryState>
    </div>
  );
}

export function OutboxPage() {
  const { t, i18n } = useTranslation();
  const outbox = useQuery(outboxQuery());
  return (
    <section>
      <h1>{t('outbox.heading')}</h1>
      <p>{t('outbox.intro')}</p>
      {/* Not found: this platform sends its e-mail to a real SMTP server, so there is no outbox to show. */}
      <QueryState query={outbox} notFound={<p>{t('outbox.none')}</p>}>
        {({ messages }) =>
          messages.length === 0 ? (
            <p>{t('outbox.empty')}</p>
          ) : (
            <ul className="outbox">
              {messages.map((m) => (
                <li key={m.id} className="outbox-message">
                  <h2>{m.subject}</h2>
                  <p>{t('outbox.meta', { to: m.to, date: formatDateTime(m.receivedAt, i18n.language) })}</p>
                  <pre>{m.text}</pre>
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </section>
  );
}
