// A form's answers for administrators: filtered by version, paged by the server, each shown against the fields
// of the form; the CSV export streams every answer (and is audited on the server).
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { formQuery, submissionsQuery, type SubmissionsPage as Page } from '../../api/forms';
import { DataTable, type Column } from '../../components/DataTable';
import { ProblemAlert, QueryState } from '../../components/QueryState';

type Submission = Page['submissions'][number];

const show = (v: unknown) => (v === undefined || v === null ? '' : Array.isArray(v) ? v.join(', ') : typeof v === 'object' ? JSON.stringify(v) : String(v));

export function SubmissionsPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const version = params.get('version') ?? '';
  const page = Number(params.get('page') ?? '1');
  const form = useQuery(formQuery(id));
  // The version and the page are the query's key: choosing another cancels the request for the one before.
  const answers = useQuery({ ...submissionsQuery(id, { version, page }), placeholderData: keepPreviousData });

  const name = form.data?.name ?? '';
  const goTo = (n: number) => setParams({ ...(version ? { version } : {}), page: String(n) });
  const columnsOf = (data: Page): Column<Submission>[] => {
    const keys = [...new Set(data.submissions.flatMap((s) => Object.keys(s.answers ?? {})))];
    return [
      { key: 'submittedAt', header: t('submissions.submittedAt'), cell: (s) => new Date(s.submittedAt).toLocaleString(i18n.language) },
      { key: 'version', header: t('submissions.version'), cell: (s) => s.version },
      ...keys.map((k) => ({ key: `answer-${k}`, header: k, cell: (s: Submission) => show(s.answers?.[k]) })),
    ];
  };
  return (
    <section>
      <h1>{t('submissions.heading', { name })}</h1>
      <p>
        <Link to={`/forms/${id}`}>{t('submissions.back')}</Link>
      </p>
      {/* A missing form is said once, by the answers below. */}
      {form.isError && !answers.isError ? <ProblemAlert error={form.error} /> : null}
      <div className="filters">
        <div className="field">
          <label htmlFor="submissions-version">{t('submissions.version')}</label>
          <select id="submissions-version" value={version} onChange={(e) => setParams(e.target.value ? { version: e.target.value } : {})}>
            <option value="">{t('submissions.allVersions')}</option>
            {(form.data?.versions ?? []).map((v) => (
              <option key={v.version} value={v.version}>
                {v.version}
              </option>
            ))}
          </select>
        </div>
        <a className="button-link" href={`/api/forms/${encodeURIComponent(id)}/submissions.csv${version ? `?version=${version}` : ''}`} download>
          {t('submissions.export')}
        </a>
      </div>
      <QueryState query={answers}>
        {(data) => (
          <>
            <p>{t('submissions.count', { count: data.total })}</p>
            <DataTable
              caption={t('submissions.heading', { name })}
              captionHidden
              columns={columnsOf(data)}
              rows={data.submissions}
              rowKey={(s) => s.id}
              emptyText={t('submissions.none')}
              spanningCell={(s) =>
                s.answers ? undefined : { from: 2, className: 'erased', content: t('submissions.erased', { date: new Date(s.erasedAt ?? s.submittedAt).toLocaleDateString(i18n.language) }) }
              }
              serverPaging={{ page: data.page, pageSize: data.pageSize, total: data.total, onPageChange: goTo }}
              busy={answers.isPlaceholderData}
            />
          </>
        )}
      </QueryState>
    </section>
  );
}
