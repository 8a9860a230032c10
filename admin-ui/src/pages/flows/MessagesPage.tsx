// Message templates (TemplateEditor.tsx: texts per language and SMS, channel order, a preview with sample data or a
// real row), the communication log, and in development the outbox of the local SMTP server.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { communicationsQuery, outboxQuery, type Communication } from '../../api/messages';
import { DataTable, type Column } from '../../components/DataTable';
import { QueryState } from '../../components/QueryState';
import { formatDateTime } from '../../dates';
import { TemplatesSection } from './TemplateEditor';

export function MessagesPage() {
  const { t, i18n } = useTranslation();
  const log = useQuery(communicationsQuery());

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
      <TemplatesSection />
      <h2>{t('messages.log')}</h2>
      <QueryState query={log}>
        {({ communications }) => (
          <DataTable caption={t('messages.log')} captionHidden className="data-table" columns={columns} rows={communications} rowKey={(l) => l.id} emptyText={t('messages.noneSent')} />
        )}
      </QueryState>
    </section>
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
