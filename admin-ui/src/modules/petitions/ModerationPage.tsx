// The moderation queue: proposals awaiting a moderator, the one waiting longest first, how long each has
// waited in words, and those past the moderation's due time marked (a badge and a sentence, not colour alone).
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable, type Column } from '../../components/DataTable';
import { Loading } from '../../components/QueryState';
import { formatDateTime } from '../../dates';
import { moderationQueueQuery, type PetitionModerationItem } from './api';
import { durationWords, PetitionProblem } from './shared';
import './petitions.css';

export default function ModerationPage() {
  const { t, i18n } = useTranslation('petitions');
  const queue = useQuery(moderationQueueQuery());
  const columns: Column<PetitionModerationItem>[] = [
    {
      key: 'title',
      header: t('moderation.proposal'),
      cell: (p) => (
        <>
          <Link to={`/petitions/${p.id}`}>{p.title}</Link>
          {p.summary ? <p className="petition-summary">{p.summary}</p> : null}
        </>
      ),
    },
    {
      key: 'waiting',
      header: t('moderation.waiting'),
      cell: (p) => (
        <>
          <span>{durationWords(t, p.waitingSeconds)}</span>
          {p.overdue ? (
            <>
              {' '}
              <span className="petition-badge petition-badge-overdue">{t('moderation.overdue')}</span>
            </>
          ) : null}
          <br />
          <span className="petition-muted">{t('moderation.since', { date: formatDateTime(p.waitingSince, i18n.language) })}</span>
        </>
      ),
    },
    {
      key: 'notes',
      header: t('moderation.notes'),
      cell: (p) => [p.resubmissions > 0 ? t('moderation.resubmitted', { count: p.resubmissions }) : '', p.corrected ? t('moderation.corrected') : ''].filter(Boolean).join(' · '),
    },
  ];
  return (
    <section>
      <h1>{t('moderation.heading')}</h1>
      <p>{t('moderation.intro')}</p>
      {queue.isPending ? (
        <Loading />
      ) : queue.isError ? (
        <PetitionProblem error={queue.error} />
      ) : (
        <>
          <p role="status">{t('moderation.count', { count: queue.data.total })}</p>
          {queue.data.items.some((p) => p.overdue) ? (
            <p className="notice notice-error">{t('moderation.overdueNotice', { count: queue.data.items.filter((p) => p.overdue).length, days: queue.data.dueDays })}</p>
          ) : null}
          <DataTable
            caption={t('moderation.caption', { days: queue.data.dueDays })}
            className="data-table petition-queue"
            columns={columns}
            rows={queue.data.items}
            rowKey={(p) => p.id}
            rowAttributes={(p) => ({ 'data-petition': p.id, 'data-overdue': String(p.overdue) })}
            emptyText={t('moderation.none')}
            pageSize={50}
          />
        </>
      )}
    </section>
  );
}
