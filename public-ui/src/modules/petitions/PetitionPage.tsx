// /petitions/:id — one published petition: the proposal, its support and the way to the next threshold (a
// progress bar with the same in words), the days left, the support per day (a chart with its table), every step
// of its timeline with the municipality's updates, answer and decision (and their PDFs), and the vote: log in
// with e-ID, then support, see that you support it and withdraw, or read in words why you may not.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { PetitionDetail } from '../../../../schemas/types/petitions-detail';
import type { PetitionVoteCount } from '../../../../schemas/types/petitions-vote-count';
import { apiSend } from '../../../../forms/ui/api';
import { isProblem } from '../../../../forms/ui/problem';
import { loginUrl } from '../../../../forms/ui/session';
import { useSite } from '../../../../forms/ui/site';
import { Loading, ProblemAlert, QueryState } from '../../components/QueryState';
import { myVoteQuery, petitionKeys, petitionQuery } from './queries';
import { fieldCode, fieldParams } from './send';
import { daysLeftText, formatBytes, formatDate, formatNumber, votesText } from './texts';
import './petitions.css';

// The chart library loads only when a petition has support to draw.
const VotesChart = lazy(() => import('./VotesChart').then((m) => ({ default: m.VotesChart })));

export function PetitionPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('petitions');
  const petition = useQuery(petitionQuery(id));
  const missing = (
    <>
      <h1>{t('petition.missingHeading')}</h1>
      <p>{t('petition.missing')}</p>
      <p>
        <Link to="/petitions">{t('petition.back')}</Link>
      </p>
    </>
  );
  return (
    <article className="petitions petition">
      <QueryState query={petition} notFound={missing}>
        {(p) => <PetitionView petition={p} />}
      </QueryState>
    </article>
  );
}

/**
 * The petition's title in the window's title, over the site's own: App.tsx sets the page's name in a layout effect,
 * which runs before this effect in the same commit (again when the language changes, hence the dependency).
 */
function useDocumentTitle(title: string) {
  const { tenant } = useSite();
  const { i18n } = useTranslation();
  useEffect(() => {
    document.title = `${title} – ${tenant.name}`;
  }, [title, tenant.name, i18n.language]);
}

function text(content: Record<string, unknown>, key: string): string | undefined {
  const value = content[key];
  return typeof value === 'string' && value.trim() ? value : undefined;
}

function PetitionView({ petition: p }: { petition: PetitionDetail }) {
  const { t, i18n } = useTranslation('petitions');
  const lang = i18n.language;
  useDocumentTitle(p.title);
  const proposal = text(p.content, 'proposal') ?? p.summary;
  const background = text(p.content, 'background');
  const left = p.status === 'open' ? daysLeftText(t, p.daysLeft) : undefined;
  return (
    <>
      <h1>{p.title}</h1>
      <p className="petition-byline">
        <span className={`petition-status petition-status-${p.status}`}>{t(`status.${p.status}`, { defaultValue: p.status })}</span>
        {p.proposerName ? <span>{t('petition.proposedBy', { name: p.proposerName })}</span> : null}
      </p>
      <div className="petition-layout">
        <div className="petition-main">
          <h2>{t('petition.proposal')}</h2>
          <p className="petition-text">{proposal}</p>
          {background ? (
            <>
              <h2>{t('petition.background')}</h2>
              <p className="petition-text">{background}</p>
            </>
          ) : null}
          {p.corrected ? <p className="petition-note">{t('petition.corrected')}</p> : null}
        </div>
        <section className="petition-aside" aria-labelledby="petition-support">
          <h2 id="petition-support">{t('vote.heading')}</h2>
          <p className="petition-votes">{votesText(t, p.votes, lang)}</p>
          <ThresholdProgress petition={p} />
          <dl className="summary-list petition-facts">
            {p.openedAt ? (
              <div className="summary-row">
                <dt>{t('petition.opened')}</dt>
                <dd>{formatDate(p.openedAt, lang)}</dd>
              </div>
            ) : null}
            {p.closedAt ? (
              <div className="summary-row">
                <dt>{t('petition.closedAt')}</dt>
                <dd>{formatDate(p.closedAt, lang)}</dd>
              </div>
            ) : p.closesAt ? (
              <div className="summary-row">
                <dt>{t('petition.closes')}</dt>
                <dd>{formatDate(p.closesAt, lang)}</dd>
              </div>
            ) : null}
            {left ? (
              <div className="summary-row">
                <dt>{t('petition.timeLeft')}</dt>
                <dd>{left}</dd>
              </div>
            ) : null}
          </dl>
          <VotePanel petition={p} />
        </section>
      </div>

      <section aria-labelledby="petition-days">
        <h2 id="petition-days">{t('chart.heading')}</h2>
        {p.days.some((d) => d.votes > 0) ? (
          <Suspense fallback={<Loading />}>
            <VotesChart days={p.days} />
          </Suspense>
        ) : (
          <p>{t('chart.none')}</p>
        )}
      </section>

      <Timeline petition={p} />

      <p>
        <Link to="/petitions">{t('petition.back')}</Link>
      </p>
    </>
  );
}

