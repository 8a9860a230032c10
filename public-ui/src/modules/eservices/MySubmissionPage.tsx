// /my/submissions/:id — what the person sent, read back: the form's questions and their answers in the
// person's language (the form's own texts), the reference and where the case stands. Only the sender gets
// it; for anyone else the server answers 404 and the page says "not found" (the person's own list is linked).
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useSite } from '../../../../forms/ui/site';
import { loginUrl } from '../../../../forms/ui/session';
import { QueryState } from '../../components/QueryState';
import { mySubmissionQuery } from './queries';

type Texts = Record<string, string> | null | undefined;

export function MySubmissionPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation('eservices');
  const { actor } = useSite();
  const submission = useQuery({ ...mySubmissionQuery(id), enabled: actor.kind === 'user' });
  // The person's language if the form has it, else the form's first.
  const text = (m: Texts) => (m ? (m[i18n.language] ?? Object.values(m)[0] ?? '') : '');
  if (actor.kind !== 'user') {
    return (
      <article>
        <h1>{t('mySubmission.loginHeading')}</h1>
        <p>
          <a href={loginUrl(`/my/submissions/${encodeURIComponent(id)}`)}>{t('mySubmission.login')}</a>
        </p>
      </article>
    );
  }
  const missing = (
    <>
      <h1>{t('mySubmission.missingHeading')}</h1>
      <p>{t('mySubmission.missing')}</p>
    </>
  );
  return (
    <article>
      <QueryState query={submission} notFound={missing}>
        {(s) => (
          <>
            <h1>{text(s.formTitle)}</h1>
            <dl className="summary-list">
              <div className="summary-row">
                <dt>{t('mySubmission.reference')}</dt>
                <dd>{s.reference}</dd>
              </div>
              <div className="summary-row">
                <dt>{t('mySubmission.sent')}</dt>
                <dd>{new Date(s.submittedAt).toLocaleString(i18n.language, { dateStyle: 'long', timeStyle: 'short' })}</dd>
              </div>
              <div className="summary-row">
                <dt>{t('mySubmission.status')}</dt>
                <dd>{s.status ? text(s.statusLabel) || s.status : t('mySubmissions.received')}</dd>
              </div>
            </dl>
            <h2>{t('mySubmission.answers')}</h2>
            {s.erased ? (
              <p>{t('mySubmission.erased')}</p>
            ) : (
              <dl className="summary-list answers-list">
                {s.questions.map((q) => (
                  <div className="summary-row" key={q.key}>
                    <dt>{text(q.label)}</dt>
                    <dd>{text(q.answer) || t('mySubmission.notAnswered')}</dd>
                  </div>
                ))}
              </dl>
            )}
          </>
        )}
      </QueryState>
      <p>
        <Link to="/profile">{t('mySubmission.back')}</Link>
      </p>
    </article>
  );
}
