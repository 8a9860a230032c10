// One petition on the admin site: its text (and the proposer's original where a moderator corrected it), its
// status, count, thresholds, the votes over time, the moderation and the public timeline, and what a moderator
// can do in its status (PetitionActions.tsx). The proposer is only ever "the proposer": the page needs no
// personal data.
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isProblem } from '../../../../forms/ui/problem';
import { useSite } from '../../../../forms/ui/site';
import { flowsQuery } from '../../api/flows';
import { Loading } from '../../components/QueryState';
import { formatDate, formatDateTime } from '../../dates';
import { petitionQuery, type PetitionDetail, type PetitionTimelineEntry } from './api';
import { PetitionActions } from './PetitionActions';
import { PetitionProblem, StatusBadge, textAnswers, useAnswerLabel } from './shared';
import { VotesChart } from './VotesChart';
import './petitions.css';

export default function PetitionPage() {
  const { t } = useTranslation('petitions');
  const { id = '' } = useParams();
  const petition = useQuery(petitionQuery(id));
  return (
    <section className="petition-page">
      {petition.isPending ? (
        <>
          <h1>{t('nav.detail')}</h1>
          <Loading />
        </>
      ) : petition.isError ? (
        <>
          <h1>{t('nav.detail')}</h1>
          {isProblem(petition.error, 'not_found') ? <p>{t('detail.notFound')}</p> : <PetitionProblem error={petition.error} />}
          <p>
            <Link to="/petitions">{t('detail.backToList')}</Link>
          </p>
        </>
      ) : (
        <Petition petition={petition.data} />
      )}
    </section>
  );
}

function Petition({ petition: p }: { petition: PetitionDetail }) {
  const { t, i18n } = useTranslation('petitions');
  const { t: tApp } = useTranslation();
  const { tenant } = useSite();
  const [message, setMessage] = useState('');
  const label = useAnswerLabel();
  const date = (at: string | null) => (at ? formatDateTime(at, i18n.language) : '–');
  // The document's title names the petition (App.tsx titles the page "Petition" until it has loaded).
  useEffect(() => {
    document.title = `${p.title} – ${t('nav.group')} – ${tApp('adminOf', { name: tenant.name })}`;
  }, [p.title, t, tApp, tenant.name]);

  const original = p.corrected && p.moderation?.original ? textAnswers(p.moderation.original) : [];
  const current = textAnswers(p.content);
  const changed = new Set(original.filter(([k, v]) => (p.content as Record<string, unknown>)[k] !== v).map(([k]) => k));
  const reached = new Map(p.reached.map((r) => [r.threshold, r.at]));
  return (
    <>
      <p className="petition-breadcrumb">
        <Link to={p.status === 'awaitingModeration' ? '/petitions/moderation' : '/petitions'}>{p.status === 'awaitingModeration' ? t('detail.backToQueue') : t('detail.backToList')}</Link>
      </p>
      <h1>{p.title}</h1>
      <p role="status" className="petition-message">
        {message}
      </p>
      <dl className="petition-facts">
        <div>
          <dt>{t('detail.status')}</dt>
          <dd>
            <StatusBadge status={p.status} />
          </dd>
        </div>
        {p.openedAt ? (
          <div>
            <dt>{t('detail.votes')}</dt>
            <dd data-testid="petition-votes">{p.votes.toLocaleString(i18n.language)}</dd>
          </div>
        ) : null}
        {p.openedAt ? (
          <div>
            <dt>{t('detail.opened')}</dt>
            <dd>{date(p.openedAt)}</dd>
          </div>
        ) : null}
        {p.closesAt && !p.closedAt ? (
          <div>
            <dt>{t('detail.closes')}</dt>
            <dd data-testid="petition-closes">
              {date(p.closesAt)}
              {p.daysLeft !== null ? ` (${t('detail.daysLeft', { count: p.daysLeft })})` : ''}
            </dd>
          </div>
        ) : null}
        {p.closedAt ? (
          <div>
            <dt>{t('detail.closed')}</dt>
            <dd>{date(p.closedAt)}</dd>
          </div>
        ) : null}
        {p.answeredAt ? (
          <div>
            <dt>{t('detail.answered')}</dt>
            <dd>{date(p.answeredAt)}</dd>
          </div>
        ) : null}
      </dl>

      <h2>{t('detail.proposal')}</h2>
      <p className="petition-muted">{t('detail.proposer')}</p>
      <Answers answers={current} label={label} changed={changed} />
      {original.length ? (
        <details className="petition-original" open>
          <summary>{t('detail.originalToggle')}</summary>
          <h3>{t('detail.original')}</h3>
          <p className="petition-muted">{t('detail.originalIntro')}</p>
          <Answers answers={original} label={label} changed={changed} />
        </details>
      ) : null}

      {p.moderation ? (
        <>
          <h2>{t('detail.moderation')}</h2>
          <dl className="petition-facts">
            {p.moderation.waitingSince && p.status === 'awaitingModeration' ? (
              <div>
                <dt>{t('detail.waitingSince')}</dt>
                <dd>{date(p.moderation.waitingSince)}</dd>
              </div>
            ) : null}
            {p.moderation.moderatedAt ? (
              <div>
                <dt>{t('detail.moderatedAt')}</dt>
                <dd>{date(p.moderation.moderatedAt)}</dd>
              </div>
            ) : null}
            {p.moderation.reason ? (
              <div>
                <dt>{t('detail.reason')}</dt>
                <dd>{t(`reasons.${p.moderation.reason}`)}</dd>
              </div>
            ) : null}
            {p.moderation.message ? (
              <div>
                <dt>{t('detail.messageToProposer')}</dt>
                <dd className="petition-text">{p.moderation.message}</dd>
              </div>
            ) : null}
            <div>
              <dt>{t('detail.resubmissions')}</dt>
              <dd>{p.moderation.resubmissions}</dd>
            </div>
          </dl>
        </>
      ) : null}

      {p.openedAt ? (
        <>
          <h2>{t('detail.thresholds')}</h2>
          {p.thresholds.length ? (
            <ul className="petition-thresholds">
              {[...p.thresholds]
                .sort((a, b) => a - b)
                .map((n) => (
                  <li key={n} data-threshold={n} data-reached={String(reached.has(n))}>
                    {reached.has(n) ? t('detail.thresholdReached', { count: n, date: formatDate(reached.get(n)!, i18n.language) }) : t('detail.thresholdNotReached', { count: n, missing: n - p.votes })}
                  </li>
                ))}
            </ul>
          ) : (
            <p>{t('detail.noThresholds')}</p>
          )}
          <h2>{t('votes.heading')}</h2>
          <VotesChart days={p.days} />
        </>
      ) : null}

      <PetitionActions petition={p} onDone={setMessage} />

      <h2>{t('timeline.heading')}</h2>
      <Timeline entries={p.timeline} />
      <FlowLink />
    </>
  );
}

