// An invitation's page (/election/invitations/:token; /valg/invitation/:token, /val/inbjudan/:token): the task
// it offers, and the two answers — accept (after the e-ID login: the server checks that the logged-in person is
// the invited one and may hold the task, and says why not) or reject (no login, after a confirmation). An
// answered, expired or retracted invitation says so; an unknown link says it does not work.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { apiGet, apiSend } from '../../../../../forms/ui/api';
import { isProblem } from '../../../../../forms/ui/problem';
import { useSite } from '../../../../../forms/ui/site';
import type { ElectionPublicMeAnswer } from '../../../../../schemas/types/election-public-me-answer';
import type { ElectionPublicMeInvitation } from '../../../../../schemas/types/election-public-me-invitation';
import { Loading } from '../../../components/QueryState';
import { useSitePath } from '../../../site-paths';
import { LoginFirst, Refusal, TaskFactsList } from './common';

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export function InvitationPage() {
  const { t } = useTranslation('election');
  const { actor } = useSite();
  const path = useSitePath();
  const { token = '' } = useParams();
  const valid = TOKEN.test(token);
  const client = useQueryClient();
  const [confirmReject, setConfirmReject] = useState(false);
  const key = ['election', 'public', 'invitation', token];
  const invitation = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => apiGet<ElectionPublicMeInvitation>(`/api/election/public/invitations/${encodeURIComponent(token)}`, { signal }),
    enabled: valid,
    retry: false,
  });
  const answer = useMutation({
    mutationFn: (what: 'accept' | 'reject') => apiSend<ElectionPublicMeAnswer>('POST', `/api/election/public/invitations/${encodeURIComponent(token)}/${what}`),
    onSuccess: () => client.removeQueries({ queryKey: key }),
  });

  if (answer.isSuccess)
    return (
      <article className="me-page">
        <h1>{answer.data.state === 'accepted' ? t('me.invitation.acceptedHeading') : t('me.invitation.rejectedHeading')}</h1>
        <div className="alert alert-success" role="status">
          <div className="alert-body">
            <p className="alert-text">{answer.data.state === 'accepted' ? t('me.invitation.accepted') : t('me.invitation.rejected')}</p>
          </div>
        </div>
        {answer.data.state === 'accepted' ? (
          <p>
            <Link to={path('/election/my-tasks')}>{t('me.invitation.toMyTasks')}</Link>
          </p>
        ) : null}
      </article>
    );
  if (!valid || isProblem(invitation.error, 'not_found'))
    return (
      <article className="me-page">
        <h1>{t('me.invitation.unknownHeading')}</h1>
        <p className="font-lead">{t('me.invitation.unknown')}</p>
      </article>
    );
  if (invitation.isPending) return <Loading />;
  if (invitation.isError)
    return (
      <article className="me-page">
        <h1>{t('me.invitation.heading')}</h1>
        <Refusal error={invitation.error} />
      </article>
    );
  const inv = invitation.data;
  return (
    <article className="me-page">
      <h1>{t('me.invitation.heading')}</h1>
      <p className="font-lead">{t('me.invitation.lead', { taskType: inv.taskType.title })}</p>
      <TaskFactsList task={inv} />
      {inv.taskType.description ? <p>{inv.taskType.description}</p> : null}
      {inv.status === 'answered' ? (
        <p className="font-lead" data-testid="invitation-status">
          {t('me.invitation.answered')}
        </p>
      ) : inv.status === 'expired' ? (
        <p className="font-lead" data-testid="invitation-status">
          {t('me.invitation.expired')}
        </p>
      ) : inv.status === 'retracted' ? (
        <p className="font-lead" data-testid="invitation-status">
          {t('me.invitation.retracted')}
        </p>
      ) : (
        <section aria-labelledby="invitation-answer">
          <h2 id="invitation-answer">{t('me.invitation.answerHeading')}</h2>
          {answer.isError ? <Refusal error={answer.error} /> : null}
          {actor.kind === 'user' ? (
            <div className="me-actions">
              <button type="button" className="button button-primary" disabled={answer.isPending} onClick={() => answer.mutate('accept')}>
                {t('me.invitation.accept')}
              </button>
            </div>
          ) : (
            <LoginFirst text={t('me.invitation.loginToAccept')} />
          )}
          {confirmReject ? (
            <div className="alert alert-warning" role="alertdialog" aria-labelledby="reject-confirm-text">
              <div className="alert-body">
                <p className="alert-text" id="reject-confirm-text">
                  {t('me.invitation.rejectConfirm')}
                </p>
                <div className="me-actions">
                  <button type="button" className="button button-primary" autoFocus disabled={answer.isPending} onClick={() => answer.mutate('reject')}>
                    {t('me.invitation.rejectYes')}
                  </button>
                  <button type="button" className="button button-secondary" onClick={() => setConfirmReject(false)}>
                    {t('me.cancel')}
                  </button>
                </div>
              </div>
            </div>
          ) : (
            <div className="me-actions">
              <button type="button" className="button button-secondary" onClick={() => setConfirmReject(true)}>
                {t('me.invitation.reject')}
              </button>
            </div>
          )}
        </section>
      )}
    </article>
  );
}
