// "What I have sent": the logged-in person's submissions with their reference and where each stands, each
// opening what was sent (MySubmissionPage) — the e-services module's section of the profile page.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { mySubmissionsQuery } from '../../api/queries';
import { QueryState } from '../../components/QueryState';

export function MySubmissions() {
  const { t, i18n } = useTranslation('eservices');
  const submissions = useQuery(mySubmissionsQuery());
  const text = (m: Record<string, string> | null) => (m ? (m[i18n.language] ?? Object.values(m)[0] ?? '') : '');
  return (
    <section aria-labelledby="my-submissions">
      <h2 id="my-submissions">{t('mySubmissions.heading')}</h2>
      <QueryState query={submissions}>
        {({ submissions: rows }) =>
          rows.length === 0 ? (
            <p>{t('mySubmissions.none')}</p>
          ) : (
            <table className="table">
              {/* The heading right above names the table already: the caption is for screen readers only. */}
              <caption className="sr-only">{t('mySubmissions.heading')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('mySubmissions.what')}</th>
                  <th scope="col">{t('mySubmissions.reference')}</th>
                  <th scope="col">{t('mySubmissions.sent')}</th>
                  <th scope="col">{t('mySubmissions.status')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.id}>
                    <td>
                      <Link to={`/my/submissions/${r.id}`}>{text(r.formTitle)}</Link>
                    </td>
                    <td>{r.reference}</td>
                    <td>{new Date(r.submittedAt).toLocaleDateString(i18n.language)}</td>
                    <td>{r.status ? text(r.statusLabel) || r.status : t('mySubmissions.received')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </QueryState>
    </section>
  );
}