function Answers({ answers, label, changed }: { answers: [string, string][]; label: (name: string) => string; changed: Set<string> }) {
  const { t } = useTranslation('petitions');
  return (
    <dl className="petition-answers">
      {answers.map(([name, value]) => (
        <div key={name} data-answer={name}>
          <dt>
            {label(name)}
            {changed.has(name) ? <span className="petition-badge">{t('detail.changed')}</span> : null}
          </dt>
          <dd className="petition-text">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function Timeline({ entries }: { entries: PetitionTimelineEntry[] }) {
  const { t, i18n } = useTranslation('petitions');
  if (entries.length === 0) return <p>{t('timeline.none')}</p>;
  const sizeText = (bytes: number) => new Intl.NumberFormat(i18n.language, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 0 }).format(Math.max(1, bytes / 1024));
  return (
    <ol className="petition-timeline">
      {entries.map((e, i) => (
        <li key={e.id ?? `${e.kind}-${i}`} data-kind={e.kind}>
          <p className="petition-timeline-head">
            <strong>{t(`timeline.kinds.${e.kind}`)}</strong> <span className="petition-muted">{formatDateTime(e.at, i18n.language)}</span>
          </p>
          {e.kind === 'thresholdReached' && e.threshold !== undefined ? <p>{t('timeline.threshold', { count: e.threshold })}</p> : null}
          {e.kind === 'closed' && e.votes !== undefined ? <p>{t('timeline.closedVotes', { count: e.votes })}</p> : null}
          {e.text ? <p className="petition-text">{e.text}</p> : null}
          {e.attachment ? (
            <p>
              <a href={e.attachment.path}>{t('timeline.attachment', { name: e.attachment.name, size: sizeText(e.attachment.bytes) })}</a>
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

/** The petition flow in the flow editor, where its parameters (window, cap, thresholds, due time) are set. */
function FlowLink() {
  const { t } = useTranslation('petitions');
  const flows = useQuery(flowsQuery());
  const flow = flows.data?.flows.find((f) => f.key === 'petition');
  if (flows.isError) return <PetitionProblem error={flows.error} />;
  if (!flow) return null;
  return (
    <p className="petition-flow-link">
      <Link to={`/flows/${flow.id}`}>{t('detail.flowLink')}</Link>
    </p>
  );
}