function ThresholdProgress({ petition: p }: { petition: PetitionDetail }) {
  const { t, i18n } = useTranslation('petitions');
  const lang = i18n.language;
  if (p.nextThreshold === null) {
    return p.thresholds.length ? <p>{t('petition.allReached', { thresholds: p.thresholds.map((n) => formatNumber(n, lang)).join(', ') })}</p> : null;
  }
  const next = p.nextThreshold;
  const words = t('petition.progress', { votes: formatNumber(p.votes, lang), threshold: formatNumber(next, lang), missing: formatNumber(Math.max(0, next - p.votes), lang) });
  return (
    <div className="petition-progress">
      <div className="petition-progress-bar" role="progressbar" aria-label={t('petition.progressLabel')} aria-valuemin={0} aria-valuemax={next} aria-valuenow={Math.min(p.votes, next)} aria-valuetext={words}>
        <span style={{ width: `${Math.min(100, (p.votes / next) * 100)}%` }} />
      </div>
      <p className="petition-progress-text">{words}</p>
    </div>
  );
}

type Notice = 'thanks' | 'withdrawn';

function VotePanel({ petition: p }: { petition: PetitionDetail }) {
  const { t } = useTranslation('petitions');
  const { actor, tenant } = useSite();
  const eid = tenant.country === 'DK' ? 'MitID' : 'BankID';
  if (p.status !== 'open') return <p>{t('vote.closed')}</p>;
  if (actor.kind !== 'user') {
    return (
      <>
        <p>
          <a className="button button-primary" href={loginUrl(`/petitions/${p.id}`)}>
            {t('vote.login', { eid })}
          </a>
        </p>
        <p className="petition-note">{t('vote.privacy')}</p>
      </>
    );
  }
  return <MyVote id={p.id} />;
}

type T = ReturnType<typeof useTranslation>['t'];

/** A refusal of the vote in words: the voting rules' reasons (my-vote's refusal, a 403's field code), an earlier vote, a closed window. */
function refusalText(t: T, code: string | undefined, params: Record<string, unknown>): string | undefined {
  switch (code) {
    case 'petition.alreadyVoted':
      return t('vote.alreadyVoted');
    case 'petition.notVoted':
      return t('vote.notVoted');
    case 'petition.notOpen':
      return t('vote.closed');
    case 'petition.voter.notResident':
      return t('vote.refusal.notResident');
    case 'petition.voter.underAge':
      return t('vote.refusal.underAge', { minAge: params.minAge });
    case 'petition.voter.assuranceTooLow':
      return t('vote.refusal.assuranceTooLow', { level: t(`vote.levels.${String(params.minAssurance)}`) });
    default:
      return undefined;
  }
}

const errorText = (t: T, error: unknown) => refusalText(t, fieldCode(error), fieldParams(error)) ?? (isProblem(error, 'forbidden') ? t('vote.notCitizen') : undefined);

