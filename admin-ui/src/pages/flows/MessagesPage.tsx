// Message templates (TemplateEditor.tsx: texts per language and SMS, channel order, a preview with sample data or a
// real row), the communication log (CommunicationLog.tsx), and in development the outbox of the local SMTP server
// and the Digital Post and SMS simulators.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { outboxQuery } from '../../api/messages';
import { QueryState } from '../../components/QueryState';
import { formatDateTime } from '../../dates';
import { CommunicationLog } from './CommunicationLog';
import { TemplatesSection } from './TemplateEditor';

export function MessagesPage() {
  const { t } = useTranslation();
  return (
    <section>
      <h1>{t('messages.heading')}</h1>
      <p>{t('messages.intro')}</p>
      <TemplatesSection />
      <CommunicationLog />
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
                <li key={`${m.channel}/${m.id}`} className="outbox-message" data-channel={m.channel}>
                  <h2>
                    {t(`messages.channels.${m.channel}`)}: {m.subject || t('outbox.noSubject')}
                  </h2>
                  <p>
                    {t('outbox.meta', { to: m.to, date: formatDateTime(m.receivedAt, i18n.language) })}
                    {m.status ? ` · ${t('outbox.receipt', { status: m.status })}` : ''}
                    {m.segments ? ` · ${t('outbox.segments', { count: m.segments })}` : ''}
                  </p>
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
