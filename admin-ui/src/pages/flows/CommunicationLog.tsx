// The communication log: every message the platform sent, filtered by channel, status, template, days and one
// of its refs (an id such as participantId=…), newest first; "Details" opens one message with every attempt (one
// per channel tried, in the message's order) and its receipt. The filters are the URL's query string, so a
// filtered log can be reloaded and linked to (e.g. from a participant's profile).
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Fragment, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { communicationDetailQuery, communicationsQuery, type Communication, type CommunicationAttempt } from '../../api/messages';
import { DataTable, type Column } from '../../components/DataTable';
import { QueryState } from '../../components/QueryState';
import { formatDateTime } from '../../dates';

const CHANNELS = ['digitalPost', 'email', 'sms'] as const;
const STATUSES = ['queued', 'sent', 'delivered', 'failed', 'noAddress'] as const;
const FILTERS = ['channel', 'status', 'template', 'from', 'to', 'ref'] as const;
const REF = /^[A-Za-z][A-Za-z0-9]{0,49}=[A-Za-z0-9._:-]{1,200}$/;

export function CommunicationLog() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [refDraft, setRefDraft] = useState(params.get('ref') ?? '');
  const [openId, setOpenId] = useState<string | undefined>();
  // Only the log's own filters go to the server (the page's URL may carry others).
  const query = new URLSearchParams();
  for (const f of FILTERS) {
    const v = params.get(f);
    if (v && (f !== 'ref' || REF.test(v))) query.set(f, v);
  }
  const log = useQuery({ ...communicationsQuery(query.toString()), placeholderData: keepPreviousData });
  const set = (name: (typeof FILTERS)[number], value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };
  const refInvalid = refDraft !== '' && !REF.test(refDraft);

  const columns: Column<Communication>[] = [
    { key: 'time', header: t('messages.time'), cell: (l) => formatDateTime(l.createdAt, i18n.language), sortValue: (l) => l.createdAt },
    { key: 'template', header: t('messages.template'), cell: (l) => templateName(t, l.templateKey), sortValue: (l) => l.templateKey },
    { key: 'channel', header: t('messages.channel'), cell: (l) => (l.channel ? t(`messages.channels.${l.channel}`, { defaultValue: l.channel }) : '–'), sortValue: (l) => l.channel ?? '' },
    { key: 'recipient', header: t('messages.recipient'), cell: (l) => (l.recipient.startsWith('subject:') ? t('messages.thePerson') : t('messages.caseworkers')) },
    { key: 'status', header: t('messages.status'), cell: (l) => t(`messages.statuses.${l.status}`, { defaultValue: l.status }), sortValue: (l) => l.status },
    {
      key: 'details',
      header: t('communicationLog.details'),
      cell: (l) => (
        <button type="button" className="button-small button-secondary" aria-expanded={openId === l.id} onClick={() => setOpenId(openId === l.id ? undefined : l.id)}>
          {t('communicationLog.detailsOf', { time: formatDateTime(l.createdAt, i18n.language) })}
        </button>
      ),
    },
  ];

  return (
    <section aria-labelledby="communication-log-heading">
      <h2 id="communication-log-heading">{t('messages.log')}</h2>
      <form
        className="filters"
        aria-label={t('communicationLog.filters')}
        onSubmit={(e) => {
          e.preventDefault();
          if (!refInvalid) set('ref', refDraft.trim());
        }}
      >
        <div className="field">
          <label htmlFor="log-channel">{t('messages.channel')}</label>
          <select id="log-channel" value={params.get('channel') ?? ''} onChange={(e) => set('channel', e.target.value)}>
            <option value="">{t('communicationLog.all')}</option>
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {t(`messages.channels.${c}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="log-status">{t('messages.status')}</label>
          <select id="log-status" value={params.get('status') ?? ''} onChange={(e) => set('status', e.target.value)}>
            <option value="">{t('communicationLog.all')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`messages.statuses.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="log-template">{t('communicationLog.templateFilter')}</label>
          <input id="log-template" value={params.get('template') ?? ''} maxLength={200} onChange={(e) => set('template', e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="log-from">{t('communicationLog.from')}</label>
          <input id="log-from" type="date" value={params.get('from') ?? ''} onChange={(e) => set('from', e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="log-to">{t('communicationLog.to')}</label>
          <input id="log-to" type="date" value={params.get('to') ?? ''} onChange={(e) => set('to', e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="log-ref">{t('communicationLog.ref')}</label>
          <input
            id="log-ref"
            value={refDraft}
            maxLength={250}
            aria-describedby="log-ref-hint"
            aria-invalid={refInvalid || undefined}
            onChange={(e) => setRefDraft(e.target.value)}
          />
          <span id="log-ref-hint" className="hint">
            {refInvalid ? t('communicationLog.refInvalid') : t('communicationLog.refHint')}
          </span>
        </div>
        <button type="submit" className="button-secondary">
          {t('communicationLog.apply')}
        </button>
      </form>
      <QueryState query={log}>
        {({ communications }) => (
          <DataTable
            caption={t('communicationLog.count', { count: communications.length })}
            className="data-table communication-log"
            columns={columns}
            rows={communications}
            rowKey={(l) => l.id}
            rowAttributes={(l) => ({ 'data-message': l.id })}
            emptyText={t('messages.noneSent')}
            busy={log.isPlaceholderData}
          />
        )}
      </QueryState>
      {openId ? <CommunicationDetail id={openId} onClose={() => setOpenId(undefined)} /> : null}
    </section>
  );
}

function templateName(t: ReturnType<typeof useTranslation>['t'], key: string): string {
  return key === 'free' ? t('communicationLog.freeText') : t(`messageTemplates.${key}`, { defaultValue: key });
}

function CommunicationDetail({ id, onClose }: { id: string; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const detail = useQuery(communicationDetailQuery(id));
  const heading = useRef<HTMLHeadingElement>(null);
  // Opening a message moves the focus to it, so a keyboard user lands on what they asked for.
  useEffect(() => heading.current?.focus(), [id]);
  const when = (at: string | null) => (at ? formatDateTime(at, i18n.language) : '–');
  const attemptColumns: Column<CommunicationAttempt>[] = [
    { key: 'n', header: t('communicationLog.attempt'), cell: (a) => String(a.position) },
    { key: 'channel', header: t('messages.channel'), cell: (a) => t(`messages.channels.${a.channel}`) },
    // E-mail has no receipts: its `sent` is final.
    { key: 'status', header: t('messages.status'), cell: (a) => (a.channel === 'email' && a.status === 'sent' ? t('messages.statuses.sent') : t(`communicationLog.attemptStatuses.${a.status}`)) },
    { key: 'error', header: t('communicationLog.reason'), cell: (a) => (a.errorCode ? t(`communicationLog.errors.${a.errorCode}`, { defaultValue: a.errorCode }) : '–') },
    { key: 'sent', header: t('communicationLog.sentAt'), cell: (a) => when(a.sentAt) },
    { key: 'receipt', header: t('communicationLog.receiptAt'), cell: (a) => when(a.receiptAt) },
  ];
  return (
    <section aria-labelledby="message-detail-heading" className="designer-diff message-detail">
      <h3 id="message-detail-heading" tabIndex={-1} ref={heading}>
        {t('communicationLog.detailHeading')}
      </h3>
      <QueryState query={detail}>
        {({ communication: c, attempts }) => (
          <>
            <dl className="facts">
              <dt>{t('messages.template')}</dt>
              <dd>{templateName(t, c.templateKey)}</dd>
              <dt>{t('messages.status')}</dt>
              <dd>{t(`messages.statuses.${c.status}`, { defaultValue: c.status })}</dd>
              <dt>{t('communicationLog.order')}</dt>
              <dd>{(c.channels ?? []).map((ch) => t(`messages.channels.${ch}`)).join(' → ') || '–'}</dd>
              <dt>{t('messages.time')}</dt>
              <dd>{when(c.createdAt)}</dd>
              <dt>{t('communicationLog.deliveredAt')}</dt>
              <dd>{when(c.deliveredAt ?? null)}</dd>
              {Object.entries(c.refs ?? {}).map(([k, v]) => (
                <Fragment key={k}>
                  <dt>{k}</dt>
                  <dd>
                    <code>{v}</code>
                  </dd>
                </Fragment>
              ))}
            </dl>
            <DataTable caption={t('communicationLog.attempts')} className="data-table attempts" columns={attemptColumns} rows={attempts} rowKey={(a) => String(a.position)} emptyText={t('communicationLog.noAttempts')} />
          </>
        )}
      </QueryState>
      <button type="button" className="button-secondary" onClick={onClose}>
        {t('communicationLog.close')}
      </button>
    </section>
  );
}