function MyVote({ id }: { id: string }) {
  const { t } = useTranslation('petitions');
  const queryClient = useQueryClient();
  const myVote = useQuery(myVoteQuery(id));
  const [notice, setNotice] = useState<Notice | undefined>();
  const noticeRef = useRef<HTMLParagraphElement>(null);
  // The count shown at once from the answer; then the petition (its count, threshold, days) and the lists again.
  const counted = (votes: number) => {
    queryClient.setQueryData(petitionKeys.detail(id), (old: PetitionDetail | undefined) => (old ? { ...old, votes } : old));
    return Promise.all([queryClient.invalidateQueries({ queryKey: petitionKeys.detail(id) }), queryClient.invalidateQueries({ queryKey: petitionKeys.lists })]);
  };
  const refreshMyVote = () => queryClient.invalidateQueries({ queryKey: petitionKeys.myVote(id) });
  const vote = useMutation({
    mutationFn: () => apiSend<PetitionVoteCount>('POST', `/api/petitions/${encodeURIComponent(id)}/vote`),
    onMutate: () => setNotice(undefined),
    onSuccess: ({ votes }) => (setNotice('thanks'), counted(votes)),
    // Voted already (in another window) or no longer allowed: what the server says now is shown.
    onError: () => refreshMyVote(),
  });
  const withdraw = useMutation({
    mutationFn: () => apiSend<PetitionVoteCount>('DELETE', `/api/petitions/${encodeURIComponent(id)}/vote`),
    onMutate: () => setNotice(undefined),
    onSuccess: ({ votes }) => (setNotice('withdrawn'), counted(votes)),
    onError: () => refreshMyVote(),
  });
  // The button pressed is gone after the answer: the sentence saying what happened takes the focus.
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);
  const failed = vote.error ?? withdraw.error;
  const failedText = failed ? errorText(t, failed) : undefined;
  const busy = vote.isPending || withdraw.isPending;
  return (
    <div className="petition-vote">
      <div role="status">
        {notice ? (
          <p className="petition-notice" ref={noticeRef} tabIndex={-1}>
            {t(`vote.${notice}`)}
          </p>
        ) : null}
      </div>
      {failed ? (
        failedText ? (
          <div className="alert alert-warning" role="alert">
            <div className="alert-body">
              <p className="alert-text">{failedText}</p>
            </div>
          </div>
        ) : (
          <ProblemAlert error={failed} />
        )
      ) : null}
      <QueryState query={myVote}>
        {(mine) => {
          if (!mine.open) return <p>{t('vote.closed')}</p>;
          if (mine.voted) {
            return (
              <>
                <p className="petition-voted">{t('vote.voted')}</p>
                {mine.canWithdraw ? (
                  <button type="button" className="button button-secondary" disabled={busy} onClick={() => withdraw.mutate()}>
                    {t('vote.withdraw')}
                  </button>
                ) : null}
              </>
            );
          }
          if (!mine.eligible) {
            return <p className="petition-refusal">{(mine.refusal && refusalText(t, mine.refusal.code, mine.refusal.params)) ?? t('vote.notCitizen')}</p>;
          }
          return (
            <>
              <button type="button" className="button button-primary" disabled={busy} onClick={() => vote.mutate()}>
                {t('vote.button')}
              </button>
              <p className="petition-note">{t('vote.privacy')}</p>
            </>
          );
        }}
      </QueryState>
    </div>
  );
}

/** Every step, oldest first: published, thresholds reached, closed, the municipality's posts; then the planned close. */
function Timeline({ petition: p }: { petition: PetitionDetail }) {
  const { t, i18n } = useTranslation('petitions');
  const lang = i18n.language;
  const entries = [...p.timeline].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  return (
    <section aria-labelledby="petition-timeline">
      <h2 id="petition-timeline">{t('timeline.heading')}</h2>
      {entries.length === 0 ? <p>{t('timeline.none')}</p> : null}
      <ol className="petition-timeline no-max-width">
        {entries.map((e, i) => (
          <li key={`${e.kind}-${e.at}-${i}`} className={`petition-step petition-step-${e.kind}`}>
            <h3 className="h5 petition-step-title">
              {e.kind === 'thresholdReached'
                ? t('timeline.thresholdReached', { threshold: formatNumber(e.threshold ?? 0, lang) })
                : e.kind === 'closed'
                  ? t('timeline.closed', { votes: formatNumber(e.votes ?? 0, lang) })
                  : t(`timeline.${e.kind}`)}
            </h3>
            <p className="petition-step-date">
              <time dateTime={e.at}>{formatDate(e.at, lang)}</time>
            </p>
            {e.text ? <p className="petition-text">{e.text}</p> : null}
            {e.attachment ? (
              <p>
                <a href={e.attachment.path} download={e.attachment.name}>
                  {t('timeline.attachment', { name: e.attachment.name, size: formatBytes(e.attachment.bytes, lang) })}
                </a>
              </p>
            ) : null}
          </li>
        ))}
        {p.status === 'open' && p.closesAt ? (
          <li className="petition-step petition-step-planned">
            <h3 className="h5 petition-step-title">{t('timeline.closes')}</h3>
            <p className="petition-step-date">
              <time dateTime={p.closesAt}>{formatDate(p.closesAt, lang)}</time>
            </p>
          </li>
        ) : null}
      </ol>
    </section>
  );
}
