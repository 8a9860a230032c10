// Message templates (subject and body per language, with merge fields), a preview with sample data, the
// communication log, and in development the outbox of the local SMTP server.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getJson, ProblemError, sendJson } from '../../../../forms/ui/problem';

type Locale = 'da' | 'sv' | 'en';
const MERGE_FIELDS = ['name', 'reference', 'municipality', 'flowName', 'status', 'date'];
interface Template {
  key: string;
  subject: Partial<Record<Locale, string>>;
  body: Partial<Record<Locale, string>>;
}

export function MessagesPage() {
  const { t, i18n } = useTranslation();
  const [templates, setTemplates] = useState<Template[]>([]);
  const [selected, setSelected] = useState<string>('');
  const [locale, setLocale] = useState<Locale>((['da', 'sv', 'en'].includes(i18n.language) ? i18n.language : 'da') as Locale);
  const [edit, setEdit] = useState<Template | undefined>();
  const [preview, setPreview] = useState<{ subject: string; body: string } | undefined>();
  const [message, setMessage] = useState('');
  const [log, setLog] = useState<{ id: string; templateKey: string; channel: string; recipient: string; status: string; createdAt: string }[]>([]);

  useEffect(() => {
    getJson<{ templates: Template[] }>('/api/message-templates').then((r) => {
      setTemplates(r.templates);
      setSelected((s) => s || r.templates[0]?.key || '');
    }, () => undefined);
    getJson<{ communications: typeof log }>('/api/communications').then((r) => setLog(r.communications), () => undefined);
  }, []);
  useEffect(() => {
    setEdit(templates.find((x) => x.key === selected));
    if (selected) getJson<{ subject: string; body: string }>(`/api/message-templates/${selected}/preview?locale=${locale}`).then(setPreview, () => setPreview(undefined));
  }, [selected, templates, locale]);

  const save = async () => {
    if (!edit) return;
    try {
      const saved = await sendJson<Template>('PUT', `/api/message-templates/${edit.key}`, { subject: edit.subject, body: edit.body });
      setTemplates(templates.map((x) => (x.key === saved.key ? saved : x)));
      setMessage(t('messages.saved'));
    } catch (err) {
      setMessage(err instanceof ProblemError ? (err.problem.errors ?? []).map((e) => `${e.field}: ${e.message}`).join('; ') || err.problem.title : String(err));
    }
  };

  return (
    <section>
      <h1>{t('messages.heading')}</h1>
      <p>{t('messages.intro')}</p>
      <div className="filters">
        <div className="field">
          <label htmlFor="m-template">{t('messages.template')}</label>
          <select id="m-template" value={selected} onChange={(e) => setSelected(e.target.value)}>
            {templates.map((x) => (
              <option key={x.key} value={x.key}>
                {x.key}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="m-locale">{t('language.label')}</label>
          <select id="m-locale" value={locale} onChange={(e) => setLocale(e.target.value as Locale)}>
            {(['da', 'sv', 'en'] as const).map((l) => (
              <option key={l} value={l}>
                {t(`language.names.${l}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {edit ? (
        <div className="stacked-form">
          <label htmlFor="m-subject">{t('messages.subject')}</label>
          <input id="m-subject" value={edit.subject[locale] ?? ''} onChange={(e) => setEdit({ ...edit, subject: { ...edit.subject, [locale]: e.target.value } })} />
          <label htmlFor="m-body">{t('messages.body')}</label>
          <textarea id="m-body" rows={8} value={edit.body[locale] ?? ''} onChange={(e) => setEdit({ ...edit, body: { ...edit.body, [locale]: e.target.value } })} />
          <p className="hint">
            {t('messages.mergeFields')}: {MERGE_FIELDS.map((m) => `{{${m}}}`).join(', ')}
          </p>
          <button type="button" onClick={() => void save()}>
            {t('messages.save')}
          </button>
          <p role="status">{message}</p>
        </div>
      ) : null}
      {preview ? (
        <div className="designer-preview message-preview">
          <h2>{t('messages.preview')}</h2>
          <p>
            <strong>{preview.subject}</strong>
          </p>
          <pre>{preview.body}</pre>
        </div>
      ) : null}
      <h2>{t('messages.log')}</h2>
      <table className="data-table">
        <caption className="visually-hidden">{t('messages.log')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('messages.time')}</th>
            <th scope="col">{t('messages.template')}</th>
            <th scope="col">{t('messages.channel')}</th>
            <th scope="col">{t('messages.recipient')}</th>
            <th scope="col">{t('messages.status')}</th>
          </tr>
        </thead>
        <tbody>
          {log.map((l) => (
            <tr key={l.id}>
              <td>{new Date(l.createdAt).toLocaleString(i18n.language)}</td>
              <td>{l.templateKey}</td>
              <td>{l.channel}</td>
              <td>{l.recipient.startsWith('subject:') ? t('messages.thePerson') : t('messages.caseworkers')}</td>
              <td>{l.status}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function OutboxPage() {
  const { t, i18n } = useTranslation();
  const [messages, setMessages] = useState<{ id: string; receivedAt: string; to: string; subject: string; text: string }[] | 'none' | undefined>();
  useEffect(() => {
    getJson<{ messages: { id: string; receivedAt: string; to: string; subject: string; text: string }[] }>('/api/dev/outbox').then((r) => setMessages(r.messages), () => setMessages('none'));
  }, []);
  return (
    <section>
      <h1>{t('outbox.heading')}</h1>
      <p>{t('outbox.intro')}</p>
      {messages === 'none' ? <p>{t('outbox.none')}</p> : null}
      <ul className="outbox">
        {Array.isArray(messages)
          ? messages.map((m) => (
              <li key={m.id} className="outbox-message">
                <h2>{m.subject}</h2>
                <p>{t('outbox.meta', { to: m.to, date: new Date(m.receivedAt).toLocaleString(i18n.language) })}</p>
                <pre>{m.text}</pre>
              </li>
            ))
          : null}
      </ul>
    </section>
  );
}
